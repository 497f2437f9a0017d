import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { Simulator } from '../simulator/index.js';
import { EXCHANGE_2016 } from '../src/catalog/exchange2016/index.js';
import { compilePlan } from '../src/compile/plan.js';
import type { Deployment } from '../src/model/deployment.js';
import { runCommand } from './helpers/bash-run.js';
import { planScript } from './helpers/bash-script.js';
import { assertStateMatchesPlan } from './helpers/e2e-state.js';
import { bothScripts, type PsSite, type Twin, withDeployPs } from './helpers/ps-sites.js';
import {
  findPwsh,
  PwshSession,
  psArgs,
  pwshEnv,
  runPwsh,
  runPwshAnswering,
  skipNotice,
  writeDeployPs,
} from './helpers/pwsh-run.js';
import { lastLine, writesAfter } from './helpers/run-output.js';
import { anyEnv, deploy, eachAtOnce, setUp } from './helpers/setup.js';
import { call } from './helpers/sim-client.js';

// What a site owns, for every fixture and both scripts: objects made by hand at the site's identities
// (from the guide, with its names) are not the site's until apply --adopt takes them over; remove
// asks before it deletes, and deletes nothing when it cannot ask. Both scripts here keep their owned
// list where a user's do: deploy.owned.tsv beside them (LM_OWNED empty).

const setup = setUp('bt-owned-');
const pwsh = findPwsh();
if (!pwsh) skipNotice('deploy.ps1 in the ownership tests (test/e2e-ownership.test.ts)');

// Each deploy.ps1 beside its deploy.sh: the two share one owned list, as in a site's folder.
type Site = PsSite;
let sites: Site[] = [];
test.before(async () => {
  sites = withDeployPs(await setup.fixtureSites(), (site) => dirname(site.script.path));
});

const BESIDE = { LM_OWNED: '' };
const listOf = (site: Site) => join(dirname(site.script.path), 'deploy.owned.tsv');
const writesOf = (sims: readonly Simulator[], marks: readonly number[]) =>
  sims.flatMap((s, i) => writesAfter(s, marks[i]));

/** Runs deploy.sh and deploy.ps1 alike (see bothScripts), each keeping its owned list beside it. */
const both = (
  site: Site,
  sim: Simulator,
  twin: Twin | undefined,
  bash: readonly string[],
  ps: readonly string[],
  label: string,
) => bothScripts(site, sim, twin, { bash, ps, label }, { env: BESIDE });

test("every fixture: a Virtual Service and a content rule made by hand from the guide are shown as not the site's, left alone by apply, taken over by apply --adopt, then removed", async () => {
  await eachAtOnce(sites, 2, async (site) => {
    const sim = await setup.siteSimulator(site.deployment);
    const other = pwsh ? await setup.siteSimulator(site.deployment) : undefined;
    const twin =
      pwsh && other
        ? { sim: other, session: new PwshSession(pwsh, { ...psArgs(other).env, ...BESIDE }) }
        : undefined;
    const sims = other ? [sim, other] : [sim];
    try {
      await ownershipLife(site, sim, twin, sims);
    } finally {
      await twin?.session.close();
      await Promise.all(sims.map((s) => s.stop()));
    }
  });
});

