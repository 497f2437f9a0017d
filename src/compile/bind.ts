import { P } from '../loadmaster/parameters.js';
import type { SiteKey } from '../model/common.js';
import { type DeployedService, type Deployment, siteRuleName } from '../model/deployment.js';
import type { ResolvedParam, ResolvedTemplate, ResolvedVs } from '../model/resolved.js';

/** 4.2.2: OWA's pre-authentication exclusion, the arbitration mailbox's path. */
export const owaExcludedDirectory = (guid: string, smtpDomain: string): string =>
  `/owa/${guid}@${smtpDomain}*`;

/** 4.2.2's User Password Form under the site's Exchange URL. */
export const passwordFormUrl = (exchangeUrl: string): string =>
  `${exchangeUrl.replace(/\/+$/, '')}/owa/auth/expiredpassword.aspx?url=/owa/auth.owa`;

/** Where the site gives a value the guide only exemplifies. */
export function siteValue(key: SiteKey, d: Deployment, service: DeployedService): string {
  if (key === 'certificate') {
    if (!service.certificate)
      throw new Error(`${service.template} at ${service.address} needs a certificate`);
    return service.certificate;
  }
  const esp = d.esp;
  if (!esp) throw new Error(`${service.template} needs the esp section of the deployment file`);
  switch (key) {
    case 'allowedHosts':
      return esp.allowedHosts.join(' ');
    case 'owaExcludedDirectories':
      return owaExcludedDirectory(esp.owaGuid, esp.smtpDomain);
    case 'smtpDomains':
      return esp.smtpPermittedDomains.join(' ');
    case 'ssoDomain':
      return esp.ssoDomain;
    case 'logoff':
      return esp.logoff;
    case 'userPasswordForm':
      return passwordFormUrl(esp.exchangeUrl);
  }
}

/**
 * A template's parameters with the site's values in place of the guide's examples. Where the site
 * moves its real servers to another port, a health check aimed at the guide's real-server port
 * follows them (one aimed elsewhere, like HTTPS offloaded's check on 443, stays).
 */
export function bindParams(
  params: readonly ResolvedParam[],
  d: Deployment,
  service: DeployedService,
  guidePort: number,
): ResolvedParam[] {
  const moved = service.realServerPort;
  return params.map((p) => {
    if (p.site) return { name: p.name, value: siteValue(p.site, d, service) };
    if (moved !== undefined && p.name === P.CheckPort && p.value === String(guidePort)) {
      return { name: p.name, value: String(moved) };
    }
    return { name: p.name, value: p.value };
  });
}

/**
 * A Virtual Service under the site's own nickname, where the site gives one: every service but the
 * HTTP redirect, which keeps its own name (5.1, 4.1.1).
 */
function renamed(vs: ResolvedVs, nickname: string | undefined): ResolvedVs {
  if (!nickname || vs.role === 'redirect') return vs;
  const params = vs.params.map((p) => (p.name === P.nickname ? { ...p, value: nickname } : p));
  return { ...vs, nickname, params };
}

/**
 * A resolved template with every parameter of every VS and SubVS bound to the site, and its content
 * rules under the site's names (contentRules).
 */
export function bindTemplate(t: ResolvedTemplate, d: Deployment, service: DeployedService): ResolvedTemplate {
  const bind = (params: readonly ResolvedParam[]) => bindParams(params, d, service, t.realServerPort);
  const ruleName = (name: string) => siteRuleName(d.contentRules, name);
  return {
    ...t,
    rules: t.rules.map((r) => ({ ...r, name: ruleName(r.name) })),
    services: t.services.map((vs) =>
      renamed(
        {
          ...vs,
          params: bind(vs.params),
          subvs: vs.subvs.map((sub) => ({ ...sub, rule: ruleName(sub.rule), params: bind(sub.params) })),
        },
        service.nickname,
      ),
    ),
  };
}
