import { asDocumented, compileRows } from '../compile/rows.js';
import type { Catalog } from '../model/catalog.js';
import type { GuideRow, ParamRow } from '../model/row.js';
import { textTable } from '../text-table.js';

/** Options of `build-templates params`. */
export interface ParamsOptions {
  /** Print the rows exactly as the guide has them, errors and all. */
  readonly asDocumented: boolean;
  /** Print JSON for scripts instead of a table for people. */
  readonly json: boolean;
}

/** The JSON field order the CLI promises. */
function jsonRow(r: ParamRow | GuideRow): object {
  const base = {
    section: r.section,
    group: r.group,
    item: r.item,
    parameter: r.parameter,
    value: r.value,
    use: r.use,
  };
  if ('beyondGuide' in r && r.beyondGuide !== undefined)
    return { ...base, documented: null, beyondGuide: r.beyondGuide };
  if (!('erratum' in r) || r.erratum === undefined) return base;
  const documented = r.documented ? { parameter: r.documented.parameter, value: r.documented.value } : null;
  return { ...base, documented, erratum: r.erratum };
}

function table(rows: readonly (ParamRow | GuideRow)[]): string {
  const lines = rows.map((r) => [
    r.section,
    r.item === null ? r.group : `${r.group} / ${r.item}`,
    r.parameter,
    r.value,
    r.use,
    'erratum' in r && r.erratum ? r.erratum : 'beyondGuide' in r && r.beyondGuide ? 'not in the guide' : '',
  ]);
  return textTable(['section', 'table', 'parameter', 'value', 'use', 'erratum'], lines);
}

/** The text `build-templates params` prints. */
export function renderParams(catalog: Catalog, options: ParamsOptions): string {
  const compiled = compileRows(catalog);
  const rows = options.asDocumented ? asDocumented(compiled) : compiled;
  return options.json ? `${JSON.stringify(rows.map(jsonRow), null, 2)}\n` : `${table(rows)}\n`;
}
