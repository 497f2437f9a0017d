/**
 * The one policy for characters that come from the user and go back to a terminal, a script or a
 * page: which no value may hold, and how any text is shown safely in a message.
 */

/**
 * Whether a character may not appear in any value or key of an input: control characters (C0, DEL,
 * C1: a terminal or a shell would act on them, a LoadMaster field takes none), the line and
 * paragraph separators, the bidirectional overrides and isolates (they reorder what a reader sees),
 * the byte order mark, a lone surrogate (a JSON or YAML `\ud800` escape: no encoding can carry it, so
 * it would arrive as U+FFFD) and the noncharacters U+FFFE and U+FFFF.
 */
export function isForbidden(code: number): boolean {
  return (
    code <= 0x1f ||
    (code >= 0x7f && code <= 0x9f) ||
    code === 0x2028 ||
    code === 0x2029 ||
    (code >= 0x202a && code <= 0x202e) ||
    (code >= 0x2066 && code <= 0x2069) ||
    code === 0x200e ||
    code === 0x200f ||
    code === 0x061c ||
    code === 0xfeff ||
    (code >= 0xd800 && code <= 0xdfff) ||
    code === 0xfffe ||
    code === 0xffff
  );
}

/** The first forbidden character of a text: its position (1-based, in characters) and name. */
export function forbiddenIn(text: string): { at: number; name: string } | null {
  // Whether there is any first (most text has none); then the loop says where.
  if (!holdsForbidden(text)) return null;
  let at = 0;
  for (const c of text) {
    at++;
    const code = c.codePointAt(0) ?? 0;
    if (isForbidden(code)) return { at, name: charName(code) };
  }
  return null;
}

const NAMES: Readonly<Record<number, string>> = {
  0: 'NUL',
  7: 'bell',
  8: 'backspace',
  9: 'tab',
  10: 'line feed',
  13: 'carriage return',
  27: 'escape',
  127: 'delete',
  8232: 'line separator',
  8233: 'paragraph separator',
  65279: 'byte order mark',
};

/** `U+001B (escape)`. */
export function charName(code: number): string {
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  const name =
    NAMES[code] ??
    (code >= 0xd800 && code <= 0xdfff
      ? 'a lone surrogate'
      : code >= 0xfffe
        ? 'a noncharacter'
        : code >= 0x200e
          ? 'a bidirectional control'
          : 'a control character');
  return `${hex} (${name})`;
}

/**
 * A character {@link isForbidden} refuses, found by one regular expression (in `u` mode a surrogate
 * range matches only a lone surrogate), with and without the line feed.
 */
const OTHER_FORBIDDEN =
  '\\x7f-\\x9f\\u061c\\u200e\\u200f\\u2028-\\u202e\\u2066-\\u2069\\ufeff\\ufffe\\uffff\\ud800-\\udfff';
const FORBIDDEN = new RegExp(`[\\0-\\x1f${OTHER_FORBIDDEN}]`, 'u');
const FORBIDDEN_BUT_LINE_FEED = new RegExp(`[\\0-\\x09\\x0b-\\x1f${OTHER_FORBIDDEN}]`, 'u');

/**
 * Whether a text holds any character {@link isForbidden} refuses (line feeds aside when `lineFeeds`
 * is set), in one pass of a regular expression: the quick test every escaper makes before looking
 * at characters one by one, since most text holds none.
 */
export function holdsForbidden(text: string, lineFeeds = false): boolean {
  return (lineFeeds ? FORBIDDEN_BUT_LINE_FEED : FORBIDDEN).test(text);
}

/**
 * Text to show in a terminal: every forbidden character written as a visible escape (`\u{1b}`), so
 * nothing the user or a file supplied can move the cursor, recolour, ring or hide a line. Line
 * breaks the tool itself puts between lines stay when `lines` is set.
 */
export function forTerminal(text: string, lines = false): string {
  if (!holdsForbidden(text, lines)) return text;
  let out = '';
  for (const c of text) {
    const code = c.codePointAt(0) ?? 0;
    if (lines && c === '\n') out += c;
    else out += isForbidden(code) ? `\\u{${code.toString(16)}}` : c;
  }
  return out;
}

/** At most this many characters of a user's value are quoted in a message. */
export const QUOTE_LIMIT = 40;

/**
 * A user's value quoted for a message: in double quotes, at most `limit` characters (then `…` and
 * the value's length), escaped for a terminal. A message never carries more of a file than that.
 */
export function quote(text: string, limit = QUOTE_LIMIT): string {
  const escaped = text.replace(/\\/g, '\\\\').replace(/"/g, '\\"');
  const quoted = `"${excerpt(escaped, limit)}"`;
  return [...escaped].length > limit ? `${quoted} (${[...text].length} characters)` : quoted;
}

/** At most `limit` characters of a text (then `…`), escaped for a terminal: for words not the user's own. */
export function excerpt(text: string, limit: number): string {
  const chars = [...text];
  return forTerminal(chars.length > limit ? `${chars.slice(0, limit).join('')}…` : text);
}

/**
 * JSON for a terminal: as JSON.stringify (two-space indent), with every forbidden character inside a
 * string written as a `\uXXXX` escape, so the JSON means the same and shows nothing raw. (JSON.stringify
 * escapes C0 itself; outside strings it writes only line feeds and spaces.)
 */
export function jsonForTerminal(value: unknown): string {
  const json = JSON.stringify(value, null, 2);
  if (!holdsForbidden(json, true)) return json;
  let out = '';
  for (const c of json) {
    const code = c.codePointAt(0) ?? 0;
    out += c !== '\n' && isForbidden(code) ? `\\u${code.toString(16).padStart(4, '0')}` : c;
  }
  return out;
}
