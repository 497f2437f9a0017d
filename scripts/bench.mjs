#!/usr/bin/env node
// Measures what a user waits for and what the build produces: the installed CLI's wall time (median
// of several runs, as these machines are shared and noisy) and the size of every generated file.
// Run after `npm ci` (which builds dist/): npm run bench
// The test suites' wall time (npm test, npm run test:quick) is the part `tests`, run only when named
// or with BENCH_TESTS=1: npm run bench -- tests
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, homedir, tmpdir } from 'node:os';
import { join } from 'node:path';

// The command as installed: package.json's bin.
const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const cli = new URL(`../${pkg.bin['build-templates']}`, import.meta.url).pathname;
// The simulator is built from simulator/ (simulator/tsconfig.json) to dist/simulator/.
const { startSimulator, WRITE_COMMANDS } = await import(
  new URL('../dist/simulator/index.js', import.meta.url).href
);

/** Runs a command (asynchronously: the simulator answers from this process); its exit code and wall ms. */
function timedRun(command, args, env) {
  return new Promise((resolve, reject) => {
    const t0 = process.hrtime.bigint();
    const child = spawn(command, args, {
      env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
      stdio: 'ignore',
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, ms: Number(process.hrtime.bigint() - t0) / 1e6 }));
  });
}

/** PowerShell 7: `pwsh` on PATH, else the .NET tool's; undefined when there is none. */
function findPwsh() {
  for (const c of ['pwsh', join(homedir(), '.dotnet/tools/pwsh')]) {
    if (
      spawnSync(c, ['-NoProfile', '-NonInteractive', '-Command', 'exit 0'], { stdio: 'ignore' }).status === 0
    )
      return c;
  }
  return undefined;
}

/**
 * The two scripts, each as a way to run one action against a simulator without pause between calls:
 * deploy.sh through its environment, deploy.ps1 through its parameters (the simulator's CA through
 * SSL_CERT_FILE, .NET's trust store on Linux).
 */
function scripts(dir) {
  const sh = {
    name: 'deploy.sh',
    run: (sim, action) =>
      timedRun('bash', [join(dir, 'deploy.sh'), ...(action === 'remove' ? ['remove', '--yes'] : [action])], {
        LM_URL: sim.url,
        LM_USER: sim.user,
        LM_PASSWORD: sim.password,
        LM_CACERT: sim.caCertPath,
        LM_DELAY: '0',
        LM_OWNED: join(dir, `owned-${new URL(sim.url).port}.tsv`),
      }),
  };
  const pwsh = findPwsh();
  if (!pwsh) return [sh];
  const flags = { apply: [], plan: ['-Plan'], remove: ['-Remove', '-Force'] };
  const ps = {
    name: 'deploy.ps1',
    run: (sim, action) =>
      timedRun(
        pwsh,
        [
          '-NoProfile',
          '-NonInteractive',
          '-File',
          join(dir, 'deploy.ps1'),
          '-LoadBalancer',
          '127.0.0.1',
          '-LBPort',
          new URL(sim.url).port,
          '-Delay',
          '0',
          ...flags[action],
        ],
        {
          LM_USER: sim.user,
          LM_PASSWORD: sim.password,
          SSL_CERT_FILE: sim.caCertPath,
          LM_OWNED: join(dir, `owned-${new URL(sim.url).port}.tsv`),
          POWERSHELL_TELEMETRY_OPTOUT: '1',
          POWERSHELL_UPDATECHECK: 'Off',
        },
      ),
  };
  return [sh, ps];
}

/** A site's life against the simulator with one script: apply on an empty appliance, plan, apply again, remove. */
async function lifecycle(script) {
  const sim = await startSimulator({
    rateLimit: false,
    certificates: ['Wildcard'],
    ssoDomains: ['EXAMPLE.COM'],
  });
  const rows = [];
  try {
    for (const action of ['apply', 'plan', 'apply', 'remove']) {
      const before = sim.calls().length;
      const run = await script.run(sim, action);
      const calls = sim.calls().slice(before);
      rows.push({
        action,
        code: run.code,
        ms: run.ms,
        calls: calls.length,
        writes: calls.filter((c) => WRITE_COMMANDS.has(c.command)).length,
      });
    }
  } finally {
    await sim.stop();
  }
  return rows;
}
const runs = Number(process.env.BENCH_RUNS ?? 21);

