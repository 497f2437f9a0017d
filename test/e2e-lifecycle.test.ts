import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { Simulator } from '../simulator/index.js';
import type { PlanStep } from '../src/model/plan.js';
import { assertStateMatchesPlan } from './helpers/e2e-state.js';
import { lastLine, vsIndex, writesAfter } from './helpers/run-output.js';
import { deploy, eachAtOnce, type FixtureSite, setUp } from './helpers/setup.js';
import { call } from './helpers/sim-client.js';

const setup = setUp('bt-lifecycle-');
let sites: FixtureSite[] = [];
test.before(async () => {
  sites = await setup.fixtureSites();
});

const calls = (sim: Simulator) => sim.calls().length;
const stage0 = (s: PlanStep) => (s.kind === 'vs' ? (s.stages[0] ?? []) : []);

/** A hand change to the appliance, and the line `plan` must print for it. */
interface HandChange {
  readonly command: string;
  readonly params: Record<string, string>;
  readonly shown: string;
}

/**
 * Changes made by hand on the appliance to one parameter of each kind the site owns: a Virtual
 * Service's idle time, a content rule's pattern, a global setting.
 */
function handChanges(site: FixtureSite, sim: Simulator): HandChange[] {
  const out: HandChange[] = [];
  const vs = site.plan.steps.filter((s) => stage0(s).some((p) => p.name === 'Idletime')).at(-1);
  if (vs?.kind === 'vs') {
    const idle = stage0(vs).find((p) => p.name === 'Idletime')?.value ?? '';
    const wrong = String(Number(idle) + 1);
    out.push({
      command: 'modvs',
      params: { vs: String(vsIndex(sim, vs.address, vs.port)), Idletime: wrong },
      shown: `Idletime: '${wrong}' -> '${idle}'`,
    });
  }
  const rule = site.plan.steps.find((s) => s.kind === 'rule');
  if (rule?.kind === 'rule') {
    const pattern = rule.params.find((p) => p.name === 'pattern')?.value ?? '';
    out.push({
      command: 'modrule',
      params: { name: rule.name, pattern: '/^\\/changed.*/' },
      shown: `pattern: '/^\\/changed.*/' -> '${pattern}'`,
    });
  }
  const global = site.plan.steps.find((s) => s.kind === 'global' && s.param === 'expect100');
  if (global?.kind === 'global') {
    out.push({
      command: 'set',
      params: { param: 'expect100', value: '0' },
      shown: `expect100: '0' -> '${global.value}'`,
    });
  }
  return out;
}

/** Where a foreign real server goes: the site's first SubVS, else its first Virtual Service with servers. */
function foreignHome(site: FixtureSite, sim: Simulator): { index: number; within: string } {
  const sub = site.plan.steps.find((s) => s.kind === 'subvs');
  const state = sim.state();
  if (sub?.kind === 'subvs') {
    const found = state.vss.find((v) => v.parent !== 0 && v.params.Nickname === sub.nickname);
    if (found) return { index: found.index, within: sub.title };
  }
  const rs = site.plan.steps.find((s) => s.kind === 'realserver');
  const vs = site.plan.steps.find((s) => s.kind === 'vs' && rs?.kind === 'realserver' && s.ref === rs.vs);
  if (vs?.kind !== 'vs') throw new Error(`${site.name}: no service with real servers`);
  return { index: vsIndex(sim, vs.address, vs.port), within: vs.title };
}

