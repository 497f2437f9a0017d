import { CST } from 'yaml';

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

/** Where a file first has a shape no deployment file has, and why. */
export interface ShapeProblem {
  readonly offset: number;
  readonly message: string;
}

/**
 * Refuses a shape no deployment file has and that would cost a parser time, memory or its stack: too
 * many values, or nesting too deep. Given yaml's lexical tokens in order, as the parser takes them
 * (source.ts), before the parser gets each one: the parser never holds more than the limits allow.
 * State only (no tree, no recursion), so it is linear in the file.
 */
export class ShapeCheck {
  private offset = 0;
  private values = 0;
  private flow = 0;
  private lineStart = true;
  private indicators = 0;

  /** The problem `token` makes, or null. */
  token(token: string): ShapeProblem | null {
    const at = this.offset;
    if (!MARKERS.has(token)) this.offset += token.length;
    const type = CST.tokenType(token);
    if (type === 'newline') {
      this.lineStart = true;
      this.indicators = 0;
      return null;
    }
    if (type === 'space' && this.lineStart && /^ +$/.test(token)) {
      return token.length > MAX_INDENT
        ? { offset: at, message: `a line is indented more than ${MAX_INDENT} columns` }
        : null;
    }
    // A block scalar's body comes as one token, newlines included.
    if (/\n/.test(token)) this.lineStart = token.endsWith('\n');
    else if (type !== 'space' && type !== 'comment') this.lineStart = false;
    if (type === 'seq-item-ind' || type === 'explicit-key-ind') {
      if (++this.indicators > MAX_LINE_INDICATORS)
        return { offset: at, message: `a line opens more than ${MAX_LINE_INDICATORS} nested lists or keys` };
    }
    if (type === 'flow-seq-start' || type === 'flow-map-start') {
      if (++this.flow > MAX_FLOW_DEPTH)
        return { offset: at, message: `brackets nest more than ${MAX_FLOW_DEPTH} deep` };
    } else if (type === 'flow-seq-end' || type === 'flow-map-end') this.flow = Math.max(0, this.flow - 1);
    const value =
      type === 'scalar' || // the marker before a plain or block scalar's text
      type === 'alias' ||
      type === 'single-quoted-scalar' ||
      type === 'double-quoted-scalar' ||
      type === 'flow-seq-start' ||
      type === 'flow-map-start' ||
      type === 'seq-item-ind';
    if (value && ++this.values > MAX_VALUES)
      return { offset: at, message: `the file holds more than ${MAX_VALUES} values` };
    return null;
  }
}
