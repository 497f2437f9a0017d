import type { Catalog } from '../model/catalog.js';
import type { ResolvedTemplate } from '../model/resolved.js';
import { mdCode } from './markdown.js';
import { type Block, hostPort, para, type RunbookValues, table } from './runbook-parts.js';

/**
 * The names the LoadMaster shows for a service's Virtual Services and SubVSs on each path: made from
 * this project's bundles or by its scripts (the nicknames the plan sends), or from Kemp's own
 * templates, as the guide's screenshots of 4.1.1 and 4.2.1 show them ("<template> - <SubVS>", the
 * redirect "<template> - HTTP Redirect"). The screenshots show only the HTTPS services.
 */
export function namesBlocks(
  catalog: Catalog,
  v: RunbookValues,
  resolved: readonly ResolvedTemplate[],
): Block[] {
  const rows: string[][] = [];
  const renamed: string[] = [];
  const where = (port: number) => mdCode(hostPort(v.generic ? '<address>' : v.address, port));
  for (const t of v.templates) {
    const https = catalog.templates.find((x) => x.id === t.id)?.source.kind === 'https';
    const bundle = resolved.find((x) => x.id === t.id);
    for (const [i, vs] of t.services.entries()) {
      const kemp = !https
        ? 'not shown in the guide'
        : vs.role === 'redirect'
          ? `${t.name} - HTTP Redirect`
          : t.name;
      const made = bundle?.services[i]?.nickname ?? vs.nickname;
      if (made !== vs.nickname)
        renamed.push(`the one on port ${vs.port}, ${mdCode(made)}, to ${mdCode(vs.nickname)}`);
      rows.push([
        where(vs.port),
        'Virtual Service',
        mdCode(vs.nickname),
        mdCode(made),
        https ? mdCode(kemp) : kemp,
      ]);
      for (const s of vs.subvs) {
        const item = catalog.https.subServices.find((x) => x.id === s.id)?.place.item ?? s.id;
        rows.push([
          where(vs.port),
          'SubVS',
          mdCode(s.nickname),
          mdCode(s.nickname),
          mdCode(`${t.name} - ${item}`),
        ]);
      }
    }
  }
  const blocks = [
    para(
      "The names the LoadMaster shows depend on how the service was made. The steps below name both where they differ; the verification and the roll-back use the scripts' names, and the table says which is which.",
    ),
    table(
      [
        'Where',
        'What',
        'Made by the scripts',
        "Made from this project's bundles",
        "Made from Kemp's own templates",
      ],
      rows,
    ),
  ];
  if (renamed.length)
    blocks.push(
      para(
        `Made from a template, rename the Virtual Service (its **Service Name**) as the scripts name it, so that the checks and the roll-back find it: ${renamed.join('; ')}.`,
      ),
    );
  return blocks;
}
