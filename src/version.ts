import { readFileSync } from 'node:fs';

/**
 * This package's version, from its own package.json (one folder above src/ and dist/). yargs would
 * look for the nearest package.json from the working folder, which, installed as a dependency, is the
 * host project's.
 */
export function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
    version?: string;
  };
  return pkg.version ?? 'unknown';
}
