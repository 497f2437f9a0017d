import { create } from 'xmlbuilder2';
import { hideAmpersands, showAmpersands } from '../src/bundle-format/ampersand.js';
import type { NonAsciiForm } from './types.js';

/** Element tree for xmlbuilder2's object form: arrays repeat the element, strings become text. */
export interface XmlObject {
  [name: string]: XmlValue;
}

/** Value of one element in an {@link XmlObject}. */
export type XmlValue = string | number | XmlObject | readonly XmlObject[];

/** A successful answer: structured `<Data>` or plain text inside `<Success>`. */
export type Reply = { readonly data: XmlObject } | { readonly text: string };

/**
 * A failed call. The appliance mirrors `stat` in the HTTP status (Kemp's API documentation; the
 * Python SDK maps 400, 401, 404, 405 and 422), so one number serves both.
 */
export class SimError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'SimError';
  }
}

/** The plain success text of commands without data (captured delvs, delrs, modrs replies). */
export const DONE: Reply = { text: 'Command completed ok' };

/** The reply's media type: Kemp's module reads a reply only when it is exactly `text/xml`. */
export const XML_TYPE = 'text/xml';

/** `<Response stat="200" code="ok"><Success>...</Success></Response>` (captured replies). */
export function renderSuccess(reply: Reply, form: NonAsciiForm, bare = false): Buffer {
  const success = 'data' in reply ? (bare ? reply.data : { Data: reply.data }) : reply.text;
  return render({ Response: { '@stat': '200', '@code': 'ok', Success: success } }, form);
}

/** A reply with every `Index` element left out, at any depth (the `unindexed` fault). */
export function withoutIndex(reply: Reply): Reply {
  const strip = (value: XmlValue): XmlValue => {
    if (typeof value !== 'object') return value;
    if (Array.isArray(value)) return value.map((v) => strip(v) as XmlObject);
    return Object.fromEntries(
      Object.entries(value as XmlObject)
        .filter(([name]) => name !== 'Index')
        .map(([name, v]) => [name, strip(v)]),
    );
  };
  return 'data' in reply ? { data: strip(reply.data) as XmlObject } : reply;
}

/** `<Response stat="422" code="fail"><Error>Unknown VS</Error></Response>` (Kemp's documentation). */
export function renderError(status: number, message: string, form: NonAsciiForm): Buffer {
  return render({ Response: { '@stat': String(status), '@code': 'fail', Error: message } }, form);
}

/**
 * An HTML page, not XML: what answers a wrong password (401), a disabled API (404), or a login page
 * of something in the way (any other status: the `page` fault). Kemp's module
 * and the Python SDK read only the status of these, and one account shows a login page.
 */
export function renderPage(status: number): Buffer {
  const title = status === 401 ? '401 Unauthorized' : status === 404 ? '404 Not Found' : 'Sign in';
  return Buffer.from(`<html><head><title>${title}</title></head><body><h1>${title}</h1></body></html>\n`);
}

/**
 * The declaration says ISO-8859-1, as in every captured reply, with a line break after it and one
 * element per line. Non-ASCII text is written in the chosen form: Latin-1 bytes (characters beyond
 * Latin-1 as references), references only, or UTF-8 bytes that contradict the declaration.
 */
function render(tree: XmlObject, form: NonAsciiForm): Buffer {
  const doc = create({ version: '1.0', encoding: 'ISO-8859-1' }, ampersands(tree) as XmlObject);
  const xml = `${showAmpersands(doc.end({ prettyPrint: true, indent: '', newline: '\n' }))}\n`;
  if (form === 'utf8') return Buffer.from(xml, 'utf8');
  const highest = form === 'references' ? 0x7f : 0xff;
  const written = [...xml].map((c) => ((c.codePointAt(0) ?? 0) > highest ? `&#${c.codePointAt(0)};` : c));
  return Buffer.from(written.join(''), 'latin1');
}

/** The tree with every `&` of its text hidden from xmlbuilder2 (see emit/xml-ampersand.ts). */
function ampersands(v: XmlValue): XmlValue {
  if (typeof v === 'string') return hideAmpersands(v);
  if (typeof v === 'number') return v;
  if (Array.isArray(v)) return v.map((x) => ampersands(x) as XmlObject);
  return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, ampersands(x)]));
}
