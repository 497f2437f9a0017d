import { randomBytes } from 'node:crypto';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { createServer as createHttpServer } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { makeCert, removeCert, type SelfSignedCert } from './cert.js';
import { rejectTemplates } from './commands/templates.js';
import { FaultQueue } from './faults.js';
import { handleCall, type SimRuntime } from './handler.js';
import { APPLIANCE_RATE_LIMIT, RateLimiter } from './rate-limit.js';
import { emptyState, SimStore } from './store.js';
import type { FaultKind, FaultSpec, Simulator, SimulatorOptions } from './types.js';

const DEFAULT_CERTIFICATES = ['Wildcard', 'ExchangeCert'];

/**
 * Starts a LoadMaster `/access` API simulator on 127.0.0.1. Over HTTPS (the default) it serves a
 * certificate made for this run; {@link Simulator.stop} closes everything and removes it.
 */
export async function startSimulator(opts: SimulatorOptions = {}): Promise<Simulator> {
  const certificates = opts.certificates ?? DEFAULT_CERTIFICATES;
  const limit =
    opts.rateLimit === false
      ? undefined
      : opts.rateLimit === undefined || opts.rateLimit === true
        ? APPLIANCE_RATE_LIMIT
        : opts.rateLimit;
  const rt: SimRuntime = {
    store: new SimStore(emptyState(certificates, opts.ssoDomains), opts.variant),
    calls: [],
    ignored: [],
    faults: new FaultQueue(),
    limiter: new RateLimiter(limit),
    hung: new Set(),
    user: opts.user ?? 'bal',
    password: opts.password ?? randomBytes(12).toString('base64url'),
    apikey: opts.apikey ?? randomBytes(18).toString('base64url'),
    parseTemplates: opts.parseTemplates ?? rejectTemplates,
    nonAscii: opts.nonAscii ?? 'latin1',
  };

  const listener = (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      handleCall(rt, req, res, Buffer.concat(chunks).toString('utf8'));
      const call = rt.calls.at(-1);
      if (opts.onCall && call) res.on('close', () => opts.onCall?.(structuredClone(call)));
    });
    // A client that gives up mid-body leaves nothing to answer.
    req.on('error', () => req.socket.destroy());
  };
  const cert: SelfSignedCert | undefined = opts.https === false ? undefined : await makeCert();
  const server: Server = cert
    ? createHttpsServer({ cert: cert.certPem, key: cert.keyPem }, listener)
    : createHttpServer(listener);

  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(opts.port ?? 0, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    if (cert) await removeCert(cert);
    throw error;
  }
  const port = (server.address() as AddressInfo).port;
  let stopped: Promise<void> | undefined;

  return {
    url: `${cert ? 'https' : 'http'}://127.0.0.1:${port}`,
    port,
    user: rt.user,
    password: rt.password,
    apikey: rt.apikey,
    caCertPath: cert?.certPath,
    caCertPem: cert?.certPem,
    state: () => structuredClone(rt.store.data),
    ignored: () => structuredClone(rt.ignored),
    calls: () => structuredClone(rt.calls),
    injectFault: (fault: FaultSpec) => rt.faults.add(fault),
    failNext: (kind: FaultKind, message?: string) =>
      rt.faults.add({ call: rt.calls.length + 1, kind, message }),
    clearFaults: () => rt.faults.clear(),
    tamper: (rule) => {
      rt.store.tamper = rule;
    },
    reset: () => {
      rt.store = new SimStore(emptyState(certificates, opts.ssoDomains), opts.variant);
      rt.calls = [];
      rt.ignored = [];
      rt.faults.clear();
      rt.limiter.reset();
    },
    stop: () => {
      stopped ??= (async () => {
        for (const res of rt.hung) res.socket?.destroy();
        rt.hung.clear();
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeAllConnections();
        await closed;
        if (cert) await removeCert(cert);
      })();
      return stopped;
    },
  };
}
