// The bench's part `hostile`, first half: every case of the project's own bad-input corpus
// (test/helpers/bad-inputs.ts), each run once by the command as installed (package.json's bin), with
// its wall time and peak memory (test/helpers/usage-probe.mjs); prints the slowest and the largest
// against the goals (5 s, 200 MB). Run by scripts/bench.mjs, with tsx: the corpus is TypeScript.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BAD_INPUTS } from '../test/helpers/bad-inputs.js';

const root = new URL('..', import.meta.url).pathname;
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { bin: Record<string, string> };
const cli = join(root, pkg.bin['build-templates'] ?? '');
const probe = new URL('../test/helpers/usage-probe.mjs', import.meta.url).href;

interface Measure {
  readonly name: string;
  readonly ms: number;
  readonly mb: number;
}

const measured: Measure[] = [];
for (const c of BAD_INPUTS) {
  // Standard output closed or full is the test's to arrange; its cost is the tool's start-up alone.
  if (c.stdout !== undefined) continue;
  const dir = mkdtempSync(join(tmpdir(), 'bt-bench-bad-'));
  try {
    const args = await c.setup(dir);
    const t0 = process.hrtime.bigint();
    const r = spawnSync(process.execPath, ['--import', probe, cli, ...args], {
      cwd: dir,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
      timeout: 60_000,
    });
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    const usage = JSON.parse(r.output[3] ?? '{}') as { rssKb?: number };
    measured.push({ name: `${c.kind}: ${c.name}`, ms, mb: (usage.rssKb ?? 0) / 1024 });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
const slowest = measured.reduce((a, b) => (b.ms > a.ms ? b : a));
const largest = measured.reduce((a, b) => (b.mb > a.mb ? b : a));
const goal = (ok: boolean) => (ok ? 'met' : 'NOT met');
console.log(`the project's ${measured.length} bad-input cases, each run once by the installed command:`);
console.log(
  `  slowest: ${slowest.ms.toFixed(0)} ms (${slowest.name}; goal under 5 s: ${goal(slowest.ms < 5000)})`,
);
console.log(
  `  largest: ${largest.mb.toFixed(0)} MB peak (${largest.name}; goal under 200 MB: ${goal(largest.mb < 200)})`,
);
