import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { TSX } from './helpers/cli.js';
import { ROOT } from './helpers/guide.js';
import { setUp } from './helpers/setup.js';

// SIGINT and SIGTERM in the middle of a run: every site's output folder is as it was or complete,
// and no staging folder is left behind. The command as built when there is one (as a user runs it),
// else from source.

const setup = setUp('bt-signals-');
const BUILT = join(ROOT, 'dist/cli/main.cjs');
const COMMAND = existsSync(BUILT) ? [BUILT] : ['--import', TSX, join(ROOT, 'src/cli/main.cts')];

const EXAMPLE = readFileSync(join(ROOT, 'examples/deployment.yaml'), 'utf8').replace(/^\$schema:.*\n/m, '');
const MAIL = readFileSync(join(ROOT, 'fixtures/deployments/mail/deployment.yaml'), 'utf8').replace(
  /^\$schema:.*\n/m,
  '',
);

/**
 * Runs the command, sends `signal` `ms` after its start, or, with `atWork`, after its first words on
 * standard error (a site's warnings: by then it stops cleanly on a signal, which a fixed time from its
 * start may not reach on a loaded machine); its exit code and stderr.
 */
function interrupted(
  args: readonly string[],
  cwd: string,
  signal: NodeJS.Signals,
  ms: number,
  atWork = false,
): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...COMMAND, ...args], {
      cwd,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    const stop = () => setTimeout(() => child.kill(signal), ms);
    let timer = atWork ? undefined : stop();
    child.stderr.on('data', (d) => {
      stderr += d;
      timer ??= stop();
    });
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stderr });
    });
  });
}

/** Every file under a folder (relative path -> text), and every staging folder left there. */
async function contents(dir: string): Promise<{ files: Map<string, string>; staging: string[] }> {
  const files = new Map<string, string>();
  const staging: string[] = [];
  if (!existsSync(dir)) return { files, staging };
  for (const e of await readdir(dir, { recursive: true, withFileTypes: true })) {
    const path = join(e.parentPath, e.name).slice(dir.length + 1);
    if (e.name.startsWith('.build-templates-')) staging.push(path);
    else if (e.isFile()) files.set(path, await readFile(join(dir, path), 'utf8'));
  }
  return { files, staging };
}

/** The outputs of one site built alone, as the batch writes each site. */
async function reference(dir: string, site: string, name: string): Promise<Map<string, string>> {
  await writeFile(join(dir, `${name}.yaml`), site);
  const r = await interrupted(['--deployment', `${name}.yaml`, '--out', name], dir, 'SIGCONT', 60_000);
  assert.is(r.code, 0, r.stderr);
  const { files } = await contents(join(dir, name));
  // The scripts and the runbook name the site's file.
  return new Map([...files].map(([k, v]) => [k, v.replaceAll(`${name}.yaml`, '<site>')]));
}

const own = (v: string, name: string): string => v.replaceAll(`${name}.yaml`, '<site>');

/** Whether a site's files are the reference's, its own file's name aside. */
const same = (files: Map<string, string>, ref: Map<string, string>, name: string): boolean =>
  files.size === ref.size && [...files].every(([k, v]) => ref.get(k) === own(v, name));

/** Whether a site's files hold every file of `now`, and otherwise only files of `before`. */
const complete = (
  files: Map<string, string>,
  now: Map<string, string>,
  before: Map<string, string>,
  name: string,
): boolean =>
  [...now].every(([k, v]) => files.has(k) && own(files.get(k) ?? '', name) === v) &&
  [...files].every(([k, v]) => now.has(k) || before.get(k) === own(v, name));

test('a batch stopped by SIGINT or SIGTERM at several points: each site as it was or complete, no staging folder left', async () => {
  const dir = setup.dir();
  const example = await reference(dir, EXAMPLE, 'example');
  const mail = await reference(dir, MAIL, 'mail');
  await mkdir(join(dir, 'sites'));
  const names = Array.from({ length: 300 }, (_, i) => `s${String(i).padStart(3, '0')}`);
  let stopped = 0;
  for (const [i, ms] of [250, 600, 1200].entries()) {
    const signal = i % 2 === 0 ? 'SIGINT' : 'SIGTERM';
    const out = `out${i}`;
    // Every site built once from one file, then rebuilt from another and stopped part way.
    for (const n of names) await writeFile(join(dir, 'sites', `${n}.yaml`), MAIL);
    const first = await interrupted(['--deployment', 'sites', '--out', out], dir, 'SIGCONT', 120_000);
    assert.is(first.code, 0, first.stderr);
    for (const n of names) await writeFile(join(dir, 'sites', `${n}.yaml`), EXAMPLE);
    const r = await interrupted(['--deployment', 'sites', '--out', out], dir, signal, ms, true);
    if (r.code === 2) {
      stopped++;
      assert.match(r.stderr, `stopped by ${signal}; every output folder is as it was or complete`);
    } else assert.is(r.code, 0, r.stderr);
    let rebuilt = 0;
    for (const n of names) {
      const { files, staging } = await contents(join(dir, out, n));
      assert.equal(staging, [], `${out}/${n}: a staging folder is left`);
      // Complete: every file of the new build, beside the old build's files it does not make.
      const now = complete(files, example, mail, n);
      assert.ok(
        now || same(files, mail, n),
        `${out}/${n} (${signal} at ${ms} ms) is neither as it was nor complete`,
      );
      if (now) rebuilt++;
    }
    assert.equal((await contents(join(dir, out))).staging, [], `${out}: a staging folder is left`);
    if (r.code === 0) assert.is(rebuilt, names.length);
  }
  assert.ok(stopped > 0, 'at least one run was stopped part way');
});

test('a single site stopped at once or part way: its folder as it was or complete', async () => {
  const dir = setup.dir();
  const example = await reference(dir, EXAMPLE, 'example');
  await writeFile(join(dir, 'site.yaml'), EXAMPLE);
  for (const ms of [5, 60, 150]) {
    const r = await interrupted(['--deployment', 'site.yaml', '--out', `out${ms}`], dir, 'SIGTERM', ms);
    assert.ok(r.code === 0 || r.code === 2 || r.code === null, `${ms} ms: ${r.code} ${r.stderr}`);
    const { files, staging } = await contents(join(dir, `out${ms}`));
    assert.equal(staging, []);
    assert.ok(files.size === 0 || same(files, example, 'site'), `${ms} ms: half written`);
  }
});

test.run();
