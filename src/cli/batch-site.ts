import { join } from 'node:path';
import type { Diagnostic } from '../deployment/diagnostic.js';
import { forTerminal } from '../input/text.js';
import { OutputError } from '../output-error.cjs';
import { UserError } from '../user-error.js';
import { warningLines } from './warnings.js';

/** A site of a batch: its deployment file and the folder under --out its files go to. */
export interface BatchSite {
  readonly file: string;
  /** The file's base name without its extension: the site is written to OUT/<name>/. */
  readonly name: string;
}

/** What a batch does with each site: the output folder, checking or writing, the run's inputs. */
export interface BatchOptions {
  readonly out: string;
  readonly check: boolean;
  /** Write through symbolic links under --out (src/write.ts). */
  readonly followSymlinks: boolean;
  /** Example values left in a site's file are errors, not warnings. */
  readonly strict: boolean;
  /** Replace files build-templates did not write (src/write.ts). */
  readonly force: boolean;
  /** The identities of every input of the run (src/write.ts fileIds): no output replaces one. */
  readonly inputIds: readonly string[];
}

/** What became of one site, and what to print for it (on stderr, already made safe for a terminal). */
export interface SiteResult {
  /** ok: written (or up to date); stale: --check found it differs; invalid: its file is refused;
   * unwritable: its outputs cannot be written, and none is; internal: the program failed on it (the
   * others still run). */
  readonly kind: 'ok' | 'stale' | 'invalid' | 'unwritable' | 'internal';
  readonly files: number;
  /** Its diagnostics, or with --check its stale files (one `  NAME/PATH (why)` line each). */
  readonly stderr: string;
}

/** The stages a batch runs, loaded once. */
interface Stages {
  readonly site: typeof import('../outputs/site.js');
  readonly write: typeof import('../write.js');
}

/** Builds the sites of one run. */
export interface SiteBuilder {
  build(site: BatchSite): Promise<SiteResult>;
}

/** Builds sites for one run: each compiled, then written whole or not at all (or, --check, compared). */
export async function siteBuilder(opts: BatchOptions): Promise<SiteBuilder> {
  const stages: Stages = { site: await import('../outputs/site.js'), write: await import('../write.js') };
  const inputIds = new Set(opts.inputIds);
  return { build: (site) => buildOne(stages, opts, inputIds, site) };
}

async function buildOne(
  { site: s, write: w }: Stages,
  opts: BatchOptions,
  inputIds: ReadonlySet<string>,
  site: BatchSite,
): Promise<SiteResult> {
  const root = join(opts.out, site.name);
  const warnings: Diagnostic[] = [];
  try {
    const files = await s.siteFiles(site.file, '', undefined, { strict: opts.strict, warnings });
    if (opts.check) {
      const stale = w.checkOutputs(root, files, []);
      if (stale.length > 0) {
        const list = stale.map((f) => `  ${join(site.name, f.path)} (${f.why})\n`).join('');
        return {
          kind: 'stale',
          files: files.length,
          stderr: warningLines(warnings) + forTerminal(list, true),
        };
      }
    } else w.writeOutputs(root, files, { inputIds, followSymlinks: opts.followSymlinks, force: opts.force });
    return { kind: 'ok', files: files.length, stderr: warningLines(warnings) };
  } catch (err) {
    if (err instanceof UserError)
      return { kind: 'invalid', files: 0, stderr: `${forTerminal(err.report(), true)}\n` };
    if (err instanceof OutputError)
      return { kind: 'unwritable', files: 0, stderr: `build-templates: ${forTerminal(err.message)}\n` };
    const { internalError } = await import('./internal-error.js');
    return { kind: 'internal', files: 0, stderr: `build-templates: ${site.file}: ${internalError(err)}\n` };
  }
}
