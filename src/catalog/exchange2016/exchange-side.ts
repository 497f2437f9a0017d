import type { ExchangePrerequisite } from '../../model/exchange-side.js';

/**
 * The Exchange side of the templates that offload TLS: the guide leaves it out. Sources: Microsoft's
 * Exchange cmdlet reference (Set-OutlookAnywhere -SSLOffloading; Set-ImapSettings and
 * Set-PopSettings -LoginType, whose default SecureLogin refuses a plain-text login on a connection
 * that is not encrypted) and IIS's Require SSL setting (the access section's sslFlags).
 */
export const EXCHANGE_PREREQUISITES: readonly ExchangePrerequisite[] = [
  {
    id: 'https-ssl-offloading',
    templates: ['https-offloaded', 'https-offloaded-esp'],
    title: 'Let Exchange accept HTTP from the LoadMaster (SSL offloading)',
    symptom:
      'The LoadMaster sends these services to the Exchange servers as plain HTTP on port 80, while its health checks use HTTPS on 443. Unless each server accepts HTTP, clients get HTTP 403.4 (SSL required) even though the LoadMaster shows every server Up.',
    steps: [
      "On each Exchange server, in the Exchange Management Shell, turn on SSL offloading for Outlook Anywhere (the commands below, with the server's name for `<name>`).",
      'In IIS Manager, on **Default Web Site**, clear **Require SSL** under **SSL Settings** for each virtual directory the LoadMaster serves: `owa`, `ecp`, `EWS`, `OAB`, `mapi`, `Microsoft-Server-ActiveSync` and `Autodiscover` (or run the `appcmd` lines below).',
      'Restart IIS (`iisreset /noforce`) and sign in to OWA through the Virtual Service to check.',
    ],
    commands: [
      "$Server = '<name>'   # this Exchange server's name",
      'Get-OutlookAnywhere -Server $Server | Set-OutlookAnywhere -SSLOffloading $true',
      ...['owa', 'ecp', 'EWS', 'OAB', 'mapi', 'Microsoft-Server-ActiveSync', 'Autodiscover'].map(
        (d) =>
          `& $env:windir\\system32\\inetsrv\\appcmd.exe set config "Default Web Site/${d}" /section:access /sslFlags:None /commit:APPHOST`,
      ),
      'iisreset /noforce',
    ].join('\n'),
    source: 'Microsoft: Set-OutlookAnywhere (-SSLOffloading); IIS access/sslFlags',
  },
  {
    id: 'imap-plain-text-login',
    templates: ['imaps-offloaded', 'imap-starttls'],
    title: 'Let Exchange accept IMAP logins the LoadMaster has decrypted',
    symptom:
      'The LoadMaster ends TLS and passes IMAP on to the servers in plain text on port 143. Exchange refuses a plain-text login there by default (LoginType SecureLogin): clients fail at login while the LoadMaster shows the servers Up.',
    steps: [
      "On each Exchange server, in the Exchange Management Shell, allow plain-text logins for IMAP4 (the commands below, with the server's name for `<name>`).",
      'Restart the IMAP4 services (the last command).',
    ],
    commands: [
      "$Server = '<name>'   # this Exchange server's name",
      'Set-ImapSettings -Server $Server -LoginType PlainTextLogin',
      "Restart-Service 'MSExchangeIMAP4', 'MSExchangeIMAP4BE'",
    ].join('\n'),
    source: 'Microsoft: Set-ImapSettings (-LoginType)',
  },
  {
    id: 'pop-plain-text-login',
    templates: ['pops-offloaded', 'pop-starttls'],
    title: 'Let Exchange accept POP3 logins the LoadMaster has decrypted',
    symptom:
      'The LoadMaster ends TLS and passes POP3 on to the servers in plain text on port 110. Exchange refuses a plain-text login there by default (LoginType SecureLogin): clients fail at login while the LoadMaster shows the servers Up.',
    steps: [
      "On each Exchange server, in the Exchange Management Shell, allow plain-text logins for POP3 (the commands below, with the server's name for `<name>`).",
      'Restart the POP3 services (the last command).',
    ],
    commands: [
      "$Server = '<name>'   # this Exchange server's name",
      'Set-PopSettings -Server $Server -LoginType PlainTextLogin',
      "Restart-Service 'MSExchangePOP3', 'MSExchangePOP3BE'",
    ].join('\n'),
    source: 'Microsoft: Set-PopSettings (-LoginType)',
  },
];
