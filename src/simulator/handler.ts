import type { IncomingMessage, ServerResponse } from 'node:http';
import { COMMANDS } from './commands/index.js';
import { FAULT_REPLIES, type FaultQueue } from './faults.js';
import { RequestParams } from './params.js';
import type { RateLimiter } from './rate-limit.js';
import { renderError, renderSuccess, SimError } from './reply.js';
import type { SimStore } from './store.js';
import type { CallRecord, IgnoredParam, TemplateParser } from './types.js';

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
  const send = (status: number, xml: string) => {
    call.status = status;
    const headers: Record<string, string> = { 'content-type': 'text/xml; charset=utf-8' };
    if (status === 401) headers['www-authenticate'] = 'Basic realm="LoadMaster"';
    res.writeHead(status, headers).end(xml);
  };
  if (fault) {
    const [status, text] = FAULT_REPLIES[fault.kind];
    send(status, renderError(status, fault.message ?? text));
    return;
  }
  if (!url.pathname.startsWith('/access/')) {
    send(404, renderError(404, 'Not found'));
    return;
  }
  if (!authorized(rt, req, url)) {
    send(401, renderError(401, 'Authorization required'));
    return;
  }
  const enabled = rt.store.data.globals.enableapi ?? 'yes';
  if (['no', 'n', '0', 'false', 'off'].includes(enabled.toLowerCase())) {
    send(404, renderError(404, 'API disabled'));
    return;
  }
  const name = command.toLowerCase();
  const spec = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!spec) {
    send(405, renderError(405, `Unknown command: ${command}`));
    return;
  }
  for (const [key, value] of params.unknown(spec.known)) {
    rt.ignored.push({ call: call.n, command, name: key, value });
  }
  try {
    const reply = spec.run({
      store: rt.store,
      params,
      body,
      parseTemplates: rt.parseTemplates,
      ignore: (key, value, source) => rt.ignored.push({ call: call.n, command, name: key, value, source }),
    });
    send(200, renderSuccess(reply));
  } catch (error) {
    if (error instanceof SimError) send(error.status, renderError(error.status, error.message));
    else send(500, renderError(500, `Internal error: ${(error as Error).message}`));
  }
}

/** Basic auth with the configured user, or `apikey=` in the query (LOADMASTER-API.md §1). */
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
