import { relative, sep } from 'node:path';
import { EXCHANGE_2016 } from './catalog/exchange2016/index.js';
import { loadDeployment } from './deployment/load.js';
import type { OutputFile } from './emit/output.js';
import { buildSite } from './site.js';

/** The example deployment the default build compiles (the README's quick start). */
export const EXAMPLE_DEPLOYMENT_FILE = new URL(
  '../fixtures/deployments/example/deployment.yaml',
  import.meta.url,
);

/**
 * A site's files from its deployment file, each path under `prefix`. The file is named in the scripts'
 * headers by its path relative to the working folder, so output does not depend on the machine.
 */
export async function siteFiles(file: string, prefix = ''): Promise<OutputFile[]> {
  const deployment = await loadDeployment(file, EXCHANGE_2016);
  const source = relative(process.cwd(), file).split(sep).join('/');
  return buildSite(EXCHANGE_2016, deployment, source).map((f) => ({ ...f, path: prefix + f.path }));
}
