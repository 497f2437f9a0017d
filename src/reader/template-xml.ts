import { create } from 'xmlbuilder2';
import { hideAmpersandReferences, restoreAmpersands } from '../bundle-format/ampersand.js';
import { BUNDLE_FORMAT } from '../bundle-format/format.js';
import { charName, excerpt, forbiddenIn, quote } from '../input/text.js';
import { findParam, fromApiText, valueProblem } from '../loadmaster/catalogue.js';
import type { SiteKey } from '../model/common.js';
import type {
  BundleSubVs,
  BundleTemplate,
  BundleVs,
  ResolvedParam,
  ResolvedRule,
} from '../model/resolved.js';
import { BUNDLE_NAMES, type BundleName, type ServerKind } from '../model/template.js';
import { UserError } from '../user-error.js';

/** A bundle file that cannot be read: the message is for the user and names the problem. */
export class BundleError extends UserError {
  override name = 'BundleError';
}

/** Larger than any real bundle (the biggest is ~60 kB) by far; keeps a hostile file from costing memory. */
export const MAX_BUNDLE_BYTES = 5 * 1024 * 1024;

/** Every site key, so a `site` attribute can be checked at run time (the record keeps it complete). */
const SITE_KEYS: Readonly<Record<SiteKey, true>> = {
  certificate: true,
  allowedHosts: true,
  owaExcludedDirectories: true,
  smtpDomains: true,
  ssoDomain: true,
  logoff: true,
  userPasswordForm: true,
};

const SERVER_KINDS: readonly ServerKind[] = ['exchange', 'office-online'];

// DOM node types (the DOM standard's numbers); xmlbuilder2 exposes its nodes as the DOM does.
const ELEMENT = 1;
const TEXT = 3;
const CDATA = 4;
const COMMENT = 8;

/** The part of a DOM node the reader uses. */
interface DomNode {
  readonly nodeType: number;
  readonly nodeName: string;
  readonly data?: string;
  readonly childNodes: ArrayLike<DomNode>;
  readonly attributes?: ArrayLike<{ readonly name: string; readonly value: string }>;
}

/** An element with its attributes checked against the ones its kind may have. */
interface Checked {
  readonly node: DomNode;
  readonly where: string;
  readonly attr: (name: string) => string;
  readonly optional: (name: string) => string | undefined;
}

/** An element's name for a message: short and terminal-safe, since it comes from the file. */
const tag = (node: DomNode): string => `<${quote(node.nodeName).slice(1, -1)}>`;

/**
 * Refuses a value holding a character no LoadMaster field takes (see isForbidden): what `inspect`
 * prints or a template applies must be what a reader sees. A line feed separates list items in text.
 */
function clean(value: string, where: string, lines: boolean): string {
  const bad = forbiddenIn(lines ? value.replace(/\n/g, ' ') : value);
  if (bad)
    throw new BundleError(`${where}: holds ${bad.name} at character ${bad.at}, which no value may hold`);
  return value;
}

function check(node: DomNode, where: string, required: string[], optional: string[] = []): Checked {
  const attrs = new Map<string, string>();
  for (const a of Array.from(node.attributes ?? [])) {
    if (!required.includes(a.name) && !optional.includes(a.name)) {
      throw new BundleError(`${where}: unknown attribute ${quote(a.name)} on ${tag(node)}`);
    }
    attrs.set(a.name, clean(restoreAmpersands(a.value), `${where}, attribute ${a.name}`, false));
  }
  for (const r of required) {
    if (!attrs.has(r)) throw new BundleError(`${where}: ${tag(node)} lacks the attribute "${r}"`);
  }
  return {
    node,
    where,
    attr: (n) => attrs.get(n) ?? '',
    optional: (n) => attrs.get(n),
  };
}

/** The child elements of a node, refusing any name not in `allowed` and any non-blank stray text. */
function children(node: DomNode, where: string, allowed: string[]): DomNode[] {
  const out: DomNode[] = [];
  for (const c of Array.from(node.childNodes)) {
    if (c.nodeType === ELEMENT) {
      if (!allowed.includes(c.nodeName)) {
        throw new BundleError(`${where}: unknown element ${tag(c)} in ${tag(node)}`);
      }
      out.push(c);
    } else if ((c.nodeType === TEXT || c.nodeType === CDATA) && (c.data ?? '').trim() !== '') {
      throw new BundleError(`${where}: unexpected text in ${tag(node)}`);
    } else if (c.nodeType !== TEXT && c.nodeType !== CDATA && c.nodeType !== COMMENT) {
      throw new BundleError(`${where}: unexpected ${quote(c.nodeName)} in ${tag(node)}`);
    }
  }
  return out;
}

