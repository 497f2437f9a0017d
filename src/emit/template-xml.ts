import { createHash } from 'node:crypto';
import { BUNDLE_DIR, BUNDLE_FORMAT } from '../bundle-format/format.js';
import { holdsForbidden } from '../input/text.js';
import { madeOnce } from '../made-once.js';
import type { BundleTemplate, ResolvedParam } from '../model/resolved.js';
import type { SiteCompilation } from '../model/site.js';
import { BUNDLE_NAMES, type Bundle, type BundleName } from '../model/template.js';
import { bundleReadme } from './bundle-readme.js';
import { xmlAttribute, xmlText } from './escape.js';
import { GENERATED_MARK, type OutputFile } from './output.js';

/**
 * Characters a bundle may not carry (see isForbidden): those XML 1.0 cannot hold or a parser would
 * change (a CR becomes LF), and those `inspect` refuses to show. A line feed separates list items.
 */
function unsafe(text: string): boolean {
  return holdsForbidden(text, true);
}

function safe(text: string, where: string, lineFeed = true): string {
  if (unsafe(text) || (!lineFeed && text.includes('\n')))
    throw new Error(`${where} holds a character an XML document cannot carry`);
  return text;
}

/** An attribute value: as {@link safe}, and no line feed either (a parser reads it as a space). */
const safeAttribute = (text: string, where: string): string => safe(text, where, false);

// The document is written as lines, as xmlbuilder2 pretty-prints it (the reader keeps xmlbuilder2;
// test/helpers/xmlbuilder2-bundle.ts is the old writer, and the tests check every bundle is the same
// text): two spaces a level, an element holding only text on one line, an empty one as `<x/>`.
const INDENT = '  ';
type Attributes = readonly (readonly [name: string, value: string])[];

/** `<name a="v"...` at its depth, the tag left open. */
function openTag(depth: number, name: string, attributes: Attributes): string {
  let tag = `${INDENT.repeat(depth)}<${name}`;
  for (const [key, value] of attributes) tag += ` ${key}="${xmlAttribute(value)}"`;
  return tag;
}

/** An element holding only text, on one line: `<x>text</x>`, or `<x/>` with no text. */
function textElement(lines: string[], depth: number, name: string, attributes: Attributes, text: string) {
  const tag = openTag(depth, name, attributes);
  lines.push(text === '' ? `${tag}/>` : `${tag}>${xmlText(text)}</${name}>`);
}

/** An element holding the elements `children` writes a level deeper; with none, `<x/>`. */
function parentElement(
  lines: string[],
  depth: number,
  name: string,
  attributes: Attributes,
  children: (depth: number) => void,
): void {
  const tag = openTag(depth, name, attributes);
  const count = lines.push(`${tag}>`);
  children(depth + 1);
  if (lines.length === count) lines[count - 1] = `${tag}/>`;
  else lines.push(`${INDENT.repeat(depth)}</${name}>`);
}

function addParams(lines: string[], depth: number, params: readonly ResolvedParam[], where: string): void {
  for (const p of params) {
    const at = `${where} parameter ${p.name}`;
    const attributes: [string, string][] = [['name', safeAttribute(p.name, at)]];
    if (p.site !== undefined) attributes.push(['site', safeAttribute(p.site, at)]);
    textElement(lines, depth, 'param', attributes, safe(p.value, at));
  }
}

function addTemplate(lines: string[], depth: number, t: BundleTemplate): void {
  const where = `template ${t.name}`;
  const attributes: Attributes = [
    ['id', safeAttribute(t.id, where)],
    ['name', safeAttribute(t.name, where)],
    ['section', safeAttribute(t.section, where)],
    ['realServerPort', String(t.realServerPort)],
    ['servers', t.servers],
    ['certificate', String(t.certificate)],
    ['addToAllSubVSs', String(t.addToAllSubVSs)],
  ];
  parentElement(lines, depth, 'template', attributes, (d) => {
    textElement(lines, d, 'comment', [], safe(t.comment, where));
    // Rules first: a SubVS can only be steered by a rule that already exists on the appliance.
    for (const r of t.rules) {
      parentElement(lines, d, 'rule', [['name', safeAttribute(r.name, where)]], (dd) =>
        addParams(lines, dd, r.params, `${where} rule`),
      );
    }
    for (const vs of t.services) {
      const vsAttributes: Attributes = [
        ['id', safeAttribute(vs.id, where)],
        ['port', String(vs.port)],
        ['prot', vs.prot],
      ];
      parentElement(lines, d, 'vs', vsAttributes, (dd) => {
        addParams(lines, dd, vs.params, `${where} VS ${vs.id}`);
        for (const s of vs.subvs) {
          const subAttributes: Attributes = [
            ['id', safeAttribute(s.id, where)],
            ['rule', safeAttribute(s.rule, where)],
          ];
          parentElement(lines, dd, 'subvs', subAttributes, (ddd) =>
            addParams(lines, ddd, s.params, `${where} SubVS ${s.id}`),
          );
        }
      });
    }
  });
}

