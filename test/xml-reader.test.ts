import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { awkFlatten, awkQuery, awks, bashValues, referenceFlatten } from './helpers/xml-flat.js';

/** A node of a generated reply: an element, text, CDATA or a comment. */
type XNode =
  | {
      readonly t: 'el';
      readonly name: string;
      readonly attrs: readonly [string, string][];
      readonly kids: readonly XNode[];
    }
  | { readonly t: 'text' | 'cdata' | 'comment'; readonly s: string };

/** Characters XML 1.0 allows (2.2): no other control characters, no surrogates, no U+FFFE/FFFF. */
const xmlChar = (c: string): boolean => {
  const n = c.codePointAt(0) ?? 0;
  return (
    n === 9 ||
    n === 10 ||
    n === 13 ||
    (n >= 0x20 && n < 0xd800) ||
    (n >= 0xe000 && n < 0xfffe) ||
    n >= 0x10000
  );
};
const chars = fc
  .oneof(
    fc.constantFrom(
      '<',
      '>',
      '&',
      '"',
      "'",
      '\r',
      '\n',
      '\t',
      '\r\n',
      ' ',
      ']]>',
      '--',
      'é',
      'ü',
      'ÿ',
      '€',
      '😀',
      '\\',
    ),
    fc.string({ unit: 'binary', maxLength: 6 }),
    fc.string({ maxLength: 6 }),
  )
  .map((s) => [...s].filter(xmlChar).join(''));
const content = fc.array(chars, { maxLength: 5 }).map((a) => a.join(''));
const names = fc.constantFrom(
  'Response',
  'Success',
  'Data',
  'VS',
  'SubVS',
  'Rs',
  'Name',
  'MatchRules',
  'a-b.c_d:e',
  'X1',
);

const tree = fc.letrec<{ node: XNode; el: XNode }>((tie) => ({
  // At the depth limit oneof takes its first choice: text, so the tree ends.
  node: fc.oneof(
    { maxDepth: 4, depthIdentifier: 'xml' },
    { weight: 3, arbitrary: content.map((s): XNode => ({ t: 'text', s })) },
    { weight: 3, arbitrary: tie('el') },
    { weight: 1, arbitrary: content.map((s): XNode => ({ t: 'cdata', s })) },
    { weight: 1, arbitrary: content.map((s): XNode => ({ t: 'comment', s })) },
  ),
  el: fc.record({
    t: fc.constant('el' as const),
    name: names,
    attrs: fc.uniqueArray(fc.tuple(fc.constantFrom('stat', 'code', 'a', 'B', 'x.y'), content), {
      maxLength: 3,
      selector: ([n]) => n,
    }),
    kids: fc.array(tie('node'), { maxLength: 4, depthIdentifier: 'xml' }),
  }),
}));

/** A reply as bytes: the tree written with a choice of references, quotes, line ends and encoding. */
function serialize(root: XNode, latin1: boolean, declared: boolean, seed: number): Buffer {
  let r = seed >>> 0;
  const pick = (n: number) => {
    r = (r * 1103515245 + 12345) >>> 0;
    return (r >>> 16) % n;
  };
  const ref = (c: string) => {
    const n = c.codePointAt(0) ?? 0;
    return pick(2) ? `&#${n};` : `&#x${n.toString(16)};`;
  };
  const beyond = (c: string) => latin1 && (c.codePointAt(0) ?? 0) > 0xff;
  const text = (s: string, quote?: string) =>
    [...s]
      .map((c) => {
        if (c === '&') return pick(3) ? '&amp;' : ref(c);
        if (c === '<') return pick(3) ? '&lt;' : ref(c);
        if (c === '>') return pick(2) ? '&gt;' : ref(c);
        if (c === quote) return quote === '"' ? '&quot;' : '&apos;';
        if (c === "'" && !quote && !pick(4)) return '&apos;';
        if (beyond(c) || !pick(8)) return ref(c);
        return c;
      })
      .join('');
  // CDATA and comments cannot hold references: characters Latin-1 lacks are dropped there.
  const raw = (s: string) => [...s].filter((c) => !beyond(c)).join('');
  const write = (n: XNode): string => {
    switch (n.t) {
      case 'text':
        return text(n.s);
      case 'cdata':
        return `<![CDATA[${raw(n.s).replaceAll(']]>', ']] >')}]]>`;
      case 'comment':
        return `<!--${raw(n.s).replace(/-+/g, '-').replace(/-$/, '_')}-->`;
      case 'el': {
        const attrs = n.attrs
          .map(([a, v]) => {
            const q = pick(2) ? '"' : "'";
            return `${[' ', '\n', '\t  '][pick(3)]}${a}${pick(4) ? '=' : ' = '}${q}${text(v, q)}${q}`;
          })
          .join('');
        if (n.kids.length === 0 && pick(2)) return `<${n.name}${attrs}${pick(2) ? '/' : ' /'}>`;
        return `<${n.name}${attrs}>${n.kids.map(write).join(pick(3) ? '' : '\r\n  ')}</${n.name}${pick(5) ? '' : ' '}>`;
      }
    }
  };
  const decl = declared
    ? `<?xml version="1.0" encoding="${latin1 ? 'ISO-8859-1' : 'UTF-8'}"?>${['\n', '\r\n', ''][pick(3)]}`
    : '';
  const doc = `${decl}${write(root)}\n`;
  return Buffer.from(doc, latin1 ? 'latin1' : 'utf8');
}

