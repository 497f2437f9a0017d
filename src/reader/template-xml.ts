import { create } from 'xmlbuilder2';
import { BUNDLE_FORMAT, BUNDLE_NAMES } from '../emit/template-xml.js';
import { findParam } from '../loadmaster/catalogue.js';
import type { SiteKey } from '../model/common.js';
import type {
  ResolvedParam,
  ResolvedRule,
  ResolvedSubVs,
  ResolvedTemplate,
  ResolvedVs,
} from '../model/resolved.js';
import type { BundleName, ServerKind } from '../model/template.js';
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

function check(node: DomNode, where: string, required: string[], optional: string[] = []): Checked {
  const attrs = new Map<string, string>();
  for (const a of Array.from(node.attributes ?? [])) {
    if (!required.includes(a.name) && !optional.includes(a.name)) {
      throw new BundleError(`${where}: unknown attribute "${a.name}" on <${node.nodeName}>`);
    }
    attrs.set(a.name, a.value);
  }
  for (const r of required) {
    if (!attrs.has(r)) throw new BundleError(`${where}: <${node.nodeName}> lacks the attribute "${r}"`);
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
        throw new BundleError(`${where}: unknown element <${c.nodeName}> in <${node.nodeName}>`);
      }
      out.push(c);
    } else if ((c.nodeType === TEXT || c.nodeType === CDATA) && (c.data ?? '').trim() !== '') {
      throw new BundleError(`${where}: unexpected text in <${node.nodeName}>`);
    } else if (c.nodeType !== TEXT && c.nodeType !== CDATA && c.nodeType !== COMMENT) {
      throw new BundleError(`${where}: unexpected ${c.nodeName} in <${node.nodeName}>`);
    }
  }
  return out;
}

/** The text of an element that holds only text: a value, exactly as written (whitespace kept). */
function text(node: DomNode, where: string): string {
  let out = '';
  for (const c of Array.from(node.childNodes)) {
    if (c.nodeType === TEXT || c.nodeType === CDATA) out += c.data ?? '';
    else if (c.nodeType !== COMMENT) throw new BundleError(`${where}: <${node.nodeName}> may hold only text`);
  }
  return out;
}

function integer(c: Checked, name: string): number {
  const v = c.attr(name);
  if (!/^[0-9]{1,5}$/.test(v)) throw new BundleError(`${c.where}: ${name}="${v}" is not a port number`);
  return Number(v);
}

function bool(c: Checked, name: string): boolean {
  const v = c.attr(name);
  if (v !== 'true' && v !== 'false') throw new BundleError(`${c.where}: ${name}="${v}" is not true or false`);
  return v === 'true';
}

function params(nodes: readonly DomNode[], where: string, scope: 'vs' | 'rule'): ResolvedParam[] {
  return nodes.map((n) => {
    const c = check(n, where, ['name'], ['site']);
    const name = c.attr('name');
    const at = `${where}, parameter ${name}`;
    if (!findParam(name, scope)) {
      throw new BundleError(
        `${at}: "${name}" is not a ${scope} parameter in the LoadMaster parameter catalogue`,
      );
    }
    const site = c.optional('site');
    if (site !== undefined && !(site in SITE_KEYS))
      throw new BundleError(`${at}: unknown site key "${site}"`);
    const value = text(n, at);
    return site === undefined ? { name, value } : { name, value, site: site as SiteKey };
  });
}

function rule(n: DomNode, where: string): ResolvedRule {
  const c = check(n, where, ['name']);
  const at = `${where}, rule ${c.attr('name')}`;
  return { name: c.attr('name'), params: params(children(n, at, ['param']), at, 'rule') };
}

function subvs(n: DomNode, where: string): ResolvedSubVs {
  const c = check(n, where, ['id', 'rule']);
  const at = `${where}, SubVS ${c.attr('id')}`;
  return { id: c.attr('id'), params: params(children(n, at, ['param']), at, 'vs'), rule: c.attr('rule') };
}

function vs(n: DomNode, where: string): ResolvedVs {
  const c = check(n, where, ['id', 'port', 'prot']);
  const at = `${where}, VS ${c.attr('id')}`;
  const prot = c.attr('prot');
  if (prot !== 'tcp' && prot !== 'udp') throw new BundleError(`${at}: prot="${prot}" is not tcp or udp`);
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

function template(n: DomNode, bundle: BundleName): ResolvedTemplate {
  const req = ['id', 'name', 'section', 'realServerPort', 'servers', 'certificate', 'addToAllSubVSs'];
  const c = check(n, 'template', req);
  const where = `template "${c.attr('name')}"`;
  const servers = c.attr('servers');
  if (!SERVER_KINDS.includes(servers as ServerKind)) {
    throw new BundleError(`${where}: servers="${servers}" is not one of ${SERVER_KINDS.join(', ')}`);
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
  // xmlbuilder2's parser closes unclosed elements silently, so a cut-off file would read as a
  // smaller bundle: the closing tag must be there.
  if (!/<\/bundle>\s*$/.test(xml))
    throw new BundleError('the file does not end with </bundle>: truncated or not a bundle');
}

/**
 * Parses and validates a bundle written by {@link emitBundles}: every element, attribute and
 * parameter name must be known. Throws {@link BundleError} with a message for the user.
 */
export function readBundle(xml: string): { name: BundleName; templates: ResolvedTemplate[] } {
  precheck(xml);
  let root: DomNode;
  try {
    // Whitespace-only values ("   ") are values; the reader drops blank text between elements itself.
    const doc = create({ skipWhitespaceOnlyText: false }, xml);
    root = doc.root().node as unknown as DomNode;
  } catch (err) {
    throw new BundleError(`not well-formed XML: ${err instanceof Error ? err.message : String(err)}`);
  }
  if (root.nodeName !== 'bundle')
    throw new BundleError(`the root element is <${root.nodeName}>, not <bundle>`);
  const c = check(root, 'bundle', ['name', 'format']);
  if (c.attr('format') !== BUNDLE_FORMAT) {
    throw new BundleError(`bundle format "${c.attr('format')}" is not ${BUNDLE_FORMAT}`);
  }
  const name = c.attr('name') as BundleName;
  if (!BUNDLE_NAMES.includes(name)) {
    throw new BundleError(`bundle name "${name}" is not one of ${BUNDLE_NAMES.join(', ')}`);
  }
  return { name, templates: children(root, `bundle ${name}`, ['template']).map((t) => template(t, name)) };
}
