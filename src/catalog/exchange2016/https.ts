import { P } from '../../loadmaster/parameters.js';
import type { HttpsService, SubVirtualService, VirtualService } from '../../model/service.js';
import type { Setting } from '../../model/setting.js';
import { CERTIFICATE, esp, set } from './build-setting.js';
import { CONTENT_RULES } from './content-rules.js';

/** The guide's example host names (5.1 AllowedHosts): a site replaces them. */
export const EXAMPLE_ALLOWED_HOSTS = 'Mail.example.com autodiscover.example.com';
const hosts = esp(P.AllowedHosts, EXAMPLE_ALLOWED_HOSTS, { site: 'allowedHosts' });
const greeting = esp(P.SingleSignOnMessage, 'Please enter your Exchange credentials');
// 4.2.2 assumes an SSO domain on the LoadMaster; a SubVS that authenticates users itself must name
// it, yet no row of 5.1 does (erratum E-5.1-SSO-DOMAIN).
const ssoDomain = esp(P.Domain, 'EXAMPLE.COM', { site: 'ssoDomain', addedBy: 'E-5.1-SSO-DOMAIN' });

/** Guide 5.1 "HTTP Redirect": port 80 answers every request with a 302 to the same URL over https. */
const REDIRECT: VirtualService = {
  id: 'http-redirect',
  place: { section: '5.1', group: 'HTTP Redirect', item: null },
  settings: [
    set(P.port, 80),
    set(P.prot, 'tcp'),
    set(P.nickname, 'Exchange Redirect'),
    set(P.ForceL7, true),
    set(P.ErrorCode, 302),
    set(P.ErrorUrl, 'https://%h%s'),
    set(P.CheckType, 'none'),
  ],
};

/** Guide 5.1 "Main Virtual Service": the HTTPS VS on 443 that holds the SubVSs. */
const MAIN: VirtualService = {
  id: 'https-main',
  place: { section: '5.1', group: 'Main Virtual Service', item: null },
  settings: [
    set(P.port, 443),
    set(P.prot, 'tcp'),
    set(P.VStype, 'http'),
    set(P.nickname, 'Exchange HTTPS Offloaded', { use: 'Create Unique Name', uniqueName: true }),
    set(P.ForceL7, true),
    set(P.Transparent, false),
    set(P.SubnetOriginating, true),
    set(P.SSLAcceleration, true),
    set(P.SSLReencrypt, false, { reencrypted: true, use: '0 for Offload 1 for Reencrypt' }),
    set(P.TlsType, 3),
    set(P.CipherSet, 'BestPractices'),
    set(P.Persist, 'none'),
    set(P.Schedule, 'lc'),
    set(P.Idletime, 1800),
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
      set(P.port, 443, { informational: true }),
      set(P.prot, 'tcp', { informational: true }),
      set(P.nickname, item),
      set(P.SubnetOriginating, true),
      set(P.Persist, 'none'),
      set(P.Schedule, 'lc'),
      set(P.Idletime, 1800),
      set(P.CheckPort, 443),
      set(P.CheckType, 'https'),
      set(P.CheckUrl, healthUrl),
      set(P['CheckUse1.1'], false),
      set(P.CheckUseGet, 1),
      esp(P.EspEnabled, true),
      esp(P.ESPLogs, 7),
      esp(P.InputAuthMode, espPart.input),
      esp(P.OutputAuthMode, espPart.output),
      hosts,
      esp(P.AllowedDirectories, espPart.allowedDirectories),
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
    esp(P.port, 443, { informational: true }),
    esp(P.prot, 'tcp', { informational: true }),
    esp(P.nickname, 'Authentication Proxy'),
    esp(P.ErrorCode, 503),
    esp(P.ErrorUrl, 'Endpoint not available'),
    esp(P.CheckType, 'none'),
    esp(P.EspEnabled, true),
    esp(P.ESPLogs, 7),
    esp(P.InputAuthMode, 2),
    esp(P.OutputAuthMode, 2),
    hosts,
    esp(P.AllowedDirectories, '\n/*'),
    greeting,
    ssoDomain,
  ],
};

/**
 * Guide 4.2.2: OWA excludes the arbitration mailbox's path from pre-authentication, logs off at
 * /owa/logoff.owa and sends expired passwords to Exchange's own form.
 */
const OWA_EXTRA: readonly Setting[] = [
  esp(P.ExcludedDirectories, '/owa/guid@smtpdomain*', { site: 'owaExcludedDirectories' }),
  greeting,
  esp(P.Logoff, '/owa/logoff.owa', { site: 'logoff' }),
  ssoDomain,
  esp(P.UserPwdChangeURL, 'https://mail.example.com/owa/auth/expiredpassword.aspx?url=/owa/auth.owa', {
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
