import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { FaultKind, Simulator } from '../simulator/index.js';
import type { ScriptRun } from './helpers/bash-run.js';
import { failedStep, siteSimulator } from './helpers/e2e-sim.js';
import { assertStateMatchesPlan } from './helpers/e2e-state.js';
import { deploy, type FixtureSite, fixtureSites } from './helpers/site-run.js';

let sites: FixtureSite[] = [];
const sims: Simulator[] = [];
test.before(async () => {
  sites = await fixtureSites();
});
test.after(async () => {
  await Promise.all(sims.map((s) => s.stop()));
  for (const s of sites) s.script.remove();
});

const KINDS: readonly FaultKind[] = ['http500', 'http401', 'http422', 'hang', 'drop', 'lost'];

/** What the run must say about each kind of fault, beside the step it names. */
const SAYS: Readonly<Record<FaultKind, RegExp>> = {
  http500: /HTTP 500\n {2}LoadMaster error: injected/,
  http401: /HTTP 401\n {2}LoadMaster error: authentication failed/,
  http422: /HTTP 422\n {2}LoadMaster error: injected/,
  hang: /no answer \(curl exit 28\)/,
  drop: /no answer \(curl exit \d+\)/,
  lost: /no answer \(curl exit \d+\)/,
};

/**
 * A simulator for the matrix, over plain HTTP: a TLS handshake per call is a third of the matrix's
 * time, and TLS itself is proven by the lifecycle and credential tests.
 */
async function matrixSim(site: FixtureSite): Promise<Simulator> {
  const sim = await siteSimulator(site.deployment, { https: false });
  sims.push(sim);
  return sim;
}

/** The faulted run stopped, naming a step of the plan and saying what went wrong. */
function assertStopped(site: FixtureSite, run: ScriptRun, kind: FaultKind, label: string): void {
  assert.is(run.code, 1, `${label}: ${run.stdout}${run.stderr}`);
  const titles = new Set([...site.plan.steps.map((s) => s.title), 'the checks before any change']);
  const step = failedStep(run.stderr);
  assert.ok(step && titles.has(step), `${label}: names a step of the plan: ${run.stderr}`);
  assert.match(run.stderr, SAYS[kind], `${label}: ${run.stderr}`);
}

/** A fault of this kind at call `at` of an apply on an empty appliance; then a rerun converges. */
async function faultThenRerun(site: FixtureSite, sim: Simulator, kind: FaultKind, at: number, total: number) {
  const label = `${site.name}: ${kind} at call ${at} of ${total}`;
  sim.reset();
  sim.injectFault({ call: at, kind, message: `injected ${kind} #${at}` });
  assertStopped(site, await deploy(site, sim, [], { LM_TIMEOUT: '1' }), kind, label);
  sim.clearFaults();
  const rerun = await deploy(site, sim);
  assert.is(rerun.code, 0, `${label}, rerun: ${rerun.stderr}`);
  assertStateMatchesPlan(sim.state(), site.plan);
}

test('every fixture: a fault of each kind at an early, a middle and a late call stops the run naming the step; a rerun converges with nothing duplicated', async () => {
  for (const site of sites) {
    const [a, b] = [await matrixSim(site), await matrixSim(site)];
    const clean = await deploy(site, a);
    assert.is(clean.code, 0, clean.stderr);
    const total = a.calls().length;

    // Early: call 2 only reads, so after each fault the appliance is as empty as before; one rerun.
    a.reset();
    for (const kind of KINDS) {
      a.injectFault({ call: a.calls().length + 2, kind, message: `injected ${kind} #2` });
      assertStopped(
        site,
        await deploy(site, a, [], { LM_TIMEOUT: '1' }),
        kind,
        `${site.name}: ${kind} at call 2`,
      );
      assert.equal(a.state().vss, [], `${site.name}: nothing changed before the fault`);
    }
    a.clearFaults();
    const rerun = await deploy(site, a);
    assert.is(rerun.code, 0, rerun.stderr);
    assertStateMatchesPlan(a.state(), site.plan);

    // Middle and late: each on an empty appliance, two at a time (one per core).
    const jobs = KINDS.flatMap((kind) => [Math.ceil(total / 2), total - 1].map((at) => ({ kind, at })));
    const work = async (sim: Simulator) => {
      for (let job = jobs.shift(); job; job = jobs.shift())
        await faultThenRerun(site, sim, job.kind, job.at, total);
    };
    await Promise.all([work(a), work(b)]);
    await Promise.all([a.stop(), b.stop()]);
  }
});

test.run();
