import { spawnSync } from 'node:child_process';
import fc from 'fast-check';
import { micromark } from 'micromark';
import { gfmTable, gfmTableHtml } from 'micromark-extension-gfm-table';
import { SaxesParser } from 'saxes';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { bashQuote, lineComment, psQuote } from '../src/emit/escape.js';
import { mdCell, mdCode, mdProse } from '../src/emit/markdown.js';
import { bundleXml } from '../src/emit/template-xml.js';
import {
  forbiddenIn,
  forTerminal,
  holdsForbidden,
  isForbidden,
  jsonForTerminal,
  QUOTE_LIMIT,
  quote,
} from '../src/input/text.js';
import type { BundleTemplate } from '../src/model/resolved.js';
import { readBundle } from '../src/reader/template-xml.js';
import { decodeVerbatim, nodes, powershellParser, syntaxProblems } from './helpers/powershell-parse.js';
import { xmlbuilder2Bundle } from './helpers/xmlbuilder2-bundle.js';

// Every escaper, 10,000 strings each. The oracles are independent of the escapers: bash
// itself, tree-sitter-powershell, micromark (CommonMark + GFM tables), saxes, JSON.parse.
const RUNS = 10_000;

/** Pieces that break naive escaping in one language or another. */
const TOKENS = [
  "'",
  '"',
  '`',
  '\\',
  '$',
  '$(',
  '${',
  ';',
  '&',
  '|',
  '<',
  '>',
  '#',
  '*',
  '_',
  '~',
  '[',
  ']',
  '(',
  ')',
  '!',
  '-',
  '+',
  '=',
  '1.',
  '4)',
  '    ',
  ' ',
  '\t',
  '\r',
  '\n',
  '\r\n',
  '\r<!--',
  '<!--',
  '-->',
  '<br>',
  ']]>',
  '&amp;',
  '&#x1b;',
  '\u001b[31m',
  '\u0007',
  '\u0000',
  '\u0085',
  '\u009b',
  '\u2028',
  '\u202e',
  '\u2066',
  '\u200f',
  '\ufeff',
  '\u2018',
  '\u2019',
  '\u201a',
  '\u201b',
  '\u00a0',
  'é',
  '€',
  '😀',
  '\ud800',
  '\udfff',
  '\ufffe',
  '```',
  '~~',
  '**',
  '__',
  'http://x',
  'www.x',
  '<script>',
  '&lt;',
  '\\|',
  '@',
];

/** Any string: random code points (lone surrogates included), or a run of hostile pieces. */
const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc
    .array(fc.oneof(fc.constantFrom(...TOKENS), fc.string({ unit: 'binary', maxLength: 3 })), {
      maxLength: 10,
    })
    .map((parts) => parts.join('')),
);

const SEED = 20_261_128;
const sample = <T>(arb: fc.Arbitrary<T>): T[] => fc.sample(arb, { numRuns: RUNS, seed: SEED });

/** What an input may hold once the character policy let it in: bash and PowerShell never see NUL or a lone surrogate. */
const arriving = anyText.filter((s) => !s.includes('\u0000') && !/[\ud800-\udfff]/u.test(s));

const hasForbidden = (s: string): boolean => [...s].some((c) => isForbidden(c.codePointAt(0) ?? 0));

test('bash: a quoted word is the text byte for byte, and a # comment never ends early (bash runs them)', () => {
  // bash carries any bytes but NUL; the character policy refuses NUL and lone surrogates on input.
  const texts = sample(arriving);
  const script = texts.map((s) => `# ${lineComment(s)}\nprintf '%s\\0' ${bashQuote(s)}\n`).join('');
  const r = spawnSync('bash', ['-s'], { input: script, maxBuffer: 64 * 1024 * 1024 });
  assert.is(r.stderr.toString(), '', 'bash complained: a comment or a word broke out');
  assert.is(r.status, 0);
  const words = r.stdout.toString('utf8').split('\u0000').slice(0, -1);
  assert.is(words.length, texts.length, 'a comment ran as code or a word split');
  texts.forEach((s, i) => {
    if (words[i] !== s)
      assert.unreachable(`bashQuote(${JSON.stringify(s)}) gave ${JSON.stringify(words[i])}`);
  });
});

test('PowerShell: a quoted string is one verbatim literal holding the text; a # comment stays one line', async () => {
  const parser = await powershellParser();
  fc.assert(
    fc.property(arriving, (s) => {
      const tree = parser.parse(`# ${lineComment(s)}\n$x = ${psQuote(s)}\n$y = 1\n`);
      assert.ok(tree);
      assert.equal(syntaxProblems(tree), []);
      const literals = [...nodes(tree)].filter((n) => n.type === 'verbatim_string_characters');
      assert.is(literals.length, 1);
      assert.is(decodeVerbatim(literals[0]?.text ?? ''), s);
      const comments = [...nodes(tree)].filter((n) => n.type === 'comment');
      assert.is(comments.length, 1);
      assert.is(comments[0]?.startPosition.row, 0);
      assert.is(comments[0]?.endPosition.row, 0);
    }),
    { numRuns: RUNS, seed: SEED },
  );
});

