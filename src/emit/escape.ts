import { isForbidden } from '../input/text.js';

/**
 * One escaper per target: every site value reaches a script or a URL through exactly one of these.
 */

/** A bash word that is the text exactly: single quotes, each ' written as '\''. */
export function bashQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/**
 * A PowerShell single-quoted string that is the text exactly. PowerShell also treats the typographic
 * quotes U+2018, U+2019, U+201A and U+201B as single quotes, so each is doubled too.
 */
export function psQuote(text: string): string {
  return `'${text.replace(/['\u2018\u2019\u201A\u201B]/g, (q) => q + q)}'`;
}

/**
 * Text for the rest of a `#` line comment, in bash or PowerShell: a line break would end the comment
 * and let the text run as code, and a bidirectional control would make the line read as something it
 * is not, so every character no input may hold (see isForbidden) becomes a space.
 */
export function lineComment(text: string): string {
  let out = '';
  for (const c of text) out += isForbidden(c.codePointAt(0) ?? 0) ? ' ' : c;
  return out;
}

export { urlEncode } from '../loadmaster/catalogue.js';
