import type { SiteKey } from './common.js';
import type { BundleName, ServerKind } from './template.js';

/** One API parameter as a template or a script sends it: canonical name, API text (not URL-encoded). */
export interface ResolvedParam {
  readonly name: string;
  readonly value: string;
  /** The value belongs to the site; here it is the guide's example. */
  readonly site?: SiteKey;
}

/** A global content rule a template needs (`addrule`). */
export interface ResolvedRule {
  readonly name: string;
  /** Every rule parameter but `name`, in the guide's order. */
  readonly params: readonly ResolvedParam[];
}

/** A SubVS: created with `modvs createsubvs=`, then set with `modvs vs=<its index>`. */
export interface ResolvedSubVs {
  readonly id: string;
  readonly params: readonly ResolvedParam[];
  /** Name of the content rule attached to its slot in the parent (`addrsrule`). */
  readonly rule: string;
}

/** A Virtual Service a template creates (`addvs`). */
export interface ResolvedVs {
  readonly id: string;
  readonly port: number;
  readonly prot: 'tcp' | 'udp';
  /** Every parameter but the address, port and protocol, in the order they are applied. */
  readonly params: readonly ResolvedParam[];
  readonly subvs: readonly ResolvedSubVs[];
}

/** A template with one variant chosen and every value concrete: what a bundle holds. */
export interface ResolvedTemplate {
  readonly id: string;
  readonly name: string;
  readonly comment: string;
  readonly bundle: BundleName;
  readonly section: string;
  readonly realServerPort: number;
  readonly servers: ServerKind;
  readonly certificate: boolean;
  readonly addToAllSubVSs: boolean;
  /** Rules first: a SubVS can only be steered by a rule that exists. */
  readonly rules: readonly ResolvedRule[];
  readonly services: readonly ResolvedVs[];
}
