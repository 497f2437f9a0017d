import type { ErrorObject } from 'ajv';
import { quote } from '../input/text.js';
import { closest } from './closest.js';
import { validate as generated } from './compiled/validate-deployment.js';
import type { Diagnostic } from './diagnostic.js';
import { pointerToken } from './pointer.js';
import type { Source } from './source.js';

/**
 * schemas/deployment.schema.json, compiled at build time by scripts/compile-schema.ts (ajv standalone,
 * allErrors, strict, verbose: the messages quote the schema, ranges and known keys, next to each error).
 * Like any ajv validator, it leaves the errors of its last call on itself.
 */
const validate = generated as unknown as { (data: unknown): boolean; errors?: ErrorObject[] | null };

/** JSON pointer text for messages: the key or index the pointer ends with. */
const last = (pointer: string): string => pointer.split('/').pop() ?? '';

/** A value in words for a message: its kind, and a short, terminal-safe quote of a scalar. */
const typeWord = (v: unknown): string =>
  v === null
    ? 'null'
    : Array.isArray(v)
      ? 'a list'
      : typeof v === 'object'
        ? 'a mapping'
        : `the ${typeof v} ${typeof v === 'string' ? quote(v) : String(v)}`;
/** A value for a message: text quoted and cut short, a number or switch as it is, anything else by its kind. */
const shown = (v: unknown): string =>
  typeof v === 'string'
    ? quote(v)
    : typeof v === 'number' || typeof v === 'boolean'
      ? String(v)
      : typeWord(v);

function valueAt(data: unknown, pointer: string): unknown {
  return pointer
    .split('/')
    .slice(1)
    .reduce<unknown>(
      (v, k) => (v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined),
      data,
    );
}

/** ajv's error in plain words, and where it points (a key for unknown or missing keys). */
function describe(e: ErrorObject, data: unknown): { pointer: string; key: boolean; message: string } | null {
  const at = e.instancePath;
  const value = valueAt(data, at);
  const name = last(at) || 'the file';
  switch (e.keyword) {
    case 'additionalProperties': {
      const extra = String(e.params.additionalProperty);
      const known = Object.keys((e.parentSchema as { properties?: object }).properties ?? {});
      const hint = closest(extra, known);
      return {
        pointer: `${at}/${pointerToken(extra)}`,
        key: true,
        message: `unknown key ${quote(extra)}${hint ? `; did you mean "${hint}"?` : `; expected one of ${known.join(', ')}`}`,
      };
    }
    case 'required':
      return { pointer: at, key: false, message: `missing required key "${e.params.missingProperty}"` };
    case 'type':
      // The whole file as one value: likely not YAML or JSON at all (a .env file, a key); never quoted.
      if (at === '')
        return {
          pointer: at,
          key: false,
          message:
            value === null || value === undefined
              ? 'the file is empty (or holds only comments): it must be a mapping of keys and values (see build-templates init)'
              : `the file must be a mapping of keys and values (YAML or JSON), not ${typeof value !== 'object' ? 'a single value' : typeWord(value)}`,
        };
      return {
        pointer: at,
        key: false,
        message: `${name} must be ${e.params.type === 'object' ? 'a mapping' : e.params.type === 'array' ? 'a list' : `a ${e.params.type}`}, not ${typeWord(value)}`,
      };
    case 'enum': {
      const allowed = (e.params.allowedValues as unknown[]).map(String);
      const hint = typeof value === 'string' ? closest(value, allowed) : undefined;
      return {
        pointer: at,
        key: false,
        message: `${shown(value)} is not a known ${name}${hint ? `; did you mean "${hint}"?` : `; expected one of ${allowed.join(', ')}`}`,
      };
    }
    case 'format':
      return {
        pointer: at,
        key: false,
        message: `${shown(value)} is not ${e.params.format === 'hostname' ? 'a host name' : e.params.format === 'uuid' ? 'a GUID' : `a valid ${e.params.format}`}`,
      };
    case 'if':
      // An address is the only if: not IPv4, and then not IPv6 either.
      return { pointer: at, key: false, message: `${shown(value)} is not an IPv4 or IPv6 address` };
    case 'minimum':
    case 'maximum':
      return {
        pointer: at,
        key: false,
        message: `${name} ${shown(value)} is out of range ${(e.parentSchema as { minimum: number }).minimum}-${(e.parentSchema as { maximum: number }).maximum}`,
      };
    case 'minItems':
      return { pointer: at, key: false, message: `${name} must list at least ${e.params.limit}` };
    case 'maxItems':
      return { pointer: at, key: false, message: `${name} may list at most ${e.params.limit}` };
    case 'minLength':
      return { pointer: at, key: false, message: `${name} must not be empty` };
    case 'maxLength':
      return { pointer: at, key: false, message: `${name} must be at most ${e.params.limit} characters` };
    case 'pattern':
      // An empty value already fails minLength; one message is enough.
      if (value === '') return null;
      // A URL's user-info part may be a password: said, never shown.
      if (typeof value === 'string' && /^[a-z][a-z0-9+.-]*:\/\/[^/]*@/i.test(value))
        return {
          pointer: at,
          key: false,
          message: `${name} holds a user name or password (before an @), which no URL here may hold; it is not shown`,
        };
      return {
        pointer: at,
        key: false,
        message: `${shown(value)} is not a valid ${name}: ${(e.parentSchema as { description?: string }).description ?? e.message}`,
      };
    default:
      return { pointer: at, key: false, message: e.message ?? 'is invalid' };
  }
}

/** Checks a parsed file against schemas/deployment.schema.json; every problem, in document order. */
export function checkSchema(source: Source): Diagnostic[] {
  if (validate(source.data)) return [];
  const errors = (validate.errors ?? []).filter(
    // An address that is neither IPv4 nor IPv6 is reported once, by its if (the ipv6 format's
    // failure says less).
    (e) => !(e.keyword === 'format' && e.schemaPath.includes('/else/')),
  );
  const seen = new Set<string>();
  const found = errors.flatMap((e) => {
    const d = describe(e, source.data);
    if (!d || seen.has(`${d.pointer} ${d.message}`)) return [];
    seen.add(`${d.pointer} ${d.message}`);
    return [
      { file: source.file, ...source.locate(d.pointer, d.key), pointer: d.pointer, message: d.message },
    ];
  });
  return found.sort((x, y) => x.line - y.line || x.col - y.col);
}
