import { readInputFile } from './input/read-file.js';
import { forTerminal, jsonForTerminal } from './input/text.js';
import type { BundleTemplate, ResolvedParam } from './model/resolved.js';
import { BundleError, MAX_BUNDLE_BYTES, readBundle } from './reader/template-xml.js';
import { textTable } from './text-table.js';

/** Options of `build-templates inspect`. */
export interface InspectOptions {
  /** Print JSON for scripts instead of a table for people. */
  readonly json: boolean;
}

/** One line of the table: where a parameter is applied, its name and value. */
type Line = readonly [string, string, string];

/** A value on one line: newlines shown as `\n` so the table stays a table (`--json` is exact). */
function shown(p: ResolvedParam): string {
  const v = p.value.replace(/\n/g, '\\n');
  return p.site ? `${v}  [site: ${p.site}]` : v;
}

function lines(t: BundleTemplate): Line[] {
  const out: Line[] = [];
  for (const r of t.rules) for (const p of r.params) out.push([`rule ${r.name}`, p.name, shown(p)]);
  for (const vs of t.services) {
    const at = `vs ${vs.port}/${vs.prot}`;
    for (const p of vs.params) out.push([at, p.name, shown(p)]);
    for (const s of vs.subvs) {
      for (const p of s.params) out.push([`${at} subvs ${s.id} (rule ${s.rule})`, p.name, shown(p)]);
    }
  }
  return out;
}

function table(rows: readonly Line[]): string {
  return textTable(['object', 'parameter', 'value'], rows);
}

function describe(t: BundleTemplate): string {
  const subvs = t.services.reduce((n, vs) => n + vs.subvs.length, 0);
  return [
    t.name,
    `  id ${t.id}, section ${t.section}, real servers: ${t.servers} on port ${t.realServerPort}, ` +
      `certificate: ${t.certificate ? 'yes' : 'no'}, add to all SubVSs: ${t.addToAllSubVSs ? 'yes' : 'no'}`,
    `  ${t.services.length} ${t.services.length === 1 ? 'VS' : 'VSs'} (${t.services.map((v) => `${v.port}/${v.prot}`).join(', ')}), ` +
      `${subvs} SubVSs, ${t.rules.length} rules`,
    ...(t.comment ? [`  comment: ${t.comment}`] : []),
    '',
    table(lines(t)),
    '',
  ].join('\n');
}

/** The text `build-templates inspect FILE` prints for a bundle's XML. Throws BundleError. */
export function renderBundle(xml: string, options: InspectOptions): string {
  const bundle = readBundle(xml);
  if (options.json) return `${jsonForTerminal(bundle.templates)}\n`;
  // The reader refuses control characters in values; the escape is the second line of defence.
  return forTerminal(
    [
      `bundle ${bundle.name}: ${bundle.templates.length} templates`,
      '',
      ...bundle.templates.map(describe),
    ].join('\n'),
    true,
  );
}

/**
 * Reads a bundle file and renders it. Every problem with the file (missing, not a regular file, too
 * large, not UTF-8, malformed, hostile) is a user error naming the file; no more than the size cap is
 * ever read.
 */
export async function inspectFile(path: string, options: InspectOptions): Promise<string> {
  const xml = await readInputFile(path, { maxBytes: MAX_BUNDLE_BYTES, what: 'bundle' });
  try {
    return renderBundle(xml, options);
  } catch (err) {
    if (err instanceof BundleError) throw new BundleError(`${path}: ${err.message}`);
    throw err;
  }
}
