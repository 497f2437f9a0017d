#!/usr/bin/env node
// Measures what a user waits for and what the build produces: the installed CLI's wall time (median
// of several runs, as these machines are shared and noisy) and the size of every generated file.
// Run after `npm ci` (which builds dist/): npm run bench
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const cli = new URL('../dist/cli.js', import.meta.url).pathname;
// The simulator is built from simulator/ (simulator/tsconfig.json) to dist/simulator/.
const { startSimulator } = await import(new URL('../dist/simulator/index.js', import.meta.url).href);

/** Runs a generated deploy.sh (asynchronously: the simulator answers from this process). */
function deploySh(script, args, env) {
  return new Promise((resolve, reject) => {
    const t0 = process.hrtime.bigint();
    const child = spawn('bash', [script, ...args], {
      env: { PATH: process.env.PATH, ...env },
      stdio: 'ignore',
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, ms: Number(process.hrtime.bigint() - t0) / 1e6 }));
  });
}

/** A site's life against the simulator: apply on an empty appliance, plan, apply again, remove. */
async function lifecycle(script) {
  const sim = await startSimulator({
    rateLimit: false,
    certificates: ['Wildcard'],
    ssoDomains: ['EXAMPLE.COM'],
  });
  const env = {
    LM_URL: sim.url,
    LM_USER: sim.user,
    LM_PASSWORD: sim.password,
    LM_CACERT: sim.caCertPath,
    LM_DELAY: '0',
  };
  const writes = new Set([
    'addvs',
    'modvs',
    'delvs',
    'addrs',
    'modrs',
    'addrule',
    'modrule',
    'delrule',
    'addrsrule',
    'set',
  ]);
  const rows = [];
  try {
    for (const action of ['apply', 'plan', 'apply', 'remove']) {
      const before = sim.calls().length;
      const run = await deploySh(script, [action], env);
      const calls = sim.calls().slice(before);
      rows.push({
        action,
        code: run.code,
        ms: run.ms,
        calls: calls.length,
        writes: calls.filter((c) => writes.has(c.command)).length,
      });
    }
  } finally {
    await sim.stop();
  }
  return rows;
}
const runs = Number(process.env.BENCH_RUNS ?? 9);

function median(args) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    const r = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
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

/** The costliest inputs the tool must refuse (issue 10): each just under or far over a limit. */
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
}

const out = mkdtempSync(join(tmpdir(), 'bt-bench-'));
try {
  const node = median(['--version']);
  console.log(`runs per command: ${runs} (median wall time)`);
  console.log(`  build-templates --version            ${node.toFixed(0)} ms (start-up)`);
  console.log(`  build-templates params --json        ${median(['params', '--json']).toFixed(0)} ms`);
  console.log(`  build-templates --out <tmp>          ${median(['--out', out]).toFixed(0)} ms`);
  console.log(`  build-templates --check --out <tmp>  ${median(['--check', '--out', out]).toFixed(0)} ms`);
  const site = new URL('../fixtures/deployments/all-templates/deployment.yaml', import.meta.url).pathname;
  const siteOut = join(out, 'site');
  console.log(
    `  build-templates --deployment <all 18 templates> --out <tmp>  ${median(['--deployment', site, '--out', siteOut]).toFixed(0)} ms`,
  );
  console.log(
    'deploy.sh for all 18 templates against the simulator (HTTPS, LM_DELAY=0; a real appliance adds 0.15 s a call):',
  );
  for (const r of await lifecycle(join(siteOut, 'deploy.sh'))) {
    console.log(
      `  ${r.action.padEnd(7)} exit ${r.code}  ${String(r.calls).padStart(4)} calls  ${String(r.writes).padStart(4)} writes  ${r.ms.toFixed(0)} ms`,
    );
  }
  console.log('generated files:');
  let total = 0;
  for (const [file, size] of sizes(out).sort()) {
    total += size;
    console.log(`  ${String(size).padStart(8)} B  ${file}`);
  }
  console.log(`  ${String(total).padStart(8)} B  total`);
  const bad = join(out, 'hostile');
  mkdirSync(bad);
  hostile(bad);
} finally {
  rmSync(out, { recursive: true, force: true });
}