/**
 * One run: wall and CPU (user + system) in ms, to the millisecond (bash's time; /usr/bin/time gives
 * hundredths of a second only), peak resident memory in MiB and the minor page faults, each a page
 * of memory touched for the first time (/usr/bin/time, which both wrap).
 */
function timed(argv, cwd, env = process.env) {
  const mem = join(scratch, 'rss');
  const script =
    'TIMEFORMAT="%3R %3U %3S"; { time /usr/bin/time -f "%M %R" -o "$0" "$@" >/dev/null 2>&1; s=$?; } 2>&1; exit $s';
  const r = spawnSync('bash', ['-c', script, mem, ...argv], { cwd, env, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${argv.join(' ')} exited ${r.status}: ${r.stdout}${r.stderr}`);
  const [wall, user, sys] = r.stdout.trim().split('\n').at(-1).split(' ').map(Number);
  const [kb, faults] = readFileSync(mem, 'utf8').trim().split('\n').at(-1).split(' ').map(Number);
  return { wall: wall * 1000, cpu: (user + sys) * 1000, mib: kb / 1024, faults };
}

/** A folder for the bench's own scratch files, removed at the end. */
const scratch = mkdtempSync(join(tmpdir(), 'bt-bench-time-'));
process.on('exit', () => rmSync(scratch, { recursive: true, force: true }));

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * A command against bare `node -e ""`, in pairs run one after the other so both see the same load:
 * the medians of each (page faults too), the ratio (the larger of the wall and the CPU ratio, as
 * the issue measures) and the command's peak memory (the largest of its runs).
 */
function paired(args, cwd, env = process.env) {
  const base = [];
  const cmd = [];
  for (let i = 0; i < runs; i++) {
    base.push(timed([process.execPath, '-e', ''], cwd, env));
    cmd.push(timed([process.execPath, cli, ...args], cwd, env));
  }
  const m = (xs, k) => median(xs.map((x) => x[k]));
  const ratio = Math.max(m(cmd, 'wall') / m(base, 'wall'), m(cmd, 'cpu') / Math.max(m(base, 'cpu'), 1));
  return {
    node: m(base, 'wall'),
    wall: m(cmd, 'wall'),
    cpu: m(cmd, 'cpu'),
    faults: m(cmd, 'faults'),
    nodeFaults: m(base, 'faults'),
    ratio,
    mib: Math.max(...cmd.map((x) => x.mib)),
  };
}

/**
 * The start-up table: each figure as a ratio to node itself, measured in this run, what the command
 * costs over it (wall ms), and the pages of memory it touches beyond node's (minor page faults: on a
 * shared virtual machine each costs microseconds, so a command that touches much memory takes more
 * time than its instructions). `env` is the commands' environment (this process's by default).
 */
function speedTable(out, env = process.env) {
  const esp = new URL('../dist-templates/Exchange2016ESP.tmpl', import.meta.url).pathname;
  const site = new URL('../fixtures/deployments/all-templates/deployment.yaml', import.meta.url).pathname;
  const rows = [
    ['--version', ['--version'], 1.3],
    ['--help', ['--help'], 1.3],
    ['params --json', ['params', '--json'], 1.5],
    ['default build (docs, 3 bundles, example site)', ['--out', out], 1.8],
    ['--check', ['--check', '--out', out], 1.8],
    ['--deployment all-templates', ['--deployment', site, '--out', join(out, 'site')], 1.8],
    ['inspect ESP bundle --json', ['inspect', esp, '--json'], 1.8],
  ];
  console.log(
    `each command against node -e "" (${runs} paired runs, medians; ratio: the larger of wall and CPU):`,
  );
  console.log(
    '  | command | node ms | wall ms | over node ms | CPU ms | ratio | goal | peak MiB | goal | page faults over node |',
  );
  console.log('  | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const [i, [what, args, goal]] of rows.entries()) {
    // Each command with a code cache folder of its own, its cache made by a first run of that very
    // command (untimed): what a user's second run of it finds, whatever the commands run before.
    const own = { ...env, BUILD_TEMPLATES_CACHE: join(scratch, `cache-${i}`) };
    timed([process.execPath, cli, ...args], undefined, own);
    const r = paired(args, undefined, own);
    console.log(
      `  | ${what} | ${r.node.toFixed(0)} | ${r.wall.toFixed(0)} | ${(r.wall - r.node).toFixed(0)} | ${r.cpu.toFixed(0)} | ${r.ratio.toFixed(2)}x | <= ${goal}x ${verdict(r.ratio <= goal)} | ${r.mib.toFixed(0)} | <= ${PEAK_MIB} ${verdict(r.mib <= PEAK_MIB)} | ${r.faults - r.nodeFaults} |`,
    );
  }
}

/**
 * The start-up table again without NODE_EXTRA_CA_CERTS. With it set, Node reads and parses the
 * certificates it names, and its own root certificates, at start-up before any code runs: most of
 * bare node's time on a machine that sets it. The ratios depend on it; what a command costs over
 * node does not.
 */
function withoutExtraCertificates(out) {
  const { NODE_EXTRA_CA_CERTS: named, ...env } = process.env;
  if (named === undefined) {
    console.log('NODE_EXTRA_CA_CERTS is not set: the start-up table (part speed) is already without it.');
    return;
  }
  console.log(`without NODE_EXTRA_CA_CERTS (set here, to ${named}):`);
  speedTable(join(out, 'certs'), env);
}

/** The most memory a single run may take at its peak, and a batch of 1,000 sites. */
const PEAK_MIB = 60;
const BATCH_PEAK_MIB = 150;
/** The most a batch of 1,000 sites may take, as a multiple of bare node's start. */
const BATCH_RATIO = 100;
const verdict = (met) => (met ? 'met' : 'NOT met');

/** Batch: N copies of the example site in one folder, compiled by one run (wall, peak memory). */
function batchTable() {
  const out = mkdtempSync(join(tmpdir(), 'bt-batch-'));
  try {
    batchRows(out);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

function batchRows(out) {
  const example = readFileSync(new URL('../examples/deployment.yaml', import.meta.url), 'utf8');
  const node = median(Array.from({ length: 11 }, () => timed([process.execPath, '-e', '']).wall));
  console.log(
    `batch: --deployment FOLDER of N sites (copies of examples/deployment.yaml), one run each; node -e "" ${node.toFixed(0)} ms:`,
  );
  console.log('  | sites | wall s | per site ms | ratio | peak MiB |');
  console.log('  | ---: | ---: | ---: | ---: | ---: |');
  for (const n of [1, 10, 100, 1000]) {
    const dir = join(out, `batch-${n}`);
    mkdirSync(dir);
    for (let i = 0; i < n; i++) writeFileSync(join(dir, `site-${String(i).padStart(4, '0')}.yaml`), example);
    const samples = [];
    for (let k = 0; k < (n >= 1000 ? 3 : 5); k++) {
      const target = join(out, `batch-out-${n}`);
      rmSync(target, { recursive: true, force: true });
      // The disk's writes of the sample before (its files, then their removal) are finished first:
      // a thousand sites are 5,000 files, and what the disk still owes is not this sample's time.
      spawnSync('sync');
      try {
        samples.push(timed([process.execPath, cli, '--deployment', dir, '--out', target]));
      } catch (err) {
        console.log(`  | ${n} | (failed: ${String(err.message).split('\n')[0]}) | | |`);
        return;
      }
    }
    const wall = median(samples.map((x) => x.wall));
    const mib = Math.max(...samples.map((x) => x.mib));
    const ratio = wall / node;
    const goals =
      n === 1000
        ? [
            ` (<= ${BATCH_RATIO}x ${verdict(ratio <= BATCH_RATIO)})`,
            ` (<= ${BATCH_PEAK_MIB} ${verdict(mib <= BATCH_PEAK_MIB)})`,
          ]
        : ['', ''];
    console.log(
      `  | ${n} | ${(wall / 1000).toFixed(2)} | ${(wall / n).toFixed(1)} | ${ratio.toFixed(0)}x${goals[0]} | ${mib.toFixed(0)}${goals[1]} |`,
    );
    if (n === 1000) diskBaseline(join(out, `batch-out-${n}`), join(out, 'batch-copy'));
  }
}

/**
 * What the disk alone costs a batch: the same files (those the last run wrote) written again by a
 * bare loop of synchronous calls, into a new folder, after the same sync (median of three). On a
 * shared machine the disk's speed varies many times over from minute to minute; this shows how much
 * of the batch's time was the disk's in this run.
 */
function diskBaseline(written, copy) {
  const files = [];
  const collect = (dir) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, e.name);
      if (e.isDirectory()) collect(path);
      else files.push([path.slice(written.length), readFileSync(path)]);
    }
  };
  collect(written);
  const times = [];
  for (let k = 0; k < 3; k++) {
    rmSync(copy, { recursive: true, force: true });
    spawnSync('sync');
    const t0 = process.hrtime.bigint();
    const made = new Set();
    for (const [path, bytes] of files) {
      const dir = join(copy, path, '..');
      if (!made.has(dir)) mkdirSync(dir, { recursive: true });
      made.add(dir);
      writeFileSync(join(copy, path), bytes);
    }
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  rmSync(copy, { recursive: true, force: true });
  console.log(
    `  the same ${files.length} files written by a bare loop in this run: ${(median(times) / 1000).toFixed(2)} s (the disk's share of the batch)`,
  );
}

function sizes(root, dir = '') {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? sizes(root, join(dir, e.name))
      : [[join(dir, e.name), statSync(join(root, dir, e.name)).size]],
  );
}

/** Peak memory (MB) and wall time (ms, median) of a run that must fail, measured by the test probe. */
function refusal(args, cwd) {
  const probe = new URL('../test/helpers/usage-probe.mjs', import.meta.url).href;
  const times = [];
  let peak = 0;
  for (let i = 0; i < Math.min(runs, 5); i++) {
    const t0 = process.hrtime.bigint();
    const r = spawnSync(process.execPath, ['--import', probe, cli, ...args], {
      cwd,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
    });
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
    if (r.status !== 1) throw new Error(`${args.join(' ')} exited ${r.status}, not 1: ${r.stderr}`);
    peak = Math.max(peak, JSON.parse(r.output[3]).rssKb / 1024);
  }
  times.sort((a, b) => a - b);
  return `${times[Math.floor(times.length / 2)].toFixed(0).padStart(5)} ms  ${peak.toFixed(0).padStart(4)} MB`;
}

/** The costliest inputs the tool must refuse: each just under or far over a limit. */
function hostile(dir) {
  const files = {
    'list.yaml': `services: [${Array(19_990).fill('1').join(',')}]\n`,
    'keys.yaml': Array.from({ length: 9_990 }, (_, i) => `k${i}: ${i}\n`).join(''),
    'deep.yaml': `a: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`,
    'aliases.yaml': `a: &a x\nb: [${Array(200_000).fill('*a').join(',')}]\n`,
    'big.yaml': `# ${'x'.repeat(1024 * 1024)}\n`,
  };
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  const value = 'v'.repeat(5 * 1024 * 1024 - 200);
  writeFileSync(
    join(dir, 'big.tmpl'),
    `<bundle name="Exchange2016Core" format="build-templates/1"><template><x>${value}</x></template></bundle>\n`,
  );
  console.log(
    'refusals of hostile input (median wall time, peak memory; the tests hold each under 5 s of CPU and 200 MB):',
  );
  const rows = [
    ['19,990 list items, just under the 20,000-value cap', ['--deployment', 'list.yaml', '--out', 'o']],
    ['9,990 unknown keys', ['--deployment', 'keys.yaml', '--out', 'o']],
    ['brackets nested 100,000 deep', ['--deployment', 'deep.yaml', '--out', 'o']],
    ['200,000 aliases', ['--deployment', 'aliases.yaml', '--out', 'o']],
    ['a deployment file over 1 MB', ['--deployment', 'big.yaml', '--out', 'o']],
    ['inspect: a bundle just under 5 MB', ['inspect', 'big.tmpl']],
  ];
  for (const [what, args] of rows) console.log(`  ${what.padEnd(52)} ${refusal(args, dir)}`);
  // The corpus the tests refuse, every case of it: the slowest and the largest.
  const corpus = spawnSync(
    process.execPath,
    ['--import', 'tsx', new URL('./bench-bad-inputs.ts', import.meta.url).pathname],
    { encoding: 'utf8', stdio: ['ignore', 'inherit', 'inherit'] },
  );
  if (corpus.status !== 0) throw new Error('the bad-input corpus could not be measured');
}

// Parts to run (npm run bench -- speed batch): all when none is named, `tests` only when named or
// with BENCH_TESTS=1 (it takes minutes).
const parts = process.argv.slice(2);
const part = (name) =>
  name === 'tests'
    ? parts.includes(name) || process.env.BENCH_TESTS === '1'
    : parts.length === 0 || parts.includes(name);
const out = mkdtempSync(join(tmpdir(), 'bt-bench-'));
try {
  console.log(
    `${new Date().toISOString().slice(0, 10)}, ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), Node ${process.version}`,
  );
  if (part('speed')) speedTable(out);
  if (part('certs')) withoutExtraCertificates(out);
  if (part('batch')) batchTable();
  if (part('deploy')) await deployTable(out);
  if (part('sizes')) sizeTable(out);
  if (part('hostile')) {
    const bad = join(out, 'hostile');
    mkdirSync(bad);
    hostile(bad);
  }
  if (part('tests')) testTable();
} finally {
  rmSync(out, { recursive: true, force: true });
}

/** The all-templates site's deploy.sh through a site's life against the simulator. */
async function deployTable(out) {
  const siteOut = join(out, 'site');
  const site = new URL('../fixtures/deployments/all-templates/deployment.yaml', import.meta.url).pathname;
  timed([process.execPath, cli, '--deployment', site, '--out', siteOut]);
  console.log(
    `the all-templates site (${readFileSync(site, 'utf8').match(/^ {2}- template:/gm)?.length ?? 0} templates) against the simulator, over HTTPS, with no pause between calls:`,
  );
  console.log('  | script | action | exit | calls | writes | wall s | calls/s | + the default pause |');
  console.log('  | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const script of scripts(siteOut)) {
    for (const r of await lifecycle(script)) {
      // The default pause between calls (LM_DELAY, -Delay): 0.15 s before every call but the first.
      const pause = (Math.max(r.calls - 1, 0) * 0.15).toFixed(1);
      console.log(
        `  | ${script.name} | ${r.action} | ${r.code} | ${r.calls} | ${r.writes} | ${(r.ms / 1000).toFixed(1)} | ${(r.calls / (r.ms / 1000)).toFixed(0)} | ${pause} s |`,
      );
    }
  }
}

/** The size of every file of a default build and of the all-templates site. */
function sizeTable(out) {
  const dir = join(out, 'sizes');
  const site = new URL('../fixtures/deployments/all-templates/deployment.yaml', import.meta.url).pathname;
  timed([process.execPath, cli, '--out', dir]);
  timed([process.execPath, cli, '--deployment', site, '--out', join(dir, 'site')]);
  console.log('generated files:');
  let total = 0;
  for (const [file, size] of sizes(dir).sort()) {
    total += size;
    console.log(`  ${String(size).padStart(8)} B  ${file}`);
  }
  console.log(`  ${String(total).padStart(8)} B  total`);
  // The package as npm would ship it (built already: its scripts are not run again).
  const pack = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
    cwd: new URL('..', import.meta.url).pathname,
    encoding: 'utf8',
  });
  const info = JSON.parse(pack.stdout)[0];
  console.log(
    `the package: ${info.entryCount} files, ${(info.size / 1e6).toFixed(2)} MB packed, ${(info.unpackedSize / 1e6).toFixed(2)} MB unpacked`,
  );
}

