import type { Catalog } from '../model/catalog.js';
import type { Erratum, RowLocator } from '../model/erratum.js';
import { MD_BANNER, mdAuthored, mdCell, mdCode } from './markdown.js';
import type { OutputFile } from './output.js';
import { renderErrataPage } from './render.js';

const place = (l: RowLocator): string => [l.section, l.group, l.item].filter((p) => p != null).join(' / ');

function cells(e: Erratum): { where: string; documented: string; corrected: string } {
  if (!('where' in e)) {
    return {
      where: `${e.section} step ${e.step}`,
      documented: mdCode(e.documented),
      corrected: mdCode(e.corrected),
    };
  }
  const show = (c: { parameter: string; value?: string } | null): string =>
    c === null ? '(no row)' : mdCode(c.value === undefined ? c.parameter : `${c.parameter}=${c.value}`);
  return {
    where: mdCell(e.where.map(place).join('; ')),
    documented: show(e.documented),
    corrected: show(e.corrected),
  };
}

/** One page listing every erratum, row and step alike. */
export function emitErrataPage(catalog: Catalog): OutputFile[] {
  const all: Erratum[] = [...catalog.rowErrata, ...catalog.stepErrata];
  const errata = all.map((e) => ({
    id: e.id,
    kind: e.kind,
    confidence: e.confidence,
    ...cells(e),
    reason: mdAuthored(e.reason),
  }));
  return [{ path: 'docs/errata.md', contents: renderErrataPage({ banner: MD_BANNER, errata }) }];
}
