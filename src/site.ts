import { compilePlan } from './compile/plan.js';
import { resolveTemplates } from './compile/templates.js';
import { emitBash } from './emit/bash.js';
import type { OutputFile } from './emit/output.js';
import { emitPowerShell } from './emit/powershell.js';
import { emitRunbook } from './emit/runbook.js';
import { emitSiteBundles } from './emit/template-xml.js';
import type { Catalog } from './model/catalog.js';
import type { Deployment } from './model/deployment.js';

/**
 * A site's files: the bash and PowerShell scripts, both rendering one Plan so they cannot drift, the
 * runbook, and the template bundles its runbook imports (dist-templates/, with SHA256SUMS). `source` names the deployment file in their headers (keep it relative, so the output
 * does not depend on where it was made).
 */
export function buildSite(catalog: Catalog, deployment: Deployment, source: string): OutputFile[] {
  const plan = compilePlan(catalog, deployment);
  const resolved = resolveTemplates(catalog);
  const used = new Set(deployment.services.map((s) => s.template));
  const bundles = [...new Set(resolved.filter((t) => used.has(t.id)).map((t) => t.bundle))];
  return [
    emitBash(plan, { source }),
    emitPowerShell(plan, { source }),
    emitRunbook(catalog, deployment, { source, generic: false, plan }),
    ...emitSiteBundles(resolved, bundles),
  ];
}
