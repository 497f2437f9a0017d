import type { ParamValue } from '../../model/common.js';
import type { Setting } from '../../model/setting.js';

/** Shorthand for one row of the catalogue: `set('Persist', 'none')`. */
export function set(param: string, value: ParamValue, extra: Omit<Setting, 'param' | 'value'> = {}): Setting {
  return { param, value, ...extra };
}

/**
 * The certificate an SSL accelerated service presents: section 4 assigns it in every such service,
 * but no table of section 5 has the row (erratum E-5-CERTFILE). The guide's screenshots show one
 * named Wildcard.
 */
export const CERTIFICATE: Setting = {
  param: 'CertFile',
  value: 'Wildcard',
  site: 'certificate',
  addedBy: 'E-5-CERTFILE',
};

/** The same row, present only in the ESP variants. */
export function esp(param: string, value: ParamValue, extra: Omit<Setting, 'param' | 'value'> = {}): Setting {
  return { param, value, espOnly: true, ...extra };
}
