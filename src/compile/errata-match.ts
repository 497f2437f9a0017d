import type { RowErratum, RowLocator } from '../model/erratum.js';
import type { GuideRow } from '../model/row.js';

/** Whether a row lies where a locator points. */
export function located(row: GuideRow, where: readonly RowLocator[]): boolean {
  return where.some(
    (l) =>
      l.section === row.section &&
      (l.group === undefined || l.group === row.group) &&
      (l.item === undefined || l.item === row.item),
  );
}

type Cells = { readonly parameter: string; readonly value?: string; readonly use?: string };

function cellsMatch(row: GuideRow, cells: Cells): boolean {
  return (
    row.parameter === cells.parameter &&
    (cells.value === undefined || cells.value === row.value) &&
    (cells.use === undefined || cells.use === row.use)
  );
}

/**
 * The one erratum whose `side` cells match a row where it lies. An erratum that names the value
 * beats one that names only the parameter; two equally specific matches are a catalogue bug.
 */
export function matchErratum(
  row: GuideRow,
  errata: readonly RowErratum[],
  side: 'documented' | 'corrected',
): RowErratum | undefined {
  const hits = errata.filter((e) => {
    const cells = e[side];
    return cells !== null && cellsMatch(row, cells) && located(row, e.where);
  });
  if (hits.length <= 1) return hits[0];
  const specific = hits.filter((e) => e[side]?.value !== undefined);
  if (specific.length === 1) return specific[0];
  throw new Error(
    `errata ${hits.map((e) => e.id).join(', ')} all match ${row.section} ${row.group} ${row.item ?? ''} ${row.parameter}`,
  );
}