/** The text of an element that holds only text: a value, exactly as written (whitespace kept). */
function text(node: DomNode, where: string): string {
  let out = '';
  for (const c of Array.from(node.childNodes)) {
    if (c.nodeType === TEXT || c.nodeType === CDATA) out += c.data ?? '';
    else if (c.nodeType !== COMMENT) throw new BundleError(`${where}: ${tag(node)} may hold only text`);
  }
  return clean(restoreAmpersands(out), where, true);
}

function integer(c: Checked, name: string): number {
  const v = c.attr(name);
  if (!/^[0-9]{1,5}$/.test(v) || Number(v) < 1 || Number(v) > 65535)
    throw new BundleError(`${c.where}: ${name}=${quote(v)} is not a port number (1-65535)`);
  return Number(v);
}

function bool(c: Checked, name: string): boolean {
  const v = c.attr(name);
  if (v !== 'true' && v !== 'false')
    throw new BundleError(`${c.where}: ${name}=${quote(v)} is not true or false`);
  return v === 'true';
}

function params(nodes: readonly DomNode[], where: string, scope: 'vs' | 'rule'): ResolvedParam[] {
  return nodes.map((n) => {
    const c = check(n, where, ['name'], ['site']);
    const name = c.attr('name');
    const at = `${where}, parameter ${quote(name)}`;
    const spec = findParam(name, scope);
    if (!spec) {
      throw new BundleError(
        `${at}: ${quote(name)} is not a ${scope} parameter in the LoadMaster parameter catalogue`,
      );
    }
    const site = c.optional('site');
    if (site !== undefined && !(site in SITE_KEYS))
      throw new BundleError(`${at}: unknown site key ${quote(site)}`);
    const value = text(n, at);
    // The compiler checks every value against the catalogue; a bundle edited by hand is held to the same.
    const typed = fromApiText(spec, value);
    const problem =
      typed === null
        ? `${name} takes ${spec.type.kind === 'bool' ? '1 or 0' : 'a decimal integer'}, not ${quote(value)}`
        : valueProblem(spec, typed);
    if (problem) throw new BundleError(`${at}: ${problem}`);
    return site === undefined
      ? { name: spec.name, value }
      : { name: spec.name, value, site: site as SiteKey };
  });
}

function rule(n: DomNode, where: string): ResolvedRule {
  const c = check(n, where, ['name']);
  const at = `${where}, rule ${quote(c.attr('name'))}`;
  return { name: c.attr('name'), params: params(children(n, at, ['param']), at, 'rule') };
}

function subvs(n: DomNode, where: string): BundleSubVs {
  const c = check(n, where, ['id', 'rule']);
  const at = `${where}, SubVS ${quote(c.attr('id'))}`;
  return { id: c.attr('id'), params: params(children(n, at, ['param']), at, 'vs'), rule: c.attr('rule') };
}

function vs(n: DomNode, where: string): BundleVs {
  const c = check(n, where, ['id', 'port', 'prot']);
  const at = `${where}, VS ${quote(c.attr('id'))}`;
  const prot = c.attr('prot');
  if (prot !== 'tcp' && prot !== 'udp') throw new BundleError(`${at}: prot=${quote(prot)} is not tcp or udp`);
  const kids = children(n, at, ['param', 'subvs']);
  return {
    id: c.attr('id'),
    port: integer(c, 'port'),
    prot,
    params: params(
      kids.filter((k) => k.nodeName === 'param'),
      at,
      'vs',
    ),
    subvs: kids.filter((k) => k.nodeName === 'subvs').map((k) => subvs(k, at)),
  };
}

function template(n: DomNode, bundle: BundleName): BundleTemplate {
  const req = ['id', 'name', 'section', 'realServerPort', 'servers', 'certificate', 'addToAllSubVSs'];
  const c = check(n, 'template', req);
  const where = `template ${quote(c.attr('name'))}`;
  const servers = c.attr('servers');
  if (!SERVER_KINDS.includes(servers as ServerKind)) {
    throw new BundleError(`${where}: servers=${quote(servers)} is not one of ${SERVER_KINDS.join(', ')}`);
  }
  const kids = children(n, where, ['comment', 'rule', 'vs']);
  const comments = kids.filter((k) => k.nodeName === 'comment');
  if (comments.length > 1) throw new BundleError(`${where}: more than one <comment>`);
  const comment = comments[0];
  return {
    id: c.attr('id'),
    name: c.attr('name'),
    comment: comment ? text(check(comment, where, []).node, where) : '',
    bundle,
    section: c.attr('section'),
    realServerPort: integer(c, 'realServerPort'),
    servers: servers as ServerKind,
    certificate: bool(c, 'certificate'),
    addToAllSubVSs: bool(c, 'addToAllSubVSs'),
    rules: kids.filter((k) => k.nodeName === 'rule').map((k) => rule(k, where)),
    services: kids.filter((k) => k.nodeName === 'vs').map((k) => vs(k, where)),
  };
}