/** One fixture's life beside objects made by hand at its identities (see the test above). */
async function ownershipLife(
  site: Site,
  sim: Simulator,
  twin: { sim: Simulator; session: PwshSession } | undefined,
  sims: readonly Simulator[],
): Promise<void> {
  const label = site.name;
  const other = twin?.sim;
  // By hand, from the guide: the site's first Virtual Service, with its address and nickname, and
  // its first content rule, with its pattern.
  const vs = site.plan.steps.find((s) => s.kind === 'vs');
  const rule = site.plan.steps.find((s) => s.kind === 'rule');
  if (vs?.kind !== 'vs') throw new Error(`${label}: no Virtual Service`);
  for (const s of sims) {
    const made = { vs: vs.address, port: String(vs.port), prot: vs.prot, NickName: vs.nickname };
    assert.is((await call(s, 'addvs', made)).status, 200);
    if (rule?.kind === 'rule')
      assert.is((await call(s, 'addrule', { name: rule.name, pattern: '/^\\/by-hand.*/' })).status, 200);
  }
  const byHand = sim.state();
  const foreign = [
    `${vs.title}: exists, not the site's`,
    ...(rule ? [`${rule.title}: exists, not the site's`] : []),
  ];

  const plan = await both(site, sim, twin, ['plan'], ['-Plan'], 'plan beside objects made by hand');
  assert.is(plan.code, 1, `${label}: apply would stop: ${plan.stdout}`);
  for (const f of foreign)
    assert.ok(plan.stdout.includes(`! foreign    ${f} (left alone)\n`), `${label}: ${f}`);
  assert.match(
    lastLine(plan.stdout),
    new RegExp(`^plan: \\d+ to create, \\d+ to change, \\d+ unchanged, ${foreign.length} foreign$`),
  );
  assert.match(
    plan.stderr,
    /that is not this site's: the owned list \('[^']+'\) does not name it\. apply --adopt takes it over/,
  );

  let marks = sims.map((s) => s.calls().length);
  const refused = await both(site, sim, twin, [], [], 'apply without --adopt');
  assert.is(refused.code, 1, refused.stdout);
  assert.match(refused.stderr, /failed at step: the checks before any change\n {2}nothing was changed:/);
  assert.equal(writesOf(sims, marks), [], `${label}: apply leaves what is not the site's alone`);
  assert.equal(sim.state(), byHand, `${label}: nothing changed`);
  assert.not.ok(existsSync(listOf(site)), `${label}: no owned list yet`);

  const preview = await both(site, sim, twin, ['plan', '--adopt'], ['-Plan', '-Adopt'], 'plan --adopt');
  assert.is(preview.code, 2, preview.stdout);
  assert.ok(
    preview.stdout.includes(`+ adopt      ${vs.title} (exists, not the site's until apply `),
    preview.stdout,
  );

  const adopted = await both(site, sim, twin, ['apply', '--adopt'], ['-Adopt'], 'apply --adopt');
  assert.is(adopted.code, 0, `${label}: ${adopted.stderr}`);
  assertStateMatchesPlan(sim.state(), site.plan);
  const index = sim
    .state()
    .vss.find((v) => v.parent === 0 && v.address === vs.address && v.port === vs.port)?.index;
  const port = new URL(sim.url).port;
  const list = readFileSync(listOf(site), 'utf8');
  assert.ok(list.includes(`127.0.0.1:${port}\tvs\t${vs.address} ${vs.port} ${vs.prot}\t${index}\n`), list);
  if (rule?.kind === 'rule') assert.ok(list.includes(`127.0.0.1:${port}\trule\t${rule.name}\t-\n`), list);
  if (other)
    assert.ok(list.includes(`127.0.0.1:${new URL(other.url).port}\tvs\t`), 'both scripts share the list');

  const quiet = await both(site, sim, twin, ['plan'], ['-Plan'], 'plan after apply --adopt');
  assert.is(quiet.code, 0, quiet.stdout);
  assert.match(lastLine(quiet.stdout), /^plan: 0 to create, 0 to change, \d+ unchanged, 0 foreign$/);

  marks = sims.map((s) => s.calls().length);
  const remove = await both(site, sim, twin, ['remove', '--yes'], ['-Remove', '-Force'], 'remove');
  assert.is(remove.code, 0, `${label}: ${remove.stdout}${remove.stderr}`);
  assert.equal(sim.state().vss, [], `${label}: the adopted service is the site's, and goes`);
  assert.equal(sim.state().rules, [], label);
  assert.not.ok(
    readFileSync(listOf(site), 'utf8').includes(`127.0.0.1:${port}\t`),
    `${label}: the list forgets it`,
  );
  assert.ok(writesOf(sims, marks).length > 0);
}

