import { join } from 'node:path';
import { EXCHANGE_2016 } from '../../src/catalog/exchange2016/index.js';
import { loadDeployment } from '../../src/deployment/load.js';
import type { Deployment, EspSite } from '../../src/model/deployment.js';
import { ROOT } from './guide.js';

/** The test sites: each a deployment file fixtures/sites/<name>.yaml, whose comment says what it holds. */
export const SITE_NAMES = [
  'full-contoso',
  'full-own-addresses',
  'full-shared-address',
  'https-offloaded',
  'ipv6-smtp',
  'plain-https-mail',
  'plain-mail-no-globals',
  'pops-imap-starttls',
  'reencrypted-no-globals',
  'small',
  'smtp-own-port',
] as const;
export type SiteName = (typeof SITE_NAMES)[number];

/** The path of a test site's deployment file. */
export const siteFile = (name: SiteName): string => join(ROOT, 'fixtures', 'sites', `${name}.yaml`);

const loaded = new Map<SiteName, Promise<Deployment>>();

/** A test site, read by the real loader as a user's deployment file is; once per process. */
export function loadSite(name: SiteName): Promise<Deployment> {
  let site = loaded.get(name);
  if (!site) {
    site = loadDeployment(siteFile(name), EXCHANGE_2016);
    loaded.set(name, site);
  }
  return site;
}

/** A test site's ESP values; the site must have them. */
export async function loadSiteEsp(name: SiteName): Promise<EspSite> {
  const { esp } = await loadSite(name);
  if (!esp) throw new Error(`fixtures/sites/${name}.yaml has no ESP values`);
  return esp;
}

/**
 * A site whose nickname, SSO domain, allowed hosts and logoff string are the given text, over a test
 * site's other ESP values. Built here, not read from a file: the text is any text, and the loader refuses
 * much of it (control characters, an empty nickname) before the emitter that must quote it sees it.
 */
export function oddSite(
  esp: EspSite,
  nick: string,
  sso: string,
  hosts: string[],
  logoff: string,
): Deployment {
  return {
    globals: false,
    services: [
      { template: 'https-offloaded-esp', address: '10.0.0.10', certificate: 'Wildcard', nickname: nick },
      { template: 'smtp-esp', address: '10.0.0.11', nickname: nick },
    ],
    exchangeServers: [{ address: '10.0.1.1' }],
    officeOnlineServers: [],
    esp: { ...esp, ssoDomain: sso, allowedHosts: hosts, logoff },
  };
}