const docs = fc
  .record({ root: tree.el, latin1: fc.boolean(), declared: fc.boolean(), seed: fc.integer() })
  .map(({ root, latin1, declared, seed }) => serialize(root, latin1, latin1 || declared, seed));

test("deploy.sh's lm_value finds each line's value by its path, whatever the case, and nothing where no line is", () => {
  const dir = mkdtempSync(join(tmpdir(), 'bt-value-'));
  const file = join(dir, 'flat');
  try {
    fc.assert(
      fc.property(docs, fc.integer(), (doc, seed) => {
        const flat = awkFlatten(['awk'], doc);
        assert.is(flat.code, 0, flat.err);
        writeFileSync(file, flat.out);
        // Up to twelve lines, spread over the reply (lm_value reads the whole reply for each).
        const all = flat.out.split('\n').filter((l) => l !== '');
        const step = Math.max(1, Math.ceil(all.length / 12));
        const lines = all
          .filter((_, i) => i % step === (seed >>> 0) % step)
          .map((l) => [l.slice(0, l.indexOf('\t')), l.slice(l.indexOf('\t') + 1)] as const);
        // Each path in another case: upper case where the seed's bit is set.
        const recase = (p: string) =>
          [...p].map((c, i) => ((seed >>> (i % 31)) & 1 ? c.toUpperCase() : c.toLowerCase())).join('');
        const root = all[0]?.slice(0, all[0].indexOf('\t')) ?? '/x#1';
        const absent = [`${root}/Nothing#1`, root.slice(0, -1), `${root}@none`];
        const got = bashValues(file, [...lines.map(([p]) => recase(p)), ...absent]);
        assert.equal(got, [...lines.map(([, v]) => v), ...absent.map(() => null)]);
      }),
      { numRuns: 40 },
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

for (const awk of awks()) {
  const label = awk.join(' ');

  test(`${label}: deploy.sh's reader reads every well-formed reply as a conformant parser does`, () => {
    fc.assert(
      fc.property(docs, (doc) => {
        const got = awkFlatten(awk, doc);
        assert.is(got.code, 0, got.err);
        assert.fixture(got.out, referenceFlatten(doc));
      }),
      { numRuns: 150 },
    );
  });

  test(`${label}: a reply cut short is refused, never half read`, () => {
    fc.assert(
      fc.property(docs, fc.double({ min: 0, max: 1, noNaN: true }), (doc, where) => {
        const end = doc.lastIndexOf('>');
        const cut = doc.subarray(0, Math.floor(where * end));
        assert.is.not(awkFlatten(awk, cut).code, 0, cut.toString('latin1'));
      }),
      { numRuns: 100 },
    );
  });

  test(`${label}: nested rule names stay inside their slot, beside the slot's own name`, () => {
    const doc = Buffer.from(
      '<?xml version="1.0" encoding="ISO-8859-1"?>\n<Response stat="200" code="ok">\n<Success><Data>' +
        '<SubVS><VSIndex>4</VSIndex><RsIndex>7</RsIndex><Name>Authentication Proxy</Name>' +
        '<MatchRules><Name>r1</Name><Name>r2</Name></MatchRules></SubVS>' +
        '<SubVS><VSIndex>5</VSIndex><RsIndex>8</RsIndex><Name>S\xfcd &amp; &#8364;</Name></SubVS>' +
        '</Data></Success>\n</Response>\n',
      'latin1',
    );
    const flat = awkFlatten(awk, doc);
    assert.is(flat.code, 0, flat.err);
    const rows = awkQuery(awk, flat.out, {
      mode: 'rows',
      at: '/Response#1/Success#1/Data#1',
      elem: 'subvs',
      want: 'VSIndex,RsIndex,NAME,MatchRules/Name*',
    });
    assert.is(
      rows,
      '/Response#1/Success#1/Data#1/SubVS#1\x1f4\x1f7\x1fAuthentication Proxy\x1f+\x1fr1\x1fr2\n' +
        '/Response#1/Success#1/Data#1/SubVS#2\x1f5\x1f8\x1fSüd & €\x1f-\n',
    );
    // A list written as text, which no capture shows but a reply may hold, gives its words.
    const text = awkFlatten(awk, Buffer.from('<R><SubVS><MatchRules>\n r1, r2 </MatchRules></SubVS></R>'));
    assert.is(
      awkQuery(awk, text.out, { mode: 'rows', at: '/R#1', elem: 'SubVS', want: 'MatchRules/Name*' }),
      '/R#1/SubVS#1\x1f+\x1fr1\x1fr2\n',
    );
    // The rule names anywhere under a Virtual Service, its largest rule counter, its members, and
    // how many of its real servers say nothing of their rules.
    assert.is(
      awkQuery(awk, flat.out, { mode: 'names', at: '/Response#1/Success#1/Data#1' }),
      'r1\nr2\n#0\n+2\n?0\n',
    );
    const names = (xml: string) =>
      awkQuery(awk, awkFlatten(awk, Buffer.from(xml)).out, { mode: 'names', at: '/R#1' });
    // A real server with neither a counter nor a list, where the Virtual Service counts none itself,
    // does not say it has no rule.
    assert.is(names('<R><Rs><RsIndex>1</RsIndex></Rs><Rs><Nrules>0</Nrules></Rs></R>'), '#0\n+2\n?1\n');
    assert.is(
      names('<R><Rs><RsIndex>1</RsIndex><MatchRules><Name>a</Name></MatchRules></Rs></R>'),
      'a\n#0\n+1\n?0\n',
    );
    // A Virtual Service that counts its rules has the word for its real servers.
    assert.is(names('<R><NRules>0</NRules><Rs><RsIndex>1</RsIndex></Rs></R>'), '#0\n+1\n?0\n');
    // A SubVS slot lists its rules once one is attached (a live listvs): none listed is none.
    assert.is(names('<R><SubVS><RsIndex>1</RsIndex></SubVS></R>'), '#0\n+1\n?0\n');
    assert.is(
      awkQuery(awk, flat.out, { mode: 'fields', at: '/Response#1/Success#1/Data#1/SubVS#1' }),
      'vsindex\t4\nrsindex\t7\nname\tAuthentication Proxy\nmatchrules\t\n',
    );
  });

  test(`${label}: elements of <Success> given without <Data> are read as inside one; text alone stays text`, () => {
    const bare = awkFlatten(
      awk,
      Buffer.from(
        '<Response stat="200" code="ok"><Success><VS><Index>1</Index></VS><VS><Index>2</Index></VS></Success></Response>',
      ),
    );
    assert.is(bare.code, 0, bare.err);
    assert.is(
      awkQuery(awk, bare.out, {
        mode: 'rows',
        at: '/Response#1/Success#1/Data#1',
        elem: 'VS',
        want: 'Index',
      }),
      '/Response#1/Success#1/Data#1/VS#1\x1f1\n/Response#1/Success#1/Data#1/VS#2\x1f2\n',
    );
    const wrapped = awkFlatten(
      awk,
      Buffer.from(
        '<Response stat="200" code="ok"><Success><Data><VS><Index>1</Index></VS></Data></Success></Response>',
      ),
    );
    assert.match(wrapped.out, /^\/Response#1\/Success#1\/Data#1\/VS#1\/Index#1\t1$/m);
    const text = awkFlatten(
      awk,
      Buffer.from('<Response stat="200" code="ok"><Success>yes</Success></Response>'),
    );
    assert.match(text.out, /^\/Response#1\/Success#1\tyes$/m);
    assert.not.match(text.out, /Data#1/);
  });

  test(`${label}: a reply that is not XML, or holds a DOCTYPE or an unknown entity, is refused`, () => {
    for (const bad of [
      '<html><body>401 Unauthorized',
      'Unauthorized',
      '<!DOCTYPE r [<!ENTITY x "y">]><r>&x;</r>',
      '<r>&nbsp;</r>',
      '<r><a></r>',
      '<r/><r/>',
      '<?xml version="1.0" encoding="UTF-16"?><r/>',
    ]) {
      assert.is.not(awkFlatten(awk, Buffer.from(bad, 'latin1')).code, 0, bad);
    }
  });
}

test.run();
