import { forTerminal, holdsForbidden } from '../input/text.js';
import { GENERATED_MARK } from './output.js';

/** A line ending as CommonMark reads one: CR LF, a bare LF, or a bare CR (which can open a new block). */
const LINE_BREAK = /\r\n|\r|\n/;

/**
 * Characters that can start inline markup: escapes, code, emphasis, strikethrough, links, entities,
 * HTML (and so comments), and a table cell's end.
 */
const INLINE_MARKUP = /[\\`*_~[\]&|<]/g;
const HAS_INLINE_MARKUP = /[\\`*_~[\]&|<]/;

/** What opens a block at the start of a line: a heading, quote, list, thematic break or setext underline. */
const BLOCK_START = /^([#>+=-])|^(\d{1,9})([.)])/;

const WORD_CHAR = /[\p{L}\p{N}]/u;

/** What any of the escapers below changes, but for the characters a terminal must not get. */
const CELL_WORK = /[\\`*_~[\]&|<\r\n]|^ | $/;

/** Text none of the escapers below changes (most text: a name, a value): shown as it is. */
const plain = (text: string): boolean => !CELL_WORK.test(text) && !holdsForbidden(text);

/** One line with nothing in it that Markdown reads as inline markup; see {@link mdCell}. */
function inlineText(line: string): string {
  const shown = forTerminal(line);
  if (!HAS_INLINE_MARKUP.test(shown)) return shown;
  return shown.replace(INLINE_MARKUP, (c, at: number, all: string) => {
    if (c === '<') return '&lt;';
    // An underscore inside a word can neither open nor close emphasis (CommonMark 6.2): left as it is.
    const inWord = WORD_CHAR.test(all[at - 1] ?? '') && WORD_CHAR.test(all[at + 1] ?? '');
    return c === '_' && inWord ? c : `\\${c}`;
  });
}

/** Spaces at either end kept as `&#32;`: a cell's would be trimmed, a line's read as an indented code block. */
const keepEnds = (text: string): string =>
  text.startsWith(' ') || text.endsWith(' ')
    ? text.replace(/^ +| +$/g, (run) => '&#32;'.repeat(run.length))
    : text;

/**
 * Text shown in a Markdown table cell, rendered as the text itself: every character that could start
 * inline markup, HTML or an HTML comment is escaped (a backslash-escaped pipe does not end the cell),
 * line breaks (CR LF, LF, or a bare CR, which CommonMark also reads as one) become `<br>` so nothing
 * ends the row, control and bidirectional characters are shown as `\u{..}` (they would reorder or
 * hide what a reader sees), and spaces at either end are kept as `&#32;`. GitHub's autolinks of bare
 * URLs are the one markup left: a URL shows as a link to itself.
 */
export function mdCell(text: string): string {
  if (plain(text)) return text;
  return keepEnds(text.split(LINE_BREAK).map(inlineText).join('<br>'));
}

/**
 * Text shown in a paragraph or list item: as {@link mdCell} (a backslash-escaped pipe reads as a pipe
 * in prose too), and a block marker (`#`, `>`, `-`, `+`, `=`, `1.`) at the start of a line escaped,
 * so the text cannot open a heading, quote or list wherever it lands.
 */
export function mdProse(text: string): string {
  if (plain(text) && !BLOCK_START.test(text)) return text;
  const lines = text
    .split(LINE_BREAK)
    .map((line) =>
      inlineText(line).replace(BLOCK_START, (_m, mark, digits, dot) =>
        mark ? `\\${mark}` : `${digits}\\${dot}`,
      ),
    );
  return keepEnds(lines.join('<br>'));
}

/**
 * The project's own text (an erratum's reason) for a table cell: its `code spans` stay code (through
 * {@link mdCode}), everything else is shown as it is (through {@link mdCell}).
 */
export function mdAuthored(text: string): string {
  if (plain(text)) return text;
  const parts = text
    .split(/(`[^`]+`)/)
    .map((part, i) =>
      i % 2 === 1 ? mdCode(part.slice(1, -1)) : part.split(LINE_BREAK).map(inlineText).join('<br>'),
    );
  return keepEnds(parts.join(''));
}

/** Printable ASCII without a backtick or pipe, not starting or ending with a space: code as it is. */
const PLAIN_CODE = /^(?! )[\x20-\x5f\x61-\x7b\x7d\x7e]*(?<! )$/;

/** Every ASCII punctuation character and the space, as numeric references in an HTML element. */
const HTML_LITERAL = /[!-/:-@[-`{-~ ]/g;

/**
 * Text as inline code, right in prose and in a table cell alike: a backtick span whose fence is
 * longer than any run of backticks inside, padded with a space where the text starts or ends with a
 * backtick (CommonMark strips it again). Line breaks become spaces (a code span shows them so) and
 * control characters are shown as `\u{..}`. A pipe ends a table cell even inside a code span, a
 * backslash-escaped pipe reads differently in prose and in a table, and a space at either end would
 * be stripped: such text becomes a `<code>` element whose punctuation and spaces are written as
 * character references, which Markdown neither splits nor parses.
 */
export function mdCode(text: string): string {
  if (text === '') return '';
  // Most code is a plain word or path: nothing to fence or escape.
  if (PLAIN_CODE.test(text)) return `\`${text}\``;
  const shown = forTerminal(text.split(LINE_BREAK).join(' '));
  // A space at either end of a code span is stripped or linted (markdownlint MD038); a pipe ends a
  // table cell even inside one.
  if (shown.includes('|') || /^ | $/.test(shown)) {
    return `<code>${shown.replace(HTML_LITERAL, (c) => `&#${c.charCodeAt(0)};`)}</code>`;
  }
  const longest = Math.max(0, ...(shown.match(/`+/g) ?? []).map((r) => r.length));
  const fence = '`'.repeat(longest + 1);
  const pad = /^`|`$/.test(shown) ? ' ' : '';
  return `${fence}${pad}${shown}${pad}${fence}`;
}

/** The banner every generated Markdown file starts with. */
export const MD_BANNER = `<!-- ${GENERATED_MARK} -->`;
