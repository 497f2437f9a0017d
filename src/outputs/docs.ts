import { BUNDLE_DIR } from '../bundle-format/format.js';
import { compileRows } from '../compile/rows.js';
import { compileExampleSite } from '../compile/site.js';
import { resolveTemplates } from '../compile/templates.js';
import { emitErrataPage } from '../emit/errata-page.js';
import type { OutputFile } from '../emit/output.js';
import { emitParamTables, PARAM_DOCS_DIR } from '../emit/param-tables.js';
import { emitRunbook } from '../emit/runbook.js';
import { emitBundles } from '../emit/template-xml.js';
import type { Catalog } from '../model/catalog.js';

/** The generated files committed in the repository, and the folders they own wholly. */
export interface Generated {
  readonly files: readonly OutputFile[];
  /** Folders whose every file the compiler makes: a file there it does not make is stale. */
  readonly ownedDirs: readonly string[];
}

/** Folders under docs/ whose every file the compiler makes. */
export const DOCS_OWNED_DIRS: readonly string[] = [PARAM_DOCS_DIR];

/** The documentation: section 5's tables, the errata page and the generic runbook. */
export function docsOutputs(catalog: Catalog): OutputFile[] {
  const rows = compileRows(catalog);
  return [
    ...emitParamTables(catalog, rows),
    ...emitErrataPage(catalog),
    emitRunbook(compileExampleSite(catalog)),
  ];
}

/** Section 3's three template bundles, their checksums and their README. */
export function bundleOutputs(catalog: Catalog): OutputFile[] {
  return emitBundles(resolveTemplates(catalog), catalog.bundles);
}

/** Everything the default build writes. */
export function allOutputs(catalog: Catalog): Generated {
  return {
    files: [...docsOutputs(catalog), ...bundleOutputs(catalog)],
    ownedDirs: [...DOCS_OWNED_DIRS, BUNDLE_DIR],
  };
}
