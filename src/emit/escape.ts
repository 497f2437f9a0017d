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
 * and let the text run as code, so every line break and control character becomes a space.
 */
export function lineComment(text: string): string {
  return text.replace(/[\p{Cc}\u0085\u2028\u2029]/gu, ' ');
}

export { urlEncode } from '../loadmaster/catalogue.js';
