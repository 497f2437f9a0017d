import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { Simulator } from '../simulator/index.js';
import { assertStateMatchesPlan } from './helpers/e2e-state.js';
import { foreignHome, handChanges } from './helpers/hand-changes.js';
import { bothScripts, type PsSite, type Twin, withDeployPs } from './helpers/ps-sites.js';
import { findPwsh, PwshSession, psArgs, skipNotice } from './helpers/pwsh-run.js';
import { lastLine, vsIndex, writesAfter } from './helpers/run-output.js';
import { deploy, eachAtOnce, setUp } from './helpers/setup.js';
import { call } from './helpers/sim-client.js';

// Each fixture's whole life with deploy.sh and, beside it on an appliance of its own, deploy.ps1
// under PowerShell 7: after every stage both appliances hold the same, object by object, and both
// scripts printed the same, line for line (but for the differences that assertSameRun allows, each
// with its reason, in helpers/run-output.ts).

const setup = setUp('bt-lifecycle-');
const pwsh = findPwsh();
if (!pwsh) skipNotice('deploy.ps1 beside deploy.sh in the lifecycle (test/e2e-lifecycle.test.ts)');

type Site = PsSite;
let sites: Site[] = [];
test.before(async () => {
  sites = withDeployPs(await setup.fixtureSites(), () => setup.dir());
});

const calls = (sim: Simulator) => sim.calls().length;
/** Each appliance took no write call since its mark. */
function assertNoWrites(sims: readonly Simulator[], marks: readonly number[], what: string): void {
  for (const [i, s] of sims.entries()) assert.equal(writesAfter(s, marks[i]), [], what);
}

/** Each run of the lifecycle: deploy.sh's arguments, and deploy.ps1's that mean the same. */
const RUNS = {
  apply: [[], []],
  plan: [['plan'], ['-Plan']],
  'plan --remove': [
    ['plan', '--remove'],
    ['-Plan', '-Remove'],
  ],
  'remove --yes': [
    ['remove', '--yes'],
    ['-Remove', '-Force'],
  ],
  'remove --yes --include-foreign': [
    ['remove', '--yes', '--include-foreign'],
    ['-Remove', '-Force', '-IncludeForeign'],
  ],
} as const satisfies Record<string, readonly [readonly string[], readonly string[]]>;
type Action = keyof typeof RUNS;

/** The objects a removal names in its lines: `- delete X` in its plan, `removed: X` when it runs. */
const deleted = (out: string, how: RegExp) => [...out.matchAll(how)].map((m) => m[1]);

/** Runs an action with both scripts (see bothScripts). */
const both = (
  site: Site,
  a: Simulator,
  twin: Twin | undefined,
  action: Action,
  stage: string,
  caFile = false,
) =>
  bothScripts(
    site,
    a,
    twin,
    { bash: RUNS[action][0], ps: RUNS[action][1], label: `${action} ${stage}` },
    { caFile },
  );

