import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from './guide.js';

/** What a run of the CLI printed and how it ended. */
export interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** tsx's loader by path, not resolved from the working folder, so the CLI can run from any folder. */
export const TSX = pathToFileURL(join(ROOT, 'node_modules/tsx/dist/loader.mjs')).href;

/** Runs build-templates from source, as a user would run the installed command. */
export function cli(args: readonly string[], cwd = ROOT): CliRun {
  const r = spawnSync(process.execPath, ['--import', TSX, join(ROOT, 'src/cli/main.cts'), ...args], {
    cwd,
    encoding: 'utf8',
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
