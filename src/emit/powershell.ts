import { readBack } from '../loadmaster/catalogue.js';
import type { ParamSpec } from '../loadmaster/parameter.js';
import { PARAMETERS } from '../loadmaster/parameters.js';
import type { ApiParam, PlanStep, RemovalStep } from '../model/plan.js';
import type { SiteCompilation } from '../model/site.js';
import { lineComment, psQuote } from './escape.js';
import type { OutputFile } from './output.js';
import { renderPsScript } from './render.js';
import { PS_READ } from './templates/powershell-read.js';
import { PS_MAIN, PS_REMOVE } from './templates/powershell-remove.js';
import { PS_STEPS } from './templates/powershell-steps.js';

/** A PowerShell value: a string, a number, a switch, an array, or a hash table (ordered or not). */
type PsValue =
  | { readonly str: string }
  | { readonly int: number }
  | { readonly bool: boolean }
  | { readonly list: readonly PsValue[] }
  | { readonly table: readonly (readonly [string, PsValue])[]; readonly ordered?: boolean };

/** One function call of the script's steps: the function and its named arguments. */
interface CallView {
  readonly n: number;
  readonly title: string;
  readonly fn: string;
  readonly args: readonly { readonly name: string; readonly value: PsValue }[];
}

export interface ScriptView {
  readonly source: string;
  readonly summary: readonly string[];
  readonly params: readonly { readonly key: string; readonly value: PsValue }[];
  readonly lib: string;
  readonly steps: readonly CallView[];
  readonly removal: readonly CallView[];
  readonly main: string;
}

const str = (s: string | number): PsValue => ({ str: String(s) });
const int = (n: number): PsValue => ({ int: n });
const strs = (items: readonly string[]): PsValue => ({ list: items.map(str) });
const table = (entries: readonly (readonly [string, PsValue])[]): PsValue => ({ table: entries });
const ordered = (params: readonly ApiParam[]): PsValue => ({
  table: params.map((p) => [p.name, str(p.value)] as const),
  ordered: true,
});

/**
 * A value as PowerShell source. Strings only through psQuote; an ordered table (a stage's or a
 * rule's parameters) one entry a line, so a long service stays readable.
 */
function psValue(v: PsValue, indent = '  '): string {
  if ('str' in v) return psQuote(v.str);
  if ('int' in v) return String(v.int);
  if ('bool' in v) return v.bool ? '$true' : '$false';
  if ('list' in v) {
    if (!v.list.some((x) => 'table' in x && x.ordered))
      return `@(${v.list.map((x) => psValue(x)).join(', ')})`;
    const inner = `${indent}  `;
    return `@(\n${v.list.map((x) => `${inner}${psValue(x, inner)}`).join('\n')}\n${indent})`;
  }
  const entries = v.table.map(([k, x]) => `${psQuote(k)} = ${psValue(x, indent)}`);
  if (!v.ordered) return `@{ ${entries.join('; ')} }`;
  // In parentheses: as a command argument, a bare [ordered] would be taken for text.
  return `([ordered]@{\n${entries.map((e) => `${indent}  ${e}`).join('\n')}\n${indent}})`;
}

/** A call's named arguments: the step's title first. */
function named(title: string, args: readonly [string, PsValue][]): CallView['args'] {
  return [['Title', str(title)] as const, ...args].map(([name, value]) => ({ name, value }));
}

/** The script function and arguments of one PlanStep (the functions are in templates/powershell-steps.ts). */
function stepCall(step: PlanStep): Omit<CallView, 'n'> {
  const title = step.title;
  const call = (fn: string, args: [string, PsValue][]) => ({ title, fn, args: named(title, args) });
  switch (step.kind) {
    case 'check-certificates':
      return call('Invoke-LmCheckCertificates', [['Names', strs(step.names)]]);
    case 'check-sso-domains':
      return call('Invoke-LmCheckSsoDomains', [['Names', strs(step.names)]]);
    case 'check-addresses':
      return call('Invoke-LmCheckAddresses', [
        [
          'Services',
          {
            list: step.services.map((s) =>
              table([
                ['Address', str(s.address)],
                ['Port', int(s.port)],
                ['Prot', str(s.prot)],
                ['Nickname', str(s.nickname)],
              ]),
            ),
          },
        ],
      ]);
    case 'global':
      return call('Invoke-LmGlobal', [
        ['Param', str(step.param)],
        ['Value', str(step.value)],
      ]);
    case 'rule':
      return call('Invoke-LmRule', [
        ['Name', str(step.name)],
        ['Params', ordered(step.params)],
      ]);
    case 'vs':
      return call('Invoke-LmVs', [
        ['Ref', str(step.ref)],
        ['Address', str(step.address)],
        ['Port', int(step.port)],
        ['Prot', str(step.prot)],
        ['Nickname', str(step.nickname)],
        ['Stages', { list: step.stages.map(ordered) }],
      ]);
    case 'subvs':
      return call('Invoke-LmSubVs', [
        ['Ref', str(step.ref)],
        ['Parent', str(step.parent)],
        ['Nickname', str(step.nickname)],
        ['Stages', { list: step.stages.map(ordered) }],
      ]);
    case 'realserver':
      return call('Invoke-LmRealServer', [
        ['Vs', str(step.vs)],
        ['Address', str(step.address)],
        ['Port', int(step.port)],
        ...(step.weight === undefined ? [] : [['Weight', int(step.weight)] as [string, PsValue]]),
      ]);
    case 'attach-rule':
      return call('Invoke-LmAttachRule', [
        ['Parent', str(step.parent)],
        ['SubVs', str(step.subvs)],
        ['Rule', str(step.rule)],
      ]);
    case 'foreign':
      return call('Find-LmForeign', [
        ['Within', str(step.within)],
        ['Vs', str(step.vs)],
        [
          'Slots',
          {
            list: step.slots.map((s) =>
              table([
                ['Nickname', str(s.nickname)],
                ['Rule', str(s.rule)],
              ]),
            ),
          },
        ],
        [
          'Servers',
          {
            list: step.servers.map((s) =>
              table([
                ['Address', str(s.address)],
                ['Port', int(s.port)],
              ]),
            ),
          },
        ],
      ]);
  }
}

