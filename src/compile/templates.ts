import { apiText, requireParam } from '../loadmaster/catalogue.js';
import { P } from '../loadmaster/parameters.js';
import { madeOnce } from '../made-once.js';
import type { Catalog } from '../model/catalog.js';
import type { ResolvedParam, ResolvedRule, ResolvedTemplate, ResolvedVs, VsRole } from '../model/resolved.js';
import type { VirtualService } from '../model/service.js';
import type { Setting } from '../model/setting.js';
import type { Template } from '../model/template.js';

interface Variant {
  readonly reencrypt: boolean;
  readonly esp: boolean;
  /** The template's own name, for "Create Unique Name" settings. */
  readonly templateName: string;
}

/** Settings that apply in a variant, as API parameters; the address rows are the caller's. */
function params(settings: readonly Setting[], v: Variant, scope: 'vs' | 'rule'): ResolvedParam[] {
  return settings
    .filter((s) => (v.esp || !s.espOnly) && !s.informational && s.param !== P.port && s.param !== P.prot)
    .map((s) => {
      const value = s.uniqueName
        ? v.templateName.replace(/^Exchange 2016 /, 'Exchange ')
        : v.reencrypt && s.reencrypted !== undefined
          ? s.reencrypted
          : s.value;
      requireParam(s.param, scope, value);
      return { name: s.param, value: apiText(value), ...(s.site ? { site: s.site } : {}) };
    });
}

function addressOf(vs: VirtualService): { port: number; prot: 'tcp' | 'udp' } {
  const port = vs.settings.find((s) => s.param === P.port)?.value;
  const prot = vs.settings.find((s) => s.param === P.prot)?.value;
  if (typeof port !== 'number' || (prot !== 'tcp' && prot !== 'udp'))
    throw new Error(`${vs.id} has no address`);
  return { port, prot };
}

/** The nickname a service or SubVS is found by: every one of them carries one. */
function nicknameOf(params: readonly ResolvedParam[], what: string): string {
  const nickname = params.find((p) => p.name === P.nickname)?.value;
  if (!nickname) throw new Error(`${what} has no nickname: the scripts could not find it again`);
  return nickname;
}

function service(vs: VirtualService, v: Variant, role: VsRole): ResolvedVs {
  const all = params(vs.settings, v, 'vs');
  const nickname = nicknameOf(all, `${v.templateName} ${vs.id}`);
  return { id: vs.id, role, nickname, ...addressOf(vs), params: all, subvs: [] };
}

function resolveHttps(catalog: Catalog, v: Variant): { rules: ResolvedRule[]; services: ResolvedVs[] } {
  const { https } = catalog;
  const rules = https.rules
    .filter((r) => v.esp || !r.espOnly)
    .map((r) => {
      const all = params(r.settings, v, 'rule');
      const name = all.find((p) => p.name === P.name)?.value;
      if (name === undefined) throw new Error(`rule ${r.id} has no name`);
      return { id: r.id, name, params: all.filter((p) => p.name !== P.name) };
    });
  const ruleName = (id: string): string => {
    const r = rules.find((x) => x.id === id);
    if (!r) throw new Error(`SubVS rule ${id} is not in the variant`);
    return r.name;
  };
  const subvs = https.subServices
    .filter((s) => v.esp || !s.espOnly)
    .map((s) => {
      const all = params(s.settings, v, 'vs');
      const nickname = nicknameOf(all, `SubVS ${s.id} of ${v.templateName}`);
      return { id: s.id, nickname, params: all, rule: ruleName(s.rule) };
    });
  return {
    rules: rules.map(({ id: _id, ...r }) => r),
    services: [service(https.redirect, v, 'redirect'), { ...service(https.main, v, 'service'), subvs }],
  };
}

/** Which bundle of section 3 holds a template. */
export function bundleOf(catalog: Catalog, templateId: string): ResolvedTemplate['bundle'] {
  const bundle = catalog.bundles.find((b) => b.templates.includes(templateId));
  if (!bundle) throw new Error(`template ${templateId} is in no bundle`);
  return bundle.name;
}

/** A template of the catalogue by its id. */
export function templateById(catalog: Catalog, id: string): Template {
  const t = catalog.templates.find((x) => x.id === id);
  if (!t) throw new Error(`unknown template ${id}`);
  return t;
}

/** One template with its variant applied: every VS, SubVS and rule it creates, values concrete. */
export function resolveTemplate(catalog: Catalog, t: Template): ResolvedTemplate {
  const src = t.source;
  const v: Variant =
    src.kind === 'https'
      ? { ...src, templateName: t.name }
      : { reencrypt: false, esp: false, templateName: t.name };
  let body: { rules: ResolvedRule[]; services: ResolvedVs[] };
  if (src.kind === 'https') body = resolveHttps(catalog, v);
  else {
    const vs = catalog.services.find((s) => s.id === src.vs);
    if (!vs) throw new Error(`template ${t.id} names unknown service ${src.vs}`);
    body = { rules: [], services: [service(vs, v, 'service')] };
  }
  return {
    id: t.id,
    name: t.name,
    comment: t.comment,
    bundle: bundleOf(catalog, t.id),
    section: t.section,
    realServerPort: t.realServerPort,
    servers: t.servers,
    certificate: t.certificate,
    addToAllSubVSs: t.addToAllSubVSs,
    ...body,
  };
}

/** Each catalogue's templates, resolved once: the bundles, the docs and every site read them. */
const RESOLVED = new WeakMap<Catalog, readonly ResolvedTemplate[]>();

/** Every template of the catalogue, resolved, in the bundles' order. */
export function resolveTemplates(catalog: Catalog): readonly ResolvedTemplate[] {
  return madeOnce(RESOLVED, catalog, resolveAll);
}

/** A template of the catalogue, resolved: once a run when a bundle holds it, else at each call. */
export function resolvedTemplate(catalog: Catalog, id: string): ResolvedTemplate {
  return (
    resolveTemplates(catalog).find((t) => t.id === id) ?? resolveTemplate(catalog, templateById(catalog, id))
  );
}

function resolveAll(catalog: Catalog): ResolvedTemplate[] {
  return catalog.bundles.flatMap((b) =>
    b.templates.map((id) => {
      const t = catalog.templates.find((x) => x.id === id);
      if (!t) throw new Error(`bundle ${b.name} lists unknown template ${id}`);
      return resolveTemplate(catalog, t);
    }),
  );
}
