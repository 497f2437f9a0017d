import { readFileSync } from 'node:fs';
import Handlebars from 'handlebars';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { EXCHANGE_2016 } from '../src/catalog/exchange2016/index.js';
import { loadDeployment } from '../src/deployment/load.js';
import { strictOptions, TEMPLATES } from '../src/emit/pages/index.js';
import { watchRenders } from '../src/emit/render.js';
import { SCRIPTS } from '../src/emit/script-parts.js';
import { allOutputs } from '../src/outputs/docs.js';
import { siteOutputs } from '../src/outputs/site.js';
import { validCases } from './helpers/fixtures.js';

// The compiled templates read a field without checking it is there (src/emit/pages/index.ts): a
// misspelt field would print nothing. Here every view the fixtures' builds give a template is rendered
// again by that template compiled strict, where a missing field fails, and must give the same text.

type Heard = {
  name: string;
  view: unknown;
  helpers: Readonly<Record<string, Handlebars.HelperDelegate>>;
  text: string;
};

/** A template's source, by the name render.ts gives it: a page's, or `script/file` of a script's part. */
function source(name: string): string {
  if (Object.hasOwn(TEMPLATES, name)) return TEMPLATES[name as keyof typeof TEMPLATES];
  const [script = '', file = ''] = name.split('/');
  const { folder, parts } = SCRIPTS[script as keyof typeof SCRIPTS];
  assert.ok(
    parts.some((p) => 'site' in p && p.site === file),
    `${name}: not a site part of ${script}`,
  );
  return readFileSync(new URL(`../src/emit/${folder}/${file}`, import.meta.url), 'utf8');
}

/** Every render of the docs, the bundles and each fixture's site. */
async function renders(): Promise<Heard[]> {
  const heard: Heard[] = [];
  watchRenders((name, view, helpers, text) => heard.push({ name, view, helpers, text }));
  try {
    allOutputs(EXCHANGE_2016);
    for (const c of validCases())
      siteOutputs(EXCHANGE_2016, await loadDeployment(c.file, EXCHANGE_2016), c.name);
  } finally {
    watchRenders(undefined);
  }
  return heard;
}

const strict = new Map<string, Handlebars.TemplateDelegate>();
function strictTemplate(name: string, helpers: object): Handlebars.TemplateDelegate {
  let t = strict.get(name);
  if (!t) {
    t = Handlebars.compile(source(name), strictOptions(helpers));
    strict.set(name, t);
  }
  return t;
}

test('every view a template is given holds every field it reads: the strict template writes the same', async () => {
  const heard = await renders();
  for (const h of heard) {
    const again = strictTemplate(h.name, h.helpers)(h.view, { helpers: h.helpers });
    assert.ok(again === h.text, `${h.name}: the strict template wrote other text`);
  }
  // Every template was heard: the pages and each script's site parts.
  const names = new Set(heard.map((h) => h.name));
  const expected = [
    ...Object.keys(TEMPLATES),
    ...Object.entries(SCRIPTS).flatMap(([script, { parts }]) =>
      parts.flatMap((p) => ('site' in p ? [`${script}/${p.site}`] : [])),
    ),
  ];
  for (const name of expected) assert.ok(names.has(name), `${name} was never rendered`);
});

test('a view that lacks a field its template reads fails the strict template, naming the field', async () => {
  const heard = await renders();
  const page = heard.find((h) => h.name === 'runbookPage');
  const step = heard.find((h) => h.name === 'bashScript/steps.sh.hbs');
  assert.ok(page && step);
  const { banner: _b, ...noBanner } = page.view as Record<string, unknown>;
  assert.throws(() => strictTemplate(page.name, page.helpers)(noBanner, { helpers: page.helpers }), /banner/);
  const { stepCount: _n, ...noCount } = step.view as Record<string, unknown>;
  assert.throws(
    () => strictTemplate(step.name, step.helpers)(noCount, { helpers: step.helpers }),
    /stepCount/,
  );
});

test.run();