test('two sites on one appliance: the second names its content rules with a prefix, and each lives and goes without touching the other (deploy.sh for one, deploy.ps1 for the other)', async () => {
  const a = sites.find((s) => s.name === 'example') as Site;
  const moved = (d: Deployment, extra: Partial<Deployment>): Deployment => ({
    ...d,
    services: d.services.map((s) => ({ ...s, address: '192.168.10.48' })),
    ...extra,
  });
  const siteOf = (d: Deployment, name: string): Site => {
    const plan = compilePlan(EXCHANGE_2016, d);
    const script = setup.script(planScript(plan));
    return { name, deployment: d, plan, script, ps: writeDeployPs(dirname(script.path), plan) };
  };
  const b = siteOf(moved(a.deployment, { contentRules: { prefix: 'b' } }), 'example, prefixed');
  const clash = siteOf(moved(a.deployment, {}), 'example, moved');
  const sim = await setup.siteSimulator(a.deployment);
  assert.is((await deploy(a, sim, [], BESIDE)).code, 0);
  const aOnly = sim.state();
  // The guide's rule names are taken: the same site at another address would use site A's rules.
  const taken = await deploy(clash, sim, ['plan'], BESIDE);
  assert.is(taken.code, 1, taken.stdout);
  assert.match(taken.stdout, /^x problem {4}content rule 'ActiveSync' exists and is not this site's/m);
  const bRules = b.plan.steps.flatMap((s) => (s.kind === 'rule' ? [s.name] : []));
  assert.ok(bRules.length > 0 && bRules.every((r) => r.startsWith('b')), bRules.join(' '));
  const withB = pwsh
    ? await runPwsh(pwsh, b.ps, psArgs(sim).args, { ...psArgs(sim).env, ...BESIDE })
    : await deploy(b, sim, [], BESIDE);
  assert.is(withB.code, 0, withB.stdout + withB.stderr);
  assert.equal(
    sim
      .state()
      .rules.map((r) => r.name)
      .sort(),
    [...aOnly.rules.map((r) => r.name), ...bRules].sort(),
    "both sites' rules, side by side",
  );
  const aPlan = await deploy(a, sim, ['plan'], BESIDE);
  assert.is(aPlan.code, 0, aPlan.stdout);
  assert.match(lastLine(aPlan.stdout), /, 0 foreign$/);
  const goneB = pwsh
    ? await runPwsh(pwsh, b.ps, psArgs(sim, ['-Remove', '-Force']).args, { ...psArgs(sim).env, ...BESIDE })
    : await deploy(b, sim, ['remove', '--yes'], BESIDE);
  assert.is(goneB.code, 0, goneB.stdout + goneB.stderr);
  assert.equal(sim.state().vss, aOnly.vss, 'site A is as it was');
  assert.equal(sim.state().rules, aOnly.rules, "site A's rules are as they were");
});

test("a service of the site deleted and made again by hand at its address, with its name, is not the site's: the owned list holds the Index the LoadMaster gave (both scripts)", async () => {
  const site = sites.find((s) => s.name === 'example') as Site;
  const vs = site.plan.steps.find((s) => s.kind === 'vs');
  if (vs?.kind !== 'vs') throw new Error('no Virtual Service');
  for (const script of pwsh ? ['deploy.sh', 'deploy.ps1'] : ['deploy.sh']) {
    const sim = await setup.siteSimulator(site.deployment);
    const run = (args: string[], ps: string[]) =>
      script === 'deploy.sh'
        ? deploy(site, sim, args)
        : runPwsh(pwsh as string, site.ps, psArgs(sim, ps).args, psArgs(sim).env);
    assert.is((await run([], [])).code, 0, script);
    const old = sim.state().vss.find((v) => v.parent === 0 && v.address === vs.address && v.port === vs.port);
    await call(sim, 'delvs', { vs: String(old?.index) });
    await call(sim, 'addvs', { vs: vs.address, port: String(vs.port), prot: vs.prot, NickName: vs.nickname });
    const plan = await run(['plan'], ['-Plan']);
    assert.is(plan.code, 1, `${script}: ${plan.stdout}`);
    assert.ok(
      plan.stdout.includes(`! foreign    ${vs.title}: exists, not the site's (left alone)`),
      `${script}: ${plan.stdout}`,
    );
  }
});

/** The example site, applied on a simulator of its own, with its own owned list. */
async function applied(): Promise<{ site: Site; sim: Simulator }> {
  const site = sites.find((s) => s.name === 'example') as Site;
  const sim = await setup.siteSimulator(site.deployment);
  assert.is((await deploy(site, sim)).code, 0);
  return { site, sim };
}

test('deploy.sh remove at a terminal lists what it would delete and deletes only after "yes"', async () => {
  const { site, sim } = await applied();
  const env = anyEnv(sim, { LM_DELAY: '0' });
  const atTerminal = (answer: string) =>
    runCommand('script', ['-qec', `bash ${site.script.path} remove`, '/dev/null'], env, {
      input: `${answer}\n`,
    });
  const mark = sim.calls().length;
  const no = await atTerminal('no');
  assert.is(no.code, 1, no.stdout);
  assert.match(no.stdout, /^- delete {5}Virtual Service /m);
  assert.match(no.stdout, /Delete the \d+ objects listed "- delete"\? Type yes to go on: /);
  assert.match(no.stdout, /nothing was deleted/);
  assert.equal(writesAfter(sim, mark), [], 'an answer other than yes deletes nothing');
  const yes = await atTerminal('yes');
  assert.is(yes.code, 0, yes.stdout);
  assert.match(yes.stdout, /remove: \d+ removed, 0 kept, 0 not there/);
  assert.equal(sim.state().vss, []);
});

if (pwsh) {
  test('deploy.ps1 -Remove asks one question: no deletes nothing, yes deletes; a non-interactive session without -Force deletes nothing', async () => {
    const { site, sim } = await applied();
    const ps = writeDeployPs(setup.dir(), site.plan);
    const { args, env } = psArgs(sim, ['-Remove']);
    const mark = sim.calls().length;
    const lone = await runCommand(
      pwsh,
      ['-NoProfile', '-NonInteractive', '-File', ps, ...args],
      pwshEnv(env),
    );
    assert.is(lone.code, 1, lone.stdout);
    assert.match(lone.stderr, /there is no one to ask \(a non-interactive session\):\n {2}give -Force/);
    const no = await runPwshAnswering(pwsh, ps, args, env, 'n\n');
    assert.is(no.code, 1, no.stdout);
    assert.match(no.stdout, /Delete the \d+ objects listed "- delete"\?/);
    assert.equal(writesAfter(sim, mark), [], 'refused or declined, -Remove deletes nothing');
    const yes = await runPwshAnswering(pwsh, ps, args, env, 'y\n');
    assert.is(yes.code, 0, yes.stdout + yes.stderr);
    assert.equal(sim.state().vss, []);
  });
}

if (pwsh) {
  test('deploy.ps1 -Adopt -WhatIf takes nothing over: no call that writes, no owned list written', async () => {
    const site = sites.find((s) => s.name === 'example') as Site;
    const sim = await setup.siteSimulator(site.deployment);
    const vs = site.plan.steps.find((s) => s.kind === 'vs');
    if (vs?.kind !== 'vs') throw new Error('no Virtual Service');
    await call(sim, 'addvs', { vs: vs.address, port: String(vs.port), prot: vs.prot, NickName: vs.nickname });
    const list = join(setup.dir(), 'owned.tsv');
    const { args, env } = psArgs(sim, ['-Adopt', '-WhatIf', '-OwnedList', list]);
    const mark = sim.calls().length;
    const run = await runPwsh(pwsh, site.ps, args, env);
    assert.is(run.code, 0, run.stdout + run.stderr);
    assert.match(run.stdout, /^ {4}would be adopted \(-WhatIf\): the owned list is not written$/m);
    assert.equal(writesAfter(sim, mark), []);
    assert.not.ok(existsSync(list), 'no owned list');
  });
}

test('an owned list that cannot be read or written stops the run before any change, in both scripts', async () => {
  const { site, sim } = await applied();
  const ps = writeDeployPs(setup.dir(), site.plan);
  const bad = join(setup.dir(), 'owned.tsv');
  writeFileSync(bad, `127.0.0.1:1\tvs\t10.0.0.1 443 tcp\t$(touch /tmp/x)\n`);
  const runs = async (on: Simulator, bashArgs: string[], psSwitch: string[], env: Record<string, string>) => [
    await deploy(site, on, bashArgs, env),
    ...(pwsh ? [await runPwsh(pwsh, ps, psArgs(on, psSwitch).args, { ...psArgs(on).env, ...env })] : []),
  ];
  const mark = sim.calls().length;
  for (const run of await runs(sim, ['remove', '--yes'], ['-Remove', '-Force'], { LM_OWNED: bad })) {
    assert.is(run.code, 1, run.stdout);
    assert.match(run.stderr, /owned\.tsv line 1: not a line of the owned list/);
  }
  assert.equal(sim.calls().length, mark, 'not one call');
  // A list in a place that cannot be written: apply reads and checks, and changes nothing.
  const empty = await setup.siteSimulator(site.deployment);
  for (const run of await runs(empty, [], [], { LM_OWNED: '/dev/null/owned.tsv' })) {
    assert.is(run.code, 1, run.stdout);
    assert.match(run.stderr, /cannot write the owned list '\/dev\/null\/owned\.tsv'.*nothing was changed/);
  }
  assert.equal(writesAfter(empty), [], 'nothing made');
});

test.run();
