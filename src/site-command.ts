import { sep } from 'node:path';
import { EXCHANGE_2016 } from './catalog/exchange2016/index.js';
import { loadDeployment } from './deployment/load.js';
import type { OutputFile } from './emit/output.js';
import { buildSite } from './site.js';

/** The example deployment the default build compiles (the README's quick start), and its name in headers. */
export const EXAMPLE_LABEL = 'fixtures/deployments/example/deployment.yaml';
export const EXAMPLE_DEPLOYMENT_FILE = new URL(
  '../fixtures/deployments/example/deployment.yaml',
  import.meta.url,
);

/**
 * A site's files from its deployment file, each path under `prefix`. The headers name the file as the
 * user gave it (or by `label`), never by a path this machine resolved, so the output is the same
 * wherever it is built.
 */
export async function siteFiles(file: string, prefix = '', label?: string): Promise<OutputFile[]> {
  const deployment = await loadDeployment(file, EXCHANGE_2016);
  const source = label ?? file.split(sep).join('/');
  return buildSite(EXCHANGE_2016, deployment, source).map((f) => ({ ...f, path: prefix + f.path }));
}
