import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { Language, type Node, Parser, type Tree } from 'web-tree-sitter';

const require = createRequire(import.meta.url);

/** A parser for bash (tree-sitter-bash's wasm grammar, no native build). */
export async function bashParser(): Promise<Parser> {
  await Parser.init();
  const parser = new Parser();
  parser.setLanguage(await Language.load(require.resolve('tree-sitter-bash/tree-sitter-bash.wasm')));
  return parser;
}

/** The ERROR and MISSING nodes of a tree, each as `type at row:col: text`. */
export function bashSyntaxProblems(tree: Tree): string[] {
  if (!tree.rootNode.hasError) return [];
  const out: string[] = [];
  const stack: Node[] = [tree.rootNode];
  while (stack.length > 0) {
    const node = stack.pop() as Node;
    if (node.type === 'ERROR' || node.isMissing) {
      out.push(
        `${node.type} at ${node.startPosition.row + 1}:${node.startPosition.column + 1}: ${node.text.slice(0, 80)}`,
      );
    }
    for (const child of node.children) if (child) stack.push(child);
  }
  return out;
}

/** shellcheck's findings on a script (default checks, no exclusions); empty when clean. */
export function shellcheck(path: string): string {
  const r = spawnSync('shellcheck', ['--format=gcc', path], { encoding: 'utf8' });
  if (r.error) throw r.error;
  return `${r.stdout}${r.stderr}`.trim();
}

/** `bash -n`: the script's syntax errors; empty when it parses. */
export function bashSyntaxCheck(path: string): string {
  const r = spawnSync('bash', ['-n', path], { encoding: 'utf8' });
  return r.status === 0 ? '' : r.stderr || `bash -n exited ${r.status}`;
}
