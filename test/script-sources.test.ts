import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Handlebars from 'handlebars';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { precompiledScripts, scriptParts } from '../scripts/precompile-scripts.js';
import { strictOptions } from '../src/emit/pages/index.js';
import { CATALOGUE_HELPERS } from '../src/emit/script-catalogue.js';
import { partFile, SCRIPTS } from '../src/emit/script-parts.js';

const EMIT = new URL('../src/emit/', import.meta.url).pathname;
const files = (dir: string) => readdirSync(join(EMIT, dir)).filter((f) => !f.startsWith('.'));
const read = (dir: string, file: string) => readFileSync(join(EMIT, dir, file), 'utf8');

/** The helpers a `site` part may call: each site value goes through its language's escaper. */
const SITE_HELPERS = new Set([
  'bashQuote',
  'bashComment',
  'bashArgs',
  'bashWords',
  'bashLines',
  'psQuote',
  'psValue',
  'psComment',
  'psArgs',
]);
/** The fields a site part may print as they are: identifiers the emitter makes and checks. */
const SITE_IDENTIFIERS = new Set(['fn', 'name', 'from', 'n', 'stepCount']);
/** Every `{{...}}` of a template: its first word (a helper or a field) and the rest. */
const mustaches = (text: string) =>
  [...text.matchAll(/\{\{([#/]?)\s*([^\s}]+)([^}]*)\}\}/g)].map((m) => ({
    block: m[1] !== '',
    head: m[2] as string,
    rest: (m[3] as string).trim(),
  }));

test('the precompiled scripts the compiler loads are those of the current sources', () => {
  const file = readFileSync(new URL('../src/emit/compiled/scripts.ts', import.meta.url), 'utf8');
  assert.ok(file === precompiledScripts(), 'src/emit/compiled/scripts.ts is stale: run npm run precompile');
});

test('every source file of the scripts is a part of its script, and every part is there', () => {
  for (const { folder, parts } of Object.values(SCRIPTS)) {
    const named = parts.map(partFile);
    assert.equal([...named].sort(), files(folder).sort(), folder);
    assert.is(new Set(named).size, named.length, `${folder}: a part named twice`);
  }
});

test('each file is in the language its name says: .sh and .ps1 hold no placeholder', () => {
  for (const { folder, parts } of Object.values(SCRIPTS)) {
    for (const part of parts) {
      const file = partFile(part);
      const ext = folder === 'bash' ? '.sh' : '.ps1';
      if ('source' in part) {
        assert.ok(file.endsWith(ext), file);
        assert.not.match(read(folder, file), /\{\{/, `${file} holds a placeholder`);
      } else assert.ok(file.endsWith(`${ext}.hbs`), file);
    }
  }
});

test('each .hbs part is at most 30 lines, and places only catalogue names or escaped site values', () => {
  for (const { folder, parts } of Object.values(SCRIPTS)) {
    for (const part of parts) {
      if ('source' in part) continue;
      const file = partFile(part);
      const text = read(folder, file);
      assert.ok(text.split('\n').length - 1 <= 30, `${file} is over 30 lines`);
      for (const m of mustaches(text)) {
        if (m.head === 'each' || m.head === 'this' || m.block) continue;
        if ('catalogue' in part)
          assert.ok(m.head in CATALOGUE_HELPERS || m.head === 'key', `${file}: {{${m.head}}}`);
        else assert.ok(SITE_HELPERS.has(m.head) || SITE_IDENTIFIERS.has(m.head), `${file}: {{${m.head}}}`);
      }
    }
  }
});

test('a name the parameter catalogue does not hold fails the build', () => {
  const fill = (source: string) =>
    Handlebars.compile(source, strictOptions(CATALOGUE_HELPERS))({}, { helpers: CATALOGUE_HELPERS });
  assert.is(fill('{{param "port"}} {{arg "vs"}}'), 'port vs');
  assert.throws(() => fill('{{param "prt"}}'), /no parameter prt/);
  assert.throws(() => fill('{{arg "index"}}'), /no call argument index/);
  assert.throws(() => fill('{{vs}}'));
  // And the build itself: every catalogue part of the real sources fills.
  for (const { folder, parts } of Object.values(SCRIPTS)) assert.ok(scriptParts(folder, parts).length > 0);
});

test('no TypeScript file under src/emit/ holds a line of bash or PowerShell', () => {
  const shell = /^\s*(lm_[a-z_]+\(\) \{|function [A-Z][a-z]+-Lm|#!\/usr\/bin\/env bash|set -euo pipefail)/m;
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? walk(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
    );
  for (const path of walk(EMIT).filter((p) => !p.includes('/compiled/'))) {
    const text = readFileSync(path, 'utf8');
    assert.not.match(text, shell, path);
    assert.not.match(text, /String\.raw`/, path);
  }
});

test.run();
