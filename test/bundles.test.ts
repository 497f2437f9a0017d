import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { bundleTemplate } from '../src/bundle-format/format.js';
import { BUNDLES } from '../src/catalog/exchange2016/bundles.js';
import { EXCHANGE_2016 } from '../src/catalog/exchange2016/index.js';
import { resolveTemplates } from '../src/compile/templates.js';
import { bundleXml, emitBundles } from '../src/emit/template-xml.js';
import type { BundleTemplate } from '../src/model/resolved.js';
import { BUNDLE_NAMES } from '../src/model/template.js';
import { BundleError, readBundle } from '../src/reader/template-xml.js';
import { guideTemplates, ROOT } from './helpers/guide.js';
import { xmlbuilder2Bundle } from './helpers/xmlbuilder2-bundle.js';

const templates = resolveTemplates(EXCHANGE_2016);
const committed = (name: string): string => readFileSync(join(ROOT, 'dist-templates', name), 'utf8');
const namesIn = (bundle: string): string[] =>
  readBundle(committed(`${bundle}.tmpl`)).templates.map((t) => t.name);

test('each template is in exactly one committed bundle', () => {
  const all = BUNDLE_NAMES.flatMap(namesIn);
  assert.is(new Set(all).size, all.length);
  assert.equal([...all].sort(), templates.map((t) => t.name).sort());
});

test("each bundle holds the templates bundles.ts gives it, the guide's in the file section 3 names", () => {
  for (const b of BUNDLES) {
    const ids = readBundle(committed(`${b.name}.tmpl`)).templates.map((t) => t.id);
    assert.equal(ids, [...b.templates], b.name);
  }
  for (const name of BUNDLE_NAMES) {
    const guide = guideTemplates()
      .filter((g) => g.bundle === name)
      .map((g) => g.name);
    assert.equal(
      namesIn(name).filter((n) => guide.includes(n)),
      guide,
      name,
    );
  }
});

test('each bundle, committed and as written now, reads back to exactly the resolved templates', () => {
  for (const name of BUNDLE_NAMES) {
    const expected = templates.filter((t) => t.bundle === name).map(bundleTemplate);
    for (const [text, what] of [
      [committed(`${name}.tmpl`), 'committed'],
      [bundleXml(name, expected), 'written'],
    ] as const) {
      const read = readBundle(text);
      assert.is(read.name, name);
      assert.equal(read.templates, expected, `${name}, ${what}`);
    }
  }
});

// The writer writes the text itself, with no DOM; xmlbuilder2, the writer it replaced, is
// the oracle (test/helpers/xmlbuilder2-bundle.ts).
test('every bundle is the text xmlbuilder2 writes for it, byte for byte', () => {
  for (const name of BUNDLE_NAMES) {
    const bundled = templates.filter((t) => t.bundle === name);
    assert.ok(bundled.length > 0, name);
    const text = bundleXml(name, bundled);
    assert.is(text, xmlbuilder2Bundle(name, bundled), `${name}, resolved`);
    assert.is(
      text,
      xmlbuilder2Bundle(name, readBundle(committed(`${name}.tmpl`)).templates),
      `${name}, committed`,
    );
    assert.is(committed(`${name}.tmpl`), xmlbuilder2Bundle(name, bundled), `${name}, the committed file`);
  }
  assert.is(bundleXml('Exchange2016Core', []), xmlbuilder2Bundle('Exchange2016Core', []), 'no templates');
});

test('the committed files are what emitBundles makes, and SHA256SUMS matches them', () => {
  for (const f of emitBundles(templates, BUNDLES)) {
    assert.is(readFileSync(join(ROOT, f.path), 'utf8'), f.contents, f.path);
  }
  const sums = committed('SHA256SUMS')
    .trimEnd()
    .split('\n')
    .map((l) => l.split('  '));
  assert.equal(
    sums.map((s) => s[1]),
    BUNDLE_NAMES.map((n) => `${n}.tmpl`).sort(),
  );
  for (const [hex, file] of sums) {
    const bytes = readFileSync(join(ROOT, 'dist-templates', file ?? ''));
    assert.is(hex, createHash('sha256').update(bytes).digest('hex'), file);
  }
});