test("every fixture's whole life, deploy.sh and deploy.ps1 side by side: apply, plan finds nothing, hand changes are named and restored, foreign objects stay, a removal planned, refused without --yes, keeping what is not the site's, then whole", async () => {
  // Each fixture on its own simulator, two at a time.
  await eachAtOnce(sites, 2, async (site) => {
    const label = site.name;
    const sim = await setup.siteSimulator(site.deployment);
    // deploy.ps1's runs, one after another in one PowerShell session, as at a console.
    const other = pwsh ? await setup.siteSimulator(site.deployment) : undefined;
    const twin =
      pwsh && other ? { sim: other, session: new PwshSession(pwsh, psArgs(other).env) } : undefined;
    const sims = other ? [sim, other] : [sim];

    await both(site, sim, twin, 'plan', 'on an empty appliance', true);

    // A clean apply ends as the plan says, with nothing the appliance would ignore.
    const apply = await both(site, sim, twin, 'apply', 'on an empty appliance');
    assert.is(apply.code, 0, `${label}: ${apply.stderr}`);
    assert.match(lastLine(apply.stdout), /^apply: \d+ created, \d+ changed, 0 unchanged$/, label);
    if (site.deployment.globals)
      assert.match(
        apply.stdout,
        /global settings before this run \(for a roll-back\):\n {2}subnetorigin 'no'\n/,
      );
    assertStateMatchesPlan(sim.state(), site.plan);
    assert.equal(sim.ignored(), [], `${label}: parameters the appliance would ignore`);

    // plan right after: exit 0, nothing but reads.
    let marks = sims.map(calls);
    const quiet = await both(site, sim, twin, 'plan', 'after apply');
    assert.is(quiet.code, 0, `${label}: ${quiet.stdout}${quiet.stderr}`);
    assert.match(lastLine(quiet.stdout), /^plan: 0 to create, 0 to change, \d+ unchanged, 0 foreign$/, label);
    assertNoWrites(sims, marks, `${label}: plan writes nothing`);

    // A second apply makes zero write calls.
    marks = sims.map(calls);
    const again = await both(site, sim, twin, 'apply', 'again');
    assert.is(again.code, 0, again.stderr);
    assert.match(lastLine(again.stdout), /^apply: 0 created, 0 changed, \d+ unchanged$/, label);
    assertNoWrites(sims, marks, `${label}: a second apply writes nothing`);

    // Parameters changed by hand: plan exits 2 naming each, apply restores them.
    const changes = handChanges(site, sim);
    assert.ok(changes.length > 0, label);
    for (const s of sims)
      for (const c of handChanges(site, s))
        assert.is((await call(s, c.command, c.params)).status, 200, c.command);
    const drift = await both(site, sim, twin, 'plan', 'after changes by hand');
    assert.is(drift.code, 2, `${label}: ${drift.stdout}${drift.stderr}`);
    for (const c of changes)
      assert.ok(drift.stdout.includes(`      ${c.shown}\n`), `${label}: ${c.shown}\n${drift.stdout}`);
    assert.match(
      lastLine(drift.stdout),
      new RegExp(`^plan: 0 to create, ${changes.length} to change, \\d+ unchanged, 0 foreign$`),
    );
    const restore = await both(site, sim, twin, 'apply', 'after changes by hand');
    assert.is(restore.code, 0, restore.stderr);
    assert.match(
      lastLine(restore.stdout),
      new RegExp(`^apply: 0 created, ${changes.length} changed, \\d+ unchanged$`),
    );
    assertStateMatchesPlan(sim.state(), site.plan);

    // A real server the site does not name: plan reports it, apply leaves it.
    const home = foreignHome(site, sim);
    const port = '8080';
    for (const s of sims) {
      const at = String(foreignHome(site, s).index);
      assert.is((await call(s, 'addrs', { vs: at, rs: '10.99.99.99', rsport: port })).status, 200);
    }
    const foreign = await both(site, sim, twin, 'plan', 'with a foreign real server');
    assert.is(foreign.code, 0, `${label}: foreign objects alone change nothing: ${foreign.stdout}`);
    assert.ok(
      foreign.stdout.includes(
        `! foreign    real server 10.99.99.99:${port} in ${home.within} (left alone)\n`,
      ),
      foreign.stdout,
    );
    assert.match(lastLine(foreign.stdout), /^plan: 0 to create, 0 to change, \d+ unchanged, 1 foreign$/);
    marks = sims.map(calls);
    const keep = await both(site, sim, twin, 'apply', 'with a foreign real server');
    assert.is(keep.code, 0, keep.stderr);
    assertNoWrites(sims, marks, `${label}: apply leaves the foreign real server alone`);
    assertStateMatchesPlan(sim.state(), site.plan, { members: { [home.index]: 1 } });

    // A SubVS made by hand in a Virtual Service of the site's that has SubVSs.
    const parentStep = site.plan.steps.find(
      (p) => p.kind === 'vs' && site.plan.steps.some((q) => q.kind === 'subvs' && q.parent === p.ref),
    );
    for (const s of parentStep?.kind === 'vs' ? sims : []) {
      if (parentStep?.kind !== 'vs') break;
      const parent = vsIndex(s, parentStep.address, parentStep.port);
      const before = new Set(s.state().vss.map((v) => v.index));
      await call(s, 'modvs', { vs: String(parent), createsubvs: '' });
      const made = s.state().vss.find((v) => !before.has(v.index));
      await call(s, 'modvs', { vs: String(made?.index), NickName: 'HandMade' });
    }
    const handMade = parentStep?.kind === 'vs' ? [`SubVS 'HandMade' in ${parentStep.title}`] : [];

    // remove: an unrelated Virtual Service, its rule and a site rule it uses stay; so does what was
    // made by hand in the site's services, with what holds it, until --include-foreign.
    const siteRules = site.plan.steps.flatMap((s) => (s.kind === 'rule' ? [s.name] : []));
    const shared = siteRules[0];
    for (const s of sims) {
      await call(s, 'addvs', { vs: '10.200.0.1', port: '8443', prot: 'tcp', nickname: 'Unrelated' });
      const other = vsIndex(s, '10.200.0.1', 8443);
      await call(s, 'addrs', { vs: String(other), rs: '10.200.1.1', rsport: '8443' });
      const otherRs = s.state().vss.find((v) => v.index === other)?.members[0]?.rsIndex;
      await call(s, 'addrule', { name: 'Unrelated', pattern: '/^\\/other.*/' });
      await call(s, 'addrsrule', { vs: String(other), rs: `!${otherRs}`, rule: 'Unrelated' });
      if (shared) await call(s, 'addrsrule', { vs: String(other), rs: `!${otherRs}`, rule: shared });
    }
    const globalsBefore = sim.state().globals;

    // The removal's plan only reads, and lists what remove then deletes, object by object.
    marks = sims.map(calls);
    const preview = await both(site, sim, twin, 'plan --remove', 'with foreign objects');
    assertNoWrites(sims, marks, `${label}: plan --remove writes nothing`);
    assert.is(preview.code, 2, `${label}: ${preview.stdout}${preview.stderr}`);
    assert.match(lastLine(preview.stdout), /^plan: \d+ to delete, \d+ kept$/);
    for (const f of [`real server 10.99.99.99:${port} in `, ...handMade])
      assert.match(
        preview.stdout,
        new RegExp(`^! keep {7}${f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}.*: not the site's$`, 'm'),
      );

    // Without a terminal and without --yes, remove deletes nothing.
    marks = sims.map(calls);
    const unasked = await deploy(site, sim, ['remove']);
    assert.is(unasked.code, 1, unasked.stdout);
    assert.match(unasked.stderr, /there is none:\n {2}give --yes/);
    assertNoWrites([sim], marks, `${label}: remove without --yes writes nothing`);

    const remove = await both(site, sim, twin, 'remove --yes', 'beside an unrelated service');
    assert.is(remove.code, 3, `${label}: ${remove.stdout}${remove.stderr}`);
    assert.equal(
      deleted(remove.stdout, /^ {4}removed: (.*)$/gm),
      deleted(preview.stdout, /^- delete {5}(.*)$/gm),
      `${label}: remove deletes what its plan listed`,
    );
    const [, toDelete, kept] = /^plan: (\d+) to delete, (\d+) kept$/.exec(lastLine(preview.stdout)) ?? [];
    assert.is(lastLine(remove.stdout), `remove: ${toDelete} removed, ${kept} kept, 0 not there`);
    let after = sim.state();
    assert.ok(
      after.vss.some((v) => v.members.some((m) => m.addr === '10.99.99.99')),
      `${label}: the foreign real server survives`,
    );
    if (handMade.length > 0)
      assert.ok(
        after.vss.some((v) => v.params.Nickname === 'HandMade'),
        `${label}: the hand-made SubVS survives`,
      );

    // --include-foreign deletes those too, naming each first.
    const whole = await both(site, sim, twin, 'remove --yes --include-foreign', 'with foreign objects');
    assert.is(whole.code, shared ? 3 : 0, `${label}: ${whole.stdout}${whole.stderr}`);
    for (const f of [`real server 10.99.99.99:${port} in `, ...handMade])
      assert.ok(
        whole.stdout.includes(`      with it, not the site's: ${f}`),
        `${label}: ${f}\n${whole.stdout}`,
      );
    after = sim.state();
    assert.equal(
      after.vss.map((v) => [v.address, v.port, v.params.Nickname]),
      [['10.200.0.1', 8443, 'Unrelated']],
      label,
    );
    assert.equal(
      after.vss[0]?.members.map((m) => [m.addr, m.rules]),
      [['10.200.1.1', ['Unrelated', ...(shared ? [shared] : [])]]],
    );
    assert.equal(after.rules.map((r) => r.name).sort(), ['Unrelated', ...(shared ? [shared] : [])].sort());
    assert.equal(after.globals, globalsBefore, 'global settings stay');
    if (site.deployment.globals)
      assert.match(remove.stdout, /left as they are: subnetorigin expect100 addforwardheader/);

    // A third remove changes nothing.
    marks = sims.map(calls);
    const twice = await both(site, sim, twin, 'remove --yes', 'again');
    assert.is(twice.code, shared ? 3 : 0, twice.stderr);
    assertNoWrites(sims, marks, `${label}: a removal of nothing writes nothing`);
    assert.is(
      lastLine(twice.stdout),
      `remove: 0 removed, ${shared ? 1 : 0} kept, ${site.plan.removal.length - (site.deployment.globals ? 1 : 0) - (shared ? 1 : 0)} not there`,
    );
    await twin?.session.close();
    await Promise.all(sims.map((s) => s.stop()));
  });
});

test.run();
