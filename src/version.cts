import { readFileSync } from 'node:fs';
import { packageFile } from './paths.cjs';

/**
 * This package's version, from its own package.json (src/paths.cts). yargs would
 * look for the nearest package.json from the working folder, which, installed as a dependency, is the
 * host project's.
 */
export function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(packageFile('package.json'), 'utf8')) as {
    version?: string;
  };
  return pkg.version ?? 'unknown';
}
