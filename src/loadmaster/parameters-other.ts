import { API, bool, CAPTURED, int, oneOf, REST_EXAMPLES, text } from './param-types.js';
import type { ParamSpec } from './parameter.js';

/** Content rules, real servers and the global settings of section 2 (docs/loadmaster-api.md §3, §4). */
export const OTHER_PARAMETERS = [
  // Content rules (addrule).
  {
    name: 'name',
    scope: 'rule',
    type: text,
    meaning: 'rule name',
    source: `${API} §3`,
    confidence: 'official',
    cmdlet: { name: 'RuleName' },

    reply: { element: 'Name', source: `${REST_EXAMPLES} (showrule)` },
  },
  {
    name: 'matchtype',
    scope: 'rule',
    type: oneOf('regex', 'prefix', 'postfix'),
    meaning: 'how the pattern matches',
    source: `${API} §3`,
    confidence: 'official',
    cmdlet: { name: 'MatchType' },

    reply: { element: 'MatchType', source: `${REST_EXAMPLES}: regex reads back Regex, prefix as prefix` },
  },
  {
    name: 'pattern',
    scope: 'rule',
    type: text,
    meaning: 'what the rule matches',
    source: `${API} §3`,
    confidence: 'official',
    cmdlet: { name: 'Pattern' },

    reply: { element: 'Pattern', source: `${REST_EXAMPLES} (showrule)` },
  },
  {
    name: 'nocase',
    scope: 'rule',
    type: bool,
    meaning: 'match regardless of letter case',
    source: `${API} §3`,
    confidence: 'official',
    cmdlet: { name: 'NoCase' },

    reply: { element: 'CaseIndependent', source: `${REST_EXAMPLES}: CaseIndependent Y/N` },
  },
  // Real servers (addrs).
  {
    name: 'rs',
    scope: 'rs',
    type: text,
    meaning: 'real server address',
    source: `${API} §2`,
    confidence: 'official',
    cmdlet: { name: 'RealServer' },
  },
  {
    name: 'rsport',
    scope: 'rs',
    type: int(3, 65530),
    meaning: 'real server port',
    source: `${API} §2`,
    confidence: 'official',
    cmdlet: { name: 'RealServerPort' },
  },
  {
    name: 'weight',
    scope: 'rs',
    type: int(1, 65530),
    meaning: 'real server weight (default 1000)',
    source: `${API} §3`,
    confidence: 'official',
    cmdlet: { name: 'Weight' },

    reply: { element: 'Weight', source: `${CAPTURED} (<Rs><Weight>)` },
  },
  {
    name: 'AddToAllSubvs',
    scope: 'rs',
    type: bool,
    meaning: 'add the real server to every SubVS of the parent',
    source: `${API} §3`,
    confidence: 'official',
    cmdlet: { name: 'AddToAllSubvs' },
  },
  // Global settings of section 2 (set?param=).
  {
    name: 'subnetorigin',
    scope: 'global',
    type: bool,
    meaning: 'Subnet Originating Requests, globally',
    source: `${API} §4; a Kemp engineer's scripts (the API also has subnetoriginating, described identically)`,
    confidence: 'code',

    reply: { source: "a Kemp engineer's hardening script reads it as yes/no" },
  },
  {
    name: 'expect100',
    scope: 'global',
    type: int(0, 2, { 0: 'RFC-2616 compliant', 1: 'require 100-continue', 2: 'RFC-7231 compliant' }),
    meaning: '100-Continue Handling',
    source: `${API} §4`,
    confidence: 'official',
  },
  {
    name: 'addforwardheader',
    scope: 'global',
    type: int(0, 2, { 0: 'X-ClientSide', 1: 'X-Forwarded-For', 2: 'none' }),
    meaning: 'Additional L7 Header',
    source: `${API} §4`,
    confidence: 'official',
  },
] as const satisfies readonly ParamSpec[];
