import type { ResolvedParam } from '../src/model/resolved.js';
import { readBundle } from '../src/reader/template-xml.js';
import type { SimTemplate } from './types.js';

const record = (params: readonly ResolvedParam[]): Record<string, string> =>
  Object.fromEntries(params.map((p) => [p.name, p.value]));

/**
 * Reads an uploaded build-templates bundle into the simulator's templates, so `uploadtemplate` and
 * `addvs template=` can be rehearsed with the project's own files. Site values keep the guide's examples.
 */
export function bundleToSimTemplates(xml: string): SimTemplate[] {
  return readBundle(xml).templates.map((t) => ({
    name: t.name,
    comment: t.comment,
    services: t.services.map((vs) => ({
      port: vs.port,
      prot: vs.prot,
      params: record(vs.params),
      subvs: vs.subvs.map((s) => ({ params: record(s.params), rule: s.rule })),
      rules: vs.subvs.length > 0 ? t.rules.map((r) => ({ name: r.name, params: record(r.params) })) : [],
    })),
  }));
}
