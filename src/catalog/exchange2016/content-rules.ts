import { P } from '../../loadmaster/parameters.js';
import type { ContentRule } from '../../model/service.js';
import { set } from './build-setting.js';

/**
 * Guide 5.1 "Content Rules": one regular expression per SubVS, matched case-insensitively against
 * the request path. The Authentication Proxy rule exists only with ESP.
 */
function rule(id: string, item: string, name: string, pattern: string, espOnly = false): ContentRule {
  return {
    id,
    place: { section: '5.1', group: 'Content Rules', item },
    espOnly,
    settings: [
      set(P.name, name, espOnly ? { espOnly } : {}),
      set(P.matchtype, 'regex', espOnly ? { espOnly } : {}),
      set(P.pattern, pattern, espOnly ? { espOnly } : {}),
      set(P.nocase, true, espOnly ? { espOnly } : {}),
    ],
  };
}

export const CONTENT_RULES: readonly ContentRule[] = [
  // The guide's pattern here repeats the redirect's ErrorUrl (erratum E-5.1-AUTHPROXY-PATTERN).
  rule('authentication-proxy', 'Authentication Proxy', 'Authentication_Proxy', '/^\\/lm_auth_proxy.*/', true),
  rule('activesync', 'ActiveSync', 'ActiveSync', '/^\\/microsoft-server-activesync.*/'),
  rule('autodiscover', 'Autodiscover', 'Autodiscover', '/^\\/autodiscover.*/'),
  rule('ecp', 'ECP', 'ECP', '/^\\/ecp.*/'),
  rule('ews', 'EWS', 'EWS', '/^\\/ews.*/'),
  rule('mapi', 'MAPI', 'MAPI', '/^\\/mapi.*/'),
  rule('oab', 'OAB', 'OAB', '/^\\/oab.*/'),
  rule('owa', 'OWA', 'OWA', '/^\\/owa.*/'),
  rule('powershell', 'PowerShell', 'powershell', '/^\\/powershell.*/'),
  rule('rpc', 'RPC', 'RPC', '/^\\/rpc.*/'),
];
