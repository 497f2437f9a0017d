import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as defaultSuite, type Test } from 'uvu';
import { type Simulator, type SimulatorOptions, startSimulator } from '../../simulator/index.js';
import { EXCHANGE_2016 } from '../../src/catalog/exchange2016/index.js';
import { compilePlan } from '../../src/compile/plan.js';
import { loadDeployment } from '../../src/deployment/load.js';
import type { Deployment } from '../../src/model/deployment.js';
import type { Plan } from '../../src/model/plan.js';
import { runBash, type ScriptRun } from './bash-run.js';
import { planScript } from './bash-script.js';
import { validCases } from './fixtures.js';
import { ROOT } from './guide.js';
import { ownedListOf } from './owned-list.js';

// The set-up test files share: temporary folders, generated scripts on disk, simulators and the
// environment deploy.sh gets against one, the compiled fixture sites, the built command (dist/).
// Whatever a test file makes through setUp() is removed (simulators stopped) after its tests.

/** A generated script on disk, in a temporary folder. */
export interface ScriptFile {
  readonly path: string;
}

/** A deployment fixture compiled: its plan and its deploy.sh on disk. */
export interface FixtureSite {
  readonly name: string;
  readonly deployment: Deployment;
  readonly plan: Plan;
  readonly script: ScriptFile;
}

/** What one test file sets up; see {@link setUp}. */
export interface SetUp {
  /** A fresh temporary folder (its name starts with the prefix given to setUp). */
  dir(): string;
  /** The text written to a fresh temporary folder as an executable deploy.sh. */
  script(contents: string): ScriptFile;
  /** A simulator as startSimulator makes it. */
  simulator(opts?: SimulatorOptions): Promise<Simulator>;
  /**
   * A simulator as the guide assumes the appliance before a deployment (4.1.1, 4.2): the site's
   * certificates installed and its SSO domain made, nothing else; no rate limit unless asked.
   */
  siteSimulator(d: Deployment, opts?: SimulatorOptions): Promise<Simulator>;
  /** Every valid deployment fixture, loaded, planned and written out as deploy.sh. */
  fixtureSites(): Promise<FixtureSite[]>;
}

/**
 * The set-up of one test file, torn down after its tests (`suite.after`): call it at the top of the
 * file, before `test.run()`.
 */
export function setUp(prefix = 'bt-test-', suite: Test = defaultSuite): SetUp {
  const dirs: string[] = [];
  const sims: Simulator[] = [];
  const dir = () => {
    const d = mkdtempSync(join(tmpdir(), prefix));
    dirs.push(d);
    return d;
  };
  const script = (contents: string): ScriptFile => {
    const path = join(dir(), 'deploy.sh');
    writeFileSync(path, contents, { mode: 0o755 });
    return { path };
  };
  const simulator = async (opts: SimulatorOptions = {}) => {
    const sim = await startSimulator(opts);
    sims.push(sim);
    return sim;
  };
  suite.after(async () => {
    await Promise.all(sims.splice(0).map((s) => s.stop()));
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });
  return {
    dir,
    script,
    simulator,
    siteSimulator: (d, opts = {}) => {
      const certificates = [...new Set(d.services.flatMap((s) => (s.certificate ? [s.certificate] : [])))];
      return simulator({
        rateLimit: false,
        certificates,
        ssoDomains: d.esp ? [d.esp.ssoDomain] : [],
        ...opts,
      });
    },
    fixtureSites: async () => {
      const out: FixtureSite[] = [];
      for (const c of validCases()) {
        const deployment = await loadDeployment(c.file, EXCHANGE_2016);
        const plan = compilePlan(EXCHANGE_2016, deployment);
        out.push({ name: c.name, deployment, plan, script: script(planScript(plan)) });
      }
      return out;
    },
  };
}

/**
 * The environment deploy.sh gets against a simulator: its URL, its user and password, and its
 * certificate to trust (never LM_INSECURE), its own owned list, plus any overrides.
 */
export function simEnv(sim: Simulator, extra: Readonly<Record<string, string>> = {}): Record<string, string> {
  if (!sim.caCertPath) throw new Error('the e2e tests need the simulator over HTTPS');
  return {
    LM_URL: sim.url,
    LM_USER: sim.user,
    LM_PASSWORD: sim.password,
    LM_CACERT: sim.caCertPath,
    LM_OWNED: ownedListOf(sim),
    ...extra,
  };
}

/**
 * The environment for a simulator over HTTPS (see {@link simEnv}) or, for a simulator started with
 * `https: false`, over plain HTTP, which deploy.sh takes only with LM_INSECURE=1.
 */
export function anyEnv(sim: Simulator, extra: Readonly<Record<string, string>> = {}): Record<string, string> {
  if (sim.caCertPath) return simEnv(sim, extra);
  return {
    LM_URL: sim.url,
    LM_USER: sim.user,
    LM_PASSWORD: sim.password,
    LM_INSECURE: '1',
    LM_OWNED: ownedListOf(sim),
    ...extra,
  };
}

