import { EXCHANGE_2016 } from '../../src/catalog/exchange2016/index.js';
import { compilePlan } from '../../src/compile/plan.js';
import { emitBash } from '../../src/emit/bash.js';
import type { Deployment, EspSite } from '../../src/model/deployment.js';
import type { Plan } from '../../src/model/plan.js';

/** The ESP settings of a site, as 4.2.2 and 4.9 ask for them. */
export const ESP_SITE: EspSite = {
  ssoDomain: 'example.com',
  allowedHosts: ['mail.example.com', 'autodiscover.example.com'],
  owaGuid: '6a3c1f4e-1b2d-4c5e-9f00-123456789abc',
  smtpDomain: 'example.com',
  logoff: '/owa/logoff.owa',
  exchangeUrl: 'https://mail.example.com',
  smtpPermittedDomains: ['example.com', 'example.org'],
};

/** HTTPS offloaded with ESP, IMAPS offloaded, POP STARTTLS, SMTP with ESP and Office Online. */
export const FULL: Deployment = {
  globals: true,
  services: [
    { template: 'https-offloaded-esp', address: '10.0.0.10', certificate: 'Wildcard' },
    { template: 'imaps-offloaded', address: '10.0.0.10', certificate: 'Wildcard' },
    { template: 'pop-starttls', address: '10.0.0.10', certificate: 'Wildcard' },
    { template: 'smtp-esp', address: '10.0.0.11' },
    { template: 'office-online', address: '10.0.0.12', certificate: 'ExchangeCert' },
  ],
  exchangeServers: [{ address: '10.0.1.1' }, { address: '10.0.1.2', weight: 2000 }],
  officeOnlineServers: [{ address: '10.0.2.1' }, { address: '10.0.2.2' }],
  esp: ESP_SITE,
};

/** Plain mail services, no certificates, no ESP, one renamed service and three servers. */
export const PLAIN: Deployment = {
  globals: false,
  services: [
    { template: 'imap', address: '192.168.10.5' },
    { template: 'pop', address: '192.168.10.5', nickname: 'Mail POP3' },
    { template: 'smtp', address: '192.168.10.6' },
    { template: 'smtps', address: '192.168.10.6' },
  ],
  exchangeServers: [
    { address: '192.168.20.1' },
    { address: '192.168.20.2' },
    { address: '192.168.20.3', weight: 500 },
  ],
  officeOnlineServers: [],
};

/** HTTPS offloaded without ESP: the redirect, the HTTPS parent, nine SubVSs and their rules. */
export const HTTPS_PLAIN: Deployment = {
  globals: true,
  services: [{ template: 'https-offloaded', address: '10.1.0.10', certificate: 'Wildcard' }],
  exchangeServers: [{ address: '10.1.1.1' }],
  officeOnlineServers: [],
};

/** Small and quick: globals, one certificate, two services, two servers. */
export const SMALL: Deployment = {
  globals: true,
  services: [
    { template: 'imaps-offloaded', address: '10.2.0.10', certificate: 'Wildcard' },
    { template: 'smtp-esp', address: '10.2.0.11' },
  ],
  exchangeServers: [{ address: '10.2.1.1' }, { address: '10.2.1.2', weight: 10 }],
  officeOnlineServers: [],
  esp: ESP_SITE,
};

/** The plan of a deployment, compiled from the Exchange 2016 catalog. */
export function planOf(d: Deployment): Plan {
  return compilePlan(EXCHANGE_2016, d);
}

/** deploy.sh's text for a deployment. */
export function scriptOf(d: Deployment): string {
  return emitBash({ plan: planOf(d), source: 'deployment.yaml' }).contents;
}
