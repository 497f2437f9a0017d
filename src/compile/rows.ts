import { apiText, requireParam, urlEncode } from '../loadmaster/catalogue.js';
import type { ParamScope } from '../loadmaster/parameter.js';
import { madeOnce } from '../made-once.js';
import type { Catalog } from '../model/catalog.js';
import type { ParamValue } from '../model/common.js';
import type { RowErratum } from '../model/erratum.js';
import { type GuideRow, hasUseColumn, type ParamRow } from '../model/row.js';
import type { TablePlace } from '../model/service.js';
import type { Setting } from '../model/setting.js';
import { matchErratum } from './errata-match.js';

/** A value as section 5 prints it: the API text, URL-encoded. */
export const tableValue = (value: ParamValue): string => urlEncode(apiText(value));

function useCell(place: TablePlace, s: Setting): string {
  if (!hasUseColumn(place.section)) return '';
  return s.use ?? (s.espOnly ? 'ESP Enabled' : 'All');
}

function rowOf(place: TablePlace, s: Setting, scope: ParamScope): GuideRow {
  requireParam(s.param, scope, s.value);
  if (s.reencrypted !== undefined) requireParam(s.param, scope, s.reencrypted);
  const value =
    s.reencrypted === undefined
      ? tableValue(s.value)
      : `${tableValue(s.value)} or ${tableValue(s.reencrypted)}`;
  return { ...place, parameter: s.param, value, use: useCell(place, s) };
}

/** Attaches what the guide says where an erratum changed or added the row. */
function annotate(row: GuideRow, s: Setting, errata: readonly RowErratum[]): ParamRow {
  if (s.addedBy !== undefined) {
    const added = errata.find((e) => e.id === s.addedBy);
    if (!added) throw new Error(`${row.parameter} names unknown erratum ${s.addedBy}`);
    return { ...row, documented: null, erratum: added.id };
  }
  const e = matchErratum(row, errata, 'corrected');
  if (!e?.documented) return row;
  const documented = {
    parameter: e.documented.parameter,
    value: e.documented.value ?? row.value,
    use: e.documented.use ?? row.use,
  };
  return { ...row, documented, erratum: e.id };
}

interface Block {
  readonly place: TablePlace;
  readonly settings: readonly Setting[];
  readonly scope: ParamScope;
  /** Where the values come from, for a service only templates beyond the guide make. */
  readonly beyondGuide?: string;
}

/** Why a Virtual Service is not the guide's: the reason its templates give, when all of them are beyond it. */
export function beyondGuideOf(catalog: Catalog, vsId: string): string | undefined {
  const makers = catalog.templates.filter((t) => t.source.kind === 'vs' && t.source.vs === vsId);
  return makers.length > 0 && makers.every((t) => t.beyondGuide) ? makers[0]?.beyondGuide : undefined;
}

/** Every block of section 5 in the guide's order, with the scope its parameters belong to. */
function blocks(catalog: Catalog): Block[] {
  const { https } = catalog;
  return [
    { ...https.redirect, scope: 'vs' as const },
    ...https.rules.map((r) => ({ ...r, scope: 'rule' as const })),
    { ...https.main, scope: 'vs' as const },
    ...https.subServices.map((s) => ({ ...s, scope: 'vs' as const })),
    ...catalog.services.map((s) => {
      const beyondGuide = beyondGuideOf(catalog, s.id);
      return { ...s, scope: 'vs' as const, ...(beyondGuide ? { beyondGuide } : {}) };
    }),
  ];
}

/** Each catalogue's rows, compiled once: the docs read them. */
const COMPILED = new WeakMap<Catalog, readonly ParamRow[]>();
/** Each catalogue's rows an erratum changed, compiled once: every service's errata read them. */
const CHANGED = new WeakMap<Catalog, readonly ParamRow[]>();

/** Section 5 regenerated from the model: the corrected rows, each changed one naming its erratum. */
export function compileRows(catalog: Catalog): readonly ParamRow[] {
  return madeOnce(COMPILED, catalog, (c) => {
    const errataOf = candidateErrata(c);
    return blocks(c).flatMap((b) => b.settings.map((s) => compiledRow(b, s, errataOf(s))));
  });
}

/**
 * The rows of {@link compileRows} that name an erratum, in the same order: taken from the whole
 * table when it is made already, else compiled alone (a row no erratum could change, most of them,
 * is then not made at all).
 */
export function changedRows(catalog: Catalog): readonly ParamRow[] {
  return madeOnce(CHANGED, catalog, (c) => {
    const all = COMPILED.get(c);
    if (all) return all.filter((r) => r.erratum !== undefined);
    const errataOf = candidateErrata(c);
    return blocks(c).flatMap((b) =>
      b.settings.flatMap((s) => {
        const errata = errataOf(s);
        if (errata.length === 0 || b.beyondGuide) return [];
        const row = compiledRow(b, s, errata);
        return row.erratum === undefined ? [] : [row];
      }),
    );
  });
}

/**
 * The errata that may change a setting's row: an erratum matches a row only through its corrected
 * parameter, so each row looks at those alone (and a row an erratum added, at every erratum).
 */
function candidateErrata(catalog: Catalog): (s: Setting) => readonly RowErratum[] {
  const byParameter = new Map<string, RowErratum[]>();
  for (const e of catalog.rowErrata) {
    const key = e.corrected.parameter;
    byParameter.set(key, [...(byParameter.get(key) ?? []), e]);
  }
  return (s) => (s.addedBy !== undefined ? catalog.rowErrata : (byParameter.get(s.param) ?? []));
}

/** A setting's row, with what the guide says where one of `errata` changed it. */
function compiledRow(b: Block, s: Setting, errata: readonly RowErratum[]): ParamRow {
  const row = rowOf(b.place, s, b.scope);
  // The guide documents no row of a service beyond it, and no erratum corrects one.
  return b.beyondGuide ? { ...row, documented: null, beyondGuide: b.beyondGuide } : annotate(row, s, errata);
}

/** The rows exactly as the guide prints them: each erratum undone, each added row and each row beyond the guide dropped. */
export function asDocumented(rows: readonly ParamRow[]): GuideRow[] {
  return rows.flatMap((r): GuideRow[] => {
    const { documented, erratum: _erratum, ...row } = r;
    if (documented === null) return [];
    return [documented ? { ...row, ...documented } : row];
  });
}
