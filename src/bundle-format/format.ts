import type { BundleTemplate, ResolvedTemplate } from '../model/resolved.js';

/**
 * The bundle file's form, shared by the emitter that writes it (src/emit/template-xml.ts) and the
 * reader that reads it back (src/reader/template-xml.ts); described in docs/template-format.md.
 */

/** The folder the bundles are written to. */
export const BUNDLE_DIR = 'dist-templates';

/** The version of the XML form; the reader accepts only this one. */
export const BUNDLE_FORMAT = 'build-templates/1';

/**
 * What a bundle holds of a resolved template: everything but what the compiler keeps for itself
 * (a service's role, the nicknames it finds objects by, which the parameters carry anyway).
 */
export function bundleTemplate(t: ResolvedTemplate): BundleTemplate {
  return {
    ...t,
    services: t.services.map(({ role: _role, nickname: _nickname, subvs, ...vs }) => ({
      ...vs,
      subvs: subvs.map(({ nickname: _n, ...sub }) => sub),
    })),
  };
}
