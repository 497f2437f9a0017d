import { readdirSync, statSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { forTerminal } from '../input/text.js';
import { type BatchOptions, type BatchSite, type SiteResult, siteBuilder } from './batch-site.js';
import type { Args } from './definition.js';
import { Progress } from './progress.js';
import { EXIT, print, UsageError } from './terminal.cjs';

/** What a batch is given: where, whether to check only, and how to treat what is there. */
type Common = Pick<Args, 'followSymlinks' | 'strict' | 'force'> & {
  readonly out: string;
  readonly check: boolean;
};

/** The files a folder given to --deployment holds: deployment files directly in it. */
const DEPLOYMENT_FILE = /\.(ya?ml|json)$/i;

/** Code-unit order: the same on every machine, whatever its locale. */
const byCodeUnit = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Whether a path leads to a folder (a path that cannot be seen is not one: it is read, and reported, as a file). */
function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/**
 * The sites of `--deployment`'s values, or null for one site (one file, written into --out itself,
 * as always). A folder stands for its deployment files (`*.yaml`, `*.yml`, `*.json` directly in it,
 * in code-unit order); one that holds none is a file that cannot be read, reported as such. Two
 * files of one base name would write to one folder: a usage error, before anything is read.
 */
export async function batchInputs(values: readonly string[]): Promise<BatchSite[] | null> {
  const files: string[] = [];
  let folders = 0;
  for (const value of values) {
    const inside = isFolder(value)
      ? readdirSync(value, { withFileTypes: true })
          .filter((e) => !e.isDirectory() && DEPLOYMENT_FILE.test(e.name))
          .map((e) => e.name)
          .sort(byCodeUnit)
      : [];
    if (inside.length > 0) folders++;
    files.push(...(inside.length > 0 ? inside.map((name) => join(value, name)) : [value]));
  }
  if (values.length === 1 && folders === 0) return null;
  const seen = new Map<string, string>();
  return files.map((file) => {
    const name = basename(file, extname(file));
    const other = seen.get(name);
    if (other !== undefined)
      throw new UsageError(
        `${other} and ${file} would both be written to the folder ${name}; each site goes to OUT/<its file's name>/, so give files of different names`,
      );
    if (name === '' || name === '.' || name === '..')
      throw new UsageError(`${file}: a site's folder is its file's name, and "${name}" is not one`);
    seen.set(name, file);
    return { file, name };
  });
}

/**
 * Builds each site into OUT/<name>/, each written whole or not at all (src/write.ts); with --check,
 * compares each instead. A site that fails is reported, located, and the others still run. Sites are
 * built one at a time (memory does not grow with their number); the bundles, the same files for
 * every site importing the same bundles, are made once per run. One summary line on stdout; the exit
 * code is 2 when a site could not be written or the program failed on one, else 1 when one was
 * invalid or stale, else 0.
 */
export async function batchCommand(a: Common, sites: readonly BatchSite[]): Promise<number> {
  // A batch runs long enough for V8's optimizing compiler, a growing young generation collected on
  // several threads, and the old one marked in steps, to pay for themselves, which a single site goes
  // without (load-command.cts).
  for (const flag of [
    '--opt',
    '--semi-space-growth-factor=2',
    '--parallel-scavenge',
    '--incremental-marking',
  ])
    setFlagsFromString(flag);
  const { checkOutputFolder, fileIds } = await import('../write.js');
  checkOutputFolder(a.out, a.followSymlinks === true);
  const opts: BatchOptions = {
    out: a.out,
    check: a.check,
    followSymlinks: a.followSymlinks === true,
    strict: a.strict === true,
    force: a.force === true,
    inputIds: a.check ? [] : [...fileIds(sites.map((s) => s.file))],
  };
  const t = { ok: 0, files: 0, invalid: 0, unwritable: 0, internal: 0, stale: 0 };
  let staleHeader = false;
  const report = (r: SiteResult) => {
    if (r.kind === 'ok') {
      t.ok++;
      t.files += r.files;
    } else t[r.kind]++;
    if (r.kind === 'stale' && !staleHeader) {
      staleHeader = true;
      process.stderr.write('stale generated files (run build-templates to rewrite them):\n');
    }
    if (r.stderr) process.stderr.write(r.stderr);
  };
  await buildSites(sites, opts, report);
  await print(forTerminal(summary(a, t), true));
  if (t.unwritable + t.internal > 0) return EXIT.usage;
  return t.invalid + t.stale > 0 ? EXIT.invalid : EXIT.ok;
}

/**
 * Builds every site in order, one at a time: reading and writing are synchronous calls (src/write.ts),
 * so nothing would overlap, and memory holds one site's outputs at a time.
 */
async function buildSites(
  sites: readonly BatchSite[],
  opts: BatchOptions,
  report: (r: SiteResult) => void,
): Promise<void> {
  const builder = await siteBuilder(opts);
  const progress = new Progress(sites.length, 'sites');
  for (const [i, site] of sites.entries()) {
    const result = await builder.build(site);
    if (result.stderr) progress.clear();
    report(result);
    progress.step(i + 1);
    // Between two sites the event loop turns, so that SIGINT or SIGTERM stops the batch there
    // (terminal.cts), each site written whole or not at all.
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  progress.clear();
}

/** The one line a batch ends with. */
function summary(
  a: Common,
  t: { ok: number; files: number; invalid: number; unwritable: number; internal: number; stale: number },
): string {
  const failed = t.invalid + t.unwritable + t.internal;
  const sites = (n: number) => `${n} site${n === 1 ? '' : 's'}`;
  if (a.check) {
    const rest = [t.stale > 0 ? `${t.stale} stale` : '', failed > 0 ? `${failed} failed` : ''].filter(
      Boolean,
    );
    return `up to date: ${sites(t.ok)} (${t.files} generated files) under ${a.out}${rest.length > 0 ? `; ${rest.join(', ')}` : ''}\n`;
  }
  return `wrote ${sites(t.ok)} (${t.files} files) under ${a.out}${failed > 0 ? `; ${failed} failed` : ''}\n`;
}
