import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, openSync } from 'node:fs';
import { lstat, readdir, readFile, readlink } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { BAD_INPUTS, type BadCase } from './helpers/bad-inputs.js';
import { ROOT } from './helpers/guide.js';
import { BUILT_CLI, buildDist, eachAtOnce, setUp } from './helpers/setup.js';

// The corpus of bad inputs: every bad input refused with its exit code and a located message, no stack
// trace, no raw control character, nothing changed on disk, within 5 s of CPU and 200 MB of memory.
// The command under test is the built one (dist/cli/main.cjs and its bundle), as a user runs it; it is
// built first.

const CPU_LIMIT_MS = 5000;
const MEMORY_LIMIT_KB = 200 * 1024;
/** Not a limit under test: a run still going after this long is hung (a FIFO read, say). */
const HANG_MS = 60_000;
const PROBE = pathToFileURL(join(ROOT, 'test/helpers/usage-probe.mjs')).href;
const CLI = BUILT_CLI;
const setup = setUp('bt-bad-');

/** Every entry under a folder: its kind and, for a file, a hash of its bytes and its mode. */
async function snapshot(dir: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const walk = async (rel: string) => {
    for (const name of await readdir(join(dir, rel))) {
      const path = join(rel, name);
      const info = await lstat(join(dir, path));
      if (info.isDirectory()) {
        out.set(path, 'folder');
        await walk(path);
      } else if (info.isFile()) {
        const hash = createHash('sha256')
          .update(await readFile(join(dir, path)))
          .digest('hex');
        out.set(path, `file ${info.mode.toString(8)} ${hash}`);
      } else if (info.isSymbolicLink()) out.set(path, `link ${await readlink(join(dir, path))}`);
      else out.set(path, `other ${info.mode.toString(8)}`);
    }
  };
  await walk('');
  return out;
}

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  usage: { rssKb: number; cpuMs: number } | null;
}

function run(c: BadCase, args: readonly string[], cwd: string): Promise<Run> {
  const full = c.stdout === 'full' ? openSync('/dev/full', 'w') : null;
  const child = spawn(process.execPath, ['--import', PROBE, CLI, ...args], {
    cwd,
    stdio: ['ignore', full ?? 'pipe', 'pipe', 'pipe'],
    env: { ...process.env, BUILD_TEMPLATES_DEBUG: '' },
  });
  if (full !== null) closeSync(full);
  let stdout = '';
  let stderr = '';
  let usage = '';
  if (c.stdout === 'closed') child.stdout?.destroy();
  else child.stdout?.on('data', (d) => (stdout += d));
  child.stderr?.on('data', (d) => (stderr += d));
  child.stdio[3]?.on('data', (d) => (usage += d));
  const timer = setTimeout(() => child.kill('SIGKILL'), HANG_MS);
  return new Promise((resolve) => {
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, usage: usage ? JSON.parse(usage) : null });
    });
  });
}

/** Why a case failed, or null when it behaved as promised. */
async function check(c: BadCase): Promise<string | null> {
  const dir = setup.dir();
  const args = await c.setup(dir);
  const before = await snapshot(dir);
  const r = await run(c, args, dir);
  const after = await snapshot(dir);
  const first = r.stderr.split('\n')[0] ?? '';
  const problems: string[] = [];
  if (r.code !== c.code) problems.push(`exit ${r.code}, not ${c.code}`);
  // A file may hold more than one problem: the promised one is among the lines.
  if (!r.stderr.split('\n').some((line) => c.message.test(line)))
    problems.push(`message ${JSON.stringify(first)} does not match ${c.message}`);
  if (/\n\s+at |node:internal|Error:|TypeError|RangeError/.test(r.stderr)) problems.push('a stack trace');
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the test is that none gets through.
  if (/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/.test(r.stderr))
    problems.push('a raw control character in the message');
  if (c.stdout === undefined && r.stdout !== '')
    problems.push(`printed ${JSON.stringify(r.stdout.slice(0, 80))}`);
  if (c.secret && r.stderr.includes(c.secret)) problems.push('the secret was printed');
  if (r.stderr.split('\n').some((l) => l.length > 600))
    problems.push('a message line longer than 600 characters');
  const changed = [...new Set([...before.keys(), ...after.keys()])].filter(
    (k) => before.get(k) !== after.get(k),
  );
  if (changed.length > 0) problems.push(`changed ${changed.join(', ')}`);
  if (!r.usage) problems.push('no usage report (killed?)');
  else {
    if (r.usage.cpuMs > CPU_LIMIT_MS) problems.push(`${Math.round(r.usage.cpuMs)} ms of CPU`);
    if (r.usage.rssKb > MEMORY_LIMIT_KB) problems.push(`${Math.round(r.usage.rssKb / 1024)} MB of memory`);
  }
  return problems.length === 0 ? null : problems.join('; ');
}

test.before(() => {
  buildDist();
});

test('the corpus holds at least 100 bad inputs of every kind, each named once', () => {
  assert.ok(BAD_INPUTS.length >= 100, `${BAD_INPUTS.length} cases`);
  const names = BAD_INPUTS.map((c) => `${c.kind}: ${c.name}`);
  assert.is(new Set(names).size, names.length, 'a name is used twice');
  for (const kind of ['deployment', 'file', 'flags', 'output', 'bundle'])
    assert.ok(
      BAD_INPUTS.some((c) => c.kind === kind),
      kind,
    );
});

test('every bad input is refused as promised: exit code, located message, nothing changed, bounded', async () => {
  const failures: string[] = [];
  await eachAtOnce(BAD_INPUTS, 4, async (c) => {
    const why = await check(c);
    if (why) failures.push(`${c.kind}: ${c.name}: ${why}`);
  });
  assert.equal(
    failures,
    [],
    `${failures.length} of ${BAD_INPUTS.length} cases failed:\n${failures.join('\n')}`,
  );
});

test.run();
