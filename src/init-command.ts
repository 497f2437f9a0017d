import { lstat } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import { EXAMPLE_DEPLOYMENT } from './deployment/example.js';
import { OutputError } from './output-error.js';
import { UserError } from './user-error.js';
import { writeOutputs } from './write.js';

/**
 * Writes the commented example deployment file; an existing file is kept unless `force`. A folder
 * (or a name ending in /) is refused, whatever `force` says: init writes one file.
 */
export async function initDeployment(file: string, force: boolean): Promise<void> {
  const info = await lstat(file).catch(() => null);
  if (/[/\\]$/.test(file) || info?.isDirectory())
    throw new OutputError(
      `${file}: is a folder; give the name of the file to write (e.g. ${file.replace(/[/\\]*$/, '')}/deployment.yaml)`,
    );
  if (info && !force) throw new UserError(`${file} exists; use --force to replace it`);
  await writeOutputs(dirname(file), [{ path: basename(file), contents: EXAMPLE_DEPLOYMENT }]);
}
