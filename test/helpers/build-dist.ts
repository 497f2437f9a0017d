import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from './guide.js';

/** The command as installed runs from dist/ (package.json's bin, dist/cli/main.cjs). */
export const BUILT_CLI = join(ROOT, 'dist/cli/main.cjs');

/**
 * Builds the command as `npm run build` does, for tests that run it as a user would: the compiler
 * (tsconfig.build.json) and its bundle with the code cache (scripts/bundle.ts). Throws with the
 * build's own output when a step fails.
 */
export function buildDist(): void {
  const steps: readonly (readonly string[])[] = [
    [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'],
    ['--import', 'tsx', join(ROOT, 'scripts/bundle.ts')],
  ];
  for (const args of steps) {
    const r = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`building dist/ (${args.join(' ')}): ${r.stdout}${r.stderr}`);
  }
}
