import { RULE_DEFAULTS, RULE_PARAMS } from '../known-params.js';
import { renderRule } from '../render.js';
import type { XmlObject } from '../reply.js';
import { DONE, SimError } from '../reply.js';
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

/** `addrule`: a global content rule. */
export const addrule: CommandSpec = {
  known: RULE_PARAMS,
  run: ({ store, params }) => {
    const name = params.require('name');
    if (name === '') throw new SimError(422, 'Invalid rule name');
    if (store.data.rules.some((r) => r.name === name))
      throw new SimError(422, `Rule already exists: ${name}`);
    store.data.rules.push({ name, params: { ...RULE_DEFAULTS, ...ruleSettings(params.pick(RULE_PARAMS)) } });
    return DONE;
  },
};

/** `modrule`: changes a content rule. */
export const modrule: CommandSpec = {
  known: RULE_PARAMS,
  run: ({ store, params }) => {
    const rule = store.rule(params.require('name'));
    Object.assign(rule.params, ruleSettings(params.pick(RULE_PARAMS)));
    return DONE;
  },
};

/** `delrule`: deletes a content rule; refused while attached (assumed, as the WUI refuses it). */
export const delrule: CommandSpec = {
  known: ['name'],
  run: ({ store, params }) => {
    const rule = store.rule(params.require('name'));
    const inUse = store.data.vss.some((vs) => vs.members.some((m) => m.rules.includes(rule.name)));
    if (inUse) throw new SimError(422, `Rule in use: ${rule.name}`);
    store.data.rules = store.data.rules.filter((r) => r !== rule);
    return DONE;
  },
};

/** `showrule`: one rule (`name=`) or all, grouped under an element per rule type. */
export const showrule: CommandSpec = {
  known: ['name'],
  run: ({ store, params }) => {
    const name = params.get('name');
    const rules: SimRule[] = name === undefined ? store.data.rules : [store.rule(name)];
    const data: Record<string, XmlObject[]> = {};
    for (const rule of rules) {
      const { element, body } = renderRule(rule);
      data[element] ??= [];
      data[element].push(body);
    }
    return { data };
  },
};

/**
 * `addrsrule`: attaches a rule to a real server or SubVS slot:
 * `vs=<parent>&rs=!<RsIndex>&rule=<name>`; RsIndex is the slot, not the SubVS's VSIndex.
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
