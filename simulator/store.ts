import { isIP } from 'node:net';
import { GLOBAL_DEFAULTS, RS_DEFAULTS } from './known-params.js';
import type { RequestParams } from './params.js';
import { SimError } from './reply.js';
import type { ReplyVariant, SimRealServer, SimRule, SimState, SimVirtualService, Tamper } from './types.js';

/** A fresh appliance: no VSs, rules or templates; the given certificates and SSO domains installed. */
export function emptyState(certificates: readonly string[], ssoDomains: readonly string[] = []): SimState {
  // Indexes start at 1: the appliance never hands out index 0, and 0 means "no parent" in MasterVSID.
  return {
    nextVsIndex: 1,
    nextRsIndex: 1,
    vss: [],
    rules: [],
    globals: { ...GLOBAL_DEFAULTS },
    certificates: [...certificates],
    ssoDomains: [...ssoDomains],
    templates: [],
  };
}

/** The in-memory appliance: lookups by the API's addressing rules and the VS operations they share. */
export class SimStore {
  /** A parameter not kept as sent, for read-back tests (see {@link Tamper}). */
  tamper: Tamper | undefined;

  constructor(
    public data: SimState,
    /** How replies are shaped where evidence is thin (see {@link ReplyVariant}). */
    readonly variant: ReplyVariant = {},
  ) {}

  /**
   * The parameters as the appliance keeps them: all of them, unless a tamper rule drops one (the
   * old value stays) or rewrites it.
   */
  kept(params: Record<string, string>, old: Readonly<Record<string, string>>): Record<string, string> {
    const t = this.tamper;
    if (!t || t.mode === 'later') return params;
    const out = { ...params };
    for (const key of Object.keys(out)) {
      if (key.toLowerCase() !== t.param.toLowerCase()) continue;
      if (t.mode === 'rewrite') out[key] = t.value;
      else if (key in old) out[key] = old[key] as string;
      else delete out[key];
    }
    return out;
  }

  /**
   * After a write's reply is made: a `later` tamper stores its value wherever the parameter is kept
   * (every Virtual Service, real server, rule and global setting that holds it).
   */
  settle(): void {
    const t = this.tamper;
    if (t?.mode !== 'later') return;
    const held = [
      this.data.globals,
      ...this.data.rules.map((r) => r.params),
      ...this.data.vss.flatMap((v) => [v.params, ...v.members.map((m) => m.params)]),
    ];
    for (const params of held)
      for (const key of Object.keys(params))
        if (key.toLowerCase() === t.param.toLowerCase()) params[key] = t.value;
  }

  /** A VS or SubVS by index. */
  vsByIndex(index: number): SimVirtualService | undefined {
    return this.data.vss.find((vs) => vs.index === index);
  }

  /** SubVSs of a parent, in slot order. */
  subVss(parent: SimVirtualService): SimVirtualService[] {
    return parent.members.flatMap((m) => {
      const sub = m.subVsIndex === undefined ? undefined : this.vsByIndex(m.subVsIndex);
      return sub ? [sub] : [];
    });
  }

  /**
   * The VS a call addresses (Kemp's API description): `vs=<ip>&port=<p>&prot=<tcp|udp>` or
   * `vs=<index>`. A SubVS has no address of its own, so the address form finds parents only. A
   * missing one answers "Unknown VS" (Kemp's module, the go provider, a Puppet provider).
   */
  findVs(params: RequestParams): SimVirtualService {
    const vs = params.require('vs');
    if (!params.has('port') && /^\d+$/.test(vs)) {
      const found = this.vsByIndex(Number(vs));
      if (!found) throw new SimError(422, 'Unknown VS');
      return found;
    }
    const port = parsePort(params.require('port'));
    const prot = parseProt(params.require('prot'));
    const found = this.data.vss.find(
      (v) => v.parent === 0 && v.address === vs && v.port === port && v.prot === prot,
    );
    if (!found) throw new SimError(422, 'Unknown VS');
    return found;
  }

  /** The real server or SubVS slot a call addresses inside `vs`: `rs=!<RsIndex>` or `rs=<ip>&rsport=<p>`. */
  findMember(vs: SimVirtualService, params: RequestParams): SimRealServer {
    const rs = params.require('rs');
    let found: SimRealServer | undefined;
    if (rs.startsWith('!')) {
      const index = Number(rs.slice(1));
      found = vs.members.find((m) => m.rsIndex === index);
    } else {
      const rsport = params.get('rsport');
      const port = rsport === undefined ? vs.port : parsePort(rsport);
      found = vs.members.find((m) => m.subVsIndex === undefined && m.addr === rs && m.port === port);
    }
    // "Unknown RS" is a terraform provider's reading (pier62350/terraform-provider-kemp), unverified.
    if (!found) throw new SimError(422, 'Unknown RS');
    return found;
  }

