import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Diagnostic } from '../deployment/diagnostic.js';
import type { OutputFile } from '../emit/output.js';
import { forTerminal } from '../input/text.js';
import type { Args } from './definition.js';
import { EXIT, print } from './terminal.cjs';
import { warningLines } from './warnings.js';

// Stages are imported on the path that needs them: start-up is most of a run's cost.

/** Writes the whole set under `out`, or nothing (src/write.ts); refuses to write over an input. */
async function writeFiles(
  out: string,
  files: readonly OutputFile[],
  inputs: readonly string[],
  a: Pick<Args, 'followSymlinks' | 'force'>,
): Promise<number> {
  const { writeOutputs } = await import('../write.js');
  writeOutputs(out, files, { inputs, followSymlinks: a.followSymlinks === true, force: a.force === true });
  await print(forTerminal(`wrote ${files.length} files under ${out}\n`, true));
  return EXIT.ok;
}

/** Writes nothing: exit 1 and list the files under `out` that differ from `files`. */
async function checkFiles(
  out: string,
  files: readonly OutputFile[],
  ownedDirs: readonly string[],
): Promise<number> {
  const { checkOutputs } = await import('../write.js');
  const stale = checkOutputs(out, files, ownedDirs);
  if (stale.length === 0) {
    await print(`up to date: ${files.length} generated files\n`);
    return EXIT.ok;
  }
  const list = stale.map((s) => `  ${s.path} (${s.why})\n`).join('');
  process.stderr.write(
    forTerminal(`stale generated files (run build-templates to rewrite them):\n${list}`, true),
  );
  return EXIT.invalid;
}

/**
 * The default command: the committed docs and bundles, and (unless checking) the example site under
 * out/example; with --deployment, that site alone.
 */
export async function compileCommand(
  a: Pick<Args, 'deployment' | 'followSymlinks' | 'strict'> & {
    readonly out: string;
    readonly check: boolean;
  },
): Promise<number> {
  if (a.deployment !== undefined) {
    const { batchInputs, batchCommand } = await import('./batch.js');
    const batch = await batchInputs(a.deployment);
    if (batch) return batchCommand(a, batch);
    const { siteFiles } = await import('../outputs/site.js');
    const [file = ''] = a.deployment;
    const warnings: Diagnostic[] = [];
    const files = await siteFiles(file, '', undefined, { strict: a.strict === true, warnings });
    process.stderr.write(warningLines(warnings));
    return a.check ? checkFiles(a.out, files, []) : writeFiles(a.out, files, [file], a);
  }
  const { siteFiles } = await import('../outputs/site.js');
  const { allOutputs } = await import('../outputs/docs.js');
  const { EXCHANGE_2016 } = await import('../catalog/exchange2016/index.js');
  const g = allOutputs(EXCHANGE_2016);
  if (a.check) return checkFiles(a.out, g.files, g.ownedDirs);
  const { EXAMPLE_DEPLOYMENT_FILE, EXAMPLE_LABEL } = await import('../outputs/site.js');
  const example = await siteFiles(fileURLToPath(EXAMPLE_DEPLOYMENT_FILE), 'out/example/', EXAMPLE_LABEL);
  const files = [...g.files, ...example];
  announce(a.out, files);
  return writeFiles(a.out, files, [], a);
}

/**
 * A bare run into a folder that holds other things (a project of one's own) says first what it
 * writes there, and where; into an empty or new folder it just writes.
 */
function announce(out: string, files: readonly OutputFile[]): void {
  let entries: string[];
  try {
    entries = readdirSync(out);
  } catch {
    return;
  }
  if (entries.length === 0) return;
  const tops = [...new Set(files.map((f) => f.path.split('/')[0] ?? f.path))].map((t) =>
    files.some((f) => f.path.startsWith(`${t}/`)) ? `${t}/` : t,
  );
  process.stderr.write(
    forTerminal(
      `build-templates: will write ${files.length} files under ${resolve(out)}: ${tops.join(', ')} (a file there that build-templates did not write is not replaced)\n`,
      true,
    ),
  );
}

/** `docs`: the section 5 tables, the errata page and the generic runbook. */
export async function docsCommand(
  a: Pick<Args, 'followSymlinks' | 'force'> & { readonly out: string; readonly check: boolean },
): Promise<number> {
  const { docsOutputs, DOCS_OWNED_DIRS } = await import('../outputs/docs.js');
  const { EXCHANGE_2016 } = await import('../catalog/exchange2016/index.js');
  const files = docsOutputs(EXCHANGE_2016);
  return a.check ? checkFiles(a.out, files, DOCS_OWNED_DIRS) : writeFiles(a.out, files, [], a);
}
