import { compileRows } from '../compile/rows.js';
import { apiText } from '../loadmaster/catalogue.js';
import { P } from '../loadmaster/parameters.js';
import type { Catalog } from '../model/catalog.js';
import type { SiteKey } from '../model/common.js';
import type { RowErratum } from '../model/erratum.js';
import type { ResolvedTemplate } from '../model/resolved.js';
import type { ParamRow } from '../model/row.js';
import type { TablePlace } from '../model/service.js';
import type { Setting } from '../model/setting.js';
import { mdAuthored, mdCode } from './markdown.js';
import type { Departure, RunbookValues } from './runbook-parts.js';

/** One object of a template as section 5 lists it: its table, its settings and how the runbook names it. */
interface Block {
  readonly place: TablePlace;
  readonly settings: readonly Setting[];
  readonly label: string;
}

/** A section 5 erratum as it acts on one service: the objects it touches and the values they take. */
export interface ServiceErratum {
  readonly erratum: RowErratum;
  readonly objects: readonly string[];
  /** The sections of the guide whose tables hold those objects. */
  readonly sections: readonly string[];
  /** `parameter=value` as this service sends it, once each. */
  readonly values: readonly string[];
  /** It changes what the health check does: the verification names it too. */
  readonly check: boolean;
}

/** The objects of one template that section 5 lists, named as the appliance shows them here. */
function blocksOf(catalog: Catalog, t: ResolvedTemplate): Block[] {
  const source = catalog.templates.find((x) => x.id === t.id)?.source;
  if (source?.kind === 'vs') {
    const vs = catalog.services.find((s) => s.id === source.vs);
    if (!vs) throw new Error(`template ${t.id} names no service of section 5`);
    return [
      {
        place: vs.place,
        settings: vs.settings,
        label: `Virtual Service ${t.services[0]?.nickname ?? vs.id}`,
      },
    ];
  }
  if (source?.kind !== 'https') throw new Error(`template ${t.id} is not in the catalogue`);
  const esp = source.esp;
  const main = t.services.find((s) => s.role === 'service');
  const redirect = t.services.find((s) => s.role === 'redirect');
  const { https } = catalog;
  const subs = https.subServices.filter((s) => esp || !s.espOnly);
  const ruleName = (id: string): string => {
    const sub = subs.find((s) => s.rule === id);
    return main?.subvs.find((r) => r.id === sub?.id)?.rule ?? id;
  };
  return [
    {
      place: https.redirect.place,
      settings: https.redirect.settings,
      label: `Virtual Service ${redirect?.nickname}`,
    },
    ...https.rules
      .filter((r) => esp || !r.espOnly)
      .map((r) => ({ place: r.place, settings: r.settings, label: `content rule ${ruleName(r.id)}` })),
    { place: https.main.place, settings: https.main.settings, label: `Virtual Service ${main?.nickname}` },
    ...subs.map((s) => ({
      place: s.place,
      settings: s.settings,
      label: `SubVS ${main?.subvs.find((r) => r.id === s.id)?.nickname ?? s.id}`,
    })),
  ].map((b) => ({ ...b, settings: b.settings.filter((s) => esp || !s.espOnly) }));
}

/** The value a setting takes for this service: the site's own where the guide's is an example. */
function sentValue(s: Setting, t: ResolvedTemplate, v: RunbookValues, reencrypt: boolean): string {
  const site: Record<SiteKey, () => string> = {
    certificate: () => v.certificate,
    allowedHosts: () => v.esp.hosts.join(' '),
    owaExcludedDirectories: () => v.esp.excluded,
    smtpDomains: () => v.smtpDomains.join(' '),
    ssoDomain: () => v.esp.ssoDomain,
    logoff: () => v.esp.logoff,
    userPasswordForm: () => v.esp.passwordForm,
  };
  if (s.site && !v.generic) return site[s.site]();
  if (s.uniqueName) return t.services.find((x) => x.role === 'service')?.nickname ?? apiText(s.value);
  return apiText(reencrypt && s.reencrypted !== undefined ? s.reencrypted : s.value);
}

const ROWS = new WeakMap<Catalog, readonly ParamRow[]>();

/** Which erratum changed a row of section 5: the compiled tables say. */
function erratumOf(catalog: Catalog, place: TablePlace, s: Setting): RowErratum | undefined {
  let rows = ROWS.get(catalog);
  if (!rows) {
    rows = compileRows(catalog);
    ROWS.set(catalog, rows);
  }
  const row = rows.find(
    (r) =>
      r.section === place.section &&
      r.group === place.group &&
      r.item === place.item &&
      r.parameter === s.param,
  );
  return row?.erratum === undefined ? undefined : catalog.rowErrata.find((e) => e.id === row.erratum);
}

/** The health check's parameters: an erratum on one of them is named where the runbook verifies. */
const CHECK: readonly string[] = [P.CheckType, P.CheckPort, P.CheckUrl, P['CheckUse1.1'], P.CheckUseGet];

/**
 * Every section 5 erratum that changes what this service's templates send: a value, a parameter's
 * name, a row the guide leaves out. One entry per erratum, in the order the objects are made.
 */
export function serviceErrata(catalog: Catalog, v: RunbookValues): ServiceErratum[] {
  const out = new Map<
    string,
    { erratum: RowErratum; objects: string[]; sections: string[]; values: string[] }
  >();
  for (const t of v.templates) {
    const reencrypt =
      catalog.templates.find((x) => x.id === t.id)?.source.kind === 'https' && /Reencrypted/.test(t.name);
    for (const b of blocksOf(catalog, t))
      for (const s of b.settings) {
        const e = erratumOf(catalog, b.place, s);
        if (!e) continue;
        const entry = out.get(e.id) ?? { erratum: e, objects: [], sections: [], values: [] };
        if (!entry.sections.includes(b.place.section)) entry.sections.push(b.place.section);
        const value = `${s.param}=${sentValue(s, t, v, reencrypt)}`;
        if (!entry.objects.includes(b.label)) entry.objects.push(b.label);
        if (!entry.values.includes(value)) entry.values.push(value);
        out.set(e.id, entry);
      }
  }
  return [...out.values()].map((x) => ({ ...x, check: CHECK.includes(x.erratum.corrected.parameter) }));
}

/** An erratum as the runbook's list of departures shows it, next to the values it changes. */
export function departureOf(x: ServiceErratum): Departure {
  const doc = x.erratum.documented;
  const use =
    doc?.use !== undefined && doc.use !== x.erratum.corrected.use
      ? ` with "Use with Template" ${doc.use ? mdCode(doc.use) : 'empty'}`
      : '';
  return {
    id: x.erratum.id,
    where: `guide ${x.sections.join(', ')}, for ${x.objects.join(', ')}`,
    documented: doc
      ? `${mdCode(`${doc.parameter}${doc.value === undefined ? '' : `=${doc.value}`}`)}${use}`
      : 'nothing (no row)',
    corrected: x.values.map((s) => mdCode(s)).join(', '),
    reason: mdAuthored(x.erratum.reason),
  };
}
