import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { ReplyVariant, Simulator } from '../simulator/index.js';
import type { ScriptRun } from './helpers/bash-run.js';
import { bothScripts } from './helpers/both-scripts.js';
import { findPwsh, PwshSession, psArgs, skipNotice, writeDeployPs } from './helpers/pwsh-run.js';
import { assertSameRun, failedStep, vsIndex, writesAfter } from './helpers/run-output.js';
import { deploy, eachAtOnce, type FixtureSite, setUp } from './helpers/setup.js';
import { call } from './helpers/sim-client.js';

// Content rule names are global on a LoadMaster: a rule of one of the site's names that another
// Virtual Service uses, with another pattern, is not the site's to change. Both scripts find it
// before any change, for every fixture with content rules.

const setup = setUp('bt-rules-');
const pwsh = findPwsh();
if (!pwsh) skipNotice("deploy.ps1's check of a rule another service uses (test/e2e-rules.test.ts)");

const OTHER_PATTERN = '/^\\/other.*/';

/** An appliance that already serves another Virtual Service, which uses a rule named `rule`. */
async function sharedAppliance(site: FixtureSite, rule: string): Promise<Simulator> {
  const sim = await setup.siteSimulator(site.deployment);
  await call(sim, 'addrule', { name: rule, pattern: OTHER_PATTERN });
  await call(sim, 'addvs', { vs: '10.200.0.1', port: '8443', prot: 'tcp', nickname: 'Unrelated' });
  const other = vsIndex(sim, '10.200.0.1', 8443);
  await call(sim, 'addrs', { vs: String(other), rs: '10.200.1.1', rsport: '8443' });
  const rs = sim.state().vss.find((v) => v.index === other)?.members[0]?.rsIndex;
  assert.is((await call(sim, 'addrsrule', { vs: String(other), rs: `!${rs}`, rule })).status, 200);
  return sim;
}

