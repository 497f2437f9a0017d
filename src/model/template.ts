import type { Section } from './common.js';

/** The three downloadable files of section 3, in its order: the one list of their names. */
export const BUNDLE_NAMES = ['Exchange2016Core', 'Exchange2016ESP', 'Exchange2016Additional'] as const;

/** One of section 3's files. */
export type BundleName = (typeof BUNDLE_NAMES)[number];

/** Which servers a template's real servers are. */
export type ServerKind = 'exchange' | 'office-online';

/** What a template creates: one of the four HTTPS variants, or one standalone Virtual Service. */
export type TemplateSource =
  | { readonly kind: 'https'; readonly reencrypt: boolean; readonly esp: boolean }
  | { readonly kind: 'vs'; readonly vs: string };

/** A LoadMaster application template named as in sections 3 and 4. */
export interface Template {
  /** Stable id used by deployment files and the CLI: "https-offloaded-esp", "imaps-offloaded". */
  readonly id: string;
  /** The template's name exactly as the guide's "Use Template" step gives it. */
  readonly name: string;
  /** The section of 4 whose steps use it. */
  readonly section: Section;
  /** The comment shown beside the template on the appliance. */
  readonly comment: string;
  readonly source: TemplateSource;
  /** Port the real servers listen on (section 4: "Ensure port 143 is entered ..."). */
  readonly realServerPort: number;
  readonly servers: ServerKind;
  /** Whether section 4 asks for a certificate to be assigned (SSL accelerated services). */
  readonly certificate: boolean;
  /** Whether section 4 adds the real servers with "Add to all SubVSs". */
  readonly addToAllSubVSs: boolean;
  /**
   * Set only on a template the guide does not have: where its values and steps come from. Its
   * service's rows are then documented nowhere (`params --as-documented` leaves them out) and its
   * runbook section says it is not the guide's.
   */
  readonly beyondGuide?: string;
}

/** One downloadable file of section 3 and the templates it holds. */
export interface Bundle {
  readonly name: BundleName;
  /** Section 3's description of the file. */
  readonly description: string;
  /** Template ids, in the order the bundle lists them. */
  readonly templates: readonly string[];
  /** Why a template is here where section 3 does not say (e.g. Office Online Server). */
  readonly decisions: readonly string[];
}
