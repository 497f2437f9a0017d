import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './guide.js';

/** A fixture deployment: its folder name and the path of its deployment file. */
export interface FixtureCase {
  readonly name: string;
  readonly dir: string;
  readonly file: string;
}

function cases(folder: string): FixtureCase[] {
  const base = join(ROOT, 'fixtures', folder);
  return readdirSync(base)
    .sort()
    .map((name) => {
      const dir = join(base, name);
      const file = readdirSync(dir).find((f) => /^deployment\.(ya?ml|json)$/.test(f));
      // A fixture whose deployment file ships elsewhere (the example site, under examples/) names it
      // in a file called source, by its path in the repository.
      if (!file && existsSync(join(dir, 'source')))
        return { name, dir, file: join(ROOT, readFileSync(join(dir, 'source'), 'utf8').trim()) };
      if (!file) throw new Error(`${dir} has no deployment file`);
      return { name, dir, file: join(dir, file) };
    });
}

/** The valid deployments, one case per folder. */
export const validCases = (): FixtureCase[] => cases('deployments');
/** The invalid deployments; each folder's expected.txt holds the messages. */
export const invalidCases = (): FixtureCase[] => cases('deployments-invalid');
/** A fixture file's text. */
export const read = (path: string): string => readFileSync(path, 'utf8');