/** The script function and arguments of one RemovalStep (templates/powershell-remove.ts). */
function removalCall(step: RemovalStep): Omit<CallView, 'n'> {
  const args = (list: [string, PsValue][]) => named(step.title, list);
  switch (step.kind) {
    case 'remove-vs':
      return {
        title: step.title,
        fn: 'Remove-LmSiteVs',
        args: args([
          ['Address', str(step.address)],
          ['Port', int(step.port)],
          ['Prot', str(step.prot)],
          ['Nickname', str(step.nickname)],
        ]),
      };
    case 'remove-rule':
      return { title: step.title, fn: 'Remove-LmSiteRule', args: args([['Name', str(step.name)]]) };
    case 'keep-globals':
      return { title: step.title, fn: 'Write-LmKeptGlobals', args: args([['Params', strs(step.params)]]) };
  }
}

/**
 * One entry of the parameter table: how a reply holds the parameter (readBack), and how Kemp's
 * cmdlets take it: their parameter name, a cast to [int] for switches and numbers (the module binds
 * [bool] parameters only from booleans or numbers), the values its ValidateSet or ValidateRange lets
 * through, and whether Set-AdcSubVirtualService lacks it.
 */
function paramEntry(spec: ParamSpec): { key: string; value: PsValue } {
  const rb = readBack(spec);
  const entries: [string, PsValue][] = [
    ['Element', str(rb.element)],
    ['Compare', str(rb.compare)],
  ];
  if (rb.absent !== undefined) entries.push(['Absent', str(rb.absent)]);
  const cmdlet = spec.cmdlet;
  if (cmdlet) {
    entries.push(['Cmdlet', str(cmdlet.name)]);
    entries.push(['Cast', { bool: spec.type.kind === 'bool' || spec.type.kind === 'int' }]);
    const a = cmdlet.accepts;
    if (a && 'values' in a) entries.push(['Allowed', strs(a.values)]);
    if (a && 'min' in a) entries.push(['Min', int(a.min)], ['Max', int(a.max)]);
    if (cmdlet.parentOnly) entries.push(['ParentOnly', { bool: true }]);
  }
  return { key: `${spec.scope}:${spec.name.toLowerCase()}`, value: table(entries) };
}

/** The template's helpers: PowerShell's quoting of strings and values, and comments. */
const PS_HELPERS = {
  psQuote: (s: unknown) => psQuote(String(s)),
  psValue: (v: PsValue) => psValue(v),
  psComment: (s: unknown) => lineComment(String(s)),
};

/**
 * deploy.ps1: the plan for Kemp's Kemp.LoadBalancer.Powershell module: -Plan reads and reports,
 * the default applies (checks first, then only what differs, read back), -Remove deletes what the
 * site owns; each step kind is one function of the script, called once per step. `source`
 * names the deployment file in the banner.
 */
export function emitPowerShell(site: Pick<SiteCompilation, 'plan' | 'source'>): OutputFile {
  const { plan, source } = site;
  const contents = renderPsScript(
    {
      source,
      summary: plan.summary,
      params: PARAMETERS.map(paramEntry),
      lib: `${PS_READ}\n${PS_STEPS}\n${PS_REMOVE}`,
      steps: plan.steps.map((s, i) => ({ ...stepCall(s), n: i + 1 })),
      removal: plan.removal.map((s, i) => ({ ...removalCall(s), n: i + 1 })),
      main: PS_MAIN,
    },
    PS_HELPERS,
  );
  // A byte order mark: Windows PowerShell 5.1 reads a file without one as the ANSI code page, so a
  // site value such as Süd would arrive as SÃ¼d. PowerShell 7 reads it either way.
  return { path: 'deploy.ps1', contents: `${BOM}${contents}` };
}

/** The UTF-8 byte order mark, as the first character of deploy.ps1. */
export const BOM = '\ufeff';
