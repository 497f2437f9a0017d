import { basename } from 'node:path';
import { EXCHANGE_2016 } from '../catalog/exchange2016/index.js';
import { compileSite } from '../compile/site.js';
import { loadDeployment, type PlaceholderPolicy } from '../deployment/load.js';
import { emitBash } from '../emit/bash.js';
import type { OutputFile } from '../emit/output.js';
import { emitPowerShell } from '../emit/powershell.js';
import { emitRunbook } from '../emit/runbook.js';
import { emitSiteBundles } from '../emit/template-xml.js';
import type { Catalog } from '../model/catalog.js';
import type { Deployment } from '../model/deployment.js';
import { packageFile } from '../paths.cjs';

/** The example deployment the default build compiles (the README's quick start), and its name in headers. */
export const EXAMPLE_LABEL = 'examples/deployment.yaml';
export const EXAMPLE_DEPLOYMENT_FILE = packageFile('examples/deployment.yaml');

/**
 * A site's files, from one compilation: the bash and PowerShell scripts, both rendering one Plan so
 * they cannot drift, the runbook, and the template bundles its runbook imports (dist-templates/, with
 * SHA256SUMS). `source` names the deployment file in their headers (keep it relative, so the output
 * does not depend on where it was made).
 */
export function siteOutputs(catalog: Catalog, deployment: Deployment, source: string): OutputFile[] {
  const site = compileSite(catalog, deployment, source);
  return [emitBash(site), emitPowerShell(site), emitRunbook(site), ...emitSiteBundles(site)];
}

/**
 * A site's files from its deployment file, each path under `prefix`. The headers name the file by its
 * name alone (or by `label`), never by a path, so the output is the same wherever it is built.
 */
export async function siteFiles(
  file: string,
  prefix = '',
  label?: string,
  policy?: PlaceholderPolicy,
): Promise<OutputFile[]> {
  const deployment = await loadDeployment(file, EXCHANGE_2016, policy);
  // The file's own name, however its path was typed (relative, absolute, ./): the outputs, and so
  // --check, do not depend on the working folder.
  const source = label ?? basename(file);
  const files = siteOutputs(EXCHANGE_2016, deployment, source);
  return prefix === '' ? files : files.map((f) => ({ ...f, path: prefix + f.path }));
}
