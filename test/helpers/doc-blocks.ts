import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ROOT } from './guide.js';

/** The languages of blocks a reader types or pastes: each is run, or says where it must run. */
export const COMMAND_LANGUAGES = ['sh', 'bash', 'powershell'] as const;
/** The languages of blocks that show text (a file, an output, a diagram): never run. */
export const TEXT_LANGUAGES = ['text', 'yaml', 'json', 'xml', 'mermaid'] as const;

export type BlockKind =
  /** Run as written, line by line, in the page's session. */
  | 'run'
  /** Started in the background ("in a second terminal"), stopped at the end of its page. */
  | 'server'
  /** Says where it runs (`# Run on: PLACE`), a place the tests cannot reach: only parsed. */
  | 'elsewhere';

export interface DocBlock {
  page: string;
  /** The line of the opening fence, 1-based. */
  line: number;
  lang: string;
  text: string;
  kind: BlockKind;
}

/** The marker of a block that runs where the tests cannot: its first line. */
export const ELSEWHERE = /^# Run on: \S/;
/** The marker of a block left running in a second terminal: its first line. */
export const SERVER = /^# In a second terminal, left running\b/;

/** The README, then every Markdown page under docs/, in code-unit order. */
export function docPages(): string[] {
  const walk = (dir: string): string[] =>
    readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? walk(join(dir, e.name)) : e.name.endsWith('.md') ? [join(dir, e.name)] : [],
    );
  return ['README.md', ...walk('docs').sort()].map((p) => relative(ROOT, join(ROOT, p)));
}

/** The fenced blocks of one page, in order. */
export function blocksOf(page: string): DocBlock[] {
  const text = readFileSync(join(ROOT, page), 'utf8');
  const out: DocBlock[] = [];
  for (const m of text.matchAll(/^```([^\n`]*)\n([\s\S]*?)^```$/gm)) {
    const body = m[2] ?? '';
    const first = body.split('\n', 1)[0] ?? '';
    const kind: BlockKind = ELSEWHERE.test(first) ? 'elsewhere' : SERVER.test(first) ? 'server' : 'run';
    out.push({
      page,
      line: text.slice(0, m.index).split('\n').length,
      lang: (m[1] ?? '').trim(),
      text: body.replace(/\n$/, ''),
      kind,
    });
  }
  return out;
}

/** A line's stated exit code (`# exit N`), else 0: every other line must succeed. */
export function statedExit(line: string): number {
  const m = /#\s*exit (\d+)\b/.exec(line);
  return m?.[1] ? Number(m[1]) : 0;
}

/** A line that is a command (not blank, not a comment). */
export const isCommand = (line: string): boolean => line.trim() !== '' && !line.trim().startsWith('#');

/**
 * Why the block cannot be followed one line at a time (a line continued on the next, a here-document,
 * a bracket left open), or undefined: each command of a runnable block is on a line of its own.
 */
export function notLineByLine(block: DocBlock): string | undefined {
  for (const line of block.text.split('\n')) {
    if (!isCommand(line)) continue;
    if (/[\\`]\s*$/.test(line)) return `a line continues on the next: ${line}`;
    if (/<<-?\s*['"]?\w/.test(line)) return `a here-document: ${line}`;
    const code = line.replace(/'[^']*'|"[^"]*"|#.*$/g, '');
    const pairs: [string, string][] = [
      ['(', ')'],
      ['{', '}'],
      ['[', ']'],
    ];
    for (const [open, close] of pairs)
      if (code.split(open).length !== code.split(close).length) return `an open bracket: ${line}`;
  }
  return undefined;
}

/**
 * A bash block as the session runs it: each command line in a group whose exit code is printed as
 * `@@ line N exit C`, so that one failing line is named and the next still runs.
 */
export function instrumentBash(block: DocBlock): string {
  return block.text
    .split('\n')
    .map((line, i) =>
      isCommand(line)
        ? `__rc=0; {\n${line}\n} || __rc=$?; printf '@@ line %d exit %d\\n' ${i + 1} "$__rc"`
        : line,
    )
    .join('\n');
}

/** A PowerShell block as the session runs it: after each command line, `@@ line N exit C`. */
export function instrumentPowerShell(block: DocBlock): string {
  return block.text
    .split('\n')
    .map((line, i) =>
      isCommand(line)
        ? `$global:LASTEXITCODE = 0\n${line}\n$__ok = $?; [Console]::Out.WriteLine("@@ line ${i + 1} exit " + $(if ($__ok -or $LASTEXITCODE) { $LASTEXITCODE } else { 255 }))`
        : line,
    )
    .join('\n');
}

/** The exit code each command line ended with, from the `@@ line N exit C` lines of a session's output. */
export function exitCodes(output: string): Map<number, number> {
  return new Map(
    [...output.matchAll(/^@@ line (\d+) exit (\d+)$/gm)].map((m) => [Number(m[1]), Number(m[2])]),
  );
}
