import type { ParamName } from '../loadmaster/parameters.js';
import type { Confidence, ParamValue, Section } from './common.js';

/** A LoadMaster-wide setting of section 2, set through `set?param=...&value=...`. */
export interface GlobalSetting {
  readonly id: string;
  readonly section: Section;
  /** The web UI's label. */
  readonly label: string;
  /** Where the web UI keeps it. */
  readonly uiPath: string;
  /** What to choose in the web UI. */
  readonly uiValue: string;
  /** API parameter name for `set?param=`. */
  readonly param: ParamName;
  readonly value: ParamValue;
  /** Why the guide asks for it. */
  readonly why: string;
  readonly confidence: Confidence;
}
