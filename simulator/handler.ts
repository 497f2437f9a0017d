import type { IncomingMessage, ServerResponse } from 'node:http';
import { COMMANDS } from './commands/index.js';
import { FAULT_REPLIES, type FaultQueue } from './faults.js';
import { RequestParams } from './params.js';
import type { RateLimiter } from './rate-limit.js';
import { renderError, renderPage, renderSuccess, SimError, withoutIndex, XML_TYPE } from './reply.js';
import type { SimStore } from './store.js';
import type { CallRecord, IgnoredParam, NonAsciiForm, TemplateParser } from './types.js';

/** Everything one simulator instance keeps between calls. */
export interface SimRuntime {
  store: SimStore;
  calls: CallRecord[];
  ignored: IgnoredParam[];
  readonly faults: FaultQueue;
  readonly limiter: RateLimiter;
  /** Responses held open by `hang` faults, destroyed at stop. */
  readonly hung: Set<ServerResponse>;
  readonly user: string;
  readonly password: string;
  readonly apikey: string;
  readonly parseTemplates: TemplateParser;
  readonly nonAscii: NonAsciiForm;
}

/**
 * One call, in the order the appliance would meet it: rate limit (the connection drops before
 * anything else), injected fault, path, credentials, API switch, command.
 */
export function handleCall(rt: SimRuntime, req: IncomingMessage, res: ServerResponse, body: string): void {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const command = url.pathname.startsWith('/access/') ? url.pathname.slice('/access/'.length) : url.pathname;
  const params = new RequestParams(url.searchParams);
  const call: CallRecord = {
    n: rt.calls.length + 1,
    method: req.method ?? 'GET',
    command,
    params: params.toRecord(),
    status: 0,
    outcome: 'answered',
  };
  rt.calls.push(call);

  if (!rt.limiter.allow(Date.now())) {
    call.outcome = 'rate-limited';
    req.socket.destroy();
    return;
  }
  const fault = rt.faults.take(call.n, command);
  if (fault?.kind === 'hang') {
    call.outcome = 'hung';
    rt.hung.add(res);
    res.on('close', () => rt.hung.delete(res));
    return;
  }
  if (fault?.kind === 'drop') {
    call.outcome = 'dropped';
    req.socket.destroy();
    return;
  }
  const send = (status: number, payload: Buffer, type = XML_TYPE) => {
    call.status = status;
    const headers: Record<string, string> = { 'content-type': type };
    if (status === 401) headers['www-authenticate'] = 'Basic realm="LoadMaster"';
    res.writeHead(status, headers).end(payload);
  };
  const form = rt.nonAscii;
  if (fault?.kind === 'page') {
    call.outcome = 'page';
    send(200, renderPage(200), 'text/html');
    return;
  }
  if (fault?.kind === 'http401') {
    send(401, renderPage(401), 'text/html');
    return;
  }
  if (
    fault &&
    fault.kind !== 'lost' &&
    fault.kind !== 'cut' &&
    fault.kind !== 'huge' &&
    fault.kind !== 'unindexed'
  ) {
    const [status, text] = FAULT_REPLIES[fault.kind];
    send(status, renderError(status, fault.message ?? text, form));
    return;
  }
  if (!url.pathname.startsWith('/access/')) {
    send(404, renderPage(404), 'text/html');
    return;
  }
  // A wrong password and a disabled API answer with a status and a page, not XML: Kemp's module and
  // the Python SDK read only the status (401; 404 "ensure the API is enabled").
  if (!authorized(rt, req, url)) {
    send(401, renderPage(401), 'text/html');
    return;
  }
  const enabled = rt.store.data.globals.enableapi ?? 'yes';
  if (['no', 'n', '0', 'false', 'off'].includes(enabled.toLowerCase())) {
    send(404, renderPage(404), 'text/html');
    return;
  }
  const name = command.toLowerCase();
  const spec = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!spec) {
    send(405, renderError(405, 'Unknown command', form));
    return;
  }
  for (const [key, value] of params.unknown(spec.known)) {
    rt.ignored.push({ call: call.n, command, name: key, value });
  }
  let status = 200;
  let reply: Buffer;
  try {
    const result = spec.run({
      store: rt.store,
      params,
      body,
      parseTemplates: rt.parseTemplates,
      ignore: (key, value, source) => rt.ignored.push({ call: call.n, command, name: key, value, source }),
    });
    reply = renderSuccess(
      fault?.kind === 'unindexed' ? withoutIndex(result) : result,
      form,
      rt.store.variant.bareSuccess === true,
    );
    rt.store.settle();
  } catch (error) {
    status = error instanceof SimError ? error.status : 500;
    const message = error instanceof SimError ? error.message : `Internal error: ${(error as Error).message}`;
    reply = renderError(status, message, form);
  }
  // The call was carried out; its answer never arrives.
  if (fault?.kind === 'lost') {
    call.outcome = 'lost';
    req.socket.destroy();
    return;
  }
  // The call was carried out; its answer breaks off halfway (the length promised, half of it sent).
  if (fault?.kind === 'cut') {
    call.outcome = 'cut';
    call.status = status;
    res.writeHead(status, { 'content-type': XML_TYPE, 'content-length': String(reply.length) });
    res.write(reply.subarray(0, Math.floor(reply.length / 2)), () => req.socket.destroy());
    return;
  }
  // The call was carried out; its answer goes on for 10 MB after the reply (a comment), in chunks.
  if (fault?.kind === 'huge') {
    call.outcome = 'huge';
    call.status = status;
    res.writeHead(status, { 'content-type': XML_TYPE });
    res.write(reply);
    res.write('<!--');
    const chunk = ' '.repeat(64 * 1024);
    for (let i = 0; i < 160; i++) res.write(chunk);
    res.end('-->');
    return;
  }
  send(status, reply);
}

/** Basic auth with the configured user, or `apikey=` in the query (Kemp's API description). */
function authorized(rt: SimRuntime, req: IncomingMessage, url: URL): boolean {
  const key = [...url.searchParams].find(([name]) => name.toLowerCase() === 'apikey')?.[1];
  if (key !== undefined) return key === rt.apikey;
  const header = req.headers.authorization ?? '';
  const match = /^Basic\s+(\S+)$/i.exec(header);
  if (!match?.[1]) return false;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon >= 0 && decoded.slice(0, colon) === rt.user && decoded.slice(colon + 1) === rt.password;
}
