import { apiText } from '../loadmaster/catalogue.js';
import { CALL_ARG } from '../loadmaster/parameters.js';
import type { Catalog } from '../model/catalog.js';
import type { GuideStep, StepPart } from '../model/guide-step.js';
import type { ResolvedTemplate } from '../model/resolved.js';
import type { SiteCompilation } from '../model/site.js';
import { urlEncode } from './escape.js';
import { MD_BANNER, mdAuthored, mdCode } from './markdown.js';
import { type OutputFile, pageText } from './output.js';
import { renderRunbookPage } from './render.js';
import { clientBlocks } from './runbook-checks.js';
import { backupBlocks, cutoverSection, serviceRollback, sourcesSection } from './runbook-cutover.js';
import { serviceDiagram } from './runbook-diagram.js';
import { departureOf } from './runbook-errata.js';
import { exchangeSidePart } from './runbook-exchange.js';
import { fill } from './runbook-fill.js';
import { namesBlocks } from './runbook-names.js';
import {
  type Block,
  bundleSection,
  code,
  type Departure,
  espBlocks,
  type NumberedService,
  type PartView,
  para,
  prerequisites,
  type RunbookValues,
  rollbackSection,
  type SectionView,
  verifyBlocks,
} from './runbook-parts.js';
import { scriptsSection } from './runbook-scripts.js';
import { settingsSection } from './runbook-settings.js';

function departures(catalog: Catalog, section: string, label: string, ids: readonly string[]): Departure[] {
  return ids.map((id) => {
    const e = catalog.stepErrata.find((x) => x.id === id);
    if (!e) throw new Error(`step erratum ${id} is not in the catalogue`);
    return {
      id,
      where: `guide ${section} ${label === 'note' ? 'note' : `step ${label}`}`,
      documented: mdCode(e.documented),
      corrected: mdCode(e.corrected),
      reason: mdAuthored(e.reason),
    };
  });
}

const PART_TITLES: Record<StepPart['kind'], string> = {
  global: 'Steps',
  create: 'Create the Virtual Service',
  certificate: 'Add the SSL/TLS certificate',
  'real-servers': 'Add the Real Servers',
  esp: 'Configure ESP',
  'smtp-domains': 'Set the permitted SMTP domains',
};

/**
 * A step as it reads for a site that has chosen its template: the guide's "(or **X** if that was
 * selected during the creation)" names the other template; the site's is kept, the other dropped.
 */