// A line feed separates list items; a tab or CR is a character no value may hold (the input policy).
const tricky = 'a & b < c > d " e \' f ]]> g &amp; &#38;\nsecond line\n  indented  ';
const handMade: BundleTemplate = {
  id: 'hand-made',
  name: 'Hand <made> & "quoted" \'too\'',
  comment: 'a comment with ]]> and\nnewlines & <tags>',
  bundle: 'Exchange2016Additional',
  section: '4.10',
  realServerPort: 25,
  servers: 'exchange',
  certificate: false,
  addToAllSubVSs: false,
  rules: [{ name: 'R & <1>', params: [{ name: 'pattern', value: tricky }] }],
  services: [
    {
      id: 'vs',
      port: 25,
      prot: 'tcp',
      params: [
        { name: 'nickname', value: '   ' },
        { name: 'AllowedHosts', value: tricky, site: 'allowedHosts' },
        { name: 'CheckUrl', value: '' },
      ],
      subvs: [{ id: 'sub "1"', rule: 'R & <1>', params: [{ name: 'nickname', value: tricky }] }],
    },
  ],
};

test('XML special characters and whitespace in values survive emit then read exactly', () => {
  const xml = bundleXml('Exchange2016Additional', [handMade]);
  assert.is(xml, xmlbuilder2Bundle('Exchange2016Additional', [handMade]));
  assert.equal(readBundle(xml).templates, [handMade]);
  // xmlbuilder2 left reference-like text in an attribute unescaped, so it came back decoded.
  const named = { ...handMade, name: 'a &amp; b &#38; &lt;' };
  assert.equal(readBundle(bundleXml('Exchange2016Additional', [named])).templates, [named]);
});

test('a value holding a tab, a CR or an escape, or an attribute a line feed, is refused by the writer', () => {
  for (const bad of ['a\tb', 'a\rb', 'a\u001b[31mb']) {
    const t = { ...handMade, comment: bad };
    assert.throws(() => bundleXml('Exchange2016Additional', [t]), /cannot carry/);
  }
  // A parser reads a line feed in an attribute as a space (and the reader refuses one).
  assert.throws(() => bundleXml('Exchange2016Additional', [{ ...handMade, name: 'a\nb' }]), /cannot carry/);
});

test('two emits are byte-identical, LF only, with the banner and a final newline', () => {
  const [a, b] = [emitBundles(templates, BUNDLES), emitBundles(templates, BUNDLES)];
  assert.equal(a, b);
  for (const f of a.filter((x) => x.path.endsWith('.tmpl'))) {
    assert.ok(f.contents.endsWith('</bundle>\n'), f.path);
    assert.not.ok(f.contents.includes('\r'), f.path);
    assert.ok(f.contents.includes('<!-- generated by build-templates; do not edit -->'), f.path);
  }
});

test('the HTTPS templates: ESP ones have 10 SubVSs and 10 rules, the others 9 and 9; two VSs', () => {
  const https = templates.filter((t) => t.id.startsWith('https-'));
  assert.is(https.length, 4);
  for (const t of https) {
    const n = t.id.endsWith('-esp') ? 10 : 9;
    assert.is(t.rules.length, n, t.id);
    assert.is(
      t.services.reduce((k, vs) => k + vs.subvs.length, 0),
      n,
      t.id,
    );
    assert.equal(
      t.services.map((vs) => vs.port),
      [80, 443],
      t.id,
    );
    assert.is(t.services[0]?.subvs.length, 0);
  }
});

test('the reader refuses unknown names, missing attributes and hostile input with a BundleError', () => {
  const good = committed('Exchange2016Core.tmpl');
  const cases: [string, RegExp][] = [
    [good.replace('<comment>', '<remark/><comment>'), /unknown element <remark>/],
    [good.replace('<vs id=', '<vs colour="red" id='), /unknown attribute "colour"/],
    [good.replace('name="ForceL7"', 'name="ForceL8"'), /"ForceL8" is not a vs parameter/],
    [good.replace('name="matchtype"', 'name="ForceL7"'), /"ForceL7" is not a rule parameter/],
    [good.replace(' realServerPort="80"', ''), /lacks the attribute "realServerPort"/],
    [good.replace('format="build-templates/1"', 'format="x"'), /format "x"/],
    [good.slice(0, good.length / 2), /truncated/],
    [`<!DOCTYPE x [<!ENTITY a "b">]>${good}`, /DOCTYPE or ENTITY/],
    ['x'.repeat(5 * 1024 * 1024 + 1), /larger than 5 MB/],
  ];
  for (const [xml, message] of cases) {
    try {
      readBundle(xml);
      assert.unreachable(String(message));
    } catch (err) {
      assert.instance(err, BundleError, String(err));
      assert.match((err as Error).message, message);
    }
  }
});

test.run();
