import { readBack } from '../loadmaster/catalogue.js';
import type { ParamSpec } from '../loadmaster/parameter.js';
import { CALL_ARG, P, PARAMETERS, type ParamName } from '../loadmaster/parameters.js';
import { bashQuote } from './escape.js';
import { type PsValue, str, table } from './ps-value.js';
import type { ScriptLanguage } from './script-parts.js';
import { PS_HELPERS } from './template-helpers.js';

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

/** The helpers of every `catalogue` part. */
export const CATALOGUE_HELPERS = {
  param: (name: unknown) => paramName(String(name)),
  arg: (name: unknown) => callArg(String(name)),
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
  const unconfirmed: TableEntry[] = [];
  for (const spec of PARAMETERS) {
    const key = `${spec.scope}:${spec.name.toLowerCase()}`;
    const rb = readBack(spec);
    if (rb.element !== spec.name) elements.push({ key, value: rb.element });
    if (rb.compare !== 'text') compare.push({ key, value: rb.compare });
    if (rb.absent !== undefined) absent.push({ key, value: rb.absent });
    if (rb.unconfirmed) unconfirmed.push({ key, value: '1' });
  }
  return { elements, compare, absent, unconfirmed };
}

/** One entry of deploy.ps1's parameter table: how a reply holds the parameter (readBack). */
function psParamEntry(spec: ParamSpec): { key: string; value: PsValue } {
  const rb = readBack(spec);
  const entries: [string, PsValue][] = [
    ['Element', str(rb.element)],
    ['Compare', str(rb.compare)],
  ];
  if (rb.absent !== undefined) entries.push(['Absent', str(rb.absent)]);
  if (rb.unconfirmed) entries.push(['Unconfirmed', { bool: true }]);
  return { key: `${spec.scope}:${spec.name.toLowerCase()}`, value: table(entries) };
}

/** The view of a language's `catalogue` parts. */
export function catalogueView(language: ScriptLanguage): object {
  return language === 'bash' ? bashReplyFields() : { params: PARAMETERS.map(psParamEntry) };
}