/** micromark's HTML (CommonMark, GFM tables), raw HTML let through so any that leaks shows. */
const render = (md: string): string =>
  micromark(md, { allowDangerousHtml: true, extensions: [gfmTable()], htmlExtensions: [gfmTableHtml()] });

/** Text as micromark writes it into HTML. */
const html = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** What a reader should see of a text: line breaks as <br>, forbidden characters as visible escapes. */
const shownLines = (s: string): string =>
  s
    .split(/\r\n|\r|\n/)
    .map((line) => html(forTerminal(line)))
    .join('<br>');

test('Markdown cell: any text renders as itself in its cell, ends no row, and starts no markup', () => {
  fc.assert(
    fc.property(anyText, (s) => {
      const out = render(`| a | b |\n| --- | --- |\n| ${mdCell(s)} | x |\n\nafter\n`);
      const cell =
        /<tbody>\n<tr>\n<td>([\s\S]*?)<\/td>\n<td>x<\/td>\n<\/tr>\n<\/tbody>\n<\/table>\n<p>after<\/p>\n$/.exec(
          out,
        );
      assert.ok(cell, out);
      assert.is(cell[1], shownLines(s));
    }),
    { numRuns: RUNS, seed: SEED },
  );
});

test('Markdown prose: any text renders as itself mid-sentence and at the start of a paragraph', () => {
  fc.assert(
    fc.property(anyText, (s) => {
      const mid = render(`Before ${mdProse(s)} after.\n\nnext\n`);
      assert.is(mid, `<p>Before ${shownLines(s)} after.</p>\n<p>next</p>\n`);
      if (s === '') return;
      const start = render(`${mdProse(s)} after.\n\nnext\n`);
      assert.is(start, `<p>${shownLines(s)} after.</p>\n<p>next</p>\n`);
    }),
    { numRuns: RUNS, seed: SEED },
  );
});

test('Markdown code: any text is one code element with the text, in prose and in a table cell', () => {
  fc.assert(
    fc.property(
      anyText.filter((s) => s !== ''),
      (s) => {
        const code = `<code>${html(forTerminal(s.split(/\r\n|\r|\n/).join(' ')))}</code>`;
        assert.is(render(`Run ${mdCode(s)} now.\n`), `<p>Run ${code} now.</p>\n`);
        const table = render(`| a | b |\n| --- | --- |\n| ${mdCode(s)} | x |\n`);
        assert.ok(table.includes(`<tbody>\n<tr>\n<td>${code}</td>\n<td>x</td>\n</tr>`), table);
      },
    ),
    { numRuns: RUNS, seed: SEED },
  );
});

/** One template holding `value` as a parameter's text, as the bundle writer takes it. */
const holding = (value: string): BundleTemplate => ({
  id: 't',
  name: 'T',
  comment: '',
  bundle: 'Exchange2016Core',
  section: '5.1',
  realServerPort: 443,
  servers: 'exchange',
  certificate: false,
  addToAllSubVSs: false,
  rules: [],
  services: [{ id: 'v', port: 443, prot: 'tcp', params: [{ name: 'nickname', value }], subvs: [] }],
});

/** The text of every <param> of an XML document, by saxes. */
function paramTexts(xml: string): string[] {
  const parser = new SaxesParser();
  const out: string[] = [];
  let inParam = false;
  parser.on('opentag', (t) => {
    if (t.name === 'param') {
      inParam = true;
      out.push('');
    }
  });
  parser.on('text', (t) => {
    if (inParam) out[out.length - 1] += t;
  });
  parser.on('cdata', (t) => {
    if (inParam) out[out.length - 1] += t;
  });
  parser.on('closetag', () => {
    inParam = false;
  });
  parser.write(xml).close();
  return out;
}

test('XML: a value reaches a bundle exactly (saxes and inspect read it back), or the writer refuses it', () => {
  fc.assert(
    fc.property(anyText, (s) => {
      const refused = [...s].some((c) => c !== '\n' && isForbidden(c.codePointAt(0) ?? 0));
      if (refused) {
        assert.throws(() => bundleXml('Exchange2016Core', [holding(s)]), /cannot carry/);
        return;
      }
      const xml = bundleXml('Exchange2016Core', [holding(s)]);
      assert.is(xml, xmlbuilder2Bundle('Exchange2016Core', [holding(s)]), 'as xmlbuilder2 writes it');
      assert.equal(paramTexts(xml), [s]);
      // And inspect's reader gives the same text back.
      assert.is(readBundle(xml).templates[0]?.services[0]?.params[0]?.value, s);
    }),
    { numRuns: RUNS, seed: SEED },
  );
});

