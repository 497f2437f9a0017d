import {
  type Document,
  isMap,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  type Node,
  type Pair,
  parseDocument,
  visit,
  type YAMLMap,
} from 'yaml';
import { excerpt, quote } from '../input/text.js';
import { madeOnce } from '../made-once.js';
import type { Diagnostic } from './diagnostic.js';
import { jsonSyntaxProblem } from './json-syntax.js';
import { shapeProblem } from './shape.js';
import { pointerAt, structureProblems, YAML_OPTIONS, yaml11Values } from './yaml-meaning.js';

/** A parsed deployment file that can say where any JSON pointer lies in the text. */
export interface Source {
  readonly file: string;
  readonly data: unknown;
  /** The values YAML 1.1 would read otherwise (yaml-meaning.ts), located: reported with the schema's problems. */
  readonly ambiguities: readonly Diagnostic[];
  /** Position of the value at `pointer`, or of its key when `key` is set; the nearest parent if absent. */
  locate(pointer: string, key?: boolean): { line: number; col: number };
}

/** Every key given twice in one mapping, at the second one, naming where the first is. */
function duplicateKeys(doc: Document, lines: LineCounter): { offset: number; message: string }[] {
  const out: { offset: number; message: string }[] = [];
  visit(doc, {
    Map(_, map) {
      const seen = new Map<string, number>();
      for (const pair of map.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
        const offset = (pair.key as Node | null)?.range?.[0] ?? 0;
        const first = seen.get(key);
        if (first === undefined) seen.set(key, offset);
        else
          out.push({
            offset,
            message: `the key ${quote(key)} is given twice (first at line ${lines.linePos(first).line})`,
          });
      }
    },
  });
  return out;
}

const unescapePointer = (s: string): string => s.replace(/~1/g, '/').replace(/~0/g, '~');

/**
 * Parses YAML or JSON (JSON is YAML) keeping positions. Syntax errors come back as diagnostics, each
 * with its line and column.
 */
export function parseSource(file: string, text: string): Source | Diagnostic[] {
  const shape = shapeProblem(text);
  if (shape) {
    const before = text.slice(0, shape.offset);
    const line = before.split('\n').length;
    const col = shape.offset - before.lastIndexOf('\n');
    return [{ file, line, col, pointer: '', message: `${shape.message}; no deployment file does: refused` }];
  }
  const json = /\.json$/i.test(file) ? jsonSyntaxProblem(text) : null;
  const lines = new LineCounter();
  // yaml's own check of unique keys compares each key with every earlier one (quadratic in the
  // keys of a mapping); duplicateKeys does it with one set per mapping.
  const doc = parseDocument(text, { ...YAML_OPTIONS, lineCounter: lines, prettyErrors: false });
  // A warning is an error here: an unknown tag (!include, !!js/function) would otherwise be read as
  // plain text, and the file would mean something other than it says.
  const problems = [
    ...[...doc.errors, ...doc.warnings].map((e) => ({
      offset: e.pos[0],
      // The parser's words may quote the file (a tag, a key): kept short and terminal-safe.
      message: excerpt(e.message.split('\n')[0] ?? e.message, 100),
    })),
    ...duplicateKeys(doc, lines),
    ...structureProblems(doc, text),
  ].sort((a, b) => a.offset - b.offset);
  if (json) {
    // Where the engine gave no position, the YAML parser's first complaint is the best place to point.
    const at = lines.linePos(json.offset ?? problems[0]?.offset ?? 0);
    return [{ file, line: at.line, col: at.col, pointer: '', message: json.message }];
  }
  if (problems.length > 0) {
    return problems.map((p) => {
      const at = lines.linePos(p.offset);
      return { file, line: at.line, col: at.col, pointer: pointerAt(doc, p.offset), message: p.message };
    });
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (err) {
    // An alias that names no anchor, or an alias bomb (aliases of aliases, expanding without bound),
    // is refused where it stands, not expanded.
    let at = 0;
    visit(doc, {
      Alias(_, node) {
        if (at === 0 && (err as Error).message.includes(node.source)) at = node.range?.[0] ?? 0;
      },
    });
    const where = lines.linePos(at);
    const pointer = pointerAt(doc, at);
    const message = /alias/i.test((err as Error).message)
      ? /Excessive/i.test((err as Error).message)
        ? 'aliases expand too far (more than 100 times): refused'
        : 'an alias names no anchor set before it'
      : 'cannot read the file';
    return [{ file, line: where.line, col: where.col, pointer, message }];
  }
  const position = (offset: number | undefined): { line: number; col: number } =>
    offset === undefined ? { line: 1, col: 1 } : lines.linePos(offset);
  // Each mapping's pairs by key, made once: locating many problems stays linear in the file.
  const indexes = new WeakMap<object, Map<string, Pair>>();
  const pairOf = (map: YAMLMap, key: string): Pair | undefined =>
    madeOnce(indexes, map, () => {
      const index = new Map<string, Pair>();
      for (const p of map.items) {
        const k = isPair(p) && isScalar(p.key) ? String(p.key.value) : undefined;
        if (k !== undefined && !index.has(k)) index.set(k, p);
      }
      return index;
    }).get(key);
  const ambiguities = yaml11Values(doc).map((p) => {
    const at = lines.linePos(p.offset);
    return { file, line: at.line, col: at.col, pointer: pointerAt(doc, p.offset), message: p.message };
  });
  return {
    file,
    data,
    ambiguities,
    locate(pointer, key = false) {
      let node: unknown = doc.contents;
      let keyNode: Node | undefined;
      for (const part of pointer.split('/').slice(1).map(unescapePointer)) {
        if (isMap(node)) {
          const pair = pairOf(node, part);
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
