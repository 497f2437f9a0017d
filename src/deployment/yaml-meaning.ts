import {
  type Document,
  type DocumentOptions,
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  type Node,
  type ParseOptions,
  type Scalar,
  type SchemaOptions,
  visit,
} from 'yaml';
import { quote } from '../input/text.js';
import { pointerToken } from './pointer.js';

/**
 * How every deployment file is read: YAML 1.2, core schema, whatever the file says (a `%YAML 1.1`
 * directive would otherwise make `0100` 64, `1:05` 65 and `yes` true), no merge keys, and the
 * parser's own warnings kept in its list, never printed by it (they may quote the file).
 */
export const YAML_OPTIONS: ParseOptions & DocumentOptions & SchemaOptions = {
  version: '1.2',
  schema: 'core',
  merge: false,
  logLevel: 'error',
  uniqueKeys: false,
};

/** A place in the file and what is wrong there. */
export interface YamlProblem {
  readonly offset: number;
  readonly message: string;
}

/** Booleans in YAML 1.1 that YAML 1.2's core schema reads as text. */
const YAML11_BOOL = /^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF)$/;
/** YAML 1.1 integers that YAML 1.2 reads otherwise: octal `0100`, sexagesimal `1:05`, `0b`, `1_000`. */
const YAML11_NUMBER =
  /^[-+]?(?:0[0-9_]+|[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?|0b[01_]+|[0-9][0-9_]*_[0-9_]*)$/;

/** What YAML 1.1 would make of a plain scalar's text, where YAML 1.2 reads it otherwise; else null. */
function yaml11Reading(source: string): string | null {
  if (YAML11_BOOL.test(source)) return /^[yYoO]/.test(source) && !/^off$/i.test(source) ? 'true' : 'false';
  if (!YAML11_NUMBER.test(source)) return null;
  const sign = source.startsWith('-') ? -1 : 1;
  const digits = source.replace(/^[-+]/, '').replace(/_/g, '');
  if (digits.includes(':'))
    return String(sign * digits.split(':').reduce((n, part) => n * 60 + Number(part), 0));
  if (digits.startsWith('0b')) return String(sign * Number.parseInt(digits.slice(2), 2));
  if (/^0[0-7]+$/.test(digits)) return String(sign * Number.parseInt(digits, 8));
  return String(sign * Number(digits));
}

/** How YAML 1.2 reads a scalar, in words. */
const reading = (node: Scalar): string =>
  typeof node.value === 'string' ? `the text ${quote(node.value)}` : String(node.value);

/**
 * Where the file's meaning would depend on the YAML version or on features this tool does not read:
 * a `%YAML` or `%TAG` directive, a merge key, a key that is not plain text (an alias, a list, a
 * mapping). Each is an error at its place, before anything reads the values.
 */
export function structureProblems(doc: Document, text: string): YamlProblem[] {
  const out: YamlProblem[] = [];
  for (const m of text.matchAll(/^%(YAML|TAG)\b[^\n]*/gm)) {
    const directive = m[1] === 'YAML' ? 'a %YAML directive' : 'a %TAG directive';
    out.push({
      offset: m.index ?? 0,
      message: `${directive}: deployment files are read as YAML 1.2 (core schema) whatever they say; remove it`,
    });
  }
  visit(doc, {
    Pair(_, pair) {
      const key = pair.key as Node | null;
      if (isScalar(key) && key.type === 'PLAIN' && key.value === '<<')
        out.push({
          offset: key.range?.[0] ?? 0,
          message:
            'a merge key (<<) is YAML 1.1; read as YAML 1.2 it is an ordinary key: write the keys out in full',
        });
      else if (isAlias(key) || isMap(key) || isSeq(key))
        out.push({
          offset: key.range?.[0] ?? 0,
          message: `a key must be plain text, not ${isAlias(key) ? 'an alias' : isMap(key) ? 'a mapping' : 'a list'}`,
        });
    },
  });
  return out;
}

/**
 * The plain values YAML 1.1 reads as another value or type than YAML 1.2 does (`yes`, `0100`,
 * `1:05`): each an error at its place, saying how it is read. They are reported with the schema's
 * problems (in place of one about the same value), not before them.
 */
export function yaml11Values(doc: Document): YamlProblem[] {
  const out: YamlProblem[] = [];
  visit(doc, {
    Scalar(_, node) {
      if (node.type !== 'PLAIN' || typeof node.source !== 'string') return;
      const old = yaml11Reading(node.source);
      if (old === null) return;
      const fix =
        typeof node.value === 'string'
          ? `quote it for the text, or write ${old} for ${/^(true|false)$/.test(old) ? 'the switch' : 'the number'}`
          : `write ${old} or ${String(node.value)} without the leading zero`;
      out.push({
        offset: node.range?.[0] ?? 0,
        message: `${node.source} is read as YAML 1.2, as ${reading(node)}, where YAML 1.1 reads ${old}: ${fix}`,
      });
    },
  });
  return out;
}

/**
 * The JSON pointer of the innermost value (or key) of the file that holds `offset`; "" for the
 * document itself. For a problem the parser reports by position, so that it is located as any other.
 */
export function pointerAt(doc: Document, offset: number): string {
  let best = '';
  let found = false;
  const walk = (node: unknown, pointer: string): void => {
    const range = (node as Node | null)?.range;
    if (range && (offset < range[0] || offset >= Math.max(range[2], range[0] + 1))) return;
    if (range) {
      best = pointer;
      found = true;
    }
    if (isMap(node)) {
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const key = pair.key as Node | null;
        const kr = key?.range;
        // A key that is not text (a list, a mapping, an alias) has no pointer: its mapping's stands.
        const at = isScalar(key) ? `${pointer}/${pointerToken(String(key.value))}` : pointer;
        if (kr && offset >= kr[0] && offset < Math.max(kr[1], kr[0] + 1)) {
          best = at;
          found = true;
          return;
        }
        // Between the key and its value: the value's tag or anchor.
        const vr = (pair.value as Node | null)?.range;
        if (kr && vr && offset >= kr[1] && offset < vr[0]) {
          best = at;
          found = true;
          return;
        }
        walk(pair.value, at);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => {
        walk(item, `${pointer}/${i}`);
      });
    }
  };
  walk(doc.contents, '');
  return found ? best : '';
}
