import { quote } from '../input/text.js';
import { madeOnce } from '../made-once.js';
import type { ParamValue } from '../model/common.js';
import type { Compare, ParamScope, ParamSpec } from './parameter.js';
import { type NamedSpec, PARAMETERS } from './parameters.js';

/**
 * The catalogue indexed once by scope, then name (it is looked up for every value of every site, and
 * a name alone is a key V8 has hashed already): constant, never changed.
 */
const BY_SCOPE: ReadonlyMap<ParamScope, ReadonlyMap<string, NamedSpec>> = (() => {
  const index = new Map<ParamScope, Map<string, NamedSpec>>();
  for (const p of PARAMETERS) madeOnce(index, p.scope, () => new Map<string, NamedSpec>()).set(p.name, p);
  return index;
})();

/** Looks a parameter up by its exact canonical name within a scope. */
export function findParam(name: string, scope: ParamScope): NamedSpec | undefined {
  return BY_SCOPE.get(scope)?.get(name);
}

/** A value in a message: text quoted, short and terminal-safe (it may come from a hand-edited bundle). */
const shown = (value: ParamValue): string => (typeof value === 'string' ? quote(value) : String(value));

/**
 * Why a value is not one the appliance takes for this parameter, or null when it is. A value outside
 * the allowed set is an error: the appliance would ignore or reject it.
 */
export function valueProblem(spec: ParamSpec, value: ParamValue): string | null {
  const t = spec.type;
  switch (t.kind) {
    case 'bool':
      return typeof value === 'boolean' ? null : `${spec.name} takes a boolean, not ${shown(value)}`;
    case 'int':
      if (typeof value !== 'number' || !Number.isInteger(value)) {
        return `${spec.name} takes an integer, not ${shown(value)}`;
      }
      if (value < t.min || value > t.max) return `${spec.name} must lie in ${t.min}-${t.max}, not ${value}`;
      if (t.labels && !(value in t.labels)) {
        return `${spec.name} has no documented meaning for ${value} (known: ${Object.keys(t.labels).join(', ')})`;
      }
      return null;
    case 'enum':
      return typeof value === 'string' && t.values.includes(value)
        ? null
        : `${spec.name} takes one of ${t.values.join(', ')}, not ${shown(value)}`;
    case 'string':
    case 'list':
      return typeof value === 'string' ? null : `${spec.name} takes text, not ${shown(value)}`;
  }
}

/**
 * Checks a parameter name and value against the catalogue; throws with both reasons when either is
 * wrong, since emitting them would make the appliance silently ignore the setting.
 */
export function requireParam(name: string, scope: ParamScope, value: ParamValue): NamedSpec {
  const spec = findParam(name, scope);
  if (!spec) throw new Error(`${name} is not a ${scope} parameter in the LoadMaster parameter catalogue`);
  const problem = valueProblem(spec, value);
  if (problem) throw new Error(problem);
  return spec;
}

/** The API's text for a value: booleans as 1/0, numbers in decimal. Not URL-encoded. */
export function apiText(value: ParamValue): string {
  if (typeof value === 'boolean') return value ? '1' : '0';
  return String(value);
}

/**
 * A value read back from its API text (the inverse of {@link apiText}) for this parameter's type, or
 * null when the text is no value of that type (a boolean that is not 1/0, a number not in decimal).
 */
export function fromApiText(spec: ParamSpec, text: string): ParamValue | null {
  switch (spec.type.kind) {
    case 'bool':
      return text === '1' ? true : text === '0' ? false : null;
    case 'int':
      return /^-?[0-9]{1,10}$/.test(text) ? Number(text) : null;
    default:
      return text;
  }
}

/**
 * URL-encodes as the guide's tables do: every character but RFC 3986's unreserved ones, so `*`
 * becomes %2A and `/` %2F.
 */
export function urlEncode(text: string): string {
  return encodeURIComponent(text).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/** How one parameter is found in a reply and compared with what was sent (see {@link ReplyForm}). */
export interface ReadBack {
  /** The reply element, matched whatever its case. */
  readonly element: string;
  readonly compare: Compare;
  /** What an absent element stands for; undefined when absence says nothing (the value is unknown). */
  readonly absent: string | undefined;
  /** No evidence shows the element: a reply without it leaves the value not verifiable. */
  readonly unconfirmed: boolean;
}

/**
 * How the appliance reports a parameter back. The type decides unless the catalogue says otherwise:
 * booleans read back Y/N, numbers and enumerations as sent (enumerations in any case: `Regex`), and
 * text left unset is left out of the reply (NickName, CheckUrl in captured replies), so absent text
 * reads as empty.
 */
export function readBack(spec: ParamSpec): ReadBack {
  const byType: Record<ParamSpec['type']['kind'], Compare> = {
    bool: 'bool',
    int: 'int',
    enum: 'ci',
    string: 'text',
    list: 'set',
  };
  const textual = spec.type.kind === 'string' || spec.type.kind === 'list';
  return {
    element: spec.reply?.element ?? spec.name,
    compare: spec.reply?.compare ?? byType[spec.type.kind],
    absent: spec.reply?.absent ?? (textual ? '' : undefined),
    unconfirmed: spec.reply?.unconfirmed === true,
  };
}
