import { apiText } from '../loadmaster/catalogue.js';
import { P } from '../loadmaster/parameters.js';
import { madeOnce } from '../made-once.js';
import type { Catalog } from '../model/catalog.js';
import type { SiteKey } from '../model/common.js';
import type { RowErratum, ServiceErratum } from '../model/erratum.js';
import type { ResolvedTemplate } from '../model/resolved.js';
import type { TablePlace } from '../model/service.js';
import type { Setting } from '../model/setting.js';
import type { EspValues, SiteService } from '../model/site.js';
import { changedRows } from './rows.js';

/** What a service's values are read from: its own, the site's ESP values, and whether they are the guide's examples. */
type Values = Omit<SiteService, 'errata'> & { readonly esp: EspValues; readonly generic: boolean };

/** One object of a template as section 5 lists it: its table, its settings and how the runbook names it. */
interface Block {
  readonly place: TablePlace;
  readonly settings: readonly Setting[];
  readonly label: string;
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

/** A site's own value for a setting the guide gives an example of. */
function siteValue(key: SiteKey, v: Values): string {
  switch (key) {
    case 'certificate':
      return v.certificate;
    case 'allowedHosts':
      return v.esp.hosts.join(' ');
    case 'owaExcludedDirectories':
      return v.esp.excluded;
    case 'smtpDomains':
      return v.smtpDomains.join(' ');
    case 'ssoDomain':
      return v.esp.ssoDomain;
    case 'logoff':
      return v.esp.logoff;
    case 'userPasswordForm':
      return v.esp.passwordForm;
  }
}

/** The value a setting takes for this service: the site's own where the guide's is an example. */
function sentValue(s: Setting, t: ResolvedTemplate, v: Values, reencrypt: boolean): string {
  if (s.site && !v.generic) return siteValue(s.site, v);
  if (s.uniqueName) return t.services.find((x) => x.role === 'service')?.nickname ?? apiText(s.value);
  return apiText(reencrypt && s.reencrypted !== undefined ? s.reencrypted : s.value);
}

/** Each catalogue's section 5 errata by the row they changed: compiled once, looked up per service. */
const BY_ROW = new WeakMap<Catalog, ReadonlyMap<string, RowErratum>>();
const rowKey = (place: TablePlace, param: string): string =>
  `${place.section}\u0000${place.group}\u0000${place.item ?? ''}\u0000${param}`;

/** Which erratum changed a row of section 5: the compiled tables say. */
function erratumOf(catalog: Catalog, place: TablePlace, s: Setting): RowErratum | undefined {
  return madeOnce(BY_ROW, catalog, errataByRow).get(rowKey(place, s.param));
}

function errataByRow(catalog: Catalog): ReadonlyMap<string, RowErratum> {
  const map = new Map<string, RowErratum>();
  for (const r of changedRows(catalog)) {
    const e = catalog.rowErrata.find((x) => x.id === r.erratum);
    if (e) map.set(rowKey(r, r.parameter), e);
  }
  return map;
}

/** The health check's parameters: an erratum on one of them is named where the runbook verifies. */
const CHECK: readonly string[] = [P.CheckType, P.CheckPort, P.CheckUrl, P['CheckUse1.1'], P.CheckUseGet];

/**
 * Every section 5 erratum that changes what this service's templates send: a value, a parameter's
 * name, a row the guide leaves out. One entry per erratum, in the order the objects are made.
 */
export function serviceErrata(catalog: Catalog, v: Values): ServiceErratum[] {
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
