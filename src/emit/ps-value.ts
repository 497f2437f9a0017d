import { psQuote } from './escape.js';

/** A PowerShell value: a string, a number, a switch, an array, or a hash table (ordered or not). */
export type PsValue =
  | { readonly str: string }
  | { readonly int: number }
  | { readonly bool: boolean }
  | { readonly list: readonly PsValue[] }
  | { readonly table: readonly (readonly [string, PsValue])[]; readonly ordered?: boolean };

export const str = (s: string | number): PsValue => ({ str: String(s) });
export const int = (n: number): PsValue => ({ int: n });
export const strs = (items: readonly string[]): PsValue => ({ list: items.map(str) });
export const table = (entries: readonly (readonly [string, PsValue])[]): PsValue => ({ table: entries });

/**
 * A value as PowerShell source. Strings only through psQuote; an ordered table (a stage's or a
 * rule's parameters) one entry a line, so a long service stays readable.
 */
export function psValue(v: PsValue, indent = '  '): string {
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
