import type Handlebars from 'handlebars';
import { BUNDLE_README } from './bundle-readme.js';
import { ERRATA_PAGE } from './errata-page.js';
import { PARAM_TABLE_PAGE } from './param-table.js';
import { RUNBOOK_PAGE } from './runbook-page.js';

type CompileOptions = NonNullable<Parameters<typeof Handlebars.precompile>[1]>;

/**
 * Every Handlebars template of the compiler, under the name its precompiled form takes in
 * src/emit/compiled/pages.ts (written by `npm run precompile`; src/emit/render.ts loads it).
 */
export const TEMPLATES = {
  runbookPage: RUNBOOK_PAGE,
  paramTablePage: PARAM_TABLE_PAGE,
  errataPage: ERRATA_PAGE,
  bundleReadme: BUNDLE_README,
} as const;

/**
 * How every template is compiled for the compiler to run: no HTML escaping (each output language has
 * its own escaping helpers); without data variables (`@index`, `@first`, ...), which no template uses:
 * each iteration of an `#each` would otherwise make a frame for them; knowing its language's helpers
 * and no others, so a template calling another fails to compile and a field is read as a field; and
 * not strict, as a strict template spends a call and three objects on every field it reads (the
 * all-templates site was built about 7 ms faster without). Strictness is checked by the tests
 * instead: see {@link strictOptions}.
 */
export function compileOptions(helpers: object): CompileOptions {
  return {
    noEscape: true,
    data: false,
    assumeObjects: true,
    knownHelpersOnly: true,
    knownHelpers: Object.fromEntries(Object.keys(helpers).map((h) => [h, true])),
  };
}

/**
 * The same, strict: a field the view lacks fails loudly instead of printing nothing. The catalogue
 * parts of the scripts are filled so at build time, and test/template-fields.test.ts renders every
 * view of the fixtures' runs so, against what the compiled templates wrote.
 */
export function strictOptions(helpers: object): CompileOptions {
  const { assumeObjects: _loose, ...options } = compileOptions(helpers);
  return { ...options, strict: true };
}
