import { createServer as httpServer, type Server } from 'node:http';
import { createServer as httpsServer } from 'node:https';
import { createServer as netServer, type Socket } from 'node:net';
import { TLSSocket, createServer as tlsServer } from 'node:tls';
import { makeCert, removeCert } from '../../simulator/cert.js';

/**
 * Stand-ins on 127.0.0.1 for what the runbook's client checks talk to: the LoadMaster's HTTP
 * redirect (302 to https://<host><path>, as ErrorUrl https://%h%s says), an HTTPS service with
 * Exchange's health pages and ESP's sign-in form, a listener speaking TLS from the first byte, and
 * IMAP, POP3 and SMTP listeners that begin TLS on STARTTLS. Their certificate names the hosts given;
 * `caFile` is the file a client trusts it through.
 */
export interface ClientListeners {
  readonly caFile: string;
  readonly http: number;
  readonly https: number;
  readonly tls: number;
  readonly starttls: Readonly<Record<'imap' | 'pop3' | 'smtp', number>>;
  close(): Promise<void>;
}

/** What the HTTP listeners answer: the redirect's status, and the sign-in form's greeting. */
export interface ListenerReplies {
  readonly redirectCode: number;
  readonly greeting: string;
}

/** STARTTLS as each protocol asks for it: the greeting, and the reply to each command up to TLS. */
const DIALOGUES = {
  imap: {
    greeting: '* OK IMAP4 ready',
    reply: (line: string) =>
      /^\S+ CAPABILITY/i.test(line)
        ? `* CAPABILITY IMAP4rev1 STARTTLS\r\n${line.split(' ')[0]} OK done`
        : `${line.split(' ')[0]} OK Begin TLS`,
    tls: /^\S+ STARTTLS/i,
  },
  pop3: {
    greeting: '+OK POP3 ready',
    reply: (line: string) => (/^CAPA/i.test(line) ? '+OK\r\nSTLS\r\n.' : '+OK Begin TLS'),
    tls: /^STLS/i,
  },
  smtp: {
    greeting: '220 mail ESMTP',
    reply: (line: string) =>
      /^(EHLO|HELO)/i.test(line) ? '250-mail\r\n250 STARTTLS' : '220 Ready to start TLS',
    tls: /^STARTTLS/i,
  },
} as const;

const listen = (server: Server | ReturnType<typeof netServer>): Promise<number> =>
  new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const a = server.address();
      resolve(typeof a === 'object' && a ? a.port : 0);
    });
  });

export async function startClientListeners(
  hosts: readonly string[],
  replies: ListenerReplies,
): Promise<ClientListeners> {
  const made = await makeCert(hosts);
  const caFile = made.certPath;
  const cert = made.certPem;
  const key = made.keyPem;
  const sockets = new Set<Socket>();
  const track = (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  };
  const http = httpServer((req, res) => {
    res.writeHead(replies.redirectCode, {
      Location: `https://${req.headers.host?.replace(/:\d+$/, '')}${req.url}`,
    });
    res.end();
  });
  const https = httpsServer({ key, cert }, (req, res) => {
    // The backup a GET of /access/backup answers with, once the user is named (Kemp's module writes the reply to a file).
    if (req.url === '/access/backup') {
      res.writeHead(req.headers.authorization?.startsWith('Basic ') ? 200 : 401);
      res.end(req.headers.authorization ? 'a LoadMaster backup' : '');
      return;
    }
    if (req.url?.endsWith('/healthcheck.htm') || req.url === '/hosting/discovery') {
      res.writeHead(200, { 'Content-Type': 'text/html' });
      res.end('<html><body>200 OK</body></html>');
    } else {
      res.writeHead(200, { 'Content-Type': 'text/html' });
      res.end(
        `<html><body><form action="/lm_auth_proxy" method="post"><p>${replies.greeting}</p></form></body></html>`,
      );
    }
  });
  // Open until the client closes, as a server waiting for a command is.
  const tls = tlsServer({ key, cert }, (s) => {
    s.on('error', () => {});
    s.write('* OK ready\r\n');
  });
  const starttls = Object.fromEntries(
    (Object.keys(DIALOGUES) as (keyof typeof DIALOGUES)[]).map((name) => {
      const d = DIALOGUES[name];
      const server = netServer((socket) => {
        track(socket);
        socket.write(`${d.greeting}\r\n`);
        let buffer = '';
        const onData = (chunk: Buffer) => {
          buffer += chunk.toString('latin1');
          for (let i = buffer.indexOf('\n'); i >= 0; i = buffer.indexOf('\n')) {
            const line = buffer.slice(0, i).trim();
            buffer = buffer.slice(i + 1);
            socket.write(`${d.reply(line)}\r\n`);
            if (d.tls.test(line)) {
              socket.off('data', onData);
              const secure = new TLSSocket(socket, { isServer: true, key, cert });
              secure.on('error', () => socket.destroy());
              secure.on('data', () => {});
              return;
            }
          }
        };
        socket.on('data', onData);
        socket.on('error', () => {});
      });
      return [name, server];
    }),
  ) as Record<keyof typeof DIALOGUES, ReturnType<typeof netServer>>;
  for (const s of [http, https, tls, ...Object.values(starttls)]) s.on('connection', track);
  const ports = {
    http: await listen(http),
    https: await listen(https),
    tls: await listen(tls),
    starttls: {
      imap: await listen(starttls.imap),
      pop3: await listen(starttls.pop3),
      smtp: await listen(starttls.smtp),
    },
  };
  return {
    caFile,
    ...ports,
    close: async () => {
      for (const s of sockets) s.destroy();
      await Promise.all(
        [http, https, tls, ...Object.values(starttls)].map(
          (s) => new Promise((r) => s.close(() => r(undefined))),
        ),
      );
      await removeCert(made);
    },
  };
}
