import { BUNDLE_README } from './bundle-readme.js';
import { ERRATA_PAGE } from './errata-page.js';
import { PARAM_TABLE_PAGE } from './param-table.js';
import { RUNBOOK_PAGE } from './runbook-page.js';

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
 * How every template is compiled: no HTML escaping (each output language has its own escaping
 * helpers), strict, so a misspelt field fails instead of printing nothing, and without data
 * variables (`@index`, `@first`, ...), which no template uses: each iteration of an `#each` would
 * otherwise make a frame for them.
 */
export const COMPILE_OPTIONS = { noEscape: true, strict: true, data: false } as const;
