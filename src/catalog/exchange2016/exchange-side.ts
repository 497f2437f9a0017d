import type { ExchangePrerequisite } from '../../model/exchange-side.js';
import { MAIL_PREREQUISITES } from './exchange-mail.js';

const HTTPS = ['https-offloaded', 'https-reencrypted', 'https-offloaded-esp', 'https-reencrypted-esp'];
const OFFLOADED = ['https-offloaded', 'https-offloaded-esp'];
const REENCRYPTED = ['https-reencrypted', 'https-reencrypted-esp'];
const SERVER = "$Server = '<name>'   # this Exchange server's name";
/** The virtual directories of the Default Web Site whose Require SSL the LoadMaster's offloading clears. */
const VDIRS = ['owa', 'ecp', 'EWS', 'OAB', 'mapi', 'Microsoft-Server-ActiveSync', 'Autodiscover'];
const APPCMD = '& $env:windir\\system32\\inetsrv\\appcmd.exe';

/** The Exchange side of the HTTPS templates: certificates, SSL offloading, Extended Protection, ESP. */
const HTTPS_PREREQUISITES: readonly ExchangePrerequisite[] = [
  {
    id: 'certificate-same',
    templates: HTTPS,
    title: 'The same certificate on every Exchange server',
    symptom:
      'Exchange encrypts the cookie of a forms-based sign-in with its SSL certificate, and another server can read that cookie only if it has the same certificate. The HTTPS templates keep no persistence, so the requests of one session reach different servers: with different certificates, users are asked to sign in again and again.',
    steps: [
      'On the Exchange server that holds the certificate, export it with its private key (a password-protected `.pfx` file).',
      'Import that file on every other Exchange server, and assign it to IIS there.',
      'Check that every server shows the same thumbprint for IIS (the command below, on each).',
    ],
    commands: [
      SERVER,
      "Get-ExchangeCertificate -Server $Server | Where-Object { $_.Services -match 'IIS' } | Format-List Thumbprint,Subject,CertificateDomains,NotAfter",
    ].join('\n'),
    cite: [
      { source: 'kemp-guide', section: '2.1 Understanding Server Load Balancing' },
      { source: 'ms-load-balancing', section: 'Protocols in Exchange Server' },
      { source: 'ms-export-certificates', section: 'Use the EAC to export a certificate' },
      { source: 'ms-import-certificates', section: 'What do you need to know before you begin?' },
      {
        source: 'ms-assign-certificates',
        section: 'Use the Exchange Management Shell to assign a certificate to Exchange services',
      },
    ],
  },
  {
    id: 'certificate-names',
    templates: HTTPS,
    title: 'A certificate name for every host name clients use',
    symptom:
      'IIS binds one certificate to the Default Web Site, so every name clients use for Outlook on the web, the EAC, EWS, the OAB, ActiveSync, MAPI over HTTP, Outlook Anywhere and Autodiscover must be in it, as a subject alternative name or under a wildcard (which covers one level only). The certificate the LoadMaster presents must carry the same names, or clients warn or refuse.',
    steps: [
      'List the names of the certificate on the Exchange servers (the command below) and of the certificate the LoadMaster presents for this service: every host name clients use must be among both.',
    ],
    commands: [
      SERVER,
      'Get-ExchangeCertificate -Server $Server | Format-List Thumbprint,Services,CertificateDomains',
    ].join('\n'),
    cite: [
      { source: 'ms-certificates', section: 'Certificate requirements for Exchange services' },
      { source: 'ms-certificates', section: 'Digital certificates overview' },
    ],
  },
  {
    id: 'https-ssl-offloading',
    templates: OFFLOADED,
    title: 'Let Exchange accept HTTP from the LoadMaster (SSL offloading)',
    symptom:
      'The LoadMaster sends these services to the Exchange servers as plain HTTP on port 80, while its health checks use HTTPS on 443. Unless each server accepts HTTP, clients get HTTP 403.4 (SSL required) even though the LoadMaster shows every server Up. An Exchange cumulative update overwrites customized IIS settings: after each one, check them again.',
    steps: [
      'On each Exchange server, note the current settings (the first commands below): the roll-back puts them back.',
      "In the Exchange Management Shell, turn on SSL offloading for Outlook Anywhere (the commands below, with the server's name for `<name>`).",
      'In IIS Manager, on **Default Web Site** (never on Exchange Back End), clear **Require SSL** under **SSL Settings** for each virtual directory the LoadMaster serves: `owa`, `ecp`, `EWS`, `OAB`, `mapi`, `Microsoft-Server-ActiveSync` and `Autodiscover` (or run the `appcmd` lines below).',
      'Restart IIS (`iisreset /noforce`), one server at a time with its real server disabled on the LoadMaster meanwhile, and sign in to OWA through the Virtual Service to check.',
      "Let port 80 of the Exchange servers be reached from the LoadMaster's addresses only (Windows Firewall): a client reaching it directly would send Basic credentials in clear text.",
      'After every Exchange cumulative update, run the first commands again and redo what the update put back.',
    ],
    record: [
      SERVER,
      'Get-OutlookAnywhere -Server $Server | Format-List Identity,SSLOffloading',
      ...VDIRS.map((d) => `${APPCMD} list config "Default Web Site/${d}" /section:access`),
    ].join('\n'),
    commands: [
      'Get-OutlookAnywhere -Server $Server | Set-OutlookAnywhere -SSLOffloading $true',
      ...VDIRS.map(
        (d) => `${APPCMD} set config "Default Web Site/${d}" /section:access /sslFlags:None /commit:APPHOST`,
      ),
      'iisreset /noforce',
    ].join('\n'),
    undo: 'On each Exchange server, set each virtual directory\'s `sslFlags` back to the value noted (`appcmd set config "Default Web Site/<directory>" /section:access "/sslFlags:<noted>" /commit:APPHOST`, quoted, as a value such as `Ssl,Ssl128` holds a comma; or select **Require SSL** again in IIS Manager), set Outlook Anywhere\'s SSL offloading back to the value noted (`Set-OutlookAnywhere -SSLOffloading <noted>`), run `iisreset /noforce`, and close port 80 again.',
    cite: [
      { source: 'ms-ssl-offloading', section: 'Configure SSL offloading for Outlook Web App' },
      {
        source: 'ms-ssl-offloading',
        section: 'Using a script to enable SSL offloading for all protocols and services',
      },
      { source: 'ms-ssl-offloading', section: 'Configuring SSL offloading for Outlook Anywhere' },
      {
        source: 'ms-ssl-offloading',
        section: 'introduction (repeat the steps after each cumulative update)',
      },
      { source: 'ms-set-outlookanywhere', section: 'Parameters: -SSLOffloading' },
      { source: 'ms-cumulative-updates', section: 'What do you need to know before you begin?' },
    ],
  },
  {
    id: 'extended-protection-offloading',
    templates: OFFLOADED,
    title: 'No Extended Protection where TLS is offloaded',
    symptom:
      'Microsoft does not support Windows Extended Protection where a load balancer offloads TLS: with it on, clients cannot connect through this service. If it is on (`tokenChecking` other than `None` below), use the Reencrypted template of this service instead, with the same certificate on the LoadMaster and the servers.',
    steps: [
      'On each Exchange server, read the Extended Protection setting of the `owa` virtual directory (the command below).',
    ],
    commands: `${APPCMD} list config "Default Web Site/owa" /section:system.webServer/security/authentication/windowsAuthentication`,
    cite: [
      { source: 'ms-extended-protection', section: 'SSL Offloading scenarios' },
      { source: 'iis-extended-protection', section: 'Attributes (tokenChecking)' },
    ],
  },
  {
    id: 'extended-protection-bridging',
    templates: REENCRYPTED,
    title: 'With Extended Protection, the same certificate on the LoadMaster',
    symptom:
      'Re-encryption works with Windows Extended Protection only if the LoadMaster presents the same certificate as the Exchange servers; with another certificate, the channel binding fails and clients cannot connect. Extended Protection also needs SSL offloading off for Outlook Anywhere.',
    steps: [
      'On each Exchange server, read the Extended Protection setting of the `owa` virtual directory (the first command below).',
      "If it is on (`tokenChecking` other than `None`): the certificate assigned to this service on the LoadMaster must be the Exchange servers' certificate (import it with its private key), and Outlook Anywhere's SSL offloading must be off (the second command shows it).",
    ],
    commands: [
      `${APPCMD} list config "Default Web Site/owa" /section:system.webServer/security/authentication/windowsAuthentication`,
      "Get-OutlookAnywhere -Server '<name>' | Format-List Identity,SSLOffloading",
    ].join('\n'),
    cite: [
      { source: 'ms-extended-protection', section: 'SSL Bridging scenarios' },
      { source: 'ms-extended-protection', section: 'Outlook Anywhere configuration requirements' },
    ],
  },
  {
    id: 'esp-authentication',
    templates: ['https-offloaded-esp', 'https-reencrypted-esp'],
    title: 'ESP signs users in; Exchange keeps its own authentication',
    symptom:
      "The LoadMaster asks for the user's credentials where the table below says so, then signs in to Exchange the way its server authentication mode says: a form (Kemp's form-based server authentication posts to Exchange's own `/owa/auth.owa`) or Basic. So Exchange keeps its defaults: forms-based authentication on OWA and ECP, Basic on ActiveSync. The other SubVSs delegate to Exchange, which authenticates as without ESP. The SSO domain must exist on the LoadMaster first (**Virtual Services > Manage SSO**).",
    steps: [
      'On each Exchange server, check that OWA and ECP keep forms-based authentication and ActiveSync keeps Basic authentication (the commands below); set them back if someone changed them.',
    ],
    commands: [
      SERVER,
      'Get-OwaVirtualDirectory -Server $Server | Format-List Identity,FormsAuthentication,BasicAuthentication',
      'Get-EcpVirtualDirectory -Server $Server | Format-List Identity,FormsAuthentication,BasicAuthentication',
      'Get-ActiveSyncVirtualDirectory -Server $Server | Format-List Identity,BasicAuthEnabled',
    ].join('\n'),
    cite: [
      { source: 'kemp-form-based', section: 'Configure Form-based to Form-based Authentication' },
      { source: 'kemp-wui', section: 'Edge Security Pack (ESP) Options: Client Authentication Mode' },
      { source: 'ms-set-owavd', section: 'Parameters: -FormsAuthentication' },
      { source: 'ms-set-activesyncvd', section: 'Parameters: -BasicAuthEnabled' },
    ],
  },
];

/** Every Exchange-side item, HTTPS first, in the order a service section lists them. */
export const EXCHANGE_PREREQUISITES: readonly ExchangePrerequisite[] = [
  ...HTTPS_PREREQUISITES,
  ...MAIL_PREREQUISITES,
];
