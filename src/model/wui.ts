import type { Citation } from './source.js';

/**
 * Where an API parameter is set in the LoadMaster's Web User Interface: the section of the
 * object's screen and the field's label, as Kemp's documents or the guide print them. `field` is
 * null where no document found shows the label: the runbook says so rather than invent one.
 */
export interface WuiField {
  readonly section: string | null;
  readonly field: string | null;
  readonly cite: Citation;
}
