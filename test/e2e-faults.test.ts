import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { FaultKind, Simulator } from '../simulator/index.js';
import type { ScriptRun } from './helpers/bash-run.js';
import { assertStateMatchesPlan } from './helpers/e2e-state.js';
import { failedStep } from './helpers/run-output.js';
import { deploy, eachAtOnce, type FixtureSite, setUp } from './helpers/setup.js';

const setup = setUp('bt-faults-');
let sites: FixtureSite[] = [];
test.before(async () => {
  sites = await setup.fixtureSites();
});

const KINDS: readonly FaultKind[] = ['http500', 'http401', 'http422', 'hang', 'drop', 'lost', 'cut', 'page'];

/** What the run must say about each kind of fault, beside the step it names. */
const SAYS: Readonly<Record<FaultKind, RegExp>> = {
  http500: /HTTP 500\n {2}LoadMaster error: injected/,
  http401: /HTTP 401\n {2}LoadMaster error: authentication failed/,
  http422: /HTTP 422\n {2}LoadMaster error: injected/,
  hang: /no answer \(curl exit 28\)/,
  drop: /no answer \(curl exit \d+\)/,
  lost: /no answer \(curl exit \d+\)/,
  // The reply breaks off after its headers: curl's "partial file".
  cut: /no answer \(curl exit 18\)/,
  page: /HTTP 200\n {2}LoadMaster error: a reply that is not the LoadMaster API's/,
};

/**
 * A simulator for the matrix, over plain HTTP: a TLS handshake per call is a third of the matrix's
 * time, and TLS itself is proven by the lifecycle and credential tests.
 */
const matrixSim = (site: FixtureSite): Promise<Simulator> =>
  setup.siteSimulator(site.deployment, { https: false });

/** The faulted run stopped, naming a step of the plan and saying what went wrong. */
function assertStopped(site: FixtureSite, run: ScriptRun, kind: FaultKind, label: string): void {
  assert.is(run.code, 1, `${label}: ${run.stdout}${run.stderr}`);
  const titles = new Set([...site.plan.steps.map((s) => s.title), 'the checks before any change']);
  const step = failedStep(run.stderr);
  assert.ok(step && titles.has(step), `${label}: names a step of the plan: ${run.stderr}`);
  assert.match(run.stderr, SAYS[kind], `${label}: ${run.stderr}`);
}

/**
 * On an empty appliance a fault of each kind at call 2, each stopping the run before any change;
 * then a clean apply (nothing was changed), which converges. Returns the number of calls it made.
 */
async function earlyThenClean(site: FixtureSite): Promise<number> {
  const a = await matrixSim(site);
  // Call 2 only reads, so after each fault the appliance is as empty as before.
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
  const before = a.calls().length;
  const clean = await deploy(site, a);
  assert.is(clean.code, 0, clean.stderr);
  assertStateMatchesPlan(a.state(), site.plan);
  const total = a.calls().length - before;
  await a.stop();
  return total;
}

/** A fault of this kind at call `at` of an apply on an empty appliance; then a rerun converges. */
async function faultThenRerun(site: FixtureSite, kind: FaultKind, at: number, total: number) {
  const label = `${site.name}: ${kind} at call ${at} of ${total}`;
  const sim = await matrixSim(site);
  sim.injectFault({ call: at, kind, message: `injected ${kind} #${at}` });
  assertStopped(site, await deploy(site, sim, [], { LM_TIMEOUT: '1' }), kind, label);
  sim.clearFaults();
  const rerun = await deploy(site, sim);
  assert.is(rerun.code, 0, `${label}, rerun: ${rerun.stderr}`);
  assertStateMatchesPlan(sim.state(), site.plan);
  await sim.stop();
}

test('a fault of each kind at an early call (every fixture), a middle and a late call (all-templates) stops the run naming the step; a rerun converges with nothing duplicated', async () => {
  // Each scenario on its own simulator, two at a time: first each fixture's early faults and clean
  // apply, then the middle and late faults of all-templates.
  const totals = new Map<FixtureSite, number>();
  await eachAtOnce(sites, 2, async (site) => {
    totals.set(site, await earlyThenClean(site));
  });
  // The middle and late faults on the fixture that holds every template (each step kind, every
  // service): the rest of the matrix repeats the same steps on fewer objects.
  const jobs = sites
    .filter((site) => site.name === 'all-templates')
    .flatMap((site) => {
      const total = totals.get(site) ?? 0;
      return KINDS.flatMap((kind) =>
        [Math.ceil(total / 2), total - 1].map((at) => ({ site, kind, at, total })),
      );
    });
  await eachAtOnce(jobs, 2, (j) => faultThenRerun(j.site, j.kind, j.at, j.total));
});

test.run();
