import { spawnSync } from 'node:child_process';
import { readFileSync, realpathSync } from 'node:fs';
import { join } from 'node:path';
import { SaxesParser } from 'saxes';

/** The awk programs of deploy.sh's reply reader: the two quoted here-documents of its source. */
export const [XML_FLATTEN_AWK, XML_QUERY_AWK] = (() => {
  const source = readFileSync(new URL('../../src/emit/bash/reply-reader.sh', import.meta.url), 'utf8');
  const bodies = [...source.matchAll(/<<'LM_AWK'\n([\s\S]*?)\nLM_AWK\n/g)].map((m) => m[1] as string);
  if (bodies.length !== 2) throw new Error(`reply-reader.sh holds ${bodies.length} awk programs, not 2`);
  return bodies as [string, string];
})();

/**
 * The awk implementations on this machine that deploy.sh may meet: `awk` itself, and others found,
 * each once (`awk` is usually mawk or gawk under another name: it is not run twice).
 */
export function awks(): string[][] {
  const found: string[][] = [['awk']];
  const seen = new Set([realCommand('awk')]);
  for (const cmd of [['mawk'], ['gawk'], ['busybox', 'awk']]) {
    const probe = spawnSync(cmd[0] as string, [...cmd.slice(1), 'BEGIN { exit 0 }'], { stdio: 'ignore' });
    const real = cmd.length === 1 ? realCommand(cmd[0] as string) : cmd.join(' ');
    if (probe.status === 0 && !seen.has(real)) found.push(cmd);
    seen.add(real);
  }
  return found;
}

/** The file a command on PATH runs, links followed; the name itself when it is not found. */
function realCommand(name: string): string {
  for (const dir of (process.env.PATH ?? '').split(':')) {
    try {
      return realpathSync(join(dir, name));
    } catch {}
  }
  return name;
}

/** What deploy.sh's reader makes of a reply: its flat lines, or its exit code and complaint. */
export function awkFlatten(awk: readonly string[], doc: Buffer): { code: number; out: string; err: string } {
  const r = spawnSync(awk[0] as string, [...awk.slice(1), XML_FLATTEN_AWK], {
    input: doc,
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', LC_ALL: 'C' },
  });
  return { code: r.status ?? -1, out: r.stdout.toString('utf8'), err: r.stderr.toString('utf8') };
}

/** deploy.sh's lm_value function (src/emit/bash/transport.sh), as written there. */
const LM_VALUE = (() => {
  const source = readFileSync(new URL('../../src/emit/bash/transport.sh', import.meta.url), 'utf8');
  const fn = /^lm_value\(\) \{\n[\s\S]*?\n\}\n/m.exec(source)?.[0];
  if (!fn) throw new Error('transport.sh holds no lm_value function');
  return fn;
})();

/**
 * What deploy.sh's lm_value finds at each path of a flat reply (in a file): the value, or null when
 * it answers that there is none. One bash for all the paths.
 */
export function bashValues(flatFile: string, paths: readonly string[]): (string | null)[] {
  const program = `${LM_VALUE}
while IFS= read -r path; do
  if lm_value "$1" "$path"; then printf '+%s\\n' "$LM_VALUE"; else printf -- '-\\n'; fi
done`;
  const r = spawnSync('bash', ['-c', program, 'bash', flatFile], {
    input: paths.map((p) => `${p}\n`).join(''),
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', LANG: 'C.UTF-8' },
  });
  if (r.status !== 0) throw new Error(`lm_value's bash failed: ${r.stderr}`);
  return r.stdout
    .toString('utf8')
    .split('\n')
    .slice(0, paths.length)
    .map((l) => (l.startsWith('+') ? l.slice(1) : null));
}

/** deploy.sh's query program over a flat reply (see XML_QUERY_AWK for the modes). */
export function awkQuery(
  awk: readonly string[],
  flat: string,
  vars: Readonly<Record<string, string>>,
): string {
  const args = Object.entries(vars).flatMap(([k, v]) => ['-v', `${k}=${v}`]);
  const r = spawnSync(awk[0] as string, [...awk.slice(1), ...args, XML_QUERY_AWK], {
    input: flat,
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', LC_ALL: 'C' },
  });
  return r.stdout.toString('utf8');
}

/** The reader's escaping: backslash doubled, each control character as \0ooo. */
function esc(s: string): string {
  return [...s]
    .map((c) => {
      const n = c.charCodeAt(0);
      if (c === '\\') return '\\\\';
      return n < 32 || n === 127 ? `\\0${n.toString(8).padStart(3, '0')}` : c;
    })
    .join('');
}

/**
 * The same flat form made by a conformant XML parser (saxes), from the bytes decoded as the
 * declaration says, with the reader's one rule of layout (an element of `<Response><Success>` other
 * than `<Data>` is read as inside `Data#1`): the oracle the reader is tested against. Throws when
 * saxes finds the document malformed.
 */
export function referenceFlatten(doc: Buffer): string {
  const head = doc.subarray(0, 100).toString('latin1');
  const latin1 = /encoding\s*=\s*["']iso-8859-1["']/i.test(head);
  const text = doc.toString(latin1 ? 'latin1' : 'utf8');
  const parser = new SaxesParser();
  const lines: string[] = [];
  const stack: { name: string; path: string; text: string }[] = [];
  // Each parent path's count of children by name: an element of <Success> other than <Data> counts
  // as a child of the Data#1 beside it, as the reader puts it there.
  const counts = new Map<string, Map<string, number>>();
  let error: Error | undefined;
  parser.on('error', (e) => {
    error ??= e;
  });
  parser.on('opentag', (tag) => {
    const [root, success] = stack;
    const bare =
      stack.length === 2 &&
      root?.name.toLowerCase() === 'response' &&
      success?.name.toLowerCase() === 'success' &&
      tag.name.toLowerCase() !== 'data';
    const up = bare ? `${success?.path}/Data#1` : (stack.at(-1)?.path ?? '');
    const seen = counts.get(up) ?? new Map<string, number>();
    counts.set(up, seen);
    const n = (seen.get(tag.name) ?? 0) + 1;
    seen.set(tag.name, n);
    const path = `${up}/${tag.name}#${n}`;
    for (const [name, value] of Object.entries(tag.attributes))
      lines.push(`${path}@${name}\t${esc(String(value))}`);
    stack.push({ name: tag.name, path, text: '' });
  });
  const append = (t: string) => {
    const el = stack.at(-1);
    if (el) el.text += t;
  };
  parser.on('text', append);
  parser.on('cdata', append);
  parser.on('closetag', () => {
    const el = stack.pop();
    if (el) lines.push(`${el.path}\t${esc(el.text)}`);
  });
  parser.write(text).close();
  if (error) throw error;
  return lines.map((l) => `${l}\n`).join('');
}
