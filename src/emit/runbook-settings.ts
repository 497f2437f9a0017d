import type { ParamName } from '../loadmaster/parameters.js';
import { madeOnce } from '../made-once.js';
import type { Catalog } from '../model/catalog.js';
import type { Plan } from '../model/plan.js';
import { mdCell, mdCode, mdProse } from './markdown.js';
import { citations } from './runbook-exchange.js';
import { type Block, type PartView, para, part, type SectionView, table } from './runbook-parts.js';

/** Where a parameter is set in the WUI, as a table cell. */
function wuiCell(catalog: Catalog, name: string): string {
  const w = catalog.wui[name as ParamName];
  if (!w?.field) return 'no WUI field found in the documents: set it through the API';
  return `${w.section ? `${mdProse(w.section)} > ` : ''}**${mdProse(w.field)}**`;
}

/** The steps to make by hand what a template would: content rules, a service, its SubVSs, their rules. */
function byHand(catalog: Catalog, heading: string): PartView {
  const view = part(
    heading,
    [],
    [
      `Content rules first: on the **Content Rules** screen, click **Create New**, choose **Rule Type** Content Matching, and set **Rule Name**, **Match Type**, **Match String** and **Ignore Case** as the table **Content rules** below lists (each rule once; another service may already use it).`,
      `Each Virtual Service: **Virtual Services > Add New**, enter the **Virtual Address**, the **Port** and the protocol, then **Add This Virtual Service** with no template; set each value of the table **Virtual Services and SubVSs** in the WUI section and field beside it.`,
      `Each SubVS (HTTPS services): in the service's **Real Servers** section, click **Add SubVS** (only while the service has no real server of its own), then **Modify** the SubVS and set its values, its name in **SubVS Name**.`,
      `Each rule attachment: in the service's **Advanced Properties**, click **Enable** beside **Content Switching** (shown once the service has a SubVS), then the **None** button in a SubVS's row, and add the rule the table **Rule attachments** names for it. Kemp's current label of that rule screen was not found in its documents.`,
      `Real servers: as the service's own steps above, with the ports and weights of the table **Real servers**.`,
    ],
  );
  view.blocks.push(
    para(
      citations(catalog, [
        { source: 'kemp-wui', section: 'Content Matching Rules; Content Matching' },
        { source: 'kemp-blackboard', section: 'Configure a HTTP Virtual Service' },
        { source: 'kemp-wui', section: 'Sub Virtual Services' },
        { source: 'kemp-wui', section: 'Advanced Properties: Content Switching' },
      ]),
    ),
  );
  return view;
}

/** A part holding one table (no steps). */
const tablePart = (heading: string, intro: string, head: string[], rows: string[][]): PartView => ({
  heading,
  steps: [],
  blocks: [para(intro), table(head, rows)] as Block[],
  departures: [],
});

/**
 * Every value the scripts set, object by object, from the Plan they run: the global settings, the
 * content rules, each Virtual Service and SubVS (every parameter, in the order sent), the real
 * servers with their ports and weights, and the rule attachments. The steps above follow the guide
 * (a template sets most of these); this is the list to check a LoadMaster against by hand.
 */
export function settingsSection(catalog: Catalog, plan: Plan, no: number): SectionView {
  // Each parameter's cell made once: a site sets the same parameters on many objects.
  const cells = new Map<string, string>();
  const wui = (name: string): string => madeOnce(cells, name, () => wuiCell(catalog, name));
  const params: string[][] = [];
  const rules: string[][] = [];
  const servers: string[][] = [];
  const attached: string[][] = [];
  const globals: string[][] = [];
  for (const s of plan.steps) {
    switch (s.kind) {
      case 'global':
        globals.push([mdCode(s.param), mdCode(s.value), wui(s.param)]);
        break;
      case 'rule':
        for (const p of s.params) rules.push([mdCell(s.name), mdCode(p.name), mdCode(p.value), wui(p.name)]);
        break;
      case 'vs':
      case 'subvs':
        for (const p of s.stages.flat())
          params.push([mdCell(s.title), mdCode(p.name), mdCode(p.value), wui(p.name)]);
        break;
      case 'realserver':
        servers.push([
          mdCell(s.title),
          mdCode(s.address),
          mdCode(String(s.port)),
          s.weight === undefined ? "the appliance's default (1000)" : mdCode(String(s.weight)),
        ]);
        break;
      case 'attach-rule':
        attached.push([mdCell(s.title), mdCode(s.rule)]);
        break;
      default:
        break;
    }
  }
  const parts: PartView[] = [byHand(catalog, `${no}.1 By hand, without a template`)];
  const add = (title: string, intro: string, head: string[], rows: string[][]) => {
    if (rows.length > 0) parts.push(tablePart(`${no}.${parts.length + 1} ${title}`, intro, head, rows));
  };
  add('Global settings', 'Set on the whole LoadMaster.', ['Parameter', 'Value', 'In the WUI'], globals);
  add(
    'Content rules',
    'Each rule, created once and shared.',
    ['Rule', 'Parameter', 'Value', 'In the WUI'],
    rules,
  );
  add(
    'Virtual Services and SubVSs',
    "Each parameter as the scripts send it (the API's names; switches as 1 or 0), and where it is in the WUI (the section of the service's screen, then the field).",
    ['Object', 'Parameter', 'Value', 'In the WUI'],
    params,
  );
  add(
    'Real servers',
    'Each real server, its port and weight.',
    ['Where', 'Address', 'Port', 'Weight'],
    servers,
  );
  add('Rule attachments', 'Which content rule steers each SubVS.', ['Attachment', 'Rule'], attached);
  const used = [
    ...new Set(
      [...globals, ...rules.map((r) => r.slice(1)), ...params.map((r) => r.slice(1))].map((r) => r[0] ?? ''),
    ),
  ];
  const sources = Object.entries(catalog.wui)
    .filter(([name]) => used.includes(mdCode(name)))
    .map(([name, w]) => [mdCode(name), wui(name), citations(catalog, w ? [w.cite] : [])]);
  add(
    'Where the WUI fields come from',
    "Each parameter's WUI field, and the document that shows it.",
    ['Parameter', 'In the WUI', 'Source'],
    sources,
  );
  return {
    heading: `${no}. Every value the scripts set`,
    intro: [
      'The steps above follow the guide, and a template sets most values at once. This list is what `deploy.sh` and `deploy.ps1` set, object by object, from the plan they run: check a LoadMaster against it by hand, or read the same with `./deploy.sh plan`.',
    ],
    parts,
  };
}
