import type { Section } from './common.js';
import type { Setting } from './setting.js';

/** A table of section 5 a block of rows belongs to: its section, bold heading and nested heading. */
export interface TablePlace {
  /** "5.1" ... "5.5". */
  readonly section: Section;
  /** The table's bold heading: "HTTP Redirect", "Content Rules", "IMAPS Offloaded", ... */
  readonly group: string;
  /** The nested heading under Content Rules and Sub Virtual Service ("OWA"), else null. */
  readonly item: string | null;
}

/** A LoadMaster Virtual Service: an address, port and protocol with its settings. */
export interface VirtualService {
  readonly id: string;
  readonly place: TablePlace;
  /** Every parameter in the guide's row order, `port` and `prot` included. */
  readonly settings: readonly Setting[];
}

/**
 * A SubVS of the HTTPS service. It has no address of its own; the parent reaches it through a
 * content rule attached to its slot.
 */
export interface SubVirtualService {
  readonly id: string;
  readonly place: TablePlace;
  readonly settings: readonly Setting[];
  /** Present only in the ESP variants (the Authentication Proxy). */
  readonly espOnly: boolean;
  /** Id of the content rule that steers requests to this SubVS. */
  readonly rule: string;
}

/** A global LoadMaster content rule (`addrule`): a pattern matched against the request. */
export interface ContentRule {
  readonly id: string;
  readonly place: TablePlace;
  readonly settings: readonly Setting[];
  readonly espOnly: boolean;
}

/**
 * The Exchange HTTPS service of 5.1: an HTTP redirect VS on port 80, the main VS on 443 with its
 * SubVSs, and the content rules that pick a SubVS. Its four variants (offloaded or re-encrypted,
 * with or without ESP) differ only through `Setting.reencrypted` and `espOnly`.
 */
export interface HttpsService {
  readonly redirect: VirtualService;
  readonly main: VirtualService;
  readonly subServices: readonly SubVirtualService[];
  readonly rules: readonly ContentRule[];
}