/** The run was stopped by the rule, naming it and the service that uses it. */
function assertNamed(run: ScriptRun, rule: string, label: string): void {
  const says = `content rule '${rule}' is not as the site has it (pattern: '${OTHER_PATTERN}' -> `;
  assert.ok(`${run.stdout}${run.stderr}`.includes(says), `${label}: ${run.stdout}${run.stderr}`);
  assert.match(`${run.stdout}${run.stderr}`, /Virtual Service \d+ uses it, which is not this site's/, label);
}

test("a rule of the site's name with another pattern, used by another Virtual Service, stops plan and apply before any change, and stays as it was", async () => {
  const sites = (await setup.fixtureSites()).filter((s) => s.plan.steps.some((t) => t.kind === 'rule'));
  assert.ok(sites.length > 0, 'fixtures with content rules');
  await eachAtOnce(sites, 2, async (site) => {
    const rule = site.plan.steps.find((t) => t.kind === 'rule')?.name ?? '';
    assert.ok(rule, `${site.name}: a content rule`);
    const sim = await sharedAppliance(site, rule);
    const plan = await deploy(site, sim, ['plan']);
    assert.is(plan.code, 1, `${site.name}: plan: ${plan.stdout}${plan.stderr}`);
    assert.ok(plan.stdout.includes(`x problem    content rule '${rule}'`), `${site.name}: ${plan.stdout}`);
    assertNamed(plan, rule, `${site.name}: plan`);
    const mark = sim.calls().length;
    const apply = await deploy(site, sim);
    assert.is(apply.code, 1, `${site.name}: apply: ${apply.stdout}${apply.stderr}`);
    assert.is(failedStep(apply.stderr), 'the checks before any change', apply.stderr);
    assertNamed(apply, rule, `${site.name}: apply`);
    assert.equal(writesAfter(sim, mark), [], `${site.name}: apply wrote nothing`);
    assert.is(sim.state().rules.find((r) => r.name === rule)?.params.pattern, OTHER_PATTERN);

    if (!pwsh) return;
    const twin = await sharedAppliance(site, rule);
    const { args, env } = psArgs(twin);
    const session = new PwshSession(pwsh, env);
    const path = writeDeployPs(setup.dir(), site.plan);
    const psPlan = await session.run(path, [...args, '-Plan']);
    const psMark = twin.calls().length;
    const psApply = await session.run(path, args);
    await session.close();
    assertSameRun(psPlan, plan, `${site.name}: deploy.ps1 plan`);
    assertSameRun(psApply, apply, `${site.name}: deploy.ps1 apply`);
    assert.equal(writesAfter(twin, psMark), [], `${site.name}: deploy.ps1 apply wrote nothing`);
    assert.equal(twin.state(), sim.state(), `${site.name}: the same appliance after either script`);
  });
});

/**
 * The site applied by one of the scripts, then its first rule attached by hand to a real server of
 * another Virtual Service and its pattern edited there: the rule is the site's, the use is not.
 */
async function usedByHand(
  site: FixtureSite,
  variant: ReplyVariant,
  apply: (sim: Simulator) => Promise<ScriptRun>,
): Promise<{ sim: Simulator; rule: string }> {
  const rule = site.plan.steps.find((t) => t.kind === 'rule')?.name ?? '';
  const sim = await setup.siteSimulator(site.deployment, { variant });
  const made = await apply(sim);
  assert.is(made.code, 0, `${made.stdout}${made.stderr}`);
  await call(sim, 'addvs', { vs: '10.200.0.1', port: '8443', prot: 'tcp', nickname: 'Unrelated' });
  const other = vsIndex(sim, '10.200.0.1', 8443);
  await call(sim, 'addrs', { vs: String(other), rs: '10.200.1.1', rsport: '8443' });
  const rs = sim.state().vss.find((v) => v.index === other)?.members[0]?.rsIndex;
  assert.is((await call(sim, 'addrsrule', { vs: String(other), rs: `!${rs}`, rule })).status, 200);
  assert.is((await call(sim, 'modrule', { name: rule, pattern: OTHER_PATTERN })).status, 200);
  return { sim, rule };
}

test("the site's rule, attached by hand to another service's real server: plan and apply refuse to change it, remove keeps it, in both scripts, also where only showrs tells a real server's rules", async () => {
  const site = (await setup.fixtureSites()).find((s) => s.name === 'example');
  if (!site) throw new Error('fixture example is missing');
  const variants: ReplyVariant[] = [{}, { uncountedRules: true }];
  await eachAtOnce(variants, 1, async (variant) => {
    for (const script of bothScripts(site, setup.dir(), pwsh)) {
      const label = `${script.name} ${JSON.stringify(variant)}`;
      const { sim, rule } = await usedByHand(site, variant, (s) => script.run(s, 'apply'));
      const uses = /Virtual Service \d+ uses it/;
      const plan = await script.run(sim, 'plan');
      assert.is(plan.code, 1, `${label}: plan: ${plan.stdout}${plan.stderr}`);
      assert.match(`${plan.stdout}${plan.stderr}`, uses, `${label}: plan`);
      let mark = sim.calls().length;
      const apply = await script.run(sim, 'apply');
      assert.is(apply.code, 1, `${label}: apply: ${apply.stdout}${apply.stderr}`);
      assert.match(`${apply.stdout}${apply.stderr}`, uses, `${label}: apply`);
      assert.equal(writesAfter(sim, mark), [], `${label}: apply wrote nothing`);
      assert.is(sim.state().rules.find((r) => r.name === rule)?.params.pattern, OTHER_PATTERN, label);
      mark = sim.calls().length;
      const preview = await script.run(sim, 'preview');
      assert.is(preview.code, 2, `${label}: ${preview.stdout}${preview.stderr}`);
      assert.ok(
        new RegExp(`^! keep +content rule ${rule}: Virtual Service \\d+ uses it$`, 'm').test(preview.stdout),
        `${label}: plan --remove keeps the rule: ${preview.stdout}`,
      );
      assert.equal(writesAfter(sim, mark), [], `${label}: plan --remove wrote nothing`);
      const remove = await script.run(sim, 'remove');
      assert.is(remove.code, 3, `${label}: remove: ${remove.stdout}${remove.stderr}`);
      const other = sim.state().vss.find((v) => v.params.Nickname === 'Unrelated');
      assert.equal(other?.members[0]?.rules, [rule], `${label}: the other service keeps the rule`);
      assert.is(sim.state().rules.find((r) => r.name === rule)?.params.pattern, OTHER_PATTERN, label);
    }
  });
});

test("a SubVS made by hand inside the site's own Virtual Service, using one of the site's rules: plan and apply refuse to change the rule, in both scripts", async () => {
  const site = (await setup.fixtureSites()).find((s) => s.name === 'example');
  if (!site) throw new Error('fixture example is missing');
  const rule = site.plan.steps.find((t) => t.kind === 'rule')?.name ?? '';
  for (const script of bothScripts(site, setup.dir(), pwsh)) {
    const sim = await setup.siteSimulator(site.deployment);
    assert.is((await script.run(sim, 'apply')).code, 0, script.name);
    const parent = sim.state().vss.find((v) => v.members.some((m) => m.subVsIndex !== undefined));
    assert.ok(parent, `${script.name}: the site has a Virtual Service with SubVSs`);
    const made = await call(sim, 'modvs', { vs: String(parent.index), createsubvs: '' });
    assert.is(made.status, 200, script.name);
    const slot = sim
      .state()
      .vss.find((v) => v.index === parent.index)
      ?.members.at(-1);
    assert.ok(slot?.subVsIndex !== undefined, `${script.name}: a new SubVS`);
    await call(sim, 'modvs', { vs: String(slot.subVsIndex), nickname: 'Team X legacy' });
    const attached = await call(sim, 'addrsrule', { vs: String(parent.index), rs: `!${slot.rsIndex}`, rule });
    assert.is(attached.status, 200, script.name);
    assert.is((await call(sim, 'modrule', { name: rule, pattern: OTHER_PATTERN })).status, 200);
    const uses = `SubVS 'Team X legacy' (Virtual Service ${slot.subVsIndex}) in Virtual Service ${parent.index} uses it, which is not this site's`;
    const plan = await script.run(sim, 'plan');
    assert.is(plan.code, 1, `${script.name}: plan: ${plan.stdout}${plan.stderr}`);
    assert.ok(`${plan.stdout}${plan.stderr}`.includes(uses), `${script.name}: ${plan.stdout}${plan.stderr}`);
    const mark = sim.calls().length;
    const apply = await script.run(sim, 'apply');
    assert.is(apply.code, 1, `${script.name}: apply: ${apply.stdout}${apply.stderr}`);
    assert.ok(`${apply.stdout}${apply.stderr}`.includes(uses), `${script.name}: ${apply.stderr}`);
    assert.equal(writesAfter(sim, mark), [], `${script.name}: apply wrote nothing`);
    assert.is(sim.state().rules.find((r) => r.name === rule)?.params.pattern, OTHER_PATTERN, script.name);
  }
});

test("a rule attached by hand to a SubVS of the site's: plan --remove and remove keep that SubVS and its service, in both scripts", async () => {
  const site = (await setup.fixtureSites()).find((s) => s.name === 'example');
  if (!site) throw new Error('fixture example is missing');
  for (const script of bothScripts(site, setup.dir(), pwsh)) {
    const sim = await setup.siteSimulator(site.deployment);
    assert.is((await script.run(sim, 'apply')).code, 0, script.name);
    const parent = sim.state().vss.find((v) => v.members.some((m) => m.subVsIndex !== undefined));
    const slot = parent?.members.find((m) => m.subVsIndex !== undefined);
    assert.ok(parent && slot, `${script.name}: a SubVS of the site's`);
    await call(sim, 'addrule', { name: 'HandMade', pattern: OTHER_PATTERN });
    const attached = await call(sim, 'addrsrule', {
      vs: String(parent.index),
      rs: `!${slot.rsIndex}`,
      rule: 'HandMade',
    });
    assert.is(attached.status, 200, script.name);
    const mark = sim.calls().length;
    const preview = await script.run(sim, 'preview');
    assert.is(preview.code, 2, `${script.name}: ${preview.stdout}${preview.stderr}`);
    assert.match(
      preview.stdout,
      /^! keep +rule 'HandMade' on SubVS '[^']+' of .*: not the site's$/m,
      script.name,
    );
    assert.match(
      preview.stdout,
      /^! keep +SubVS '[^']+' of .*: it holds what is not the site's$/m,
      script.name,
    );
    assert.equal(writesAfter(sim, mark), [], `${script.name}: plan --remove wrote nothing`);
    const remove = await script.run(sim, 'remove');
    assert.is(remove.code, 3, `${script.name}: ${remove.stdout}${remove.stderr}`);
    const kept = sim.state().vss.find((v) => v.index === parent.index);
    assert.equal(
      kept?.members.find((m) => m.rsIndex === slot.rsIndex)?.rules,
      [...slot.rules, 'HandMade'],
      `${script.name}: the SubVS is there with the rule attached by hand`,
    );
  }
});

test.run();