/** XML 1.0's Char production: what a document may hold, raw or as a character reference. */
function isXmlChar(code: number): boolean {
  return (
    code === 0x9 ||
    code === 0xa ||
    code === 0xd ||
    (code >= 0x20 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd) ||
    (code >= 0x10000 && code <= 0x10ffff)
  );
}

/** `line L, column C` of an offset in the text (1-based), for a located message. */
function lineCol(xml: string, offset: number): string {
  const before = xml.slice(0, offset);
  const line = before.split('\n').length;
  return `line ${line}, column ${offset - before.lastIndexOf('\n')}`;
}

/** Refuses what must not reach the parser: oversized input, DTDs (entity expansion), truncation. */
function precheck(xml: string): void {
  if (Buffer.byteLength(xml, 'utf8') > MAX_BUNDLE_BYTES) {
    throw new BundleError(
      `the file is larger than ${MAX_BUNDLE_BYTES / 1024 / 1024} MB; no bundle is that big`,
    );
  }
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) {
    throw new BundleError(
      'the file holds a DOCTYPE or ENTITY declaration, which a bundle never has (refused)',
    );
  }
  const ref = /&(?!(?:lt|gt|amp|quot|apos|#[0-9]{1,7}|#x[0-9a-fA-F]{1,6});)/.exec(xml);
  if (ref) {
    throw new BundleError(
      `${lineCol(xml, ref.index)}: an entity reference other than XML's five (&lt; &gt; &amp; &quot; &apos;) or a character reference (refused)`,
    );
  }
  for (const m of xml.matchAll(/&#(x[0-9a-fA-F]+|[0-9]+);/g)) {
    const code = m[1]?.startsWith('x') ? Number.parseInt(m[1].slice(1), 16) : Number(m[1]);
    if (!isXmlChar(code))
      throw new BundleError(
        `${lineCol(xml, m.index)}: ${quote(m[0])} is not a character XML 1.0 allows (refused)`,
      );
  }
  for (let i = 0; i < xml.length; i++) {
    const code = xml.codePointAt(i) ?? 0;
    if (code > 0xffff) i++;
    else if (!isXmlChar(code)) {
      throw new BundleError(
        `${lineCol(xml, i)}: ${charName(code)} is not a character XML 1.0 allows (refused)`,
      );
    }
  }
  // xmlbuilder2's parser closes unclosed elements silently, so a cut-off file would read as a
  // smaller bundle: the closing tag must be there.
  if (!/<\/bundle>\s*$/.test(xml))
    throw new BundleError('the file does not end with </bundle>: truncated or not a bundle');
}

/**
 * Parses and validates a bundle written by {@link emitBundles}: every element, attribute and
 * parameter name must be known. Throws {@link BundleError} with a message for the user.
 */
export function readBundle(xml: string): { name: BundleName; templates: BundleTemplate[] } {
  precheck(xml);
  let root: DomNode;
  try {
    // Whitespace-only values ("   ") are values; the reader drops blank text between elements itself.
    const doc = create({ skipWhitespaceOnlyText: false }, hideAmpersandReferences(xml));
    root = doc.root().node as unknown as DomNode;
  } catch (err) {
    throw new BundleError(
      `not well-formed XML: ${excerpt(err instanceof Error ? err.message : String(err), 160)}`,
    );
  }
  if (root.nodeName !== 'bundle') throw new BundleError(`the root element is ${tag(root)}, not <bundle>`);
  const c = check(root, 'bundle', ['name', 'format']);
  if (c.attr('format') !== BUNDLE_FORMAT) {
    throw new BundleError(`bundle format ${quote(c.attr('format'))} is not ${BUNDLE_FORMAT}`);
  }
  const name = c.attr('name') as BundleName;
  if (!BUNDLE_NAMES.includes(name)) {
    throw new BundleError(`bundle name ${quote(name)} is not one of ${BUNDLE_NAMES.join(', ')}`);
  }
  return { name, templates: children(root, `bundle ${name}`, ['template']).map((t) => template(t, name)) };
}