/** The wall time of the two test commands, one run each (npm's own start included). */
function testTable() {
  const root = new URL('..', import.meta.url).pathname;
  console.log("test suites (one run each; wall time counts the machine's other load too):");
  console.log('  | command | wall s | CPU s | result |');
  console.log('  | --- | ---: | ---: | --- |');
  for (const script of ['test', 'test:quick']) {
    const logFile = join(scratch, 'test-log');
    const r = spawnSync(
      'bash',
      [
        '-c',
        'TIMEFORMAT="%3R %3U %3S"; { time npm run "$1" >"$0" 2>&1; s=$?; } 2>&1; exit $s',
        logFile,
        script,
      ],
      { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } },
    );
    const [wall, user, sys] = r.stdout.trim().split('\n').at(-1).split(' ').map(Number);
    const log = readFileSync(logFile, 'utf8');
    const sum = (label) =>
      [...log.matchAll(new RegExp(`^ *${label}: +(\\d+)`, 'gm'))].reduce((n, m) => n + Number(m[1]), 0);
    const result = `${sum('Passed')} of ${sum('Total')} passed${r.status === 0 ? '' : `, exit ${r.status}`}`;
    console.log(`  | npm run ${script} | ${wall.toFixed(1)} | ${(user + sys).toFixed(1)} | ${result} |`);
  }
}
