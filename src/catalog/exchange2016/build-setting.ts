import { P, type ParamName } from '../../loadmaster/parameters.js';
import type { ParamValue } from '../../model/common.js';
import type { Setting } from '../../model/setting.js';

/** Shorthand for one row of the catalogue: `set(P.Persist, 'none')`. */
export function set(
  param: ParamName,
  value: ParamValue,
  extra: Omit<Setting, 'param' | 'value'> = {},
): Setting {
  return { param, value, ...extra };
}

/**
 * The certificate an SSL accelerated service presents: section 4 assigns it in every such service,
 * but no table of section 5 has the row (erratum E-5-CERTFILE). The guide's screenshots show one
 * named Wildcard.
 */
export const CERTIFICATE: Setting = {
  param: P.CertFile,
  value: 'Wildcard',
  site: 'certificate',
  addedBy: 'E-5-CERTFILE',
};

/** The same row, present only in the ESP variants. */
export function esp(
  param: ParamName,
  value: ParamValue,
  extra: Omit<Setting, 'param' | 'value'> = {},
): Setting {
  return { param, value, espOnly: true, ...extra };
}
