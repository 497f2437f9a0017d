import type { SiteKey } from '../model/common.js';
import type { DeployedService, Deployment } from '../model/deployment.js';
import type { ResolvedParam } from '../model/resolved.js';

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
      return `/owa/${esp.owaGuid}@${esp.smtpDomain}*`;
    case 'smtpDomains':
      return esp.smtpPermittedDomains.join(' ');
    case 'ssoDomain':
      return esp.ssoDomain;
    case 'logoff':
      return esp.logoff;
    case 'userPasswordForm':
      return `${esp.exchangeUrl.replace(/\/+$/, '')}/owa/auth/expiredpassword.aspx?url=/owa/auth.owa`;
  }
}

/** A template's parameters with the site's values in place of the guide's examples. */
export function bindParams(
  params: readonly ResolvedParam[],
  d: Deployment,
  service: DeployedService,
): { name: string; value: string }[] {
  return params.map((p) => ({ name: p.name, value: p.site ? siteValue(p.site, d, service) : p.value }));
}
