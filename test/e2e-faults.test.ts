import { readFileSync } from 'node:fs';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { type CallRecord, type FaultKind, type Simulator, WRITE_COMMANDS } from '../simulator/index.js';
import type { ScriptRun } from './helpers/bash-run.js';
import { assertStateMatchesPlan } from './helpers/e2e-state.js';
import { ownedListOf } from './helpers/owned-list.js';
import { findPwsh, PwshSession, psArgs, skipNotice, writeDeployPs } from './helpers/pwsh-run.js';
import { failedStep, writesAfter } from './helpers/run-output.js';
import { deploy, eachAtOnce, type FixtureSite, setUp } from './helpers/setup.js';
import { call } from './helpers/sim-client.js';

// The fault matrix, for deploy.sh and deploy.ps1 alike, on the fixture that holds every template
// (each step kind, every service): a fault of each kind at an early, a middle and a late call stops
// the run naming the step, and a rerun converges with nothing duplicated.

const setup = setUp('bt-faults-');
const pwsh = findPwsh();
if (!pwsh) skipNotice('the fault matrix of deploy.ps1 (test/e2e-faults.test.ts)');

/** The kinds of fault the matrix injects at any call (`unindexed` only means something for a listing). */
const KINDS = [
  'http500',
  'http401',
  'http422',
  'hang',
  'drop',
  'lost',
  'cut',
  'page',
  'huge',
] as const satisfies readonly FaultKind[];
type MatrixKind = (typeof KINDS)[number];

/** What both scripts say of the faults that are answered: the status and the LoadMaster's error. */
const ANSWERED = {
  http500: /HTTP 500\n {2}LoadMaster error: injected/,
  http401: /HTTP 401\n {2}LoadMaster error: authentication failed/,
  http422: /HTTP 422\n {2}LoadMaster error: injected/,
  page: /HTTP 200\n {2}LoadMaster error: a reply that is not the LoadMaster API's/,
  // Carried out, then answered with more than the 5 MB a script reads of one reply.
  huge: /the reply is larger than 5 MB, the most a reply is read: refused/,
} as const;

/** One script under test: how to run it against a simulator, and what it says about each fault. */
interface Script {
  readonly name: string;
  /** A simulator for the script: deploy.sh's over plain HTTP (a TLS handshake per call is a third of its time; TLS is proven elsewhere), deploy.ps1's over HTTPS (one connection for the run). */
  sim(): Promise<Simulator>;
  /** Runs apply once per entry, one after another; `true`: one second for a call, for the hang. */
  applies(sim: Simulator, short: readonly boolean[]): Promise<ScriptRun[]>;
  readonly says: Readonly<Record<MatrixKind, RegExp>>;
}

let site: FixtureSite;
const scripts: Script[] = [];
test.before(async () => {
  const found = (await setup.fixtureSites()).find((s) => s.name === 'all-templates');
  if (!found) throw new Error('the all-templates fixture is missing');
  site = found;
  scripts.push({
    name: 'deploy.sh',
    sim: () => setup.siteSimulator(site.deployment, { https: false }),
    applies: async (sim, short) => {
      const runs: ScriptRun[] = [];
      for (const s of short) runs.push(await deploy(site, sim, [], s ? { LM_TIMEOUT: '1' } : {}));
      return runs;
    },
    says: {
      ...ANSWERED,
      hang: /no answer \(curl exit 28\)/,
      drop: /no answer \(curl exit \d+\)/,
      lost: /no answer \(curl exit \d+\)/,
      // The reply breaks off after its headers: curl's "partial file".
      cut: /no answer \(curl exit 18\)/,
    },
  });
  if (pwsh) {
    const path = writeDeployPs(setup.dir(), site.plan);
    scripts.push({
      name: 'deploy.ps1',
      sim: () => setup.siteSimulator(site.deployment),
      // The runs in one session, as at a console: the first is a fresh process's, the others
      // follow in the same session.
      applies: async (sim, short) => {
        const { args, env } = psArgs(sim);
        const session = new PwshSession(pwsh, env);
        const runs: ScriptRun[] = [];
        for (const s of short) runs.push(await session.run(path, s ? [...args, '-TimeoutSec', '1'] : args));
        await session.close();
        return runs;
      },
      says: {
        ...ANSWERED,
        hang: /no answer: .*(timeout|Timeout|canceled)/,
        drop: /no answer: /,
        lost: /no answer: /,
        cut: /no answer: /,
      },
    });
  }
});

/** The faulted run stopped, naming a step of the plan and saying what went wrong. */
function assertStopped(s: Script, run: ScriptRun, kind: MatrixKind, label: string): void {
  assert.is(run.code, 1, `${label}: ${run.stdout}${run.stderr}`);
  const titles = new Set([...site.plan.steps.map((t) => t.title), 'the checks before any change']);
  const step = failedStep(run.stderr);
  assert.ok(step && titles.has(step), `${label}: names a step of the plan: ${run.stderr}`);
  assert.match(run.stderr, s.says[kind], `${label}: ${run.stderr}`);
}

