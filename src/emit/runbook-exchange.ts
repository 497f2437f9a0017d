import { findParam } from '../loadmaster/catalogue.js';
import { P } from '../loadmaster/parameters.js';
import { madeOnce } from '../made-once.js';
import type { Catalog } from '../model/catalog.js';
import type { ExchangePrerequisite } from '../model/exchange-side.js';
import type { Citation } from '../model/source.js';
import { mdCell, mdCode, mdProse } from './markdown.js';
import {
  type Block,
  commandsAt,
  type NumberedService,
  type PartView,
  para,
  type RunbookValues,
  table,
} from './runbook-parts.js';

/** Each service's Exchange-side items, found once: every other service's section asks for them. */
const ITEMS = new WeakMap<RunbookValues, readonly ExchangePrerequisite[]>();

/** The Exchange-side items a service's templates need, in the catalogue's order. */
export function exchangeItems(catalog: Catalog, v: RunbookValues): readonly ExchangePrerequisite[] {
  return madeOnce(ITEMS, v, () => {
    const ids = new Set(v.templates.map((t) => t.id));
    return catalog.exchangeSide.filter((x) => x.templates.some((id) => ids.has(id)));
  });
}

/** A statement's sources as the runbook prints them; the Sources section lists their addresses. */
export function citations(catalog: Catalog, cite: readonly Citation[]): string {
  const text = cite.map((c) => {
    const s = catalog.sources.find((x) => x.id === c.source);
    if (!s) throw new Error(`source ${c.source} is not in the catalogue`);
    return `${s.publisher}, *${mdProse(s.title)}*, "${mdProse(c.section)}"`;
  });
  return `(Sources: ${text.join('; ')}.)`;
}

/** A numbered list as one block of its own. */
const list = (items: readonly string[]): Block => para(items.map((x, i) => `${i + 1}. ${x}`).join('\n'));

/** Which SubVSs of an ESP service ask for credentials, and how the LoadMaster signs in to Exchange. */
function espModes(v: RunbookValues): Block[] {
  const label = (name: string, value: string | undefined): string => {
    const type = findParam(name, 'vs')?.type;
    const text = type?.kind === 'int' ? type.labels?.[Number(value)] : undefined;
    return value === undefined ? 'n/a' : `${mdCode(value)} ${text ?? ''}`.trim();
  };
  const rows = v.templates.flatMap((t) =>
    t.services.flatMap((vs) =>
      vs.subvs.map((s) => {
        const get = (n: string) => s.params.find((p) => p.name === n)?.value;
        return [
          mdCell(s.nickname),
          label(P.InputAuthMode, get(P.InputAuthMode)),
          label(P.OutputAuthMode, get(P.OutputAuthMode)),
        ];
      }),
    ),
  );
  return rows.length
    ? [
        table(
          ['SubVS', 'Client authentication (InputAuthMode)', 'Server authentication (OutputAuthMode)'],
          rows,
        ),
      ]
    : [];
}

/** The site's own names beside the certificate items: the hosts ESP allows and the LoadMaster's certificate. */
function siteNames(v: RunbookValues): Block[] {
  if (v.generic) return [];
  const hosts = v.esp.hosts.length
    ? ` The host names this site lets through ESP: ${v.esp.hosts.map(mdCode).join(', ')}.`
    : '';
  return v.certificate ? [para(`The LoadMaster presents ${mdCode(v.certificate)} here.${hosts}`)] : [];
}

/** One item as the runbook shows it: why, with its sources; the steps; what to note first; the commands. */
function itemBlocks(catalog: Catalog, x: ExchangePrerequisite, v: RunbookValues): Block[] {
  const blocks = [para(`**${x.title}.** ${x.symptom} ${citations(catalog, x.cite)}`), list(x.steps)];
  if (x.id === 'esp-authentication') blocks.push(...espModes(v));
  if (x.id === 'certificate-names') blocks.push(...siteNames(v));
  if (x.record) blocks.push(para('Note first:'), commandsAt('exchange', 'powershell', x.record));
  if (x.commands) blocks.push(commandsAt('exchange', 'powershell', x.commands));
  return blocks;
}

/**
 * The part "On the Exchange servers" of a service section: every item its templates need, each with
 * its sources (catalog.exchangeSide); null when none applies.
 */
export function exchangeSidePart(
  catalog: Catalog,
  v: RunbookValues,
  heading: string,
  earlier: readonly NumberedService[],
): PartView | null {
  const needed = exchangeItems(catalog, v);
  if (needed.length === 0) return null;
  const blocks = needed.flatMap((x) => {
    // Set once per server: a service of the same kind earlier in the runbook has done it.
    const done = earlier.find((e) => exchangeItems(catalog, e.v).some((y) => y.id === x.id));
    if (!done) return itemBlocks(catalog, x, v);
    return [
      para(
        `**${x.title}.** Done in section ${done.no} (${mdProse(done.v.title)}), once for every service that needs it: nothing more here. ${citations(catalog, x.cite)}`,
      ),
    ];
  });
  return { heading, steps: [], blocks, departures: [] };
}
