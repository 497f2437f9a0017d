import { lstatSync, type Stats } from 'node:fs';
import { basename, dirname, extname, isAbsolute, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { exampleDeployment } from '../deployment/example.js';
import { OutputError } from '../output-error.js';
import { packageFile } from '../paths.js';
import { UserError } from '../user-error.js';
import { writeOutputs } from '../write.js';

/** What is at a path, or null when nothing can be seen there (writing it then says why). */
function lstatOrNull(path: string): Stats | null {
  try {
    return lstatSync(path);
  } catch {
    return null;
  }
}

/**
 * Writes the example deployment file: commented YAML, or JSON for a `.json` name; its `$schema` is
 * the path from the file to this package's schema. An existing file is kept unless `force`. A folder
 * (or a name ending in /) is refused, whatever `force` says: init writes one file.
 */
export async function initDeployment(file: string, force: boolean, followSymlinks = false): Promise<void> {
  const info = lstatOrNull(file);
  if (/[/\\]$/.test(file) || info?.isDirectory())
    throw new OutputError(
      `${file}: is a folder; give the name of the file to write (e.g. ${file.replace(/[/\\]*$/, '')}/deployment.yaml)`,
    );
  if (info && !force) throw new UserError(`${file} exists; use --force to replace it`);
  // The schema as the new file reaches it: from a clone or from node_modules, wherever the file goes.
  const schema = fileURLToPath(packageFile('schemas/deployment.schema.json'));
  let path = relative(resolve(dirname(file)), schema)
    .split(sep)
    .join('/');
  // Another drive (Windows) has no relative path: the absolute one is kept.
  if (!path.startsWith('.') && !isAbsolute(path)) path = `./${path}`;
  const format = extname(file).toLowerCase() === '.json' ? 'json' : 'yaml';
  // The file is the user's, never marked as generated: replacing it was allowed above (--force).
  writeOutputs(dirname(file), [{ path: basename(file), contents: exampleDeployment(path, format) }], {
    followSymlinks,
    force: true,
  });
}
