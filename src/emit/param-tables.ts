import { P } from '../loadmaster/parameters.js';
import type { Catalog } from '../model/catalog.js';
import type { ParamRow } from '../model/row.js';
import { hasUseColumn } from '../model/row.js';
import { MD_BANNER, mdAuthored, mdCell, mdCode } from './markdown.js';
import { type OutputFile, pageText } from './output.js';
import type { Cells, TableBlock } from './pages/param-table.js';
import { renderParamTablePage } from './render.js';

/** The guide's titles of section 5's tables, and the file each is written to under docs/. */
export const PARAM_PAGES: readonly { section: string; title: string; file: string }[] = [
  {
    section: '5.1',
    title: 'Exchange 2016 HTTP Virtual Service Recommended API Settings',
    file: '5.1-http.md',
  },
  {
    section: '5.2',
    title: 'Exchange 2016 IMAP Virtual Service Recommended API Settings',
    file: '5.2-imap.md',
  },
  { section: '5.3', title: 'Exchange 2016 POP Virtual Service Recommended API Settings', file: '5.3-pop.md' },
  {
    section: '5.4',
    title: 'Exchange 2016 SMTP Virtual Service Recommended API Settings',
    file: '5.4-smtp.md',
  },
  {
    section: '5.5',
    title: 'Exchange 2016 Office Online Server Virtual Service Recommended API Settings',
    file: '5.5-office-online.md',
  },
];

/** Folder under the output root that holds these pages. */
export const PARAM_DOCS_DIR = 'docs/parameters';

/** A SubVS row the API has no use for: a SubVS is reached through its parent's port and protocol. */
const SUBVS_ADDRESSING = new Set<string>([P.port, P.prot]);

function cellsOf(row: ParamRow): Cells {
  const plain = { parameter: mdCode(row.parameter), value: mdCode(row.value), use: mdCell(row.use) };
  if (row.group === 'Sub Virtual Service' && SUBVS_ADDRESSING.has(row.parameter))
    plain.value += " (not sent: a SubVS has no port or protocol of its own; it takes its parent's)";
  if (!row.erratum) return plain;
  const note = `[^${row.erratum}]`;
  const doc = row.documented;
  if (!doc) return { ...plain, value: `${plain.value} (not in the guide)${note}` };
  // The footnote goes on the first cell the erratum changed.
  const cells = { ...plain };
  let noted = false;
  for (const key of ['value', 'parameter', 'use'] as const) {
    if (doc[key] === row[key]) continue;
    const was = key === 'use' ? mdCell(doc.use) || 'empty' : `~~${mdCode(doc[key])}~~`;
    cells[key] = `${cells[key]} (guide: ${was})${noted ? '' : note}`;
    noted = true;
  }
  return cells;
}

/** The columns of a table: 5.1 has the guide's "Use with Template" column, the others do not. */
function columns(useColumn: boolean): { header: readonly string[]; cells: (c: Cells) => readonly string[] } {
  return useColumn
    ? {
        header: ['API Parameter', 'API Value', 'Use with Template'],
        cells: (c) => [c.parameter, c.value, c.use],
      }
    : { header: ['API Parameter', 'API Value'], cells: (c) => [c.parameter, c.value] };
}

/** Consecutive rows under one heading, titled as the guide nests them. */
function blocksOf(rows: readonly ParamRow[], useColumn: boolean): TableBlock[] {
  const { header, cells } = columns(useColumn);
  const blocks: TableBlock[] = [];
  let prev: ParamRow | undefined;
  for (const row of rows) {
    if (!prev || prev.group !== row.group || prev.item !== row.item) {
      const newGroup = !prev || prev.group !== row.group;
      // A service the guide does not have says so under its heading, with where its values come from.
      const group = row.beyondGuide
        ? `## ${row.group}\n\nNot in the guide: ${mdAuthored(row.beyondGuide)}`
        : `## ${row.group}`;
      const heading =
        row.item === null ? group : newGroup ? `${group}\n\n### ${row.item}` : `### ${row.item}`;
      blocks.push({ heading, header, rows: [] });
    }
    blocks.at(-1)?.rows.push(cells(cellsOf(row)));
    prev = row;
  }
  return blocks;
}

/** Section 5's tables as Markdown, one file per section, mirroring the guide's layout. */
export function emitParamTables(catalog: Catalog, rows: readonly ParamRow[]): OutputFile[] {
  return PARAM_PAGES.map((page) => {
    const mine = rows.filter((r) => r.section === page.section);
    const ids = new Set(mine.flatMap((r) => (r.erratum ? [r.erratum] : [])));
    const notes = catalog.rowErrata
      .filter((e) => ids.has(e.id))
      .map((e) => ({ id: e.id, kind: e.kind, confidence: e.confidence, reason: mdAuthored(e.reason) }));
    const contents = renderParamTablePage({
      banner: MD_BANNER,
      section: page.section,
      title: page.title,
      blocks: blocksOf(mine, hasUseColumn(page.section)),
      notes,
    });
    return { path: `${PARAM_DOCS_DIR}/${page.file}`, contents: pageText(contents) };
  });
}
