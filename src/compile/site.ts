import type { Catalog } from '../model/catalog.js';
import { type Deployment, siteRuleName } from '../model/deployment.js';
import type { ResolvedTemplate } from '../model/resolved.js';
import type { EspValues, SiteCompilation, SiteService } from '../model/site.js';
import type { BundleName } from '../model/template.js';
import { owaExcludedDirectory, passwordFormUrl } from './bind.js';
import { bindServices, compilePlan } from './plan.js';
import { serviceErrata } from './service-errata.js';
import { resolvedTemplate, resolveTemplates } from './templates.js';

/** 4.2.2's values for a site, or the guide's examples with placeholders where a site's value goes. */
function espValues(catalog: Catalog, d: Deployment | null): EspValues {
  const e = d?.esp;
  if (!e) {
    const x = catalog.example;
    return {
      hosts: x.allowedHosts,
      excluded: owaExcludedDirectory('<guid>', '<smtpdomain>'),
      logoff: catalog.esp.defaultLogoff,
      passwordForm: passwordFormUrl('https://<Exchange URL>'),
      ssoDomain: x.ssoDomain,
    };
  }
  return {
    hosts: e.allowedHosts,
    excluded: owaExcludedDirectory(e.owaGuid, e.smtpDomain),
    logoff: e.logoff,
    passwordForm: passwordFormUrl(e.exchangeUrl),
    ssoDomain: e.ssoDomain,
  };
}

/** The bundles holding these templates, in section 3's order. */
function bundlesOf(catalog: Catalog, templates: readonly ResolvedTemplate[]): BundleName[] {
  const used = new Set(templates.map((t) => t.bundle));
  return catalog.bundles.filter((b) => used.has(b.name)).map((b) => b.name);
}

/** One site compiled for every emitter: its Plan, its services bound, its ESP values. */
export function compileSite(catalog: Catalog, d: Deployment, source: string): SiteCompilation {
  const resolved = resolveTemplates(catalog);
  const resolvedById = (id: string): ResolvedTemplate => resolvedTemplate(catalog, id);
  const esp = espValues(catalog, d);
  const bound = bindServices(catalog, d, resolvedById);
  const services = bound.map(({ s, t, servers }): SiteService => {
    const main = t.services.at(-1);
    const service = {
      title: `${t.name} at ${s.address}`,
      section: t.section,
      address: s.address,
      certificate: s.certificate ?? '',
      servers,
      templates: [t],
      nickname: main?.nickname ?? t.name,
      smtpDomains: d.esp?.smtpPermittedDomains ?? [],
    };
    return { ...service, errata: serviceErrata(catalog, { ...service, esp, generic: false }) };
  });
  const certificates = [...new Set(d.services.flatMap((s) => (s.certificate ? [s.certificate] : [])))];
  const used = new Set(d.services.map((s) => s.template));
  return {
    catalog,
    example: false,
    source,
    globals: d.globals,
    certificates: certificates.sort(),
    ssoDomain: d.esp?.ssoDomain ?? null,
    esp,
    services,
    plan: compilePlan(catalog, d, bound),
    resolved,
    bundles: bundlesOf(
      catalog,
      resolved.filter((t) => used.has(t.id)),
    ),
    renamedRules: renamedRules(
      d,
      d.services.map((s) => resolvedById(s.template)),
    ),
  };
}

/** The content rules of the templates the site uses that the site names otherwise than the guide. */
function renamedRules(
  d: Deployment,
  templates: readonly ResolvedTemplate[],
): SiteCompilation['renamedRules'] {
  const guide = [...new Set(templates.flatMap((t) => t.rules.map((r) => r.name)))];
  return guide
    .map((name) => ({ guide: name, site: siteRuleName(d.contentRules, name) }))
    .filter((r) => r.site !== r.guide);
}

/**
 * The guide's own site, for its runbook (docs/runbook.md): one service per guide section with all
 * of that section's templates, the guide's example values, every global setting, no Plan.
 */
export function compileExampleSite(catalog: Catalog): SiteCompilation {
  const x = catalog.example;
  const resolved = resolveTemplates(catalog);
  const sections = [...new Set(catalog.templates.map((t) => t.section))];
  const esp = espValues(catalog, null);
  const services = sections.map((section): SiteService => {
    const templates = catalog.templates
      .filter((t) => t.section === section)
      .map((t) => resolvedTemplate(catalog, t.id));
    const service = {
      title: catalog.steps.find((s) => s.section === section)?.title ?? section,
      section,
      address: x.virtualAddress,
      certificate: x.certificate,
      servers: x.realServers.map((address) => ({ address })),
      templates,
      nickname: templates[0]?.name ?? '',
      smtpDomains: [x.smtpDomain],
    };
    return { ...service, errata: serviceErrata(catalog, { ...service, esp, generic: true }) };
  });
  return {
    catalog,
    example: true,
    source: '',
    globals: true,
    certificates: [],
    ssoDomain: null,
    esp,
    services,
    plan: { summary: [], steps: [], removal: [] },
    resolved,
    bundles: bundlesOf(
      catalog,
      services.flatMap((s) => s.templates),
    ),
    renamedRules: [],
  };
}
