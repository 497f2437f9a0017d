import type { Confidence, Section } from './common.js';

/** What kind of mistake an erratum records. */
export type ErratumKind =
  /** A value that contradicts the rest of the guide or the API (a copy-paste slip, a wrong port). */
  | 'value'
  /** A parameter name the appliance does not know and would silently ignore. */
  | 'name'
  /** An enumeration value in a case or form the API does not take (`None` for `none`). */
  | 'enum'
  /** A parameter name that differs from the canonical one only in letter case. */
  | 'casing'
  /** A value whose URL encoding is inconsistent or broken. */
  | 'encoding'
  /** A parameter the guide requires elsewhere but its table omits. */
  | 'omission'
  /** A step of sections 2-4 that names the wrong template, server or label. */
  | 'step';

/** Selects rows of section 5: every row of a section, of a group, or of one nested item. */
export interface RowLocator {
  readonly section: Section;
  readonly group?: string;
  /** Omitted: any item; null: rows with no nested heading. */
  readonly item?: string | null;
}

/** A row's cells as an erratum speaks of them; a missing cell means "whatever the row holds". */
export interface RowCells {
  readonly parameter: string;
  readonly value?: string;
  readonly use?: string;
}

/** A mistake in the guide's section 5 tables. Values are in the tables' own (URL-encoded) form. */
export interface RowErratum {
  readonly id: string;
  readonly kind: ErratumKind;
  readonly where: readonly RowLocator[];
  /** The guide's cells, or null where the guide omits the row entirely. */
  readonly documented: RowCells | null;
  readonly corrected: RowCells;
  readonly reason: string;
  readonly confidence: Confidence;
}

/** A mistake in the prose or steps of sections 2-4. */
export interface StepErratum {
  readonly id: string;
  readonly kind: 'step';
  readonly section: Section;
  /** The step's number as printed ("4", "b)"), or "intro" for the paragraph before the steps. */
  readonly step: string;
  readonly documented: string;
  readonly corrected: string;
  readonly reason: string;
  readonly confidence: Confidence;
}

export type Erratum = RowErratum | StepErratum;

/** A section 5 erratum as it acts on one service: the objects it touches and the values they take. */
export interface ServiceErratum {
  readonly erratum: RowErratum;
  /** The objects, as the LoadMaster names them here ("SubVS OWA", "content rule OWA"). */
  readonly objects: readonly string[];
  /** The sections of the guide whose tables hold those objects. */
  readonly sections: readonly string[];
  /** `parameter=value` as this service sends it, once each. */
  readonly values: readonly string[];
  /** It changes what the health check does: the verification names it too. */
  readonly check: boolean;
}
