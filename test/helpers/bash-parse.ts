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

/** One API call as `deploy.sh --dry-run` prints it. */
export interface DryRunCall {
  readonly command: string;
  readonly params: readonly { readonly name: string; readonly value: string }[];
}

/**
 * Reads a dry run: `GET <command>` lines, each followed by `  <name>=<value as a bash word>` lines.
 * Bash itself turns the words back into text (one bash for all of them), so the test checks the
 * bytes a user would get by copying the word into a shell.
 */
export function parseDryRun(stdout: string): DryRunCall[] {
  const calls: { command: string; params: { name: string; word: string }[] }[] = [];
  for (const line of stdout.split('\n')) {
    const get = /^GET (\S+)$/.exec(line);
    if (get) calls.push({ command: get[1] as string, params: [] });
    const param = /^ {2}([^=]+)=(.*)$/.exec(line);
    if (param) {
      const call = calls.at(-1);
      if (!call) throw new Error(`parameter before any call: ${line}`);
      call.params.push({ name: param[1] as string, word: param[2] as string });
    }
  }
  const words = calls.flatMap((c) => c.params.map((p) => p.word));
  const r = spawnSync('bash', ['-c', `printf '%s\\0' ${words.join(' ')}`], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`cannot decode the dry run's words: ${r.stderr}`);
  const values = words.length === 0 ? [] : r.stdout.split('\0').slice(0, -1);
  if (values.length !== words.length) throw new Error('the dry run printed a word bash reads as several');
  let i = 0;
  return calls.map((c) => ({
    command: c.command,
    params: c.params.map((p) => ({ name: p.name, value: values[i++] as string })),
  }));
}