test("every fixture's whole life: apply, plan finds nothing, hand changes are named and restored, foreign objects stay, remove", async () => {
  // Each fixture on its own simulator, two at a time.
  await eachAtOnce(sites, 2, async (site) => {
    const label = site.name;
    const sim = await setup.siteSimulator(site.deployment);

    // A clean apply ends as the plan says, with nothing the appliance would ignore.
    const apply = await deploy(site, sim);
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
    let mark = calls(sim);
    const quiet = await deploy(site, sim, ['plan']);
    assert.is(quiet.code, 0, `${label}: ${quiet.stdout}${quiet.stderr}`);
    assert.match(lastLine(quiet.stdout), /^plan: 0 to create, 0 to change, \d+ unchanged, 0 foreign$/, label);
    assert.equal(writesAfter(sim, mark), [], `${label}: plan writes nothing`);

    // A second apply makes zero write calls.
    mark = calls(sim);
    const again = await deploy(site, sim);
    assert.is(again.code, 0, again.stderr);
    assert.match(lastLine(again.stdout), /^apply: 0 created, 0 changed, \d+ unchanged$/, label);
    assert.equal(writesAfter(sim, mark), [], `${label}: a second apply writes nothing`);

    // Parameters changed by hand: plan exits 2 naming each, apply restores them.
    const changes = handChanges(site, sim);
    assert.ok(changes.length > 0, label);
    for (const c of changes) assert.is((await call(sim, c.command, c.params)).status, 200, c.command);
    const drift = await deploy(site, sim, ['plan']);
    assert.is(drift.code, 2, `${label}: ${drift.stdout}${drift.stderr}`);
    for (const c of changes)
      assert.ok(drift.stdout.includes(`      ${c.shown}\n`), `${label}: ${c.shown}\n${drift.stdout}`);
    assert.match(
      lastLine(drift.stdout),
      new RegExp(`^plan: 0 to create, ${changes.length} to change, \\d+ unchanged, 0 foreign$`),
    );
    const restore = await deploy(site, sim);
    assert.is(restore.code, 0, restore.stderr);
    assert.match(
      lastLine(restore.stdout),
      new RegExp(`^apply: 0 created, ${changes.length} changed, \\d+ unchanged$`),
    );
    assertStateMatchesPlan(sim.state(), site.plan);

    // A real server the site does not name: plan reports it, apply leaves it.
    const home = foreignHome(site, sim);
    const port = '8080';
    assert.is(
      (await call(sim, 'addrs', { vs: String(home.index), rs: '10.99.99.99', rsport: port })).status,
      200,
    );
    const foreign = await deploy(site, sim, ['plan']);
    assert.is(foreign.code, 0, `${label}: foreign objects alone change nothing: ${foreign.stdout}`);
    assert.ok(
      foreign.stdout.includes(
        `! foreign    real server 10.99.99.99:${port} in ${home.within} (left alone)\n`,
      ),
      foreign.stdout,
    );
    assert.match(lastLine(foreign.stdout), /^plan: 0 to create, 0 to change, \d+ unchanged, 1 foreign$/);
    mark = calls(sim);
    const keep = await deploy(site, sim);
    assert.is(keep.code, 0, keep.stderr);
    assert.equal(writesAfter(sim, mark), [], `${label}: apply leaves the foreign real server alone`);
    assertStateMatchesPlan(sim.state(), site.plan, { members: { [home.index]: 1 } });

    // remove: an unrelated Virtual Service, its rule and a site rule it uses stay; the site goes.
    await call(sim, 'addvs', { vs: '10.200.0.1', port: '8443', prot: 'tcp', nickname: 'Unrelated' });
    const other = vsIndex(sim, '10.200.0.1', 8443);
    await call(sim, 'addrs', { vs: String(other), rs: '10.200.1.1', rsport: '8443' });
    const otherRs = sim.state().vss.find((v) => v.index === other)?.members[0]?.rsIndex;
    await call(sim, 'addrule', { name: 'Unrelated', pattern: '/^\\/other.*/' });
    await call(sim, 'addrsrule', { vs: String(other), rs: `!${otherRs}`, rule: 'Unrelated' });
    const siteRules = site.plan.steps.flatMap((s) => (s.kind === 'rule' ? [s.name] : []));
    const shared = siteRules[0];
    if (shared) await call(sim, 'addrsrule', { vs: String(other), rs: `!${otherRs}`, rule: shared });
    const globalsBefore = sim.state().globals;
    const remove = await deploy(site, sim, ['remove']);
    assert.is(remove.code, 0, `${label}: ${remove.stderr}`);
    const vsSteps = site.plan.steps.filter((s) => s.kind === 'vs').length;
    const removed = vsSteps + Math.max(siteRules.length - 1, 0);
    assert.is(
      lastLine(remove.stdout),
      `remove: ${removed} removed, ${shared ? 1 : 0} kept, 0 not there`,
      `${label}: ${remove.stdout}`,
    );
    const after = sim.state();
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

    // A second remove changes nothing.
    mark = calls(sim);
    const twice = await deploy(site, sim, ['remove']);
    assert.is(twice.code, 0, twice.stderr);
    assert.equal(writesAfter(sim, mark), [], `${label}: a second remove writes nothing`);
    assert.is(
      lastLine(twice.stdout),
      `remove: 0 removed, ${shared ? 1 : 0} kept, ${vsSteps + (shared ? siteRules.length - 1 : 0)} not there`,
    );
    await sim.stop();
  });
});

test.run();
