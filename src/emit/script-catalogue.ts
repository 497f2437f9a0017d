import { readBack } from '../loadmaster/catalogue.js';
import { CMDLET_ARG, cmdletParam } from '../loadmaster/cmdlet-names.js';
import type { ParamSpec } from '../loadmaster/parameter.js';
import { CALL_ARG, P, PARAMETERS, type ParamName } from '../loadmaster/parameters.js';
import { bashQuote } from './escape.js';
import { int, PS_HELPERS, type PsValue, str, strs, table } from './ps-value.js';
import type { ScriptLanguage } from './script-parts.js';

/**
 * What the scripts' `catalogue` parts are filled with at build time (src/emit/script-parts.ts): the
 * parameter catalogue's read-back facts, and its names. A name the catalogue does not hold throws,
 * so the build fails instead of writing a script that sends a name the appliance would ignore.
 */

/** The name of a parameter of the catalogue (`{{param "port"}}`). */
export function paramName(name: string): ParamName {
  if (!Object.hasOwn(P, name)) throw new Error(`the parameter catalogue has no parameter ${name}`);
  return name as ParamName;
}

/** The name of a call's argument that is no setting (`{{arg "vs"}}`: vs, rs, rule, param, value, createsubvs). */
export function callArg(name: string): string {
  if (!Object.hasOwn(CALL_ARG, name)) throw new Error(`the parameter catalogue has no call argument ${name}`);
  return CALL_ARG[name as keyof typeof CALL_ARG];
}

/** A Kemp cmdlet's argument that is no API parameter (`{{cmdlet "VSIndex"}}`). */
export function cmdletArg(name: string): string {
  if (!Object.hasOwn(CMDLET_ARG, name))
    throw new Error(`the parameter catalogue has no cmdlet argument ${name}`);
  return CMDLET_ARG[name as keyof typeof CMDLET_ARG];
}

/** The helpers of every `catalogue` part; `cmdletParam` is the cmdlet parameter of an API parameter. */
export const CATALOGUE_HELPERS = {
  param: (name: unknown) => paramName(String(name)),
  arg: (name: unknown) => callArg(String(name)),
  cmdlet: (name: unknown) => cmdletArg(String(name)),
  cmdletParam: (name: unknown) => cmdletParam(paramName(String(name))),
  bashQuote: (s: unknown) => bashQuote(String(s)),
  psQuote: PS_HELPERS.psQuote,
  psValue: PS_HELPERS.psValue,
};

/** One entry of a parameter table: `scope:name` and its value. */
interface TableEntry {
  readonly key: string;
  readonly value: string;
}

/**
 * deploy.sh's three tables of what a reply holds for each parameter, keyed `scope:name`: the element
 * where it is not the parameter's own name, how values compare, what an absent element stands for.
 */
function bashReplyFields() {
  const elements: TableEntry[] = [];
  const compare: TableEntry[] = [];
  const absent: TableEntry[] = [];
  for (const spec of PARAMETERS) {
    const key = `${spec.scope}:${spec.name.toLowerCase()}`;
    const rb = readBack(spec);
    if (rb.element !== spec.name) elements.push({ key, value: rb.element });
    if (rb.compare !== 'text') compare.push({ key, value: rb.compare });
    if (rb.absent !== undefined) absent.push({ key, value: rb.absent });
  }
  return { elements, compare, absent };
}

/**
 * One entry of deploy.ps1's parameter table: how a reply holds the parameter (readBack), and how
 * Kemp's cmdlets take it: their parameter name, a cast to [int] for switches and numbers (the module
 * binds [bool] parameters only from booleans or numbers), the values its ValidateSet or ValidateRange
 * lets through, whether Set-AdcSubVirtualService lacks it, and whether it takes a list as an array.
 */
function psParamEntry(spec: ParamSpec): { key: string; value: PsValue } {
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
    if (cmdlet.list) entries.push(['List', { bool: true }]);
  }
  return { key: `${spec.scope}:${spec.name.toLowerCase()}`, value: table(entries) };
}

/** The view of a language's `catalogue` parts. */
export function catalogueView(language: ScriptLanguage): object {
  return language === 'bash' ? bashReplyFields() : { params: PARAMETERS.map(psParamEntry) };
}
