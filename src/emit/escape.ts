import { holdsForbidden, isForbidden } from '../input/text.js';

/**
 * One escaper per target: every site value reaches a script or a URL through exactly one of these.
 */

/**
 * A bash word that is the text exactly: single quotes, each ' written as '\''. Text that shellcheck
 * would take for a mistake inside single quotes (a `$` or backtick it thinks should expand, a
 * typographic quote it thinks was meant as one, a backslash) is written as ANSI-C quoting, $'...',
 * where a backslash, a ' and a control character are octal escapes (locale-free; no `\\'`, which
 * some bash parsers misread).
 */
export function bashQuote(text: string): string {
  if (SHELLCHECK_SUSPECT.test(text))
    return `$'${[...text]
      .map((c) => {
        const code = c.codePointAt(0) ?? 0;
        return c === '\\' || c === "'" || code < 0x20 || code === 0x7f
          ? `\\${code.toString(8).padStart(3, '0')}`
          : c;
      })
      .join('')}'`;
  return text.includes("'") ? `'${text.replace(/'/g, `'\\''`)}'` : `'${text}'`;
}

/** `$`, backtick, backslash, and the typographic quotes U+2018-U+201F and U+2032-U+2037. */
const SHELLCHECK_SUSPECT = /[$`\\\u2018-\u201F\u2032-\u2037]/;

/**
 * A PowerShell single-quoted string that is the text exactly. PowerShell also treats the typographic
 * quotes U+2018, U+2019, U+201A and U+201B as single quotes, so each is doubled too.
 */
export function psQuote(text: string): string {
  return PS_QUOTES.test(text) ? `'${text.replace(PS_QUOTES_ALL, (q) => q + q)}'` : `'${text}'`;
}

const PS_QUOTES = /['\u2018\u2019\u201A\u201B]/;
const PS_QUOTES_ALL = /['\u2018\u2019\u201A\u201B]/g;

/**
 * Text for the rest of a `#` line comment, in bash or PowerShell: a line break would end the comment
 * and let the text run as code, and a bidirectional control would make the line read as something it
 * is not, so every character no input may hold (see isForbidden) becomes a space.
 */
export function lineComment(text: string): string {
  if (!holdsForbidden(text)) return text;
  let out = '';
  for (const c of text) out += isForbidden(c.codePointAt(0) ?? 0) ? ' ' : c;
  return out;
}

export { urlEncode } from '../loadmaster/catalogue.js';

/**
 * XML 1.0 character data (the text of an element) that a parser reads back as the text exactly:
 * `&` and `<` must be escaped (XML 1.0 section 2.4), and `>` is too, so `]]>` never appears, as the
 * DOM Parsing serialisation (and so xmlbuilder2) writes it. Every `&` is escaped, even one that
 * starts something that looks like a reference (`&amp;`, `&#38;`): the text is never markup. Every
 * other character is written as itself, a line feed and non-ASCII included. Characters XML 1.0
 * cannot hold, or that a parser would change (a CR becomes LF), have no escape here: the caller
 * refuses them first (see unsafe() in emit/template-xml.ts).
 */
export function xmlText(text: string): string {
  return /[&<>]/.test(text) ? text.replace(/[&<>]/g, xmlEntity) : text;
}

/**
 * An XML 1.0 attribute value, for between double quotes, that a parser reads back as the value
 * exactly: as {@link xmlText}, and `"` as `&quot;`. A parser turns a tab, CR or LF in an attribute
 * value into a space, so the caller refuses those too.
 */
export function xmlAttribute(value: string): string {
  return /[&<>"]/.test(value) ? value.replace(/[&<>"]/g, xmlEntity) : value;
}

function xmlEntity(c: string): string {
  return c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;';
}
