import type Handlebars from 'handlebars';
import runtimeModule from 'handlebars/runtime.js';
import * as compiled from './compiled/pages.js';
import * as scripts from './compiled/scripts.js';
import type { BundleReadmeView } from './pages/bundle-readme.js';
import type { ErrataPageView } from './pages/errata-page.js';
import type { ParamTablePageView } from './pages/param-table.js';
import type { RunbookPageView } from './pages/runbook-page.js';
import type { BashScriptView, PsScriptView } from './script-views.js';
import { BASH_HELPERS, MARKDOWN_HELPERS, PS_HELPERS } from './template-helpers.js';

/**
 * Each template, precompiled at build time (scripts/precompile-pages.ts, precompile-scripts.ts) and
 * loaded here once with Handlebars' runtime, typed by its view, with the helpers of its language
 * (template-helpers.ts) passed with each call, so no Handlebars environment is shared or changed.
 */

/** Handlebars' runtime alone (no compiler); its package types it as nothing, so it is typed here. */
const runtime = runtimeModule as unknown as Pick<typeof Handlebars, 'template'>;

type Helpers = Readonly<Record<string, Handlebars.HelperDelegate>>;

/**
 * Hears every render: the template's name (a page's, or a script's and its part's file, as
 * `bashScript/steps.sh.hbs`), the view and helpers it was given, and what it wrote. The compiled
 * templates do not check that a field they read is there; test/template-fields.test.ts renders each
 * view again with its template compiled strict, where a missing field fails.
 */
export type RenderWatcher = (name: string, view: unknown, helpers: Helpers, text: string) => void;
let watcher: RenderWatcher | undefined;

/** Sets (or, with undefined, clears) the one {@link RenderWatcher}. */
export function watchRenders(w: RenderWatcher | undefined): void {
  watcher = w;
}

type Render<T> = (view: T) => string;

/** A script's part as precompiled: fixed text, or a site template's file name and spec. */
type ScriptPart = string | { readonly site: string; readonly spec: object };

function template<T>(name: string, spec: object, helpers: Helpers): Render<T> {
  const render = runtime.template<T>(spec);
  return (view) => {
    const text = render(view, { helpers });
    watcher?.(name, view, helpers, text);
    return text;
  };
}

/** A Markdown page's template, with the Markdown helpers. */
const page = <T>(name: string, spec: object): Render<T> => template<T>(name, spec, MARKDOWN_HELPERS);

export const renderRunbookPage: Render<RunbookPageView> = page('runbookPage', compiled.runbookPage);
export const renderParamTablePage: Render<ParamTablePageView> = page(
  'paramTablePage',
  compiled.paramTablePage,
);
export const renderErrataPage: Render<ErrataPageView> = page('errataPage', compiled.errataPage);
export const renderBundleReadme: Render<BundleReadmeView> = page('bundleReadme', compiled.bundleReadme);

/**
 * A script from its parts (scripts/precompile-scripts.ts): fixed text as it is, and each of the site's
 * templates filled with the view.
 */
function script<T>(name: string, parts: readonly ScriptPart[], helpers: Helpers): Render<T> {
  const filled = parts.map((p) =>
    typeof p === 'string' ? p : template<T>(`${name}/${p.site}`, p.spec, helpers),
  );
  return (view) => {
    let out = '';
    for (const part of filled) out += typeof part === 'string' ? part : part(view);
    return out;
  };
}

export const renderBashScript: Render<BashScriptView> = script(
  'bashScript',
  scripts.bashScript,
  BASH_HELPERS,
);
export const renderPsScript: Render<PsScriptView> = script('psScript', scripts.psScript, PS_HELPERS);
