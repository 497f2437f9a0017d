import { readFile, rm, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { bundleTemplate } from '../src/bundle-format/format.js';
import { EXCHANGE_2016 } from '../src/catalog/exchange2016/index.js';
import { resolveTemplates } from '../src/compile/templates.js';
import { cli } from './helpers/cli.js';
import { ROOT } from './helpers/guide.js';
import { setUp } from './helpers/setup.js';

const CORE = join(ROOT, 'dist-templates/Exchange2016Core.tmpl');

const setup = setUp('bt-inspect-');

/** Runs inspect on a file and checks it failed as a user should see it: exit 1, one line, quickly. */
function refused(path: string, message: RegExp): void {
  const started = Date.now();
  const r = cli(['inspect', path]);
  assert.ok(Date.now() - started < 15_000, 'inspect took too long');
  assert.is(r.code, 1, r.stderr);
  assert.is(r.stdout, '');
  assert.match(r.stderr, /^build-templates: [^\n]+\n$/);
  assert.match(r.stderr, message);
  assert.not.match(r.stderr, /\n\s+at /);
}

test('inspect prints a readable table of a committed bundle', () => {
  const r = cli(['inspect', CORE]);
  assert.is(r.code, 0, r.stderr);
  assert.match(r.stdout, /^bundle Exchange2016Core: 4 templates\n/);
  assert.match(r.stdout, /\nExchange 2016 HTTPS Offloaded\n/);
  assert.match(r.stdout, /2 VSs \(80\/tcp, 443\/tcp\), 9 SubVSs, 9 rules/);
  assert.match(r.stdout, /rule OWA\s+matchtype\s+regex/);
  assert.match(r.stdout, /vs 443\/tcp subvs \S+ \(rule OWA\)\s+nickname/);
});

test('inspect --json prints the templates exactly', () => {
  const r = cli(['inspect', CORE, '--json']);
  assert.is(r.code, 0, r.stderr);
  const expected = resolveTemplates(EXCHANGE_2016)
    .filter((t) => t.bundle === 'Exchange2016Core')
    .map(bundleTemplate);
  assert.equal(JSON.parse(r.stdout), expected);
});

test('inspect refuses truncated XML, unknown elements and unknown parameter names', async () => {
  const dir = setup.dir();
  const good = await readFile(CORE, 'utf8');
  const cases: [string, string, RegExp][] = [
    ['truncated.tmpl', good.slice(0, 5000), /truncated/],
    ['garbage.tmpl', '<<<>>> not xml at all', /truncated or not a bundle/],
    ['element.tmpl', good.replace('<comment>', '<script/><comment>'), /unknown element <script>/],
    ['param.tmpl', good.replace('name="ForceL7"', 'name="ForceL9"'), /"ForceL9" is not a vs parameter/],
  ];
  for (const [name, text, message] of cases) {
    await writeFile(join(dir, name), text);
    refused(join(dir, name), message);
  }
});

test('inspect refuses a billion-laughs DOCTYPE without expanding it', async () => {
  const dir = setup.dir();
  const lol = [
    '<?xml version="1.0"?>',
    '<!DOCTYPE lolz [',
    '  <!ENTITY lol "lol">',
    ...Array.from({ length: 9 }, (_, i) => `  <!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`),
    ']>',
    '<bundle name="Exchange2016Core" format="build-templates/1">&lol9;</bundle>',
  ].join('\n');
  await writeFile(join(dir, 'lol.tmpl'), lol);
  refused(join(dir, 'lol.tmpl'), /DOCTYPE or ENTITY/);
});

test('inspect refuses a 50 MB file before reading it, and a missing file', async () => {
  const dir = setup.dir();
  const big = join(dir, 'big.tmpl');
  await writeFile(big, '');
  await truncate(big, 50 * 1024 * 1024);
  refused(big, /larger than 5 MB/);
  await rm(big);
  refused(join(dir, 'no-such.tmpl'), /no such file/);
  refused(dir, /is a folder, not a regular file/);
});

test('--check covers the bundles: missing, edited or extra files under dist-templates fail it', async () => {
  const out = setup.dir();
  const missing = cli(['--check', '--out', out]);
  assert.is(missing.code, 1);
  assert.match(missing.stderr, /dist-templates\/Exchange2016ESP\.tmpl \(missing\)/);
  assert.match(missing.stderr, /dist-templates\/SHA256SUMS \(missing\)/);
  assert.is(cli(['--out', out]).code, 0);
  assert.is(cli(['--check', '--out', out]).code, 0);
  await writeFile(join(out, 'dist-templates/Exchange2016Core.tmpl'), 'edited\n');
  await writeFile(join(out, 'dist-templates/Old.tmpl'), 'left over\n');
  const stale = cli(['--check', '--out', out]);
  assert.is(stale.code, 1);
  assert.match(stale.stderr, /Exchange2016Core\.tmpl \(differs\)/);
  assert.match(stale.stderr, /Old\.tmpl \(not generated\)/);
});

test.run();
