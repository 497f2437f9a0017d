import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { ReplyVariant } from '../simulator/index.js';
import { bothScripts, type Runner } from './helpers/both-scripts.js';
import { assertStateMatchesPlan } from './helpers/e2e-state.js';
import { findPwsh, skipNotice } from './helpers/pwsh-run.js';
import { lastLine, vsIndex, writesAfter } from './helpers/run-output.js';
import { eachAtOnce, type FixtureSite, setUp } from './helpers/setup.js';
import { call } from './helpers/sim-client.js';

const setup = setUp('bt-variants-');
const pwsh = findPwsh();
if (!pwsh)
  skipNotice(
    'deploy.ps1 on an appliance that never shows the unconfirmed ESP fields (test/e2e-variants.test.ts)',
  );
let sites: FixtureSite[] = [];
test.before(async () => {
  sites = await setup.fixtureSites();
});

/** The site's scripts: deploy.sh, and deploy.ps1 when `withPs` and PowerShell 7 is here. */
const runners = (site: FixtureSite, withPs: boolean): Runner[] =>
  bothScripts(site, setup.dir(), withPs ? pwsh : undefined);

/** Each reply shape an appliance might give where the public evidence is thin. */
const VARIANTS: readonly ReplyVariant[] = [
  { bareListing: true },
  { rulesOnlyInShowrs: true },
  { uncountedRules: true },
  { wrappedShowvs: true },
  { everyField: true },
  { plainReplies: true },
  { newSubVsReply: true },
  { bareSuccess: true },
  { getAsText: true },
];
/** The shapes deploy.ps1 reads by code of its own (the others, by the code deploy.sh's tests prove too). */
const PS_VARIANTS: readonly ReplyVariant[] = [
  { uncountedRules: true },
  { bareSuccess: true },
  { getAsText: true },
];
const ALL: ReplyVariant = Object.assign({}, ...VARIANTS);

/**
 * A site's life on an appliance that answers in the variant's shape: apply ends as the plan says,
 * plan then finds nothing and writes nothing, and remove keeps a rule another Virtual Service uses.
 */
async function life(site: FixtureSite, variant: ReplyVariant, script: Runner): Promise<void> {
  const label = `${script.name} ${site.name} ${JSON.stringify(variant)}`;
  const sim = await setup.siteSimulator(site.deployment, { variant });
  const apply = await script.run(sim, 'apply');
  assert.is(apply.code, 0, `${label}: ${apply.stderr}`);
  assertStateMatchesPlan(sim.state(), site.plan);
  let mark = sim.calls().length;
  const plan = await script.run(sim, 'plan');
  assert.is(plan.code, 0, `${label}: ${plan.stdout}`);
  assert.equal(writesAfter(sim, mark), [], label);
  const rule = site.plan.steps.find((s) => s.kind === 'rule');
  if (rule?.kind === 'rule') {
    await call(sim, 'addvs', { vs: '10.200.0.1', port: '8443', prot: 'tcp', nickname: 'Unrelated' });
    const other = vsIndex(sim, '10.200.0.1', 8443);
    await call(sim, 'addrs', { vs: String(other), rs: '10.200.1.1', rsport: '8443' });
    const rs = sim.state().vss.find((v) => v.index === other)?.members[0]?.rsIndex;
    await call(sim, 'addrsrule', { vs: String(other), rs: `!${rs}`, rule: rule.name });
  }
  mark = sim.calls().length;
  const preview = await script.run(sim, 'preview');
  assert.is(preview.code, 2, `${label}: ${preview.stdout}${preview.stderr}`);
  assert.equal(writesAfter(sim, mark), [], `${label}: plan --remove writes nothing`);
  const remove = await script.run(sim, 'remove');
  assert.is(remove.code, rule ? 3 : 0, `${label}: ${remove.stderr}`);
  assert.equal(
    [...remove.stdout.matchAll(/^ {4}removed: (.*)$/gm)].map((m) => m[1]),
    [...preview.stdout.matchAll(/^- delete {5}(.*)$/gm)].map((m) => m[1]),
    `${label}: remove deletes what its plan listed`,
  );
  assert.match(
    lastLine(remove.stdout),
    new RegExp(`, ${rule ? 1 : 0} kept, 0 not there$`),
    `${label}: ${remove.stdout}`,
  );
  const left = sim.state();
  assert.equal(
    left.vss.map((v) => v.params.Nickname),
    rule ? ['Unrelated'] : [],
    label,
  );
  if (rule?.kind === 'rule')
    assert.equal(left.vss[0]?.members[0]?.rules, [rule.name], `${label}: the rule in use stays`);
  mark = sim.calls().length;
  assert.is((await script.run(sim, 'remove')).code, rule ? 3 : 0);
  assert.equal(writesAfter(sim, mark), [], `${label}: a second remove writes nothing`);
}

// Each life on its own simulator, two at a time.
test('every plausible reply shape, one at a time: the example site lives and dies as on the evidenced shapes', async () => {
  const example = sites.find((s) => s.name === 'example');
  if (!example) throw new Error('fixture example is missing');
  const [sh] = runners(example, false);
  if (!sh) throw new Error('no deploy.sh runner');
  await eachAtOnce(VARIANTS, 2, (variant) => life(example, variant, sh));
});

