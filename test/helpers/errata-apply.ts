import { located, matchErratum } from '../../src/compile/errata-match.js';
import type { RowErratum } from '../../src/model/erratum.js';
import { type GuideRow, hasUseColumn } from '../../src/model/row.js';

/**
 * Applies the errata to the guide's rows: each changed row takes its corrected cells, and each
 * omitted row is added at the end of the block it belongs to. The compiler's own rows must equal
 * this, which ties the model to the guide through the errata alone.
 */
export function applyErrata(rows: readonly GuideRow[], errata: readonly RowErratum[]): GuideRow[] {
  const out: GuideRow[] = [];
  rows.forEach((row, i) => {
    const e = matchErratum(row, errata, 'documented');
    out.push(e ? { ...row, ...e.corrected } : row);
    const next = rows[i + 1];
    const blockEnds =
      !next || next.section !== row.section || next.group !== row.group || next.item !== row.item;
    if (!blockEnds) return;
    for (const added of errata) {
      if (added.documented !== null || !located(row, added.where)) continue;
      const { parameter, value = '', use = '' } = added.corrected;
      out.push({ ...row, parameter, value, use: hasUseColumn(row.section) ? use : '' });
    }
  });
  return out;
}
