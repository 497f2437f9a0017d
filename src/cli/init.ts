import { lstatSync, type Stats } from 'node:fs';
import { basename, dirname, extname, isAbsolute, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { EXCHANGE_2016 } from '../catalog/exchange2016/index.js';
import type { Diagnostic } from '../deployment/diagnostic.js';
import { exampleDeployment } from '../deployment/example.js';
import { parseDeployment } from '../deployment/load.js';
import { OutputError } from '../output-error.cjs';
import { packageFile } from '../paths.cjs';
import { writeOutputs } from '../write.js';
import { warningLines } from './warnings.js';

/** What is at a path, or null when nothing can be seen there (writing it then says why). */
function lstatOrNull(path: string): Stats | null {
  try {
    return lstatSync(path);
  } catch {
    return null;
  }
}

/**
 * Writes a deployment file: the site's answers when `asking` (init-interview.ts), else the commented
 * example; YAML, or JSON for a `.json` name; its `$schema` is the path from the file to this
 * package's schema. An existing file is kept unless `force`. A folder
 * (or a name ending in /) is refused, whatever `force` says: init writes one file.
 */
export async function initDeployment(
  file: string,
  force: boolean,
  followSymlinks = false,
  asking = false,
): Promise<void> {
  const info = lstatOrNull(file);
  if (/[/\\]$/.test(file) || info?.isDirectory())
    throw new OutputError(
      `${file}: is a folder; give the name of the file to write (e.g. ${file.replace(/[/\\]*$/, '')}/deployment.yaml)`,
    );
  if (info && !force) throw new OutputError(`${file} exists; use --force to replace it`);
  // The schema as the new file reaches it: from a clone or from node_modules, wherever the file goes.
  const schema = fileURLToPath(packageFile('schemas/deployment.schema.json'));
  let path = relative(resolve(dirname(file)), schema)
    .split(sep)
    .join('/');
  // Another drive (Windows) has no relative path: the absolute one is kept.
  if (!path.startsWith('.') && !isAbsolute(path)) path = `./${path}`;
  const format = extname(file).toLowerCase() === '.json' ? 'json' : 'yaml';
  // At a terminal, the site's own answers; else the commented example.
  let contents = exampleDeployment(path, format);
  if (asking) {
    const { interview } = await import('./init-interview.js');
    const yaml = await interview(path);
    contents = format === 'yaml' ? yaml : `${JSON.stringify(parse(yaml), null, 2)}\n`;
    // What was answered is a site: checked as --deployment would (warnings for example values kept).
    const warnings: Diagnostic[] = [];
    parseDeployment(file, contents, EXCHANGE_2016, { warnings });
    process.stderr.write(warningLines(warnings));
  }
  // The file is the user's, never marked as generated: replacing it was allowed above (--force).
  writeOutputs(dirname(file), [{ path: basename(file), contents }], {
    followSymlinks,
    force: true,
  });
}