test('the shapes deploy.ps1 reads by code of its own: the example site lives and dies on each, with deploy.ps1', async () => {
  const example = sites.find((s) => s.name === 'example');
  if (!example) throw new Error('fixture example is missing');
  const ps = runners(example, true).filter((r) => r.name === 'deploy.ps1');
  await eachAtOnce(PS_VARIANTS, 1, async (variant) => {
    for (const script of ps) await life(example, variant, script);
  });
});

test('every plausible reply shape at once: the ESP and the no-globals sites live and die', async () => {
  await eachAtOnce(['esp', 'no-globals'], 2, async (name) => {
    const site = sites.find((s) => s.name === name);
    if (!site) throw new Error(`fixture ${name} is missing`);
    for (const script of runners(site, false)) await life(site, ALL, script);
  });
});

test('an appliance that never shows the ESP fields no evidence shows: every ESP fixture applies with those values not verifiable, sent once and never again, in both scripts', async () => {
  const hidden: ReplyVariant = { hideUnconfirmed: true };
  await eachAtOnce(['esp', 'all-templates'], 1, async (name) => {
    const site = sites.find((s) => s.name === name);
    if (!site) throw new Error(`fixture ${name} is missing`);
    const note = /; not verifiable: the appliance does not show (\w+, )*Domain(, \w+)*$/;
    for (const r of runners(site, true)) {
      const label = `${name}, ${r.name}`;
      const sim = await setup.siteSimulator(site.deployment, { variant: hidden });
      const apply = await r.run(sim, 'apply');
      assert.is(apply.code, 0, `${label}: ${apply.stdout}${apply.stderr}`);
      assert.match(lastLine(apply.stdout), /^apply: \d+ created, \d+ changed, 0 unchanged/);
      assert.match(lastLine(apply.stdout), note, label);
      assert.match(
        apply.stdout,
        /not verifiable: the appliance does not show .*\(no evidence says where a reply holds them/,
      );
      // Sent once, when each service was made: the appliance holds the site's values.
      assertStateMatchesPlan(sim.state(), site.plan);
      const mark = sim.calls().length;
      const again = await r.run(sim, 'apply');
      assert.is(again.code, 0, again.stderr);
      assert.match(lastLine(again.stdout), /^apply: 0 created, 0 changed, \d+ unchanged/);
      assert.match(lastLine(again.stdout), note, label);
      assert.equal(writesAfter(sim, mark), [], `${label}: never written twice`);
      const plan = await r.run(sim, 'plan');
      assert.is(plan.code, 0, `${label}: ${plan.stdout}`);
      assert.match(
        lastLine(plan.stdout),
        /^plan: 0 to create, 0 to change, \d+ unchanged, 0 foreign; not verifiable: /,
      );
    }
  });
});

test("a SubVS of the site kept for a real server added by hand: plan --remove and remove agree that its rule stays, in both scripts and every shape of a member's rules", async () => {
  const site = sites.find((s) => s.name === 'example');
  if (!site) throw new Error('fixture example is missing');
  const shapes: ReplyVariant[] = [{}, { rulesOnlyInShowrs: true }, { uncountedRules: true }];
  await eachAtOnce(shapes, 2, async (variant) => {
    for (const script of runners(site, true)) {
      const label = `${script.name} ${JSON.stringify(variant)}`;
      const sim = await setup.siteSimulator(site.deployment, { variant });
      assert.is((await script.run(sim, 'apply')).code, 0, label);
      const slot = sim
        .state()
        .vss.flatMap((v) => v.members)
        .find((m) => m.subVsIndex !== undefined && m.rules.length > 0);
      const rule = slot?.rules[0] ?? '';
      assert.ok(slot?.subVsIndex !== undefined && rule, `${label}: a SubVS with a rule`);
      const added = await call(sim, 'addrs', {
        vs: String(slot.subVsIndex),
        rs: '10.200.1.9',
        rsport: '443',
      });
      assert.is(added.status, 200, label);
      const mark = sim.calls().length;
      const preview = await script.run(sim, 'preview');
      assert.is(preview.code, 2, `${label}: ${preview.stdout}${preview.stderr}`);
      assert.equal(writesAfter(sim, mark), [], `${label}: plan --remove writes nothing`);
      assert.ok(
        new RegExp(`^! keep +content rule ${rule}: Virtual Service \\d+ uses it$`, 'm').test(preview.stdout),
        `${label}: ${preview.stdout}`,
      );
      const remove = await script.run(sim, 'remove');
      assert.is(remove.code, 3, `${label}: ${remove.stdout}${remove.stderr}`);
      assert.equal(
        [...remove.stdout.matchAll(/^ {4}removed: (.*)$/gm)].map((m) => m[1]),
        [...preview.stdout.matchAll(/^- delete {5}(.*)$/gm)].map((m) => m[1]),
        `${label}: remove deletes what its plan listed`,
      );
      assert.ok(
        sim.state().rules.some((r) => r.name === rule),
        `${label}: the rule the kept SubVS uses stays`,
      );
    }
  });
});

test.run();
