import { VS_PARAMS } from '../known-params.js';
import { renderVs } from '../render.js';
import { DONE } from '../reply.js';
import { parseAddress, parsePort, parseProt } from '../store.js';
import type { CommandSpec } from './context.js';
import { VS_ADDRESS } from './context.js';
import { addFromTemplate } from './templates.js';

/** `listvs`: every VS and SubVS, each a `<VS>` under `<Data>` with its slots and real servers (captured listvs). */
export const listvs: CommandSpec = {
  known: [],
  run: ({ store }) => ({ data: { VS: store.data.vss.map((vs) => renderVs(store, vs, true)) } }),
};

/** `showvs`: one VS or SubVS, its fields directly under `<Data>` (captured showvs). */
export const showvs: CommandSpec = {
  known: VS_ADDRESS,
  run: ({ store, params }) => {
    const vs = renderVs(store, store.findVs(params));
    return { data: store.variant.wrappedShowvs ? { VS: vs } : vs };
  },
};

/**
 * `addvs`: a new VS from parameters, answered with the whole VS, its `<Index>` among the fields
 * (captured addvs.xml), or the VSs of an installed template with `template=<name>`.
 */
export const addvs: CommandSpec = {
  known: [...VS_ADDRESS, 'template', ...VS_PARAMS],
  run: (ctx) => {
    const { store, params } = ctx;
    const template = params.get('template');
    if (template !== undefined) return addFromTemplate(ctx, template);
    const address = parseAddress(params.require('vs'));
    const port = parsePort(params.require('port'));
    const prot = parseProt(params.require('prot'));
    store.assertFree(address, port, prot);
    const vs = store.createVs(address, port, prot, params.pick(VS_PARAMS));
    return store.variant.plainReplies ? DONE : { data: renderVs(store, vs) };
  },
};

/**
 * `modvs`: changes a VS or SubVS and answers with it (captured modvs.xml); `createsubvs=` (any
 * value, normally empty) adds a SubVS, and the reply, the parent, lists it last (Kemp's "Create a
 * SubVS" example, Kemp's engineer's StoreFront script, the go client's tests).
 */
export const modvs: CommandSpec = {
  known: [...VS_ADDRESS, 'createsubvs', ...VS_PARAMS],
  run: ({ store, params }) => {
    const vs = store.findVs(params);
    store.setVsParams(vs, params.pick(VS_PARAMS));
    if (params.has('createsubvs')) {
      const sub = store.createSubVs(vs, {});
      if (store.variant.newSubVsReply) return { data: renderVs(store, sub) };
    }
    return store.variant.plainReplies ? DONE : { data: renderVs(store, vs) };
  },
};

/** `delvs`: deletes a VS (with its SubVSs) or a SubVS; "Command completed ok" (captured delvs.xml). */
export const delvs: CommandSpec = {
  known: VS_ADDRESS,
  run: ({ store, params }) => {
    store.deleteVs(store.findVs(params));
    return DONE;
  },
};
