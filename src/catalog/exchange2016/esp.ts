import type { EspGuidance, EspTableRow } from '../../model/esp.js';

const row = (subvs: string, name: string): EspTableRow => ({
  subvs,
  name,
  excludedDirectories: 'n/a',
  allowedVirtualHosts: 'Required',
  logoffString: 'n/a',
  userPasswordForm: 'n/a',
});

/** Guide 4.2.2: what each SubVS of an ESP HTTPS service needs, as the guide's table gives it. */
export const ESP_GUIDANCE: EspGuidance = {
  section: '4.2.2',
  table: [
    row('authentication-proxy', 'Authentication Proxy'),
    row('activesync', 'ActiveSync'),
    row('autodiscover', 'Autodiscover'),
    row('ecp', 'ECP'),
    row('ews', 'EWS'),
    row('mapi', 'MAPI'),
    row('oab', 'OAB'),
    {
      subvs: 'owa',
      name: 'OWA',
      excludedDirectories: '/owa/<guid@smtpdomain>*',
      allowedVirtualHosts: 'Required',
      logoffString: '/owa/logoff.owa',
      userPasswordForm: 'https://<Exchange URL>/owa/auth/expiredpassword.aspx?url=/owa/auth.owa',
    },
    row('powershell', 'PowerShell'),
    row('rpc', 'RPC'),
  ],
  owaGuidCommand:
    'Get-Mailbox -Arbitration | where {$_.PersistedCapabilities -like "OrganizationCapabilityClientExtensions"} | fl exchangeGUID, primarysmtpaddress',
  defaultLogoff: '/owa/logoff.owa',
  greetingForbiddenCharacters: ['`'],
  greetingAcceptsHtml: true,
};
