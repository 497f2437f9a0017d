import type { ParamName } from '../loadmaster/parameters.js';
import type { ParamValue, SiteKey } from './common.js';

/**
 * One LoadMaster API parameter set on a Virtual Service, SubVS or content rule: one row of the
 * guide's section 5 (in the guide's row order), holding the corrected value.
 */
export interface Setting {
  /** Canonical API parameter name, exactly as the parameter catalogue spells it. */
  readonly param: ParamName;
  /** The value for the offloading (or only) variant. */
  readonly value: ParamValue;
  /** The value when the HTTPS service re-encrypts to the real servers, where it differs. */
  readonly reencrypted?: ParamValue;
  /** Set only in the ESP variants (5.1's "ESP Enabled"). */
  readonly espOnly?: boolean;
  /** 5.1's "Use with Template" text where it is neither "All" nor "ESP Enabled". */
  readonly use?: string;
  /** The value belongs to the site; `value` is the guide's example. */
  readonly site?: SiteKey;
  /** The guide omits this parameter; the named erratum adds it. */
  readonly addedBy?: string;
  /**
   * Describes the object rather than configuring it through this call (a SubVS's port and protocol
   * come from its parent): shown in the tables, never sent.
   */
  readonly informational?: boolean;
  /**
   * 5.1's "Create Unique Name": each template derives its own value from its name, so two HTTPS
   * services on one LoadMaster do not share a nickname. `value` is the guide's example.
   */
  readonly uniqueName?: boolean;
}