/**
 * One bundle as an XML document: pretty-printed, LF line ends, a final newline, no timestamp.
 * Written as text, with no DOM (faster to start): the bytes xmlbuilder2 writes, every `&` escaped.
 */
export function bundleXml(name: BundleName, templates: readonly BundleTemplate[]): string {
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>', `<!-- ${GENERATED_MARK} -->`];
  const attributes: Attributes = [
    ['name', name],
    ['format', BUNDLE_FORMAT],
  ];
  parentElement(lines, 0, 'bundle', attributes, (d) => {
    for (const t of templates) addTemplate(lines, d, t);
  });
  lines.push('');
  return lines.join('\n');
}

/** `sha256sum` output for the files: `<hex>  <name>` lines sorted by name, so `sha256sum -c` reads it. */
function sha256sums(files: readonly BundleFile[]): string {
  return [...files]
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .map((f) => `${f.sha256}  ${f.name}\n`)
    .join('');
}

/** A bundle file: its name (`Name.tmpl`), its text and the SHA-256 of its UTF-8 bytes, in hex. */
interface BundleFile {
  readonly name: string;
  readonly contents: string;
  readonly sha256: string;
}

/**
 * The three bundle files of section 3, their SHA256SUMS and a generated README. `bundles` supplies
 * section 3's descriptions for the README; the templates decide which bundle each goes in.
 */
export function emitBundles(
  templates: readonly BundleTemplate[],
  bundles: readonly Bundle[] = [],
): OutputFile[] {
  const tmpl = bundleFiles(templates, BUNDLE_NAMES);
  return [
    ...tmpl.map((f) => ({ path: `${BUNDLE_DIR}/${f.name}`, contents: f.contents })),
    { path: `${BUNDLE_DIR}/SHA256SUMS`, contents: sha256sums(tmpl) },
    { path: `${BUNDLE_DIR}/README.md`, contents: bundleReadme(BUNDLE_NAMES, templates, bundles) },
  ];
}

/**
 * Each bundle's file for one list of templates (the catalogue's, resolved once a run), made once a
 * run: the default build's bundles and its example site's, or a batch's sites, are the same files.
 */
const MADE = new WeakMap<readonly BundleTemplate[], Map<BundleName, BundleFile>>();

/** The named bundles as files (`Name.tmpl`), each holding its templates, in section 3's order. */
function bundleFiles(templates: readonly BundleTemplate[], names: readonly BundleName[]): BundleFile[] {
  const files = madeOnce(MADE, templates, () => new Map<BundleName, BundleFile>());
  return BUNDLE_NAMES.filter((n) => names.includes(n)).map((name) =>
    madeOnce(files, name, () => bundleFile(name, templates)),
  );
}

/** One bundle's file, holding its templates. */
function bundleFile(name: BundleName, templates: readonly BundleTemplate[]): BundleFile {
  const contents = bundleXml(
    name,
    templates.filter((t) => t.bundle === name),
  );
  return {
    name: `${name}.tmpl`,
    contents,
    sha256: createHash('sha256').update(contents, 'utf8').digest('hex'),
  };
}

/**
 * The bundles a site imports (those holding one of its templates), with their SHA256SUMS, under
 * dist-templates/ in the site's folder, where its runbook points: each is the same file as the
 * build's own dist-templates/.
 */
export function emitSiteBundles(site: Pick<SiteCompilation, 'resolved' | 'bundles'>): OutputFile[] {
  const tmpl = bundleFiles(site.resolved, site.bundles);
  return [
    ...tmpl.map((f) => ({ path: `${BUNDLE_DIR}/${f.name}`, contents: f.contents })),
    { path: `${BUNDLE_DIR}/SHA256SUMS`, contents: sha256sums(tmpl) },
  ];
}
