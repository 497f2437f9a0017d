import type { BundleTemplate } from '../model/resolved.js';
import type { Bundle, BundleName } from '../model/template.js';
import { MD_BANNER } from './markdown.js';
import { renderBundleReadme } from './render.js';

/** The plain statement the README, the docs and this file share: the form is ours, not Kemp's. */
export const NOT_CHECKED =
  "No public description of the LoadMaster's own `.tmpl` format exists. These files use the XML form " +
  'that build-templates defines from the LoadMaster API (see `docs/template-format.md`); it has not ' +
  'been checked against a template exported from an appliance, so an appliance may not import it as is.';

/** dist-templates/README.md: what each bundle holds and how to import it. Plain text, no timestamp. */
export function bundleReadme(
  names: readonly BundleName[],
  templates: readonly BundleTemplate[],
  bundles: readonly Bundle[],
): string {
  return renderBundleReadme({
    banner: MD_BANNER,
    notChecked: NOT_CHECKED,
    bundles: names.map((name) => ({
      name,
      description: bundles.find((b) => b.name === name)?.description ?? null,
      templates: templates.filter((t) => t.bundle === name),
    })),
  });
}