const isWrite = (c: CallRecord) => WRITE_COMMANDS.has(c.command.toLowerCase());

/** A clean apply on an empty appliance: the calls it makes, in order. */
async function cleanApply(s: Script): Promise<CallRecord[]> {
  const sim = await s.sim();
  const [run] = await s.applies(sim, [false]);
  assert.is(run?.code, 0, `${s.name}: ${run?.stderr}`);
  assertStateMatchesPlan(sim.state(), site.plan);
  const calls = sim.calls();
  await sim.stop();
  return calls;
}

/**
 * One kind of fault three times on one appliance, each run stopped by it, then a clean rerun:
 * - early: call 2 of an apply on an empty appliance (a read: nothing is changed);
 * - middle: call ceil(calls / 2) of the same apply again (half the changes made);
 * - late: the rerun's next-to-last change (what the first half did not make, nearly all made);
 * - then a rerun without faults ends as the plan says, nothing made twice.
 * A run is what the clean apply was until its fault (the same script on the same appliance), so
 * every fault is placed before the first run, from the clean apply's calls.
 */
async function chain(s: Script, kind: MatrixKind, clean: readonly CallRecord[]): Promise<void> {
  const label = (where: string) => `${s.name}: ${kind} at ${where}`;
  const middle = Math.ceil(clean.length / 2);
  const writes = clean.filter(isWrite).length;
  const before = clean.slice(0, middle);
  // Carried out by the middle run: the writes before its fault, and the faulted one if it was carried out.
  const faulted = clean[middle - 1] as CallRecord;
  const made =
    before.filter(isWrite).length - (isWrite(faulted) && !['lost', 'cut', 'huge'].includes(kind) ? 1 : 0);
  const left = writes - made;
  assert.ok(!clean.slice(0, 2).some(isWrite), `${s.name}: the first two calls only read`);
  assert.ok(left > 2, `${label('the middle')}: changes are left for the rerun (${made} of ${writes} made)`);

  const sim = await s.sim();
  sim.injectFault({ call: 2, kind, message: `injected ${kind}` });
  sim.injectFault({ call: 2 + middle, kind, message: `injected ${kind}` });
  // Counted from now: the middle run's write calls, then the rerun's next-to-last.
  sim.injectFault({ write: before.filter(isWrite).length + left - 1, kind, message: `injected ${kind}` });
  const runs = await s.applies(sim, [kind === 'hang', kind === 'hang', kind === 'hang', false]);
  const [early, mid, late, rerun] = runs as [ScriptRun, ScriptRun, ScriptRun, ScriptRun];
  assertStopped(s, early, kind, label('call 2'));
  assertStopped(s, mid, kind, label(`call ${middle} of ${clean.length}`));
  assertStopped(s, late, kind, label(`change ${left - 1} of the ${left} the rerun makes`));
  const titles = site.plan.steps.map((t) => t.title);
  const at = (run: ScriptRun) => titles.indexOf(failedStep(run.stderr) ?? '');
  assert.ok(
    at(late) >= at(mid),
    `${label('the end')}: the late fault comes at a later step than the middle one`,
  );
  assert.is(rerun.code, 0, `${label('the end')}, rerun: ${rerun.stderr}`);
  assertStateMatchesPlan(sim.state(), site.plan);
  // The owned list names every service the runs made, with its Index, even one whose addvs lost its reply.
  const owned = readFileSync(ownedListOf(sim), 'utf8');
  for (const v of sim.state().vss.filter((x) => x.parent === 0))
    assert.match(
      owned,
      new RegExp(`\\t${v.address} ${v.port} ${v.prot}\\t${v.index}\\n`),
      `${label('the end')}: ${owned}`,
    );
  await sim.stop();
}

test('a fault of each kind at an early, a middle and a late call stops deploy.sh and deploy.ps1 naming the step; a rerun converges with nothing duplicated', async () => {
  const jobs: { s: Script; kind: MatrixKind; clean: CallRecord[] }[] = [];
  await eachAtOnce(scripts, 2, async (s) => {
    const clean = await cleanApply(s);
    for (const kind of KINDS) jobs.push({ s, kind, clean });
  });
  await eachAtOnce(jobs, 2, (j) => chain(j.s, j.kind, j.clean));
});

test('a listvs that gives its Virtual Services no Index stops deploy.sh and deploy.ps1 before any change, as their objects cannot be told apart', async () => {
  await eachAtOnce(scripts, 2, async (s) => {
    const sim = await s.sim();
    await call(sim, 'addvs', { vs: '10.200.0.1', port: '8443', prot: 'tcp', nickname: 'Unrelated' });
    sim.injectFault({ call: 'listvs', kind: 'unindexed' });
    const mark = sim.calls().length;
    const [run] = await s.applies(sim, [false]);
    assert.is(run?.code, 1, `${s.name}: ${run?.stdout}${run?.stderr}`);
    assert.match(run?.stderr ?? '', /listvs lists a Virtual Service without an Index/, s.name);
    assert.equal(writesAfter(sim, mark), [], `${s.name}: nothing written`);
    await sim.stop();
  });
});

test.run();
