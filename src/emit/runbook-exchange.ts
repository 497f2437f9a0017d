import type { Catalog } from '../model/catalog.js';
import { code, type PartView, para, type RunbookValues } from './runbook-parts.js';

/**
 * The part "On the Exchange servers" of a service section, when one of its templates offloads TLS
 * and Exchange must accept what the LoadMaster then sends (catalog.exchangeSide); null otherwise.
 */
export function exchangeSidePart(catalog: Catalog, v: RunbookValues, heading: string): PartView | null {
  const ids = new Set(v.templates.map((t) => t.id));
  const needed = catalog.exchangeSide.filter((x) => x.templates.some((id) => ids.has(id)));
  if (needed.length === 0) return null;
  const steps = needed.flatMap((x) => x.steps);
  return {
    heading,
    steps: steps.map((text, i) => ({ n: i + 1, text })),
    blocks: needed.flatMap((x) => [
      para(`**${x.title}.** ${x.symptom} (${x.source}.)`),
      code('powershell', x.commands),
    ]),
    departures: [],
  };
}
