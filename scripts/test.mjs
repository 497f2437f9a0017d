#!/usr/bin/env node
// Runs the uvu test files (test/*.test.ts) in worker processes side by side: `npm test` runs them all,
// `npm run test:quick` (--quick) all but the script scenarios. Each worker runs one file at a time as
// uvu's own command does (tsx loads the TypeScript) and takes the next file from a queue, slowest
// first; each file's output, uvu's "Total/Passed/Skipped" summary included, is printed whole once the
// file is done. The exit code is 1 when any test fails or a file cannot run.
//
//   node scripts/test.mjs [--quick] [--jobs N] [--times] [NAME...]
//     --quick   leave out the script scenarios (see SCRIPT_SCENARIOS)
//     --jobs N  N workers (default: TEST_JOBS, else one more than the cores this process may
//               use: a file that waits, on a pause between calls or a timeout, leaves a core idle)
//     --times   print how long each test of a file took, slowest first (hooks run before and
//               after each test; a suite's test.before is not counted), and the CPU time of each
//               file: its worker's and that of the processes it ran (bash, curl, pwsh)
//     NAME      only the files whose name contains NAME (e2e-faults, simulator-)
import { fork } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * The script scenarios: files that run whole generated deploy.sh lifecycles against the simulator,
 * named e2e.test.ts and e2e-*.test.ts. They take most of the suite's time; `--quick` leaves them out.
 */
const SCRIPT_SCENARIOS = /^e2e[-.]/;

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const TEST_DIR = join(ROOT, 'test');
// A worker that has grown past this (MB resident) after a file is replaced by a fresh one: every
// process a test starts is forked from the worker, and a fork costs by the size of what it copies (a
// spawn from a 500 MB process takes about 20 ms, from a fresh one about 1 ms).
const RETIRE_MB = 250;
// How long each file took last time, to start the slowest first (a cache: any value only reorders).
const TIMES = join(ROOT, 'node_modules/.cache/build-templates/test-times.json');
// The installed command's code caches (src/cli/load-command.cts), for the commands the tests run:
// under the clone, never in the user's own cache folder.
process.env.BUILD_TEMPLATES_CACHE ||= join(ROOT, 'node_modules/.cache/build-templates/v8');

if (process.argv[2] === '--worker') await worker();
else await main(process.argv.slice(2));

/** The worker: runs each file the parent sends and answers with its output and whether it failed. */
async function worker() {
  // As uvu's own command: tests register with the queue and run when exec() is called.
  globalThis.UVU_DEFER = 1;
  const uvu = await import('uvu');
  const stdout = process.stdout.write.bind(process.stdout);
  const stderr = process.stderr.write.bind(process.stderr);
  process.on('message', async (msg) => {
    if (msg.done) {
      process.disconnect();
      // Every file has reported; something a failed test left open (a server, a timer) must not
      // keep the run waiting: after a grace period the worker ends all the same.
      setTimeout(() => {
        stderr('a test file left something open after its tests; its worker was ended\n');
        process.exit(0);
      }, 10_000).unref();
      return;
    }
    const file = msg.file;
    let output = '';
    const keep = (chunk, encoding, callback) => {
      output += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
      if (typeof encoding === 'function') encoding();
      else if (typeof callback === 'function') callback();
      return true;
    };
    process.stdout.write = keep;
    process.stderr.write = keep;
    globalThis.UVU_QUEUE = [[basename(file)]];
    globalThis.UVU_INDEX = 0;
    const took = [];
    if (msg.times) {
      uvu.test.before.each((ctx) => {
        ctx.__began = performance.now();
      });
      uvu.test.after.each((ctx) => {
        took.push([performance.now() - ctx.__began, ctx.__test__]);
      });
    }
    const t0 = performance.now();
    const cpu0 = cpuSeconds();
    let failed = false;
    try {
      await import(pathToFileURL(file).href);
      await uvu.exec();
      failed = process.exitCode !== undefined && process.exitCode !== 0;
    } catch (error) {
      output += `\n${basename(file)} could not run:\n${error?.stack ?? error}\n`;
      failed = true;
    } finally {
      process.exitCode = 0;
      process.stdout.write = stdout;
      process.stderr.write = stderr;
    }
    for (const [ms, name] of took.sort((a, b) => b[0] - a[0]))
      output += `  ${(ms / 1000).toFixed(1).padStart(6)} s  ${name}\n`;
    const cpu = cpuSeconds();
    if (msg.times && cpu !== undefined && cpu0 !== undefined)
      output += `  ${(cpu - cpu0).toFixed(1).padStart(6)} s  of CPU, with the processes the file ran\n`;
    const rssMb = process.memoryUsage().rss / 1048576;
    process.send({ file, output, failed, ms: performance.now() - t0, rssMb });
  });
  process.send({ ready: true });
}