/** Runs deploy.sh with an action against a simulator (HTTPS or HTTP), without pauses between calls. */
export function deploy(
  site: FixtureSite,
  sim: Simulator,
  args: readonly string[] = [],
  extra: Readonly<Record<string, string>> = {},
): Promise<ScriptRun> {
  return runBash(site.script.path, args, anyEnv(sim, { LM_DELAY: '0', ...extra }));
}

/**
 * Runs `job` on each item, at most `width` at a time (each scenario has its own simulator, and its
 * scripts run as child processes: two cores keep two busy). Rejects with the first failure, once
 * the jobs already started have ended.
 */
export async function eachAtOnce<T>(items: readonly T[], width: number, job: (item: T) => Promise<void>) {
  const queue = [...items];
  const errors: unknown[] = [];
  const lane = async () => {
    for (let item = queue.shift(); item !== undefined; item = queue.shift()) {
      if (errors.length > 0) return;
      try {
        await job(item);
      } catch (error) {
        errors.push(error);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, width) }, lane));
  if (errors.length > 0) throw errors[0];
}

/** The command as installed runs from dist/ (package.json's bin, dist/cli/main.cjs). */
export const BUILT_CLI = join(ROOT, 'dist/cli/main.cjs');

/**
 * The test runner (scripts/test.mjs) names each run with this variable: within one run dist/ is
 * built once, by the first test file that asks, while the others wait (files run side by side, and
 * one must not read dist/ while another writes it).
 */
const TEST_RUN = process.env.BUILD_TEMPLATES_TEST_RUN;
let distBuilt = false;

/**
 * Builds the command as `npm run build` does, for tests that run it as a user would: the compiler
 * (tsconfig.build.json) and its bundle with the code cache (scripts/single-file.ts). Throws with the
 * build's own output when a step fails. Once per process, and once per run of the test runner.
 */
export function buildDist(): void {
  if (distBuilt) return;
  if (TEST_RUN === undefined || !/^[\w-]+$/.test(TEST_RUN)) build();
  else buildOnce(join(tmpdir(), `bt-dist-${TEST_RUN}`));
  distBuilt = true;
}

/** The files a build of dist/ reads: the compiler's and simulator's sources, the bundler, the configs. */
const BUILD_INPUTS = ['src', 'simulator', 'scripts/single-file.ts', 'tsconfig.build.json'];
/** Where the last build by the tests left the hash of its inputs (outside dist/, which is shipped). */
const BUILD_STAMP = join(ROOT, 'node_modules/.cache/build-templates/dist-built-from');
/** The build's own output, as a build leaves it: another build (npm run build) changes it. */
const BUILT_BUNDLE = join(ROOT, 'dist/build-templates.cjs');

/** A hash of every input file's path and bytes, in a fixed order. */
function inputsHash(): string {
  const hash = createHash('sha256');
  const add = (rel: string) => {
    const path = join(ROOT, rel);
    if (!existsSync(path)) return;
    const files = statSync(path).isDirectory()
      ? readdirSync(path, { withFileTypes: true, recursive: true })
          .filter((e) => e.isFile())
          .map((e) => join(e.parentPath, e.name))
          .sort()
      : [path];
    for (const f of files) hash.update(`${f}\0`).update(readFileSync(f));
  };
  for (const rel of [...BUILD_INPUTS, 'package.json', 'package-lock.json']) add(rel);
  // And the build it stands for: a build made since by anything else is not the tests'.
  if (existsSync(BUILT_BUNDLE)) hash.update(String(statSync(BUILT_BUNDLE).mtimeMs));
  return hash.digest('hex');
}

/**
 * Builds dist/ unless the tests built it from these very inputs before (its stamp holds their hash):
 * a change to any source makes the next run build again.
 */
function build(): void {
  const inputs = inputsHash();
  if (existsSync(BUILD_STAMP) && readFileSync(BUILD_STAMP, 'utf8') === inputs && existsSync(BUILT_CLI))
    return;
  const steps: readonly (readonly string[])[] = [
    [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'],
    ['--import', 'tsx', join(ROOT, 'scripts/single-file.ts')],
  ];
  for (const args of steps) {
    const r = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`building dist/ (${args.join(' ')}): ${r.stdout}${r.stderr}`);
  }
  mkdirSync(join(BUILD_STAMP, '..'), { recursive: true });
  writeFileSync(BUILD_STAMP, inputsHash());
}

/** The first process to make `lock` builds and writes the outcome in it; the others wait for that. */
function buildOnce(lock: string): void {
  const outcome = join(lock, 'outcome');
  let mine = true;
  try {
    mkdirSync(lock);
  } catch {
    mine = false;
  }
  if (mine) {
    try {
      build();
      writeFileSync(outcome, 'built');
    } catch (error) {
      writeFileSync(outcome, String((error as Error).message));
      throw error;
    }
    return;
  }
  const pause = new Int32Array(new SharedArrayBuffer(4));
  while (!existsSync(outcome)) Atomics.wait(pause, 0, 0, 100);
  const said = readFileSync(outcome, 'utf8');
  if (said !== 'built') throw new Error(`building dist/ failed in another test file: ${said}`);
}