function chosen(text: string, v: RunbookValues): string {
  const name = v.templates[0]?.name;
  if (!name) return text;
  return text.replace(
    /\*\*([^*]+)\*\*([^(*]*?) \(or (?:the )?\*\*([^*]+)\*\* if that was selected during the creation\)/g,
    (_m, first: string, between: string, other: string) =>
      other === name || other.startsWith(`${name} - `) ? `**${other}**${between}` : `**${first}**${between}`,
  );
}

/** One part of the guide's steps as a runbook part: numbered steps, the guide's note, departures. */
export function partView(
  catalog: Catalog,
  part: StepPart,
  v: RunbookValues,
  heading: string | null,
): PartView {
  // A site's step, rewritten for its one template, names only the errata whose correction it shows.
  const shown = (st: GuideStep, text: string): string[] =>
    (st.errata ?? []).filter((id) => {
      const corrected = catalog.stepErrata.find((e) => e.id === id)?.corrected ?? '';
      return (
        v.generic || text.replace(/\*\*/g, '').includes(corrected.replace(/\*\*/g, '').replace(/\.$/, ''))
      );
    });
  const texts = part.steps.map((st) => (v.generic ? fill(st, v) : chosen(fill(st, v), v)));
  const steps = part.steps.map((st, i) => {
    const ids = shown(st, texts[i] ?? '');
    const note = ids.length ? ` (erratum ${ids.join(', ')})` : '';
    return { n: i + 1, text: `${texts[i]}${note}` };
  });
  const deps = part.steps.flatMap((st, i) =>
    departures(catalog, part.section, st.label, shown(st, texts[i] ?? '')),
  );
  const blocks = part.note ? [para(part.note)] : [];
  if (part.noteErrata) deps.push(...departures(catalog, part.section, 'note', part.noteErrata));
  // One entry per erratum: a slip the guide repeats is listed once, with every step it touches.
  const merged = deps.reduce<Departure[]>((acc, d) => {
    const i = acc.findIndex((x) => x.id === d.id);
    if (i < 0) acc.push(d);
    else acc[i] = { ...d, where: `${acc[i]?.where}; ${d.where.replace(/^guide \S+ /, '')}` };
    return acc;
  }, []);
  return { heading, steps, blocks, departures: merged };
}

/** The site's services with their section numbers, and the catalogue's templates as the bundles hold them. */
interface SiteContext {
  readonly services: readonly NumberedService[];
  readonly resolved: readonly ResolvedTemplate[];
}

/** The `##` section of one service (site) or one guide section (generic). */
function serviceSection(catalog: Catalog, no: number, v: RunbookValues, site: SiteContext): SectionView {
  const { title, section } = v;
  const others = site.services.filter((x) => x.no !== no);
  const guide = catalog.steps.find((x) => x.section === section);
  if (!guide) throw new Error(`the guide has no steps for section ${section}`);
  const errata = v.errata;
  // A template the guide does not have: its section says so where the others cite the guide.
  const beyond = v.templates.flatMap((t) => catalog.templates.find((x) => x.id === t.id)?.beyondGuide ?? []);
  const cite = (at: string): string => (beyond.length > 0 ? 'not in the guide' : `guide ${at}`);
  const parts: PartView[] = [
    {
      heading: `${no}.1 What the steps build`,
      steps: [],
      blocks: builtBlocks(catalog, v, site.resolved),
      departures: errata.map(departureOf),
    },
  ];
  for (const guidePart of guide.parts) {
    // Steps beyond the guide depart from no text of it: the errata its step helpers carry do not apply.
    const part = beyond.length > 0 ? withoutErrata(guidePart) : guidePart;
    const heading = `${no}.${parts.length + 1} ${PART_TITLES[part.kind]} (${cite(part.section)})`;
    const view = partView(catalog, part, v, heading);
    if (part.kind === 'esp') view.blocks.push(...espBlocks(catalog, v, v.esp));
    parts.push(view);
  }
  const exchange = exchangeSidePart(
    catalog,
    v,
    `${no}.${parts.length + 1} On the Exchange servers (not in the guide)`,
    others.filter((x) => x.no < no),
  );
  if (exchange) parts.push(exchange);
  parts.push({
    heading: `${no}.${parts.length + 1} Verify`,
    steps: [],
    blocks: [...verifyBlocks(catalog, v), ...clientBlocks(catalog, v)],
    departures: errata.filter((x) => x.check).map(departureOf),
  });
  parts.push(serviceRollback(catalog, v, `${no}.${parts.length + 1} Roll back`, others));
  const intro = beyond.map((why) => `Not in the guide: ${mdAuthored(why)}`);
  return { heading: `${no}. ${title} (${cite(section)})`, intro, parts };
}

/** A part of steps without the errata its steps and note name. */
function withoutErrata(part: StepPart): StepPart {
  const { noteErrata: _n, ...rest } = part;
  return { ...rest, steps: part.steps.map(({ errata: _e, ...step }) => step) };
}

/** The kinds of erratum about how the guide spells a value, not what an appliance is given. */
const SPELLING: readonly string[] = ['casing', 'encoding', 'enum'];

/**
 * What a service's steps build: its template and bundle, the names the appliance will show on each
 * path, and (for a site) the picture; its departures from section 5 follow it.
 */
function builtBlocks(catalog: Catalog, v: RunbookValues, resolved: readonly ResolvedTemplate[]): Block[] {
  const blocks = v.templates.map((t) =>
    para(
      `Template ${mdCode(t.name)} from bundle ${mdCode(t.bundle)}; real servers on port ${mdCode(String(v.generic ? t.realServerPort : (v.servers[0]?.port ?? t.realServerPort)))}.`,
    ),
  );
  blocks.push(...namesBlocks(catalog, v, resolved));
  // A site's picture of what the steps build (the generic runbook has no one site to draw).
  if (!v.generic) blocks.push(code('mermaid', serviceDiagram(v)));
  // Kemp's own templates carry section 5 as the guide documents it: a value an erratum corrects
  // (not only its spelling) is to be checked after importing one.
  const kemp = v.errata.filter((x) => !SPELLING.includes(x.erratum.kind));
  if (kemp.length)
    blocks.push(
      para(
        `Made from Kemp's own template, check these values once it is imported (${v.generic ? "the section 5 tables give each one's row" : 'the section "Every value the scripts set" gives each one\'s WUI field'}): ${kemp.map((x) => `${x.values.map(mdCode).join(', ')} (${x.erratum.id})`).join('; ')}.`,
      ),
    );
  blocks.push(
    para(
      "The values below are what the template and the scripts send where they differ from the guide's section 5 tables, each with its erratum.",
    ),
  );
  return blocks;
}

function globalsSection(site: SiteCompilation, no: number): SectionView {
  const { catalog } = site;
  const parts = catalog.globals.map((g, i): PartView => {
    const guide = catalog.steps.find((x) => x.section === g.section);
    const part = guide?.parts[0];
    if (!part) throw new Error(`the guide has no steps for global setting ${g.id}`);
    const v: RunbookValues = {
      esp: site.esp,
      title: '',
      section: g.section,
      generic: true,
      address: '',
      certificate: '',
      servers: [],
      templates: [],
      nickname: '',
      smtpDomains: [],
      errata: [],
    };
    const view = partView(catalog, part, v, `${no}.${i + 1} ${g.label} (guide ${g.section})`);
    // Before the steps that change it: noting the old value afterwards is too late.
    view.steps = [
      { n: 1, text: `Note the current value of **${g.label}**: rolling back needs it.` },
      ...view.steps.map((st) => ({ ...st, n: st.n + 1 })),
    ];
    view.blocks.push(
      para(`Value: **${g.uiValue}**. Why: ${mdAuthored(g.why)}`),
      para(
        `API equivalent: ${mdCode(`set?${CALL_ARG.param}=${urlEncode(g.param)}&${CALL_ARG.value}=${urlEncode(apiText(g.value))}`)}`,
      ),
    );
    return view;
  });
  return {
    heading: `${no}. Global settings (guide section 2)`,
    intro: [
      `These settings apply to the whole LoadMaster, under **System Configuration > Miscellaneous Options**: every Virtual Service on it changes with them, not only this site's (Subnet Originating Requests changes the source address the real servers see; Additional L7 Header None stops the X-ClientSide or X-Forwarded-For header, which names the client, on every HTTP service). On a LoadMaster that serves other things, list its other Virtual Services first (**View/Modify Services**) and agree each change with their owners.`,
    ],
    parts,
  };
}

/**
 * The runbook of guide sections 2-4: for one site (its services, addresses, servers, certificates and
 * ESP values filled in), or for the guide's own site (compileExampleSite) the guide's runbook for the
 * docs, one section per guide section with the guide's example values.
 */
export function emitRunbook(site: SiteCompilation): OutputFile {
  const { catalog, example: generic } = site;
  const first = prerequisites(site);
  first.parts[0]?.blocks.push(...backupBlocks(catalog));
  const sections: SectionView[] = [first];
  if (site.globals) sections.push(globalsSection(site, sections.length + 1));
  // A site without ESP has no host names of its own: the guide's examples stay out of its checks.
  const esp = generic || site.ssoDomain !== null ? site.esp : { ...site.esp, hosts: [] };
  const services = site.services.map((s) => ({ ...s, generic, esp }));
  sections.push(bundleSection(site, sections.length + 1));
  const firstService = sections.length + 1;
  const context: SiteContext = {
    services: services.map((v, i) => ({ v, no: firstService + i })),
    resolved: site.resolved,
  };
  for (const { v, no } of context.services) sections.push(serviceSection(catalog, no, v, context));
  sections.push(cutoverSection(catalog, services, sections.length + 1));
  sections.push(scriptsSection(sections.length + 1, generic));
  if (!generic) sections.push(settingsSection(catalog, site.plan, sections.length + 1));
  sections.push(rollbackSection(catalog, services, site.globals, sections.length + 1));
  sections.push(sourcesSection(catalog, sections.length + 1));
  const guide = `Kemp's *${catalog.title.replace(/ \(.*$/, '')}*`;
  const intro = generic
    ? [
        `The steps of sections 2 to 4 of ${guide}, corrected, with the guide's example values. Where the runbook departs from the guide's text, the step names the erratum and the section lists why.`,
      ]
    : [
        `The steps of sections 2 to 4 of ${guide} for the site described by ${mdCode(site.source)}, with its values filled in. Where the runbook departs from the guide's text, the step names the erratum and the section lists why.`,
      ];
  const title = generic
    ? 'Runbook: Exchange 2016 on the LoadMaster'
    : 'Runbook: Exchange 2016 on the LoadMaster for this site';
  return {
    path: generic ? 'docs/runbook.md' : 'runbook.md',
    contents: pageText(renderRunbookPage({ banner: MD_BANNER, title, intro, sections })),
  };
}
