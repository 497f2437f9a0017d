import type { ParamName } from '../loadmaster/parameters.js';
import type { SiteKey } from './common.js';
import type { BundleName, ServerKind } from './template.js';

/** One API parameter as a template or a script sends it: canonical name, API text (not URL-encoded). */
export interface ResolvedParam {
  readonly name: ParamName;
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
  /** The name the SubVS is found by in its parent (its `nickname` parameter). */
  readonly nickname: string;
  readonly params: readonly ResolvedParam[];
  /** Name of the content rule attached to its slot in the parent (`addrsrule`). */
  readonly rule: string;
}

/**
 * What a Virtual Service is for, as the catalogue says: `redirect` is 5.1's HTTP redirect, which
 * answers with a 302 itself, keeps its own name and has no real servers; `service` is every other.
 */
export type VsRole = 'redirect' | 'service';

/** A Virtual Service a template creates (`addvs`). */
export interface ResolvedVs {
  readonly id: string;
  readonly role: VsRole;
  /** The name the service is found by (its `nickname` parameter; a site's own, once bound). */
  readonly nickname: string;
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

/** A SubVS as a template bundle holds it: the file carries no nickname apart from its parameters. */
export type BundleSubVs = Omit<ResolvedSubVs, 'nickname'>;

/** A Virtual Service as a template bundle holds it: no role (the appliance reads none). */
export interface BundleVs extends Omit<ResolvedVs, 'role' | 'nickname' | 'subvs'> {
  readonly subvs: readonly BundleSubVs[];
}

/** A template as a bundle file holds it: what the bundle emitter writes and the reader reads back. */
export interface BundleTemplate extends Omit<ResolvedTemplate, 'services'> {
  readonly services: readonly BundleVs[];
}
