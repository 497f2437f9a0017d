import { createRequire } from 'node:module';
import { Language, type Node, Parser, type Tree } from 'web-tree-sitter';

const require = createRequire(import.meta.url);

/** A parser for PowerShell (tree-sitter-powershell's wasm grammar, no native build). */
export async function powershellParser(): Promise<Parser> {
  await Parser.init();
  const wasm = require.resolve('tree-sitter-powershell/tree-sitter-powershell.wasm');
  const parser = new Parser();
  parser.setLanguage(await Language.load(wasm));
  return parser;
}

/** Every node of a tree, depth first. */
export function* nodes(tree: Tree): Generator<Node> {
  const stack: Node[] = [tree.rootNode];
  while (stack.length > 0) {
    const node = stack.pop() as Node;
    yield node;
    for (let i = node.childCount - 1; i >= 0; i--) {
      const child = node.child(i);
      if (child) stack.push(child);
    }
  }
}

/** The ERROR and MISSING nodes, each as `type at row:col: text` (a tree without either is not walked). */
export function syntaxProblems(tree: Tree): string[] {
  if (!tree.rootNode.hasError) return [];
  return [...nodes(tree)]
    .filter((n) => n.type === 'ERROR' || n.isMissing)
    .map(
      (n) =>
        `${n.isMissing ? 'MISSING' : 'ERROR'} at ${n.startPosition.row + 1}:${n.startPosition.column + 1}: ${n.text.slice(0, 80)}`,
    );
}

const QUOTE = /[\u0027\u2018\u2019\u201A\u201B]/;

/**
 * A single-quoted literal's value by PowerShell's rules: two quote characters (', ‘, ’, ‚,
 * ‛) make the second one. tree-sitter-powershell knows only ', so a lone typographic quote, which
 * would end the string in PowerShell, throws here.
 */
export function decodeVerbatim(literal: string): string {
  const body = [...literal.slice(1, -1)];
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i] as string;
    if (QUOTE.test(c)) {
      if (!QUOTE.test(body[i + 1] ?? '')) throw new Error(`a lone ${c} would end ${literal} in PowerShell`);
      i++;
      out += body[i];
    } else out += c;
  }
  return out;
}

/** The decoded values of every single-quoted string literal in the tree. */
export function verbatimStrings(tree: Tree): string[] {
  return tree.rootNode
    .descendantsOfType('string_literal')
    .filter((n): n is Node => n !== null && QUOTE.test(n.text.charAt(0)))
    .map((n) => decodeVerbatim(n.text));
}
