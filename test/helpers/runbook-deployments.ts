import type { Deployment } from '../../src/model/deployment.js';

/** HTTPS offloaded with ESP, IMAPS offloaded, POP with STARTTLS, SMTP with ESP and Office Online. */
export const FULL: Deployment = {
  globals: true,
  services: [
    { template: 'https-offloaded-esp', address: '10.1.0.10', certificate: 'mail-contoso-2025' },
    { template: 'imaps-offloaded', address: '10.1.0.11', certificate: 'imap-contoso' },
    { template: 'pop-starttls', address: '10.1.0.12', certificate: 'pop-contoso' },
    { template: 'smtp-esp', address: '10.1.0.13' },
    { template: 'office-online', address: '10.1.0.14', certificate: 'oos-contoso' },
  ],
  exchangeServers: [{ address: '10.2.0.21' }, { address: '10.2.0.22', weight: 2000 }],
  officeOnlineServers: [{ address: '10.3.0.31' }],
  esp: {
    ssoDomain: 'CONTOSO.LOCAL',
    allowedHosts: ['mail.contoso.com', 'autodiscover.contoso.com'],
    owaGuid: '8f3c2a1e-1111-4a2b-9c3d-0123456789ab',
    smtpDomain: 'contoso.com',
    logoff: '/owa/logoff.owa',
    exchangeUrl: 'https://mail.contoso.com',
    smtpPermittedDomains: ['contoso.com', 'fabrikam.com'],
  },
};

/** One plain SMTP service on a port of the site's choosing and one IMAP service, no ESP. */
export const PLAIN: Deployment = {
  globals: true,
  services: [
    { template: 'smtp', address: '192.0.2.25', realServerPort: 2525 },
    { template: 'imap', address: '192.0.2.26' },
  ],
  exchangeServers: [{ address: '192.0.2.101' }],
  officeOnlineServers: [],
};

/** HTTPS re-encrypted without the section 2 globals. */
export const NO_GLOBALS: Deployment = {
  globals: false,
  services: [{ template: 'https-reencrypted', address: '198.51.100.7', certificate: 'wild' }],
  exchangeServers: [{ address: '198.51.100.21' }],
  officeOnlineServers: [],
};
