import type { ParamName } from '../loadmaster/parameters.js';

/** An API parameter as a script sends it: name and raw text (each script encodes it). */
export interface ApiParam {
  readonly name: ParamName;
  readonly value: string;
}

/** A site's Virtual Service as the checks and the removal find it: address, port, protocol and name. */
export interface VsIdentity {
  readonly address: string;
  readonly port: number;
  readonly prot: 'tcp' | 'udp';
  /** A Virtual Service at the address with another nickname is not the site's: it is foreign. */
  readonly nickname: string;
}

/**
 * A site's Virtual Service as the checks find it, with its SubVSs' nicknames: a SubVS of another
 * name in it is not the site's.
 */
export interface SiteVs extends VsIdentity {
  readonly subvs: readonly string[];
}

/** A SubVS a parent should hold: its nickname and the content rule attached to its slot. */
export interface SlotShape {
  readonly nickname: string;
  readonly rule: string;
}

/**
 * One step of a deployment. Every step reads first: `plan` only reads and reports; `apply` writes
 * only what differs, parameter by parameter, then reads the object back and stops if a value was
 * not kept. `ref` names the index a step learns, for the steps after it.
 */
export type PlanStep =
  /** `listcert`: every certificate the site assigns is installed (read only, before any change). */
  | { readonly kind: 'check-certificates'; readonly title: string; readonly names: readonly string[] }
  /** `showdomain`: every SSO domain the site's ESP names exists (read only, before any change). */
  | { readonly kind: 'check-sso-domains'; readonly title: string; readonly names: readonly string[] }
  /** `listvs`: no Virtual Service of another name holds one of the site's address/port pairs. */
  | { readonly kind: 'check-addresses'; readonly title: string; readonly services: readonly SiteVs[] }
  /** `get?param=`, then `set?param=&value=` when it differs. */
  | { readonly kind: 'global'; readonly title: string; readonly param: ParamName; readonly value: string }
  /** `showrule` (all rules), then `addrule`, or `modrule` with the parameters that differ. */
  | {
      readonly kind: 'rule';
      readonly title: string;
      readonly name: string;
      readonly params: readonly ApiParam[];
    }
  /**
   * `listvs` finds the VS by address, port and protocol (it must carry the nickname); `showvs` holds
   * its settings. `addvs` with the first stage, then one `modvs` per later stage (ESP in steps).
   * Learns the VS's Index as `ref`.
   */
  | ({
      readonly kind: 'vs';
      readonly title: string;
      readonly ref: string;
      /** The parameters, in the calls that send them: stage 0 first, with `addvs`. */
      readonly stages: readonly (readonly ApiParam[])[];
    } & VsIdentity)
  /**
   * The parent's `<SubVS>` slot named `nickname`; else a nameless one (left by an interrupted run);
   * else `modvs createsubvs=` and the slot it adds. Then its stages as for a VS. Learns the SubVS's
   * VSIndex as `ref` and its slot's RsIndex as `${ref}_slot`.
   */
  | {
      readonly kind: 'subvs';
      readonly title: string;
      readonly ref: string;
      readonly parent: string;
      readonly nickname: string;
      readonly stages: readonly (readonly ApiParam[])[];
    }
  /** The `<Rs>` with this address and port in `vs`: `addrs`, or `modrs` when the weight differs. */
  | {
      readonly kind: 'realserver';
      readonly title: string;
      readonly vs: string;
      readonly address: string;
      readonly port: number;
      readonly weight?: number;
    }
  /** `addrsrule?vs=<parent>&rs=!<slot>&rule=`, unless the slot's `<MatchRules>` lists it. */
  | {
      readonly kind: 'attach-rule';
      readonly title: string;
      readonly parent: string;
      readonly subvs: string;
      readonly rule: string;
    }
  /**
   * Read only: real servers, SubVSs and attached rules inside `vs` that the site does not name. They
   * are reported and left alone.
   */
  | {
      readonly kind: 'foreign';
      readonly title: string;
      /** The object looked into, as the report names it. */
      readonly within: string;
      readonly vs: string;
      readonly slots: readonly SlotShape[];
      readonly servers: readonly ServerAddress[];
    };

/** A real server as the site names it: address and port. */
export interface ServerAddress {
  readonly address: string;
  readonly port: number;
}

/** One step of `remove`: it deletes only what the site owns. */
export type RemovalStep =
  /**
   * The site's VS (found as the checks find it, and named by the owned list): deleted whole, its
   * SubVSs first, when it holds only what the site names (its SubVSs by nickname, each with the rule
   * on its slot, `slots`; its own `servers`; each SubVS's `subServers`); otherwise the site's
   * objects in it are deleted one by one and it is kept. Read back gone.
   */
  | ({
      readonly kind: 'remove-vs';
      readonly title: string;
      readonly slots: readonly SlotShape[];
      readonly servers: readonly ServerAddress[];
      readonly subServers: readonly ServerAddress[];
    } & VsIdentity)
  /** A content rule of the site's, unless some Virtual Service left on the appliance uses it. */
  | { readonly kind: 'remove-rule'; readonly title: string; readonly name: string }
  /** Global settings are shared by every service of the appliance: named, and left alone. */
  | { readonly kind: 'keep-globals'; readonly title: string; readonly params: readonly string[] };

/** The ordered API operations both scripts render, so they cannot drift. */
export interface Plan {
  /** What the plan deploys, for the scripts' headers. */
  readonly summary: readonly string[];
  /** `plan` and `apply`: read-only checks first, then globals, content rules and each service. */
  readonly steps: readonly PlanStep[];
  /** `remove`: the services last to first, then the content rules. */
  readonly removal: readonly RemovalStep[];
}
