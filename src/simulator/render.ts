import { RS_SETTINGS, RULE_REPLY_NAMES, VS_PARAMS } from './known-params.js';
import type { XmlObject } from './reply.js';
import type { SimStore } from './store.js';
import type { SimRealServer, SimRule, SimVirtualService } from './types.js';

// Rule element names by `type` 0-5 (0 = match content, LOADMASTER-API.md §3); names 1-5 are assumed.
const RULE_ELEMENTS = [
  'MatchContentRule',
  'AddHeaderRule',
  'DeleteHeaderRule',
  'ReplaceHeaderRule',
  'ModifyUrlRule',
  'ReplaceBodyRule',
];

/**
 * A VS as `showvs` / one `<VS>` of `listvs` shows it. Only parameters that were set appear, in the
 * order of the known-parameter table, so replies are deterministic.
 */
export function renderVs(store: SimStore, vs: SimVirtualService): XmlObject {
  const hasSubVs = vs.members.some((m) => m.subVsIndex !== undefined);
  const out: XmlObject = {
    Status: 'Up',
    Index: vs.index,
    VSAddress: vs.address,
    VSPort: vs.port,
    Protocol: vs.prot,
    Enable: vs.params.Enable ?? 'Y',
    // Inferred from listvs fields: MasterVS flags a parent of SubVSs, MasterVSID names a SubVS's parent.
    MasterVS: hasSubVs ? 1 : 0,
    MasterVSID: vs.parent,
  };
  for (const name of VS_PARAMS) {
    const value = vs.params[name];
    if (value !== undefined && name !== 'Enable') out[name] = value;
  }
  const subvs = vs.members.filter((m) => m.subVsIndex !== undefined);
  const servers = vs.members.filter((m) => m.subVsIndex === undefined);
  if (subvs.length > 0) out.SubVS = subvs.map((m) => renderSlot(store, m));
  if (servers.length > 0) out.Rs = servers.map((m) => renderRs(vs, m));
  return out;
}

/** A SubVS's slot in its parent: its own VSIndex and the slot's RsIndex (LOADMASTER-API.md §2). */
function renderSlot(store: SimStore, slot: SimRealServer): XmlObject {
  const sub = slot.subVsIndex === undefined ? undefined : store.vsByIndex(slot.subVsIndex);
  return {
    VSIndex: slot.subVsIndex ?? 0,
    RsIndex: slot.rsIndex,
    Name: sub?.params.Nickname ?? '',
    ...settings(slot),
  };
}

/** A real server inside `vs` as `showrs` and `showvs` show it. */
export function renderRs(vs: SimVirtualService, rs: SimRealServer): XmlObject {
  return {
    Status: 'Up',
    VSIndex: vs.index,
    RsIndex: rs.rsIndex,
    Addr: rs.addr,
    Port: rs.port,
    ...settings(rs),
  };
}

function settings(member: SimRealServer): XmlObject {
  const out: XmlObject = {};
  for (const name of RS_SETTINGS)
    out[name.charAt(0).toUpperCase() + name.slice(1)] = member.params[name] ?? '';
  // Assumed element name: attached rules are listed space-separated.
  out.MatchRules = member.rules.join(' ');
  return out;
}

/** A content rule as `showrule` names its fields (`CaseIndependent`, `AddHost`, `IncludeQuery`). */
export function renderRule(rule: SimRule): { element: string; body: XmlObject } {
  const body: XmlObject = { Name: rule.name };
  for (const [name, value] of Object.entries(rule.params)) body[RULE_REPLY_NAMES[name] ?? name] = value;
  return { element: RULE_ELEMENTS[Number(rule.params.type)] ?? 'MatchContentRule', body };
}
