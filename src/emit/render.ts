import type Handlebars from 'handlebars';
import runtimeModule from 'handlebars/runtime.js';
import * as compiled from './compiled/pages.js';
import * as scripts from './compiled/scripts.js';
import type { BundleReadmeView } from './pages/bundle-readme.js';
import type { ErrataPageView } from './pages/errata-page.js';
import type { ParamTablePageView } from './pages/param-table.js';
import type { RunbookPageView } from './pages/runbook-page.js';
import type { BashScriptView, PsScriptView } from './script-views.js';

/**
 * Each template, precompiled at build time (scripts/precompile-pages.ts) and loaded here once with
 * Handlebars' runtime, typed by its view. The helpers each output language escapes with are passed
 * with each call, so no Handlebars environment is shared or changed.
 */

/** Handlebars' runtime alone (no compiler); its package types it as nothing, so it is typed here. */
const runtime = runtimeModule as unknown as Pick<typeof Handlebars, 'template'>;

/** A Markdown table row of cells already escaped. */
const mdRow = (cells: readonly string[]): string => `| ${cells.join(' | ')} |`;
const MARKDOWN_HELPERS = {
  mdRow,
  mdSeparator: (cells: readonly string[]): string => mdRow(cells.map(() => '---')),
};

type Render<T> = (view: T) => string;

function markdown<T>(spec: object): Render<T> {
  const template = runtime.template<T>(spec);
  return (view) => template(view, { helpers: MARKDOWN_HELPERS });
}

export const renderRunbookPage: Render<RunbookPageView> = markdown(compiled.runbookPage);
export const renderParamTablePage: Render<ParamTablePageView> = markdown(compiled.paramTablePage);
export const renderErrataPage: Render<ErrataPageView> = markdown(compiled.errataPage);
export const renderBundleReadme: Render<BundleReadmeView> = markdown(compiled.bundleReadme);

/** A script: its helpers (the escapers of its language) come with each call. */
type RenderScript<T> = (view: T, helpers: Readonly<Record<string, Handlebars.HelperDelegate>>) => string;

/**
 * A script from its parts (scripts/precompile-scripts.ts): fixed text as it is, and each of the site's
 * templates filled with the view.
 */
function script<T>(parts: readonly (string | object)[]): RenderScript<T> {
  const filled = parts.map((p) => (typeof p === 'string' ? p : runtime.template<T>(p)));
  return (view, helpers) => {
    let out = '';
    for (const part of filled) out += typeof part === 'string' ? part : part(view, { helpers });
    return out;
  };
}

export const renderBashScript: RenderScript<BashScriptView> = script(scripts.bashScript);
export const renderPsScript: RenderScript<PsScriptView> = script(scripts.psScript);
