import { access } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import { EXAMPLE_DEPLOYMENT } from './deployment/example.js';
import { UserError } from './user-error.js';
import { writeOutputs } from './write.js';

/** Writes the commented example deployment file; an existing file is kept unless `force`. */
export async function initDeployment(file: string, force: boolean): Promise<void> {
  const exists = await access(file).then(
    () => true,
    () => false,
  );
  if (exists && !force) throw new UserError(`${file} exists; use --force to replace it`);
  await writeOutputs(dirname(file), [{ path: basename(file), contents: EXAMPLE_DEPLOYMENT }]);
}
