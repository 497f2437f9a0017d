import { RS_DEFAULTS, RS_PARAMS, RS_SETTINGS } from '../known-params.js';
import { isTrue } from '../params.js';
import { renderRs, renderSlot } from '../render.js';
import { DONE, type Reply, SimError } from '../reply.js';
import { parsePort } from '../store.js';
import type { SimRealServer, SimVirtualService } from '../types.js';
import type { CommandSpec } from './context.js';
import { VS_ADDRESS } from './context.js';

const KNOWN = [...VS_ADDRESS, ...RS_PARAMS];

/**
 * `addrs`: a real server in a VS or SubVS (`vs=<SubVSIndex>`); on a parent, `AddToAllSubvs=1` adds it
 * to every SubVS instead. `rsport` defaults to the VS's port. Answers `<Data><Rs>` (captured addrs.xml).
 */
export const addrs: CommandSpec = {
  known: KNOWN,
  run: ({ store, params }) => {
    const vs = store.findVs(params);
    const addr = params.require('rs');
    if (addr === '' || addr.startsWith('!')) throw new SimError(422, `Invalid real server address: ${addr}`);
    const rsport = params.get('rsport');
    const port = rsport === undefined ? vs.port : parsePort(rsport);
    const subs = store.subVss(vs);
    let targets: SimVirtualService[] = [vs];
    if (subs.length > 0) {
      // Inferred: a parent with SubVSs takes real servers only through AddToAllSubvs.
      if (!isTrue(params.get('AddToAllSubvs'))) {
        throw new SimError(422, 'VS has SubVSs; use AddToAllSubvs=1 or address a SubVS');
      }
      targets = subs;
    }
    // Check every target first so a refused call changes nothing.
    for (const target of targets) {
      if (target.members.some((m) => m.subVsIndex === undefined && m.addr === addr && m.port === port)) {
        throw new SimError(422, 'Real server already exists');
      }
    }
    const settings = params.pick(RS_SETTINGS);
    const added = targets.map((target) => {
      const rs: SimRealServer = {
        rsIndex: store.data.nextRsIndex++,
        addr,
        port,
        params: store.kept({ ...RS_DEFAULTS, ...settings }, RS_DEFAULTS),
        rules: [],
      };
      target.members.push(rs);
      return renderRs(target, rs);
    });
    return store.variant.plainReplies ? DONE : { data: { Rs: added } };
  },
};

/**
 * `modrs`: changes a real server's (or a SubVS slot's) weight, forward, enable, limit, critical;
 * "Command completed ok" (captured modrs.xml).
 */
export const modrs: CommandSpec = {
  known: KNOWN,
  run: ({ store, params }) => {
    const vs = store.findVs(params);
    const rs = store.findMember(vs, params);
    Object.assign(rs.params, store.kept(params.pick(RS_SETTINGS), rs.params));
    return DONE;
  },
};

/** `delrs`: removes a real server (a SubVS slot goes with `delvs` of the SubVS); "Command completed ok" (captured delrs.xml). */
export const delrs: CommandSpec = {
  known: KNOWN,
  run: ({ store, params }) => {
    const vs = store.findVs(params);
    const rs = store.findMember(vs, params);
    if (rs.subVsIndex !== undefined) throw new SimError(422, 'Unknown real server');
    vs.members = vs.members.filter((m) => m !== rs);
    return DONE;
  },
};

/**
 * `showrs`: one real server as `<Data><Rs>` (captured showrs.xml), or all of a VS's when `rs` is
 * absent; a SubVS slot (`rs=!<RsIndex>`) answers as `<Data><SubVS>` (kreemer/loadmaster-go-client
 * reads a slot's MatchRules from `SubVS`).
 */
export const showrs: CommandSpec = {
  known: KNOWN,
  run: ({ store, params }): Reply => {
    const vs = store.findVs(params);
    if (!params.has('rs')) {
      const servers = vs.members.filter((m) => m.subVsIndex === undefined);
      return { data: { Rs: servers.map((m) => renderRs(vs, m)) } };
    }
    const member = store.findMember(vs, params);
    if (member.subVsIndex !== undefined) return { data: { SubVS: renderSlot(store, member) } };
    return { data: { Rs: renderRs(vs, member) } };
  },
};
