import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { Simulator } from '../../src/simulator/index.js';

/** A reply as a test sees it. */
export interface SimReply {
  readonly status: number;
  readonly body: string;
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
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
        );
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
