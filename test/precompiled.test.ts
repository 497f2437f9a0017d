import { readFileSync } from 'node:fs';
import Handlebars from 'handlebars';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { precompiled } from '../scripts/precompile-pages.js';
import { compileOptions, TEMPLATES } from '../src/emit/pages/index.js';
import { MARKDOWN_HELPERS } from '../src/emit/template-helpers.js';

test('the precompiled templates the compiler loads are those of the current sources', () => {
  const file = readFileSync(new URL('../src/emit/compiled/pages.ts', import.meta.url), 'utf8');
  assert.ok(file === precompiled(), 'src/emit/compiled/pages.ts is stale: run npm run precompile');
});

test('a precompiled template renders exactly as the same template compiled at run time', async () => {
  const { renderErrataPage } = await import('../src/emit/render.js');
  const view = {
    banner: '<!-- b -->',
    errata: [
      {
        id: 'E-1',
        kind: 'value',
        where: 'w',
        documented: 'd',
        corrected: 'c',
        confidence: 'code',
        reason: 'r',
      },
    ],
  };
  const compiled = Handlebars.compile(TEMPLATES.errataPage, compileOptions(MARKDOWN_HELPERS));
  assert.is(renderErrataPage(view), compiled(view, { helpers: MARKDOWN_HELPERS }));
  // A template calling a helper its language does not have fails to compile, not to render.
  assert.throws(
    () => Handlebars.precompile('{{bashQuote title}}', compileOptions(MARKDOWN_HELPERS)),
    /unknown helper bashQuote/,
  );
});

test.run();
