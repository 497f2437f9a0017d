import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { PARAMETERS } from '../src/loadmaster/parameters.js';

const ROOT = join(import.meta.dirname, '..');

/**
 * Literals that spell a parameter's name but mean something else; each says what. Anything else
 * spelt like a parameter, in code outside src/loadmaster/, is a parameter name written twice.
 */
const NOT_PARAMETERS: readonly { file: string; literal: string; why: string }[] = [
  { file: 'src/compile/plan.ts', literal: 'rs', why: 'the catalogue scope of real servers (ParamScope)' },
  ...['src/model/erratum.ts', 'src/catalog/exchange2016/errata-names.ts'].map((file) => ({
    file,
    literal: 'name',
    why: 'the kind of erratum that corrects a name',
  })),
  { file: 'src/catalog/exchange2016/templates.ts', literal: 'name', why: 'a property of Template' },
  { file: 'src/model/resolved.ts', literal: 'nickname', why: 'a property of ResolvedVs, omitted by type' },
  { file: 'src/deployment/schema-check.ts', literal: 'pattern', why: "JSON Schema's keyword" },
  { file: 'src/cli/definition.ts', literal: 'port', why: "the simulator's command-line option --port" },
  {
    file: 'src/emit/powershell/step-members.ps1',
    literal: 'rs',
    why: "the catalogue scope of real servers (ParamScope), deploy.ps1's Compare-LmParams and Split-LmArgs",
  },
  {
    file: 'src/emit/powershell/step-checks.ps1',
    literal: 'name',
    why: "an element of listcert's reply (<cert><name>)",
  },
  {
    file: 'src/emit/powershell/step-checks.ps1',
    literal: 'Domain',
    why: "an element of showdomain's reply (<Domain><Name>)",
  },
  ...['src/reader/template-xml.ts', 'src/emit/template-xml.ts'].flatMap((file) =>
    ['name', 'port', 'prot'].map((literal) => ({
      file,
      literal,
      why: "an attribute of the bundle's own XML form (docs/template-format.md)",
    })),
  ),
];

function* sources(dir: string): Generator<string> {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) yield* sources(p);
    else if (/\.(ts|sh|ps1|hbs)$/.test(e.name)) yield p;
  }
}

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/**
 * A quoted name, or a quoted `name=` (an API argument in the scripts), but not P's index
 * (`P['CheckUse1.1']`) nor a catalogue placeholder (`{{param "port"}}`), which are how code and the
 * scripts' sources name one.
 */
const NAMES = new RegExp(
  `(?<!P\\[|\\{\\{[A-Za-z]+ )(['"])(${[...new Set(PARAMETERS.map((p) => p.name))].map(escapeRegExp).join('|')})(\\1|=)`,
  'g',
);
/** A comment line of TypeScript, bash or PowerShell. */
const COMMENT = /^\s*(\/\/|\/\*|\*|#)/;

/** Every `file: 'literal'` spelling a parameter name in code outside src/loadmaster/. */
function spellings(): { at: string; key: string }[] {
  const found: { at: string; key: string }[] = [];
  for (const path of sources(join(ROOT, 'src'))) {
    const file = relative(ROOT, path).split('\\').join('/');
    // The catalogue, and the code Handlebars and ajv generate from the templates and the schema.
    if (
      file.startsWith('src/loadmaster/') ||
      file.startsWith('src/emit/compiled/') ||
      file.startsWith('src/deployment/compiled/')
    )
      continue;
    readFileSync(path, 'utf8')
      .split('\n')
      .forEach((line, i) => {
        // The guide's own words, transcribed: an erratum quotes what the guide documents.
        if (COMMENT.test(line) || /\bdocumented: /.test(line)) return;
        for (const m of line.matchAll(NAMES))
          found.push({ at: `${file}:${i + 1}: ${line.trim()}`, key: `${file} ${m[2]}` });
      });
  }
  return found;
}

test('no parameter name is spelt as a string outside src/loadmaster/ (P and the catalogue spell them)', () => {
  const allowed = new Set(NOT_PARAMETERS.map((x) => `${x.file} ${x.literal}`));
  const found = spellings();
  assert.equal(
    found.filter((f) => !allowed.has(f.key)).map((f) => f.at),
    [],
  );
  // No stale exemption: each still names a literal that is there.
  const keys = new Set(found.map((f) => f.key));
  assert.equal(
    [...allowed].filter((k) => !keys.has(k)),
    [],
  );
});

test.run();
