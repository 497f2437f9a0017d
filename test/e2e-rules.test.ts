import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { Simulator } from '../simulator/index.js';
import type { ScriptRun } from './helpers/bash-run.js';
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

test.run();
