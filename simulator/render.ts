/**
 * How the appliance shows its objects in replies. Each shape cites where it was seen: replies
 * captured from appliances in python-kemptech-api's tests (ksagala, dgquaid forks) and in
 * mathlu/loadmaster-go-client's test_data, the reply examples of Kemp's RESTful API programmer guide
 * (docs.progress.com), Kemp's PowerShell module (powershell-sdk-vnext), and clients run against
 * appliances (kreemer/loadmaster-go-client, a Python script graphing a live appliance's listvs).
 */
import { RS_SETTINGS, RULE_REPLY_NAMES, VS_DEFAULTS, VS_PARAMS, VS_SWITCHES } from './known-params.js';
import type { XmlObject } from './reply.js';
import type { SimStore } from './store.js';
import type { SimRealServer, SimRule, SimVirtualService } from './types.js';

/**
 * Rule elements by `type` 0-5, as `showrule` groups them under `<Data>` (the module's
 * SetAdcContentRuleReturnObject, the Python SDK's rule types).
 */
export const RULE_ELEMENTS = [
  'MatchContentRule',
  'AddHeaderRule',
  'DeleteHeaderRule',
  'ReplaceHeaderRule',
  'ModifyURLRule',
  'ReplaceBodyRule',
];

const isOn = (value: string | undefined): boolean =>
  ['1', 'y', 'yes', 'true', 'on'].includes((value ?? '').toLowerCase());

/** Switches read Y or N in every captured reply (`<ForceL7>Y</ForceL7>`); 1/0 in the everyField variant. */
const yn = (value: string | undefined, numeric = false): string =>
  numeric ? (isOn(value) ? '1' : '0') : isOn(value) ? 'Y' : 'N';

/**
 * Whether a VS parameter is left out of a reply: captured replies leave out unset text (no
 * `<NickName>` on a new VS, no `<CheckUrl>`, `<CertFile>`), `Persist` while none and
 * `SSLAcceleration` while off.
 */
function leftOut(name: string, value: string): boolean {
  if (value === '') return true;
  if (name === 'Persist') return value === 'none';
  if (name === 'SSLAcceleration') return yn(value) === 'N';
  return false;
}

/**
 * A list of attached rules: one `<MatchRules>` holding a `<Name>` per rule (listvs graphing script,
 * go client's `MatchRules []string`); none where the variant lists rules in `showrs` only.
 */
function matchRules(rules: readonly string[], listed = true): XmlObject {
  return rules.length === 0 || !listed ? {} : { MatchRules: { Name: rules.map((r) => ({ '#': r })) } };
}

/** The ESP fields whose reply element no evidence shows (the hideUnconfirmed variant leaves them out). */
const UNCONFIRMED = new Set(
  [
    'ESPLogs',
    'AllowedHosts',
    'AllowedDirectories',
    'ExcludedDirectories',
    'Logoff',
    'Domain',
    'SingleSignOnMessage',
    'UserPwdChangeURL',
    'SMTPAllowedDomains',
  ].map((n) => n.toLowerCase()),
);

/**
 * A VS or SubVS as `showvs` holds it directly under `<Data>`, and as each `<VS>` of `listvs`
 * (captured replies; the module reads showvs at `Data`, listvs at `Data.VS`): the fields in the
 * captured order, switches as Y/N, unset text left out, then its `<SubVS>` slots and `<Rs>` real
 * servers. A SubVS has port 0 and no address, and names its parent in `MasterVSID`; a parent's
 * `MasterVS` counts its SubVSs (captured listvs).
 */
export function renderVs(store: SimStore, vs: SimVirtualService, listing = false): XmlObject {
  const every = store.variant.everyField === true;
  const hidden = store.variant.hideUnconfirmed === true;
  const params: Record<string, string> = { ...VS_DEFAULTS, ...vs.params };
  const subvs = vs.members.filter((m) => m.subVsIndex !== undefined);
  const servers = vs.members.filter((m) => m.subVsIndex === undefined);
  const out: XmlObject = { Status: 'Up', Index: vs.index };
  if (vs.parent === 0) out.VSAddress = vs.address;
  out.VSPort = vs.parent === 0 ? vs.port : 0;
  out.Layer = 7;
  for (const name of VS_PARAMS) {
    const value = params[name] ?? (every ? '' : undefined);
    if (value === undefined || (!every && leftOut(name, value))) continue;
    if (hidden && UNCONFIRMED.has(name.toLowerCase())) continue;
    out[name === 'Nickname' ? 'NickName' : name] = VS_SWITCHES.includes(name) ? yn(value, every) : value;
  }
  out.Protocol = vs.prot;
  const counted = store.variant.uncountedRules !== true;
  if (counted) {
    out.NRules = vs.members.reduce((n, m) => n + m.rules.length, 0);
    out.NRequestRules = 0;
    out.NResponseRules = 0;
  }
  out.MasterVS = vs.parent === 0 ? subvs.length : 0;
  out.MasterVSID = vs.parent;
  if (listing && store.variant.bareListing) return out;
  const rules = !store.variant.rulesOnlyInShowrs;
  if (subvs.length > 0) out.SubVS = subvs.map((m) => renderSlot(store, m, rules));
  if (servers.length > 0) out.Rs = servers.map((m) => renderRs(vs, m, rules && counted, counted));
  return out;
}

