import { CST, Lexer } from 'yaml';

/**
 * The most values (scalars, aliases, collections) a deployment file may hold. The largest file the
 * schema accepts (64 services, 256 Exchange and 64 Office Online servers, full ESP lists) holds
 * about 4,000, keys included.
 */
export const MAX_VALUES = 20_000;

/** The deepest flow nesting (`[` and `{`) a file may have; a deployment file nests three deep. */
export const MAX_FLOW_DEPTH = 32;

/** The most columns a line may be indented; a deployment file needs about 8. */
export const MAX_INDENT = 64;

/** The most block indicators (`-`, `?`) one line may open, as in `- - - x`. */
export const MAX_LINE_INDICATORS = 8;

/** Lexer tokens that mark a state and stand for no source text. */
const MARKERS = new Set([CST.BOM, CST.DOCUMENT, CST.FLOW_END, CST.SCALAR]);

/**
 * Refuses, before the file is parsed, a shape no deployment file has and that would cost a parser
 * time, memory or its stack: too many values, or nesting too deep. One pass over the tokens of
 * yaml's lexer (a state machine: no tree is built, no recursion), so it is linear in the file.
 * Returns the offset of the first excess and why, or null.
 */
export function shapeProblem(text: string): { offset: number; message: string } | null {
  let offset = 0;
  let values = 0;
  let flow = 0;
  let lineStart = true;
  let indicators = 0;
  for (const token of new Lexer().lex(text)) {
    const at = offset;
    if (!MARKERS.has(token)) offset += token.length;
    const type = CST.tokenType(token);
    if (type === 'newline') {
      lineStart = true;
      indicators = 0;
      continue;
    }
    if (type === 'space' && lineStart && /^ +$/.test(token)) {
      if (token.length > MAX_INDENT)
        return { offset: at, message: `a line is indented more than ${MAX_INDENT} columns` };
      continue;
    }
    // A block scalar's body comes as one token, newlines included.
    if (/\n/.test(token)) lineStart = token.endsWith('\n');
    else if (type !== 'space' && type !== 'comment') lineStart = false;
    if (type === 'seq-item-ind' || type === 'explicit-key-ind') {
      if (++indicators > MAX_LINE_INDICATORS)
        return { offset: at, message: `a line opens more than ${MAX_LINE_INDICATORS} nested lists or keys` };
    }
    if (type === 'flow-seq-start' || type === 'flow-map-start') {
      if (++flow > MAX_FLOW_DEPTH)
        return { offset: at, message: `brackets nest more than ${MAX_FLOW_DEPTH} deep` };
    } else if (type === 'flow-seq-end' || type === 'flow-map-end') flow = Math.max(0, flow - 1);
    const value =
      type === 'scalar' || // the marker before a plain or block scalar's text
      type === 'alias' ||
      type === 'single-quoted-scalar' ||
      type === 'double-quoted-scalar' ||
      type === 'flow-seq-start' ||
      type === 'flow-map-start' ||
      type === 'seq-item-ind';
    if (value && ++values > MAX_VALUES)
      return { offset: at, message: `the file holds more than ${MAX_VALUES} values` };
  }
  return null;
}
