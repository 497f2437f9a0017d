import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { Simulator } from '../../simulator/index.js';
import { referenceFlatten } from './xml-flat.js';

/** A reply as a test sees it: the bytes, and the text decoded as its declaration says. */
export interface SimReply {
  readonly status: number;
  readonly body: string;
  readonly bytes: Buffer;
}

/** How a test call authenticates: the simulator's own credentials (default), others, or none. */
export type SimAuth = 'basic' | 'none' | { readonly user: string; readonly password: string };

/** Options of {@link call}. */
export interface CallOptions {
  readonly auth?: SimAuth;
  /** POST this body instead of a GET. */
  readonly body?: string;
}

/**
 * One API call over a fresh connection (no keep-alive pool, so a dropped connection affects only
 * this call), trusting the simulator's certificate.
 */
export function call(
  sim: Simulator,
  command: string,
  params: Record<string, string> = {},
  options: CallOptions = {},
): Promise<SimReply> {
  const url = new URL(`${sim.url}/access/${command}`);
  for (const [name, value] of Object.entries(params)) url.searchParams.append(name, value);
  const auth = options.auth ?? 'basic';
  const headers: Record<string, string> = {};
  if (auth !== 'none') {
    const creds = auth === 'basic' ? { user: sim.user, password: sim.password } : auth;
    headers.authorization = `Basic ${Buffer.from(`${creds.user}:${creds.password}`).toString('base64')}`;
  }
  if (options.body !== undefined) headers['content-length'] = String(Buffer.byteLength(options.body));
  const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: options.body === undefined ? 'GET' : 'POST',
        headers,
        agent: false,
        ...(sim.caCertPem ? { ca: sim.caCertPem } : {}),
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const bytes = Buffer.concat(chunks);
          const latin1 = /encoding="ISO-8859-1"/i.test(bytes.subarray(0, 100).toString('latin1'));
          resolve({ status: res.statusCode ?? 0, body: bytes.toString(latin1 ? 'latin1' : 'utf8'), bytes });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

/** The text of the first `<name>` element in `xml` (enough for these small replies). */
export function tag(xml: string, name: string): string | undefined {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`<${escaped}>([^<]*)</${escaped}>`).exec(xml)?.[1];
}

/** The texts of every `<name>` element in `xml`. */
export function tags(xml: string, name: string): string[] {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return [...xml.matchAll(new RegExp(`<${escaped}>([^<]*)</${escaped}>`, 'g'))].map((m) => m[1] ?? '');
}

/**
 * The texts of the elements whose path ends with `suffix` (`SubVS/MatchRules/Name`), read by a
 * conformant XML parser: nesting counts, so a slot's rule names are not its own name.
 */
export function texts(reply: SimReply, suffix: string): string[] {
  const want = suffix.split('/');
  return referenceFlatten(reply.bytes)
    .split('\n')
    .flatMap((line) => {
      const tab = line.indexOf('\t');
      const names = line
        .slice(0, tab)
        .split('/')
        .slice(1)
        .map((n) => n.replace(/#\d+$/, ''));
      const tail = names.slice(-want.length);
      return tab > 0 && !line.slice(0, tab).includes('@') && tail.join('/') === want.join('/')
        ? [line.slice(tab + 1)]
        : [];
    });
}
