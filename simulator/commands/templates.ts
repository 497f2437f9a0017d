import { canonicalName, RULE_DEFAULTS, RULE_PARAMS, VS_PARAMS } from '../known-params.js';
import { renderVs } from '../render.js';
import type { Reply } from '../reply.js';
import { DONE, SimError } from '../reply.js';
import { parseAddress, parsePort, parseProt } from '../store.js';
import type { SimTemplate } from '../types.js';
import type { CommandContext, CommandSpec } from './context.js';

/** The default parser: the project's bundle reader is pluggable, so without one every file is refused. */
export function rejectTemplates(_xml: string): SimTemplate[] {
  throw new Error('no template parser configured');
}

/** `uploadtemplate`: the POST body is the template file; templates of the same name are replaced. */
export const uploadtemplate: CommandSpec = {
  known: [],
  run: ({ store, body, parseTemplates }) => {
    let templates: SimTemplate[];
    try {
      templates = parseTemplates(body);
    } catch {
      throw new SimError(422, 'Invalid template file');
    }
    if (templates.length === 0 || templates.some((t) => t.name === '')) {
      throw new SimError(422, 'Invalid template file');
    }
    for (const template of templates) {
      store.data.templates = store.data.templates.filter((t) => t.template.name !== template.name);
      store.data.templates.push({ template, raw: body });
    }
    return { text: `Installed ${templates.length} new templates.` };
  },
};

/** `listtemplates`: name, comment and certified flag (never certified: only Kemp signs templates). */
export const listtemplates: CommandSpec = {
  known: [],
  run: ({ store }) => ({
    data: {
      template: store.data.templates.map(({ template }) => ({
        name: template.name,
        comment: template.comment,
        certified: 'no',
      })),
    },
  }),
};

/** `deltemplate?name=<template>`. */
export const deltemplate: CommandSpec = {
  known: ['name'],
  run: ({ store, params }) => {
    const name = params.require('name');
    if (!store.data.templates.some((t) => t.template.name === name)) {
      throw new SimError(422, `Unknown template: ${name}`);
    }
    store.data.templates = store.data.templates.filter((t) => t.template.name !== name);
    return DONE;
  },
};

/**
 * `addvs vs=<ip>&template=<name>`: creates each service of the template at `vs` on the service's own
 * port, with its SubVSs, rules and rule attachments. All or nothing: on any failure the state is
 * restored. The reply lists every VS created under `<VS>` (assumed; the appliance's reply is unknown).
 */
export function addFromTemplate(ctx: CommandContext, name: string): Reply {
  const { store, params } = ctx;
  const stored = store.data.templates.find((t) => t.template.name === name);
  if (!stored) throw new SimError(422, `Unknown template: ${name}`);
  const address = parseAddress(params.require('vs'));
  const template = stored.template;
  const source = `template:${template.name}`;
  const canon = (table: readonly string[], given: Readonly<Record<string, string>>) => {
    const out: Record<string, string> = {};
    for (const [key, value] of Object.entries(given)) {
      const known = canonicalName(table, key);
      if (known === undefined) ctx.ignore(key, value, source);
      else out[known] = value;
    }
    return out;
  };
  const snapshot = structuredClone(store.data);
  try {
    const created = template.services.map((service) => {
      const port = parsePort(String(service.port));
      const prot = parseProt(service.prot);
      store.assertFree(address, port, prot);
      for (const rule of service.rules ?? []) {
        if (store.data.rules.some((r) => r.name === rule.name)) continue;
        const { name: _name, ...settings } = canon(RULE_PARAMS, rule.params);
        store.data.rules.push({ name: rule.name, params: { ...RULE_DEFAULTS, ...settings } });
      }
      const vsParams = {
        Nickname: template.name,
        ...canon(VS_PARAMS, service.params),
        ...params.pick(VS_PARAMS),
      };
      const vs = store.createVs(address, port, prot, vsParams);
      for (const sub of service.subvs) {
        store.createSubVs(vs, canon(VS_PARAMS, sub.params));
        const slot = vs.members.at(-1);
        if (sub.rule !== undefined && slot) slot.rules.push(store.rule(sub.rule).name);
      }
      return vs;
    });
    return { data: { VS: created.map((vs) => renderVs(store, vs)) } };
  } catch (error) {
    store.data = snapshot;
    throw error;
  }
}