/** The parent: picks the files, hands them out, prints each file's output, sums up. */
async function main(args) {
  let quick = false;
  let times = false;
  let jobs = Number(process.env.TEST_JOBS) || availableParallelism() + 1;
  const names = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--quick') quick = true;
    else if (args[i] === '--jobs') jobs = Number(args[++i]);
    else if (args[i] === '--times') times = true;
    else names.push(args[i]);
  }
  if (!Number.isInteger(jobs) || jobs < 1) throw new Error('--jobs takes a whole number above 0');
  const last = readTimes();
  const files = readdirSync(TEST_DIR)
    .filter((f) => f.endsWith('.test.ts'))
    .filter((f) => !(quick && SCRIPT_SCENARIOS.test(f)))
    .filter((f) => names.length === 0 || names.some((n) => f.includes(n)))
    // Slowest first (by the last run; unknown files as script scenarios or as quick ones), so no
    // long file starts last while the other workers sit idle.
    .map((f) => ({ f, weight: last[f] ?? (SCRIPT_SCENARIOS.test(f) ? 60_000 : 5_000) }))
    .sort((a, b) => b.weight - a.weight || a.f.localeCompare(b.f))
    .map((x) => x.f);
  if (files.length === 0) {
    console.error(`no test file matches ${names.join(' ')}`);
    process.exit(1);
  }

  const t0 = performance.now();
  const queue = [...files];
  const took = { ...last };
  const failedFiles = [];
  /** What the files skipped, by reason. */
  const skipped = new Map();
  const workers = Math.min(jobs, files.length);
  // uvu's command colours its output unless told not to; the tests have always run with FORCE_COLOR=1.
  const env = { ...process.env };
  if (!env.NO_COLOR) env.FORCE_COLOR = '1';
  // The run's name: test/helpers/setup.ts builds dist/ once per run (a lock folder under it).
  const run = `${process.pid}-${Date.now()}`;
  env.BUILD_TEMPLATES_TEST_RUN = run;
  const exits = [];
  /**
   * One worker: runs files from the queue until it is empty, or until the worker has grown past
   * RETIRE_MB (resolves then, so that a fresh worker takes the next file); `exits` learns when it ends.
   */
  const worker = () =>
    new Promise((retired) => {
      const child = fork(fileURLToPath(import.meta.url), ['--worker'], {
        cwd: ROOT,
        env,
        execArgv: ['--import', 'tsx'],
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      });
      let current;
      const next = () => {
        current = queue.shift();
        child.send(current ? { file: join(TEST_DIR, current), times } : { done: true });
        if (!current) retired();
      };
      child.on('message', (msg) => {
        if (msg.ready) return next();
        // A file's "skipped: WHAT: WHY" lines are kept for one line at the end, by reason.
        const output = msg.output.replace(/^skipped: (.+): ([^:\n]+)\n/gm, (_, what, why) => {
          skipped.set(why, [...(skipped.get(why) ?? []), what]);
          return '';
        });
        process.stdout.write(output.endsWith('\n') ? output : `${output}\n`);
        took[current] = Math.round(msg.ms);
        if (msg.failed) failedFiles.push(current);
        if (msg.rssMb > RETIRE_MB && queue.length > 0) {
          current = undefined;
          child.send({ done: true });
          retired();
        } else next();
      });
      exits.push(
        new Promise((ended) =>
          child.on('exit', (code, signal) => {
            if (current) {
              console.log(
                `\n${current}: its worker ended (${signal ?? `exit ${code}`}) before the file was done\n`,
              );
              failedFiles.push(current);
            }
            retired();
            ended();
          }),
        ),
      );
    });
  const lane = async () => {
    while (queue.length > 0) await worker();
  };
  await Promise.all(Array.from({ length: workers }, lane));
  await Promise.all(exits);

  rmSync(join(tmpdir(), `bt-dist-${run}`), { recursive: true, force: true });
  writeTimes(took);
  const seconds = ((performance.now() - t0) / 1000).toFixed(1);
  const slowest = files
    .filter((f) => took[f] !== undefined)
    .sort((a, b) => took[b] - took[a])
    .slice(0, 5)
    .map((f) => `${f} ${(took[f] / 1000).toFixed(1)} s`);
  console.log(
    `${files.length} test files${quick ? ' (quick: no script scenarios)' : ''} in ${seconds} s, ${workers} at a time; slowest: ${slowest.join(', ')}`,
  );
  for (const [why, what] of skipped) console.log(`skipped, as ${why}: ${what.join('; ')}`);
  if (failedFiles.length > 0) {
    console.log(`failed: ${failedFiles.join(', ')}`);
    process.exitCode = 1;
  }
}

/**
 * This process's CPU seconds with those of its children that ended (/proc/self/stat: utime, stime,
 * cutime, cstime, in clock ticks of 1/100 s); undefined where there is no /proc.
 */
function cpuSeconds() {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return fields.slice(11, 15).reduce((sum, f) => sum + Number(f), 0) / 100;
  } catch {
    return undefined;
  }
}

function readTimes() {
  try {
    return JSON.parse(readFileSync(TIMES, 'utf8'));
  } catch {
    return {};
  }
}

function writeTimes(times) {
  try {
    mkdirSync(join(TIMES, '..'), { recursive: true });
    writeFileSync(TIMES, `${JSON.stringify(times, null, 2)}\n`);
  } catch {
    // Only the order of the next run depends on it.
  }
}
