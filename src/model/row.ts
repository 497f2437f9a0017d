import type { Section } from './common.js';

/** One row of a section 5 table, as the guide prints it (values URL-encoded where the guide encodes). */
export interface GuideRow {
  readonly section: Section;
  /** The table's bold heading. */
  readonly group: string;
  /** The nested heading under Content Rules and Sub Virtual Service, else null. */
  readonly item: string | null;
  readonly parameter: string;
  readonly value: string;
  /** 5.1's "Use with Template" column; "" in the other sections. */
  readonly use: string;
}

/** A compiled row: corrected, and where an erratum changed it, what the guide says and which erratum. */
export interface ParamRow extends GuideRow {
  /** The guide's cells, or null where the guide has no such row. */
  readonly documented?: { readonly parameter: string; readonly value: string; readonly use: string } | null;
  readonly erratum?: string;
  /** A row of a template the guide does not have: where its value comes from (`Template.beyondGuide`). */
  readonly beyondGuide?: string;
}

/** Only 5.1 has the "Use with Template" column. */
export const hasUseColumn = (section: Section): boolean => section === '5.1';