/**
 * A SubVS's slot in its parent: `Status, VSIndex, RsIndex, Name, Forward, Weight, Limit, Enable,
 * Critical` (captured listvs). `Name` is the SubVS's nickname, `-` until one is set (Kemp's
 * "Create a SubVS" example). Attached rules follow in `<MatchRules>`; a slot has no `Nrules`.
 */
export function renderSlot(store: SimStore, slot: SimRealServer, rules = true): XmlObject {
  const sub = slot.subVsIndex === undefined ? undefined : store.vsByIndex(slot.subVsIndex);
  const name = sub?.params.Nickname;
  return {
    Status: 'Up',
    VSIndex: slot.subVsIndex ?? 0,
    RsIndex: slot.rsIndex,
    Name: name === undefined || name === '' ? '-' : name,
    ...settings(slot),
    ...matchRules(slot.rules, rules),
  };
}

/**
 * A real server as `showrs`, `addrs` and `showvs` show it: `Status, VSIndex, RsIndex, Addr, Port,
 * DnsName, Forward, Weight, Limit, RateLimit, Follow, Enable, Critical, Nrules` (captured addrs.xml,
 * showrs.xml), then `<MatchRules>` once rules are attached; without `Nrules` when not `counted`.
 */
export function renderRs(vs: SimVirtualService, rs: SimRealServer, rules = true, counted = true): XmlObject {
  const s = settings(rs);
  return {
    Status: 'Up',
    VSIndex: vs.index,
    RsIndex: rs.rsIndex,
    Addr: rs.addr,
    Port: rs.port,
    DnsName: '',
    Forward: s.Forward ?? 'nat',
    Weight: s.Weight ?? '1000',
    Limit: s.Limit ?? '0',
    RateLimit: 0,
    Follow: 0,
    Enable: s.Enable ?? 'Y',
    Critical: s.Critical ?? 'N',
    ...(counted ? { Nrules: rs.rules.length } : {}),
    ...matchRules(rs.rules, rules),
  };
}

/** A member's stored settings under their reply names; switches as Y/N. */
function settings(member: SimRealServer): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of RS_SETTINGS) {
    const value = member.params[name] ?? '';
    const element = name.charAt(0).toUpperCase() + name.slice(1);
    out[element] = name === 'enable' || name === 'critical' ? yn(value) : value;
  }
  return out;
}

/**
 * A content rule as `showrule` shows it: `Name, Pattern, MatchType, AddHost, Negate,
 * CaseIndependent, IncludeQuery, Header, MustFail`, switches Y/N, and `regex` written `Regex` while
 * `prefix` stays as it is (Kemp's "Add a content rule" and "Modify a content rule" examples; the go
 * client's tests expect "Regex", "prefix", "postfix").
 */
export function renderRule(rule: SimRule): { element: string; body: XmlObject } {
  const body: XmlObject = { Name: rule.name };
  for (const [name, value] of Object.entries(rule.params)) {
    if (name === 'type') continue;
    const element = RULE_REPLY_NAMES[name] ?? name;
    if (name === 'matchtype') body[element] = value === 'regex' ? 'Regex' : value;
    else if (['nocase', 'negate', 'inchost', 'incquery'].includes(name)) body[element] = yn(value);
    else body[element] = value;
  }
  body.MustFail = 'N';
  return { element: RULE_ELEMENTS[Number(rule.params.type)] ?? 'MatchContentRule', body };
}

/** Rules grouped by their element under `<Data>`, as `showrule` lists them; empty `<Data/>` for none. */
export function renderRules(rules: readonly SimRule[]): XmlObject {
  const data: Record<string, XmlObject[]> = {};
  for (const rule of rules) {
    const { element, body } = renderRule(rule);
    data[element] ??= [];
    data[element].push(body);
  }
  return data;
}
