import type { Plan } from '../model/plan.js';
import { mdCell, mdCode } from './markdown.js';
import { type Block, type PartView, para, type SectionView, table } from './runbook-parts.js';

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
export function settingsSection(plan: Plan, no: number): SectionView {
  const params: string[][] = [];
  const rules: string[][] = [];
  const servers: string[][] = [];
  const attached: string[][] = [];
  const globals: string[][] = [];
  for (const s of plan.steps) {
    switch (s.kind) {
      case 'global':
        globals.push([mdCode(s.param), mdCode(s.value)]);
        break;
      case 'rule':
        for (const p of s.params) rules.push([mdCell(s.name), mdCode(p.name), mdCode(p.value)]);
        break;
      case 'vs':
      case 'subvs':
        for (const p of s.stages.flat()) params.push([mdCell(s.title), mdCode(p.name), mdCode(p.value)]);
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
  const parts: PartView[] = [];
  const add = (title: string, intro: string, head: string[], rows: string[][]) => {
    if (rows.length > 0) parts.push(tablePart(`${no}.${parts.length + 1} ${title}`, intro, head, rows));
  };
  add('Global settings', 'Set on the whole LoadMaster.', ['Parameter', 'Value'], globals);
  add('Content rules', 'Each rule, created once and shared.', ['Rule', 'Parameter', 'Value'], rules);
  add(
    'Virtual Services and SubVSs',
    "Each parameter as the scripts send it (the API's names; switches as 1 or 0).",
    ['Object', 'Parameter', 'Value'],
    params,
  );
  add(
    'Real servers',
    'Each real server, its port and weight.',
    ['Where', 'Address', 'Port', 'Weight'],
    servers,
  );
  add('Rule attachments', 'Which content rule steers each SubVS.', ['Attachment', 'Rule'], attached);
  return {
    heading: `${no}. Every value the scripts set`,
    intro: [
      'The steps above follow the guide, and a template sets most values at once. This list is what `deploy.sh` and `deploy.ps1` set, object by object, from the plan they run: check a LoadMaster against it by hand, or read the same with `./deploy.sh plan`.',
    ],
    parts,
  };
}
