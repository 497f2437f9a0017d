import { compileSite } from './compile/site.js';
import { emitBash } from './emit/bash.js';
import type { OutputFile } from './emit/output.js';
import { emitPowerShell } from './emit/powershell.js';
import { emitRunbook } from './emit/runbook.js';
import { emitSiteBundles } from './emit/template-xml.js';
import type { Catalog } from './model/catalog.js';
import type { Deployment } from './model/deployment.js';

/**
 * A site's files, from one compilation: the bash and PowerShell scripts, both rendering one Plan so
 * they cannot drift, the runbook, and the template bundles its runbook imports (dist-templates/, with
 * SHA256SUMS). `source` names the deployment file in their headers (keep it relative, so the output
 * does not depend on where it was made).
 */
export function buildSite(catalog: Catalog, deployment: Deployment, source: string): OutputFile[] {
  const site = compileSite(catalog, deployment, source);
  return [emitBash(site), emitPowerShell(site), emitRunbook(site), ...emitSiteBundles(site)];
}
