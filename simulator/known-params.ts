/**
 * The one table of parameter names the simulator accepts. Anything else is ignored and recorded,
 * like the appliance silently ignores unknown names (Kemp's multi-tenant API description: unknown
 * parameters are ignored). Edit here to widen or narrow what the simulator knows; names are matched
 * case-insensitively and stored as spelled here.
 */

/** Virtual Service (and SubVS) parameters (Kemp's RESTful API description, PowerShell module). */
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

/** Content rule parameters (`addrule` / `modrule`). */
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

/** Defaults of a new content rule; `matchtype` is `regex` unless given (Kemp's API description). */
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
 * `showrule` answers with other names than `addrule` takes; this maps the input name to the element
 * name in the reply (Kemp's RESTful API programmer guide: `<CaseIndependent>`, `<AddHost>`, ...).
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

/**
 * Global switches `get` reports as yes/no (a Kemp engineer's hardening script compares
 * `subnetorigin` with "yes"); the others read back as the number set (Kemp's module maps expect100
 * and addforwardheader from numbers).
 */
export const GLOBAL_SWITCHES: readonly string[] = ['subnetorigin', 'subnetoriginating', 'enableapi'];

/**
 * What a Virtual Service holds before anything is set, in API form (switches 1/0). Captured
 * replies show a new VS with Idletime 660, Schedule rr, CheckType tcp, VStype gen and the switches
 * as below (python-kemptech-api tests; mathlu/loadmaster-go-client test_data/addvs.xml).
 */
export const VS_DEFAULTS: Readonly<Record<string, string>> = {
  Enable: '1',
  SSLReencrypt: '0',
  SSLAcceleration: '0',
  Transparent: '1',
  SubnetOriginating: '0',
  ServerInit: '0',
  StartTLSMode: '0',
  Idletime: '660',
  ForceL7: '1',
  VStype: 'gen',
  Schedule: 'rr',
  CheckType: 'tcp',
  PersistTimeout: '0',
  CheckPort: '0',
  'CheckUse1.1': '0',
  CheckUseGet: '0',
  ErrorCode: '0',
  EspEnabled: '0',
  InputAuthMode: '0',
  OutputAuthMode: '0',
  TlsType: '0',
  Persist: 'none',
};

/** VS switches, which every captured reply writes Y or N. */
export const VS_SWITCHES: readonly string[] = [
  'Enable',
  'ForceL7',
  'Transparent',
  'SubnetOriginating',
  'SSLAcceleration',
  'SSLReencrypt',
  'CheckUse1.1',
  'EspEnabled',
];

/** Finds the canonical spelling of `name` in `table`, ignoring case; undefined if unknown. */
export function canonicalName(table: readonly string[], name: string): string | undefined {
  const lower = name.toLowerCase();
  return table.find((known) => known.toLowerCase() === lower);
}
