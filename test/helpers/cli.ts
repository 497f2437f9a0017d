import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from './guide.js';

/** What a run of the CLI printed and how it ended. */
export interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs build-templates from source, as a user would run the installed command. */
export function cli(args: readonly string[], cwd = ROOT): CliRun {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli.ts'), ...args], {
    cwd,
    encoding: 'utf8',
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
