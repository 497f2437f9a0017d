import type { Source } from '../../model/source.js';

const MS = 'https://learn.microsoft.com/en-us/exchange';
const CMDLET = 'https://learn.microsoft.com/en-us/powershell/module/exchange';

/**
 * The public documents the runbook's statements about Exchange, the LoadMaster's own tools and the
 * client checks rest on: each statement cites one of these by id, with the section that says it.
 */
export const SOURCES: readonly Source[] = [
  {
    id: 'kemp-guide',
    publisher: 'Kemp',
    title: 'MS Exchange 2016 Deployment Guide',
    url: 'https://support.kemptechnologies.com/hc/en-us/articles/14337347206797-MS-Exchange-2016',
  },
  {
    id: 'ms-load-balancing',
    publisher: 'Microsoft',
    title: 'Load balancing in Exchange Server',
    url: `${MS}/architecture/client-access/load-balancing`,
  },
  {
    id: 'ms-certificates',
    publisher: 'Microsoft',
    title: 'Digital certificates and encryption in Exchange Server',
    url: `${MS}/architecture/client-access/certificates`,
  },
  {
    id: 'ms-assign-certificates',
    publisher: 'Microsoft',
    title: 'Assign certificates to Exchange Server services',
    url: `${MS}/architecture/client-access/assign-certificates-to-services`,
  },
  {
    id: 'ms-export-certificates',
    publisher: 'Microsoft',
    title: 'Export a certificate from an Exchange server',
    url: `${MS}/architecture/client-access/export-certificates`,
  },
  {
    id: 'ms-import-certificates',
    publisher: 'Microsoft',
    title: 'Import or install a certificate on an Exchange server',
    url: `${MS}/architecture/client-access/import-certificates`,
  },
  {
    id: 'ms-imap4',
    publisher: 'Microsoft',
    title: 'Enable and configure IMAP4 on an Exchange server',
    url: `${MS}/clients/pop3-and-imap4/configure-imap4`,
  },
  {
    id: 'ms-pop3',
    publisher: 'Microsoft',
    title: 'Enable and configure POP3 on an Exchange server',
    url: `${MS}/clients/pop3-and-imap4/configure-pop3`,
  },
  {
    id: 'ms-set-imapsettings',
    publisher: 'Microsoft',
    title: 'Set-ImapSettings',
    url: `${CMDLET}/set-imapsettings`,
  },
  {
    id: 'ms-set-popsettings',
    publisher: 'Microsoft',
    title: 'Set-PopSettings',
    url: `${CMDLET}/set-popsettings`,
  },
  {
    id: 'ms-ssl-offloading',
    publisher: 'Microsoft',
    title: 'Configuring SSL offloading in Exchange 2013',
    url: `${MS}/configuring-ssl-offloading-in-exchange-2013-exchange-2013-help`,
  },
  {
    id: 'ms-set-outlookanywhere',
    publisher: 'Microsoft',
    title: 'Set-OutlookAnywhere',
    url: `${CMDLET}/set-outlookanywhere`,
  },
  {
    id: 'ms-cumulative-updates',
    publisher: 'Microsoft',
    title: 'Upgrade Exchange to the latest Cumulative Update',
    url: `${MS}/plan-and-deploy/install-cumulative-updates`,
  },
  {
    id: 'ms-extended-protection',
    publisher: 'Microsoft',
    title: 'Configure Windows Extended Protection in Exchange Server',
    url: `${MS}/plan-and-deploy/post-installation-tasks/security-best-practices/exchange-extended-protection`,
  },
  {
    id: 'ms-set-owavd',
    publisher: 'Microsoft',
    title: 'Set-OwaVirtualDirectory',
    url: `${CMDLET}/set-owavirtualdirectory`,
  },
  {
    id: 'ms-set-activesyncvd',
    publisher: 'Microsoft',
    title: 'Set-ActiveSyncVirtualDirectory',
    url: `${CMDLET}/set-activesyncvirtualdirectory`,
  },
  {
    id: 'ms-receive-connectors',
    publisher: 'Microsoft',
    title: 'Receive connectors',
    url: `${MS}/mail-flow/connectors/receive-connectors`,
  },
  {
    id: 'ms-anonymous-relay',
    publisher: 'Microsoft',
    title: 'Allow anonymous relay on Exchange servers',
    url: `${MS}/mail-flow/connectors/allow-anonymous-relay`,
  },
  {
    id: 'ms-authenticated-smtp',
    publisher: 'Microsoft',
    title: 'Configure authenticated SMTP settings for POP3 and IMAP4 clients in Exchange Server',
    url: `${MS}/clients/pop3-and-imap4/configure-authenticated-smtp`,
  },
  {
    id: 'iis-extended-protection',
    publisher: 'Microsoft',
    title: 'Windows Extended Protection <extendedProtection> (IIS configuration reference)',
    url: 'https://learn.microsoft.com/en-us/iis/configuration/system.webServer/security/authentication/windowsAuthentication/extendedprotection/',
  },
  {
    id: 'ms-oos',
    publisher: 'Microsoft',
    title: 'Install Office Online Server in an Exchange organization',
    url: `${MS}/plan-and-deploy/install-office-online-server`,
  },
  {
    id: 'kemp-form-based',
    publisher: 'Kemp',
    title: 'Form-based to Form-based Authentication (technical note)',
    url: 'https://support.kemptechnologies.com/hc/en-us/articles/5143494991885-Form-based-to-Form-based-Authentication',
  },
  {
    id: 'kemp-wui',
    publisher: 'Kemp',
    title: 'Web User Interface (WUI) Configuration Guide',
    url: 'https://docs.progress.com/bundle/loadmaster-configuration-guide-web-user-interface-wui-ltsf/page/Edge-Security-Pack-ESP-Options.html',
  },
  {
    id: 'kemp-health-checking',
    publisher: 'Kemp',
    title: 'Health Checking, Feature Description',
    url: 'https://docs.progress.com/bundle/loadmaster-feature-description-health-checking-ltsf/page/Introduction.html',
  },
  {
    id: 'kemp-non-transparency',
    publisher: 'Kemp',
    title: 'Transparency, Feature Description',
    url: 'https://docs.progress.com/bundle/loadmaster-feature-description-transparency-ga/page/Non-Transparency.html',
  },
  {
    id: 'kemp-resource-utilization',
    publisher: 'Kemp',
    title: 'Resource Utilization, Technical Note',
    url: 'https://docs.progress.com/bundle/loadmaster-technical-note-resource-utilization-ltsf/page/References.html',
  },
  {
    id: 'kemp-starttls-article',
    publisher: 'Kemp',
    title: 'Support article 200539869 (STARTTLS protocols)',
    url: 'https://support.kemptechnologies.com/hc/en-us/articles/200539869',
  },
  {
    id: 'kemp-blackboard',
    publisher: 'Kemp',
    title: 'Blackboard Learn, Deployment Guide',
    url: 'https://docs.progress.com/bundle/loadmaster-deployment-guide-blackboard-learn-ltsf/page/Configure-a-HTTP-Virtual-Service.html',
  },
  {
    id: 'kemp-transparency',
    publisher: 'Kemp',
    title: 'What Does Transparency Mean?',
    url: 'https://support.kemptechnologies.com/hc/en-us/articles/201758196-What-Does-Transparency-Mean-',
  },
  {
    id: 'kemp-module',
    publisher: 'Kemp',
    title: 'Kemp.LoadBalancer.Powershell module (powershell-sdk-vnext)',
    url: 'https://github.com/KEMPtechnologies/powershell-sdk-vnext',
  },
  {
    id: 'openssl-s-client',
    publisher: 'OpenSSL',
    title: 'openssl-s_client',
    url: 'https://docs.openssl.org/3.0/man1/openssl-s_client/',
  },
  {
    id: 'rfc1035',
    publisher: 'IETF',
    title: 'RFC 1035: Domain names, implementation and specification',
    url: 'https://www.rfc-editor.org/rfc/rfc1035',
  },
  { id: 'curl', publisher: 'curl', title: 'curl man page', url: 'https://curl.se/docs/manpage.html' },
];
