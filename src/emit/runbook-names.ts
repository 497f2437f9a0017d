import type { Catalog } from '../model/catalog.js';
import { mdCode } from './markdown.js';
import { type Block, para, type RunbookValues, table } from './runbook-parts.js';

/**
 * The names the LoadMaster shows for a service's Virtual Services and SubVSs on each path: made from
 * this project's bundles or by its scripts (the nicknames the plan sends), or from Kemp's own
 * templates, as the guide's screenshots of 4.1.1 and 4.2.1 show them ("<template> - <SubVS>", the
 * redirect "<template> - HTTP Redirect"). The screenshots show only the HTTPS services.
 */
export function namesBlocks(catalog: Catalog, v: RunbookValues): Block[] {
  const rows: string[][] = [];
  const where = (port: number) => mdCode(`${v.generic ? '<address>' : v.address}:${port}`);
  for (const t of v.templates) {
    const https = catalog.templates.find((x) => x.id === t.id)?.source.kind === 'https';
    for (const vs of t.services) {
      const kemp = !https
        ? 'not shown in the guide'
        : vs.role === 'redirect'
          ? `${t.name} - HTTP Redirect`
          : t.name;
      rows.push([where(vs.port), 'Virtual Service', mdCode(vs.nickname), https ? mdCode(kemp) : kemp]);
      for (const s of vs.subvs) {
        const item = catalog.https.subServices.find((x) => x.id === s.id)?.place.item ?? s.id;
        rows.push([where(vs.port), 'SubVS', mdCode(s.nickname), mdCode(`${t.name} - ${item}`)]);
      }
    }
  }
  return [
    para(
      "The names the LoadMaster shows depend on how the service was made. The steps below name both where they differ; the verification and the roll-back use this project's names, and the table says which is which.",
    ),
    table(
      [
        'Where',
        'What',
        "Made from this project's bundles or by its scripts",
        "Made from Kemp's own templates",
      ],
      rows,
    ),
  ];
}
