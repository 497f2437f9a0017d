/**
 * The one table of parameter names the simulator accepts. Anything else is ignored and recorded,
 * like the appliance silently ignores unknown names (LOADMASTER-API.md §1). Edit here to widen or
 * narrow what the simulator knows; names are matched case-insensitively and stored as spelled here.
 */

/** Virtual Service (and SubVS) parameters, LOADMASTER-API.md §5. */
export const VS_PARAMS: readonly string[] = [
  'Nickname',
  'VStype',
  'ForceL7',
  'Transparent',
  'SubnetOriginating',
  'SSLAcceleration',
  'SSLReencrypt',
  'TlsType',
  'CipherSet',
  'Persist',
  'PersistTimeout',
  'Schedule',
  'Idletime',
  'CheckType',
  'CheckPort',
  'CheckUrl',
  'CheckUseGet',
  'CheckUse1.1',
  'CheckHost',
  'CheckCodes',
  'ServerInit',
  'StartTLSMode',
  'ErrorCode',
  'ErrorUrl',
  'CertFile',
  'EspEnabled',
  'ESPLogs',
  'InputAuthMode',
  'OutputAuthMode',
  'AllowedHosts',
  'AllowedDirectories',
  'ExcludedDirectories',
  'Logoff',
  'SingleSignOnDir',
  'Domain',
  'SingleSignOnMessage',
  'SMTPAllowedDomains',
  'UserPwdChangeURL',
  'Enable',
];

/** Content rule parameters (`addrule` / `modrule`), LOADMASTER-API.md §3. */
export const RULE_PARAMS: readonly string[] = [
  'name',
  'pattern',
  'matchtype',
  'nocase',
  'negate',
  'inchost',
  'incquery',
  'header',
  'type',
];

/** Real server parameters (`addrs` / `modrs`); `rs`/`rsport` address it, `AddToAllSubvs` is addrs-only. */
export const RS_PARAMS: readonly string[] = [
  'rs',
  'rsport',
  'weight',
  'forward',
  'enable',
  'limit',
  'critical',
  'AddToAllSubvs',
];

/** Settings of a real server or SubVS slot that are stored: {@link RS_PARAMS} minus address and flag. */
export const RS_SETTINGS: readonly string[] = RS_PARAMS.filter(
  (name) => !['rs', 'rsport', 'addtoallsubvs'].includes(name.toLowerCase()),
);

/** Defaults of a new real server or SubVS slot. */
export const RS_DEFAULTS: Readonly<Record<string, string>> = {
  weight: '1000',
  forward: 'nat',
  enable: 'Y',
  limit: '0',
  critical: 'N',
};

/** Defaults of a new content rule; `matchtype` is `regex` unless given (LOADMASTER-API.md §3). */
export const RULE_DEFAULTS: Readonly<Record<string, string>> = {
  pattern: '',
  matchtype: 'regex',
  nocase: 'N',
  negate: 'N',
  inchost: 'N',
  incquery: 'N',
  header: '',
  type: '0',
};

/**
 * `showrule` answers with other names than `addrule` takes (LOADMASTER-API.md §3); this maps the
 * input name to the element name in the reply.
 */
export const RULE_REPLY_NAMES: Readonly<Record<string, string>> = {
  name: 'Name',
  pattern: 'Pattern',
  matchtype: 'MatchType',
  nocase: 'CaseIndependent',
  negate: 'Negate',
  inchost: 'AddHost',
  incquery: 'IncludeQuery',
  header: 'Header',
  type: 'Type',
};

/**
 * Global parameters (`get` / `set`) with the value a fresh appliance is assumed to report.
 * The defaults are guesses (not documented); the API is on because the simulator is reachable.
 */
export const GLOBAL_DEFAULTS: Readonly<Record<string, string>> = {
  subnetorigin: '0',
  subnetoriginating: '0',
  expect100: '0',
  addforwardheader: '1',
  enableapi: 'yes',
};

/** Finds the canonical spelling of `name` in `table`, ignoring case; undefined if unknown. */
export function canonicalName(table: readonly string[], name: string): string | undefined {
  const lower = name.toLowerCase();
  return table.find((known) => known.toLowerCase() === lower);
}