  /** A content rule by name; a missing one answers "Rule not found" (the go terraform provider). */
  rule(name: string): SimRule {
    const found = this.data.rules.find((r) => r.name === name);
    if (!found) throw new SimError(422, 'Rule not found');
    return found;
  }

  /** Refuses a second VS on the same address, port and protocol, as the appliance does. */
  assertFree(address: string, port: number, prot: string): void {
    if (
      this.data.vss.some((v) => v.parent === 0 && v.address === address && v.port === port && v.prot === prot)
    ) {
      throw new SimError(422, 'Address/port/protocol already in use');
    }
  }

  /** Creates a parent VS; the caller has checked the address with {@link assertFree}. */
  createVs(address: string, port: number, prot: string, params: Record<string, string>): SimVirtualService {
    this.assertCertificates(params);
    const vs: SimVirtualService = {
      index: this.data.nextVsIndex++,
      address,
      port,
      prot,
      parent: 0,
      params: this.kept({ ...params }, {}),
      members: [],
    };
    this.data.vss.push(vs);
    return vs;
  }

  /**
   * Adds a SubVS to `parent`: a new VS (own VSIndex) plus a slot in the parent (own RsIndex), the
   * two numbers `modvs createsubvs=` reports (Kemp's "Create a SubVS" example).
   */
  createSubVs(parent: SimVirtualService, params: Record<string, string>): SimVirtualService {
    if (parent.parent !== 0) throw new SimError(422, 'A SubVS cannot have SubVSs');
    // Inferred: the WUI shows either real servers or SubVSs under a VS, never both.
    if (parent.members.some((m) => m.subVsIndex === undefined)) {
      throw new SimError(422, 'VS has real servers; cannot add a SubVS');
    }
    this.assertCertificates(params);
    const sub: SimVirtualService = {
      index: this.data.nextVsIndex++,
      address: parent.address,
      port: parent.port,
      prot: parent.prot,
      parent: parent.index,
      params: { ...params },
      members: [],
    };
    this.data.vss.push(sub);
    parent.members.push({
      rsIndex: this.data.nextRsIndex++,
      addr: '',
      port: 0,
      subVsIndex: sub.index,
      params: { ...RS_DEFAULTS },
      rules: [],
    });
    return sub;
  }

  /** Deletes a VS with its SubVSs, or a SubVS with its slot in the parent. */
  deleteVs(vs: SimVirtualService): void {
    const doomed = new Set([vs.index, ...this.subVss(vs).map((s) => s.index)]);
    this.data.vss = this.data.vss.filter((v) => !doomed.has(v.index));
    const parent = this.vsByIndex(vs.parent);
    if (parent) parent.members = parent.members.filter((m) => m.subVsIndex !== vs.index);
  }

  /** Sets VS parameters; an empty value is stored too (the appliance clears the field). */
  setVsParams(vs: SimVirtualService, params: Record<string, string>): void {
    this.assertCertificates(params);
    Object.assign(vs.params, this.kept(params, vs.params));
  }

  /** `CertFile` must name installed certificates (space-separated, as the appliance reads them back). */
  private assertCertificates(params: Record<string, string>): void {
    const names = (params.CertFile ?? '').split(/[\s,]+/).filter((n) => n !== '');
    for (const name of names) {
      if (!this.data.certificates.includes(name)) throw new SimError(422, `Unknown certificate: ${name}`);
    }
  }
}

/** A port number 1-65535, else 422. */
export function parsePort(value: string): number {
  const port = Number(value);
  if (!/^\d+$/.test(value) || port < 1 || port > 65535) throw new SimError(422, `Invalid port: ${value}`);
  return port;
}

/** `tcp` or `udp` (values are case-sensitive on the appliance: enumerations are lower case), else 422. */
export function parseProt(value: string): string {
  if (value !== 'tcp' && value !== 'udp') throw new SimError(422, `Invalid protocol: ${value}`);
  return value;
}

/** An IPv4 or IPv6 address, else 422. */
export function parseAddress(value: string): string {
  if (isIP(value) === 0) throw new SimError(422, `Invalid address: ${value}`);
  return value;
}
