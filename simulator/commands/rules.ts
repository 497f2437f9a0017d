import { RULE_DEFAULTS, RULE_PARAMS } from '../known-params.js';
import { RULE_ELEMENTS, renderRules } from '../render.js';
import type { Reply } from '../reply.js';
import { DONE, SimError } from '../reply.js';
import type { SimStore } from '../store.js';
import type { SimRule } from '../types.js';
import type { CommandSpec } from './context.js';
import { VS_ADDRESS } from './context.js';

const MATCH_TYPES = ['regex', 'prefix', 'postfix'];

/** Rule settings of a call: the known names minus `name`, with `matchtype` checked. */
function ruleSettings(picked: Record<string, string>): Record<string, string> {
  const { name: _name, ...settings } = picked;
  if (settings.matchtype !== undefined && !MATCH_TYPES.includes(settings.matchtype)) {
    throw new SimError(422, `Invalid matchtype: ${settings.matchtype}`);
  }
  return settings;
}

/** The rule as `showrule name=` shows it: `addrule` and `modrule` answer with it (Kemp's examples). */
const showOne = (store: SimStore, rule: SimRule): Reply =>
  store.variant.plainReplies ? DONE : { data: renderRules([rule]) };

/** `addrule`: a global content rule. */
export const addrule: CommandSpec = {
  known: RULE_PARAMS,
  run: ({ store, params }) => {
    const name = params.require('name');
    if (name === '') throw new SimError(422, 'Invalid rule name');
    if (store.data.rules.some((r) => r.name === name))
      throw new SimError(422, `Rule already exists: ${name}`);
    const rule = {
      name,
      params: store.kept({ ...RULE_DEFAULTS, ...ruleSettings(params.pick(RULE_PARAMS)) }, RULE_DEFAULTS),
    };
    store.data.rules.push(rule);
    return showOne(store, rule);
  },
};

/**
 * `modrule`: changes a content rule. A rule of any type but Add Header must be given its `pattern`,
 * whatever else changes: "Unless modifying/adding an AddHeaderRule, the pattern parameter must be
 * supplied" (Kemp's RESTful API documentation, quoted in Kemp's PowerShell module 7.2.60 beside
 * Set-AdcContentRule).
 */
export const modrule: CommandSpec = {
  known: RULE_PARAMS,
  run: ({ store, params }) => {
    const rule = store.rule(params.require('name'));
    const type = params.pick(['type']).type ?? rule.params.type ?? '0';
    if (!params.has('pattern') && RULE_ELEMENTS[Number(type)] !== 'AddHeaderRule')
      throw new SimError(422, 'The pattern parameter must be supplied');
    Object.assign(rule.params, store.kept(ruleSettings(params.pick(RULE_PARAMS)), rule.params));
    return showOne(store, rule);
  },
};

/**
 * `delrule`: deletes a content rule and detaches it from every real server and SubVS slot it is on:
 * Kemp's CLI documentation says deleting a rule removes it from the real servers it is assigned to,
 * so no "in use" refusal protects a rule another Virtual Service needs.
 */
export const delrule: CommandSpec = {
  known: ['name'],
  run: ({ store, params }) => {
    const rule = store.rule(params.require('name'));
    for (const vs of store.data.vss) {
      for (const m of vs.members) m.rules = m.rules.filter((r) => r !== rule.name);
    }
    store.data.rules = store.data.rules.filter((r) => r !== rule);
    return DONE;
  },
};

/** `showrule`: one rule (`name=`) or all, grouped under an element per rule type. */
export const showrule: CommandSpec = {
  known: ['name'],
  run: ({ store, params }) => {
    const name = params.get('name');
    return { data: renderRules(name === undefined ? store.data.rules : [store.rule(name)]) };
  },
};

/**
 * `addrsrule`: attaches a rule to a real server or SubVS slot: `vs=<parent>&rs=!<RsIndex>&rule=<name>`;
 * RsIndex is the slot, not the SubVS's VSIndex. A second attachment is refused (assumed: no public
 * source gives the text), and the reply holds no data (Kemp's module classes it GeneralCase).
 */
export const addrsrule: CommandSpec = {
  known: [...VS_ADDRESS, 'rs', 'rsport', 'rule'],
  run: ({ store, params }) => {
    const vs = store.findVs(params);
    const member = store.findMember(vs, params);
    const rule = store.rule(params.require('rule'));
    if (member.rules.includes(rule.name)) throw new SimError(422, `Rule already assigned: ${rule.name}`);
    member.rules.push(rule.name);
    return DONE;
  },
};

/** `delrsrule`: detaches a rule from a real server or SubVS slot. */
export const delrsrule: CommandSpec = {
  known: [...VS_ADDRESS, 'rs', 'rsport', 'rule'],
  run: ({ store, params }) => {
    const vs = store.findVs(params);
    const member = store.findMember(vs, params);
    const name = params.require('rule');
    if (!member.rules.includes(name)) throw new SimError(422, `Rule not assigned: ${name}`);
    member.rules = member.rules.filter((r) => r !== name);
    return DONE;
  },
};
