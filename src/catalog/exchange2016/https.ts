import type { HttpsService, SubVirtualService, VirtualService } from '../../model/service.js';
import type { Setting } from '../../model/setting.js';
import { CERTIFICATE, esp, set } from './build-setting.js';
import { CONTENT_RULES } from './content-rules.js';

/** The guide's example host names (5.1 AllowedHosts): a site replaces them. */
export const EXAMPLE_ALLOWED_HOSTS = 'Mail.example.com autodiscover.example.com';
const hosts = esp('AllowedHosts', EXAMPLE_ALLOWED_HOSTS, { site: 'allowedHosts' });
const greeting = esp('SingleSignOnMessage', 'Please enter your Exchange credentials');
// 4.2.2 assumes an SSO domain on the LoadMaster; a SubVS that authenticates users itself must name
// it, yet no row of 5.1 does (erratum E-5.1-SSO-DOMAIN).
const ssoDomain = esp('Domain', 'EXAMPLE.COM', { site: 'ssoDomain', addedBy: 'E-5.1-SSO-DOMAIN' });

/** Guide 5.1 "HTTP Redirect": port 80 answers every request with a 302 to the same URL over https. */
const REDIRECT: VirtualService = {
  id: 'http-redirect',
  place: { section: '5.1', group: 'HTTP Redirect', item: null },
  settings: [
    set('port', 80),
    set('prot', 'tcp'),
    set('nickname', 'Exchange Redirect'),
    set('ForceL7', true),
    set('ErrorCode', 302),
    set('ErrorUrl', 'https://%h%s'),
    set('CheckType', 'none'),
  ],
};

/** Guide 5.1 "Main Virtual Service": the HTTPS VS on 443 that holds the SubVSs. */
const MAIN: VirtualService = {
  id: 'https-main',
  place: { section: '5.1', group: 'Main Virtual Service', item: null },
  settings: [
    set('port', 443),
    set('prot', 'tcp'),
    set('VStype', 'http'),
    set('nickname', 'Exchange HTTPS Offloaded', { use: 'Create Unique Name', uniqueName: true }),
    set('ForceL7', true),
    set('Transparent', false),
    set('SubnetOriginating', true),
    set('SSLAcceleration', true),
    set('SSLReencrypt', false, { reencrypted: true, use: '0 for Offload 1 for Reencrypt' }),
    set('TlsType', 3),
    set('CipherSet', 'BestPractices'),
    set('Persist', 'none'),
    set('Schedule', 'lc'),
    set('Idletime', 1800),
    CERTIFICATE,
  ],
};

/** The ESP part of a SubVS: 5.1's "ESP Enabled" rows. */
interface EspPart {
  readonly input: number;
  readonly output: number;
  readonly allowedDirectories: string;
  readonly extra?: readonly Setting[];
}

/** One Exchange SubVS: its own health check URL and, with ESP, how it authenticates. */
function subvs(id: string, item: string, healthUrl: string, espPart: EspPart): SubVirtualService {
  return {
    id,
    place: { section: '5.1', group: 'Sub Virtual Service', item },
    espOnly: false,
    rule: id,
    settings: [
      // A SubVS has no address of its own (docs/loadmaster-api.md §2): 5.1 lists these for reference only.
      set('port', 443, { informational: true }),
      set('prot', 'tcp', { informational: true }),
      set('nickname', item),
      set('SubnetOriginating', true),
      set('Persist', 'none'),
      set('Schedule', 'lc'),
      set('Idletime', 1800),
      set('CheckPort', 443),
      set('CheckType', 'https'),
      set('CheckUrl', healthUrl),
      set('CheckUse1.1', false),
      set('CheckUseGet', 1),
      esp('EspEnabled', true),
      esp('ESPLogs', 7),
      esp('InputAuthMode', espPart.input),
      esp('OutputAuthMode', espPart.output),
      hosts,
      esp('AllowedDirectories', espPart.allowedDirectories),
      ...(espPart.extra ?? []),
    ],
  };
}

/** Guide 5.1 "Sub Virtual Service > Authentication Proxy": ESP's form login, with no real content. */
const AUTHENTICATION_PROXY: SubVirtualService = {
  id: 'authentication-proxy',
  place: { section: '5.1', group: 'Sub Virtual Service', item: 'Authentication Proxy' },
  espOnly: true,
  rule: 'authentication-proxy',
  settings: [
    esp('port', 443, { informational: true }),
    esp('prot', 'tcp', { informational: true }),
    esp('nickname', 'Authentication Proxy'),
    esp('ErrorCode', 503),
    esp('ErrorUrl', 'Endpoint not available'),
    esp('CheckType', 'none'),
    esp('EspEnabled', true),
    esp('ESPLogs', 7),
    esp('InputAuthMode', 2),
    esp('OutputAuthMode', 2),
    hosts,
    esp('AllowedDirectories', '\n/*'),
    greeting,
    ssoDomain,
  ],
};

/**
 * Guide 4.2.2: OWA excludes the arbitration mailbox's path from pre-authentication, logs off at
 * /owa/logoff.owa and sends expired passwords to Exchange's own form.
 */
const OWA_EXTRA: readonly Setting[] = [
  esp('ExcludedDirectories', '/owa/guid@smtpdomain*', { site: 'owaExcludedDirectories' }),
  greeting,
  esp('Logoff', '/owa/logoff.owa', { site: 'logoff' }),
  ssoDomain,
  esp('UserPwdChangeURL', 'https://mail.example.com/owa/auth/expiredpassword.aspx?url=/owa/auth.owa', {
    site: 'userPasswordForm',
    addedBy: 'E-5.1-PASSWORD-FORM',
  }),
];

export const HTTPS_SERVICE: HttpsService = {
  redirect: REDIRECT,
  main: MAIN,
  rules: CONTENT_RULES,
  subServices: [
    AUTHENTICATION_PROXY,
    subvs('activesync', 'ActiveSync', '/microsoft-server-activesync/healthcheck.htm', {
      input: 1,
      output: 1,
      allowedDirectories: '/microsoft-server-activesync*',
      extra: [ssoDomain],
    }),
    subvs('autodiscover', 'Autodiscover', '/autodiscover/healthcheck.htm', {
      input: 0,
      output: 0,
      allowedDirectories: '/autodiscover*\n',
    }),
    subvs('ecp', 'ECP', '/ecp/healthcheck.htm', {
      input: 2,
      output: 2,
      allowedDirectories: '/ecp*\n',
      extra: [greeting, ssoDomain],
    }),
    subvs('ews', 'EWS', '/ews/healthcheck.htm', { input: 0, output: 0, allowedDirectories: '/ews*\n' }),
    subvs('mapi', 'MAPI', '/mapi/healthcheck.htm', { input: 0, output: 0, allowedDirectories: '/mapi*\n' }),
    subvs('oab', 'OAB', '/oab/healthcheck.htm', { input: 0, output: 0, allowedDirectories: '/oab*\n' }),
    subvs('owa', 'OWA', '/owa/healthcheck.htm', {
      input: 2,
      output: 2,
      allowedDirectories: '/owa*\n',
      extra: OWA_EXTRA,
    }),
    subvs('powershell', 'PowerShell', '/powershell/healthcheck.htm', {
      input: 0,
      output: 0,
      allowedDirectories: '/powershell*\n',
    }),
    subvs('rpc', 'RPC', '/rpc/healthcheck.htm', { input: 0, output: 0, allowedDirectories: '/rpc*\n' }),
  ],
};
