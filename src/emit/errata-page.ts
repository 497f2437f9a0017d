import type { Catalog } from '../model/catalog.js';
import type { Erratum, RowLocator } from '../model/erratum.js';
import { MD_BANNER, markdownTemplate, mdAuthored, mdCell, mdCode } from './markdown.js';
import type { OutputFile } from './output.js';

const PAGE = `{{banner}}

# Errata of the MS Exchange 2016 Deployment Guide

Every place where build-templates departs from the guide, and why. Confidence follows
docs/loadmaster-api.md: official (Kemp's documents), code (clients used against appliances), inferred
(a deduction). Kinds: value, name (a parameter the appliance would ignore), enum, casing, encoding,
omission, step.

| Id | Kind | Where | Guide | Corrected | Confidence | Why |
| --- | --- | --- | --- | --- | --- | --- |
{{#each errata}}
| {{id}} | {{kind}} | {{{where}}} | {{{documented}}} | {{{corrected}}} | {{confidence}} | {{{reason}}} |
{{/each}}
`;

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
  const render = markdownTemplate<{ banner: string; errata: unknown[] }>(PAGE);
  const all: Erratum[] = [...catalog.rowErrata, ...catalog.stepErrata];
  const errata = all.map((e) => ({ ...e, ...cells(e), reason: mdAuthored(e.reason) }));
  return [{ path: 'docs/errata.md', contents: render({ banner: MD_BANNER, errata }) }];
}
