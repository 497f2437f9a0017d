import { basename } from 'node:path';
import { EXCHANGE_2016 } from './catalog/exchange2016/index.js';
import { loadDeployment } from './deployment/load.js';
import type { OutputFile } from './emit/output.js';
import { buildSite } from './site.js';

/** The example deployment the default build compiles (the README's quick start), and its name in headers. */
export const EXAMPLE_LABEL = 'examples/deployment.yaml';
export const EXAMPLE_DEPLOYMENT_FILE = new URL('../examples/deployment.yaml', import.meta.url);

/**
 * A site's files from its deployment file, each path under `prefix`. The headers name the file by its
 * name alone (or by `label`), never by a path, so the output is the same wherever it is built.
 */
export async function siteFiles(file: string, prefix = '', label?: string): Promise<OutputFile[]> {
  const deployment = await loadDeployment(file, EXCHANGE_2016);
  // The file's own name, however its path was typed (relative, absolute, ./): the outputs, and so
  // --check, do not depend on the working folder.
  const source = label ?? basename(file);
  return buildSite(EXCHANGE_2016, deployment, source).map((f) => ({ ...f, path: prefix + f.path }));
}
