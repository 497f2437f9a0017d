import { isMap, isPair, isScalar, isSeq, LineCounter, type Node, parseDocument } from 'yaml';
import type { Diagnostic } from './diagnostic.js';

/** A parsed deployment file that can say where any JSON pointer lies in the text. */
export interface Source {
  readonly file: string;
  readonly data: unknown;
  /** Position of the value at `pointer`, or of its key when `key` is set; the nearest parent if absent. */
  locate(pointer: string, key?: boolean): { line: number; col: number };
}

const unescapePointer = (s: string): string => s.replace(/~1/g, '/').replace(/~0/g, '~');

/**
 * Parses YAML or JSON (JSON is YAML) keeping positions. Syntax errors come back as diagnostics, each
 * with its line and column.
 */
export function parseSource(file: string, text: string): Source | Diagnostic[] {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return doc.errors.map((e) => {
      const at = lines.linePos(e.pos[0]);
      return {
        file,
        line: at.line,
        col: at.col,
        pointer: '',
        message: e.message.split('\n')[0] ?? e.message,
      };
    });
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (err) {
    // An alias bomb (aliases of aliases, expanding without bound) is refused, not expanded.
    return [
      { file, line: 1, col: 1, pointer: '', message: `cannot read the file: ${(err as Error).message}` },
    ];
  }
  const position = (offset: number | undefined): { line: number; col: number } =>
    offset === undefined ? { line: 1, col: 1 } : lines.linePos(offset);
  return {
    file,
    data,
    locate(pointer, key = false) {
      let node: unknown = doc.contents;
      let keyNode: Node | undefined;
      for (const part of pointer.split('/').slice(1).map(unescapePointer)) {
        if (isMap(node)) {
          const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === part);
          if (!pair) break;
          keyNode = pair.key as Node;
          node = pair.value;
        } else if (isSeq(node)) {
          const item = node.items[Number(part)];
          if (item === undefined) break;
          keyNode = undefined;
          node = item;
        } else break;
      }
      const target = key && keyNode ? keyNode : (node as Node | null);
      return position(target?.range?.[0]);
    },
  };
}