/** A template holding the values as text in every place a bundle has text, and as attributes. */
const everywhere = ([a, b, c, d]: readonly string[]): BundleTemplate => ({
  ...holding(a ?? ''),
  comment: b ?? '',
  rules: [{ name: 'R', params: [{ name: 'pattern', value: c ?? '' }] }],
  services: [
    {
      id: 'v',
      port: 443,
      prot: 'tcp',
      params: [{ name: 'nickname', value: a ?? '', site: 'allowedHosts' }],
      subvs: [{ id: 's', rule: 'R', params: [{ name: 'nickname', value: d ?? '' }] }],
    },
  ],
});

test('XML: values in every text of a bundle are the bytes xmlbuilder2 writes and read back exactly', () => {
  const writable = anyText.filter(
    (s) => ![...s].some((c) => c !== '\n' && isForbidden(c.codePointAt(0) ?? 0)),
  );
  fc.assert(
    fc.property(fc.array(writable, { minLength: 4, maxLength: 4 }), (values) => {
      const t = everywhere(values);
      const xml = bundleXml('Exchange2016Core', [t]);
      assert.is(xml, xmlbuilder2Bundle('Exchange2016Core', [t]));
      assert.equal(readBundle(xml).templates, [t]);
    }),
    { numRuns: RUNS / 4, seed: SEED },
  );
});

test('XML: an attribute value reads back exactly; with no & it is what xmlbuilder2 writes', () => {
  // xmlbuilder2 left reference-like text in an attribute (`&amp;`) unescaped; the writer escapes it.
  const writable = anyText.filter((s) => ![...s].some((c) => isForbidden(c.codePointAt(0) ?? 0)));
  fc.assert(
    fc.property(writable, (s) => {
      const t = { ...holding('x'), name: s, id: s };
      const xml = bundleXml('Exchange2016Core', [t]);
      if (!s.includes('&')) assert.is(xml, xmlbuilder2Bundle('Exchange2016Core', [t]));
      assert.equal(readBundle(xml).templates, [t]);
    }),
    { numRuns: RUNS / 4, seed: SEED },
  );
});

test('terminal: no control, bidirectional or line-breaking character gets through; safe text is unchanged', () => {
  fc.assert(
    fc.property(anyText, (s) => {
      const shown = forTerminal(s);
      assert.not.ok(hasForbidden(shown), JSON.stringify(shown));
      if (!hasForbidden(s)) assert.is(shown, s);
      for (const c of s) {
        const code = c.codePointAt(0) ?? 0;
        if (isForbidden(code)) assert.ok(shown.includes(`\\u{${code.toString(16)}}`));
      }
      const q = quote(s);
      assert.not.ok(hasForbidden(q));
      assert.ok([...q].length <= 2 + 1 + 10 * QUOTE_LIMIT, 'a quote is short');
    }),
    { numRuns: RUNS, seed: SEED },
  );
});

// The checks have fast paths (one regular expression for "nothing forbidden here"): each must agree
// with isForbidden, character by character, on any text.
test('terminal: the fast paths agree with isForbidden (holdsForbidden, forbiddenIn, forTerminal keeping line feeds)', () => {
  fc.assert(
    fc.property(anyText, (s) => {
      let at = 0;
      let first: { at: number; code: number } | null = null;
      for (const c of s) {
        at++;
        const code = c.codePointAt(0) ?? 0;
        if (isForbidden(code)) {
          first = { at, code };
          break;
        }
      }
      assert.is(holdsForbidden(s), first !== null);
      assert.is(holdsForbidden(s, true), hasForbidden(s.replace(/\n/g, '')));
      assert.is(forbiddenIn(s)?.at ?? null, first?.at ?? null);
      const kept = forTerminal(s, true);
      assert.is(kept.split('\n').length, s.split('\n').length, 'line feeds kept');
      assert.not.ok(hasForbidden(kept.replace(/\n/g, '')));
      if (!hasForbidden(s.replace(/\n/g, ''))) assert.is(kept, s);
    }),
    { numRuns: RUNS, seed: SEED },
  );
});

test('terminal JSON: means the same to JSON.parse and shows no raw control or bidirectional character', () => {
  fc.assert(
    fc.property(
      fc.array(anyText, { maxLength: 3 }),
      fc.dictionary(anyText, anyText, { maxKeys: 3 }),
      (a, d) => {
        const value = { a, d };
        const text = jsonForTerminal(value);
        assert.equal(JSON.parse(text), JSON.parse(JSON.stringify(value)));
        assert.not.ok(hasForbidden(text.replace(/\n/g, '')));
      },
    ),
    { numRuns: RUNS, seed: SEED },
  );
});

test.run();
