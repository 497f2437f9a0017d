import { CHECK, SERVER_INIT, STARTTLS_MODE, VSTYPE } from '../../loadmaster/enums.js';
import { P } from '../../loadmaster/parameters.js';
import type { Section } from '../../model/common.js';
import type { VirtualService } from '../../model/service.js';
import type { Setting } from '../../model/setting.js';
import { CERTIFICATE, set } from './build-setting.js';

/** How a mail service greets: the server speaks first (ServerInit) or STARTTLS upgrades the link. */
type Greeting = { readonly serverInit: number } | { readonly startTlsMode: number };

interface MailServiceSpec {
  readonly id: string;
  readonly section: Section;
  readonly group: string;
  readonly port: number;
  readonly nickname: string;
  readonly greeting: Greeting;
  /** SMTP keeps a client on one server (5.4: Persist src for 3600 s); IMAP and POP do not. */
  readonly persistTimeout?: number;
  readonly idletime: number;
  /** SSL offloaded on the LoadMaster; `reencrypt` is listed only for the "Offloaded" services. */
  readonly ssl?: { readonly reencrypt?: boolean };
  readonly esp?: readonly Setting[];
  readonly check: readonly [type: string, port: number];
}

/** One Virtual Service of 5.2-5.4, its rows in the order every table of those sections uses. */
function mailService(spec: MailServiceSpec): VirtualService {
  const greeting: Setting =
    'serverInit' in spec.greeting
      ? set(P.ServerInit, spec.greeting.serverInit)
      : set(P.StartTLSMode, spec.greeting.startTlsMode);
  const ssl: Setting[] = spec.ssl
    ? [
        set(P.SSLAcceleration, true),
        ...(spec.ssl.reencrypt === undefined ? [] : [set(P.SSLReencrypt, spec.ssl.reencrypt)]),
        set(P.TlsType, 3),
        set(P.CipherSet, 'BestPractices'),
      ]
    : [];
  const persist: Setting[] =
    spec.persistTimeout === undefined
      ? [set(P.Persist, 'none')]
      : [set(P.Persist, 'src'), set(P.PersistTimeout, spec.persistTimeout)];
  return {
    id: spec.id,
    place: { section: spec.section, group: spec.group, item: null },
    settings: [
      set(P.port, spec.port),
      set(P.prot, 'tcp'),
      set(P.VStype, 'startTlsMode' in spec.greeting ? VSTYPE.startTls : VSTYPE.generic),
      set(P.nickname, spec.nickname),
      set(P.ForceL7, true),
      set(P.Transparent, false),
      greeting,
      set(P.SubnetOriginating, true),
      ...persist,
      set(P.Schedule, 'rr'),
      set(P.Idletime, spec.idletime),
      ...ssl,
      ...(spec.esp ?? []),
      set(P.CheckType, spec.check[0]),
      set(P.CheckPort, spec.check[1]),
      ...(spec.ssl ? [CERTIFICATE] : []),
    ],
  };
}

const IMAP = { section: '5.2', serverInit: SERVER_INIT.imap4, startTls: STARTTLS_MODE.imap, idletime: 3600 };
const POP = { section: '5.3', serverInit: SERVER_INIT.pop3, startTls: STARTTLS_MODE.pop3, idletime: 3600 };
const SMTP = {
  section: '5.4',
  serverInit: SERVER_INIT.smtp,
  startTls: STARTTLS_MODE.smtpIfRequested,
  idletime: 120,
};

/** Guide 5.2: IMAP on 143, IMAPS on 993 passed through or offloaded to 143, STARTTLS on 143. */
export const IMAP_SERVICES: readonly VirtualService[] = [
  mailService({
    id: 'imap',
    group: 'IMAP',
    port: 143,
    nickname: 'Exchange IMAP',
    greeting: { serverInit: IMAP.serverInit },
    idletime: IMAP.idletime,
    section: IMAP.section,
    check: [CHECK.imap, 143],
  }),
  mailService({
    id: 'imaps',
    group: 'IMAPS',
    port: 993,
    nickname: 'Exchange IMAPS',
    greeting: { serverInit: IMAP.serverInit },
    idletime: IMAP.idletime,
    section: IMAP.section,
    check: ['tcp', 993],
  }),
  mailService({
    id: 'imaps-offloaded',
    group: 'IMAPS Offloaded',
    port: 993,
    nickname: 'Exchange IMAPS Offload',
    greeting: { serverInit: IMAP.serverInit },
    idletime: IMAP.idletime,
    section: IMAP.section,
    ssl: { reencrypt: false },
    check: [CHECK.imap, 143],
  }),
  mailService({
    id: 'imap-starttls',
    group: 'IMAP with STARTTLS',
    port: 143,
    nickname: 'Exchange IMAP STARTTLS',
    greeting: { startTlsMode: IMAP.startTls },
    idletime: IMAP.idletime,
    section: IMAP.section,
    ssl: {},
    check: [CHECK.imap, 143],
  }),
];

/** Guide 5.3: the same four shapes for POP3 on 110 and POPS on 995. */
export const POP_SERVICES: readonly VirtualService[] = [
  mailService({
    id: 'pop',
    group: 'POP',
    port: 110,
    nickname: 'Exchange POP',
    greeting: { serverInit: POP.serverInit },
    idletime: POP.idletime,
    section: POP.section,
    check: [CHECK.pop3, 110],
  }),
  mailService({
    id: 'pops',
    group: 'POPS',
    port: 995,
    nickname: 'Exchange POPS',
    greeting: { serverInit: POP.serverInit },
    idletime: POP.idletime,
    section: POP.section,
    check: ['tcp', 995],
  }),
  mailService({
    id: 'pops-offloaded',
    group: 'POPS Offloaded',
    port: 995,
    nickname: 'Exchange POPS Offload',
    greeting: { serverInit: POP.serverInit },
    idletime: POP.idletime,
    section: POP.section,
    ssl: { reencrypt: false },
    check: [CHECK.pop3, 110],
  }),
  mailService({
    id: 'pop-starttls',
    group: 'POP with STARTTLS',
    port: 110,
    nickname: 'Exchange POP STARTTLS',
    greeting: { startTlsMode: POP.startTls },
    idletime: POP.idletime,
    section: POP.section,
    ssl: {},
    check: [CHECK.pop3, 110],
  }),
];

const SMTP_PERSIST = 3600;

/** Guide 5.4: SMTP on 25, SMTPS on 587 passed through, SMTPS offloaded (on 465, see its erratum) to 25, STARTTLS, and ESP. */
export const SMTP_SERVICES: readonly VirtualService[] = [
  mailService({
    id: 'smtp',
    group: 'SMTP',
    port: 25,
    nickname: 'Exchange SMTP',
    greeting: { serverInit: SMTP.serverInit },
    persistTimeout: SMTP_PERSIST,
    idletime: SMTP.idletime,
    section: SMTP.section,
    check: [CHECK.smtp, 25],
  }),
  mailService({
    id: 'smtps',
    group: 'SMTPS',
    port: 587,
    nickname: 'Exchange SMTPS',
    greeting: { serverInit: SMTP.serverInit },
    persistTimeout: SMTP_PERSIST,
    idletime: SMTP.idletime,
    section: SMTP.section,
    check: ['tcp', 587],
  }),
  mailService({
    id: 'smtps-offloaded',
    group: 'SMTPS Offloaded',
    // Implicit TLS terminated here belongs on 465, not 587 (erratum E-5.4-SMTPS-OFFLOADED-PORT).
    port: 465,
    nickname: 'Exchange SMTPS Offload',
    greeting: { serverInit: SMTP.serverInit },
    persistTimeout: SMTP_PERSIST,
    idletime: SMTP.idletime,
    section: SMTP.section,
    ssl: { reencrypt: false },
    check: [CHECK.smtp, 25],
  }),
  mailService({
    id: 'smtp-starttls',
    group: 'SMTP with STARTTLS',
    port: 25,
    nickname: 'Exchange SMTP STARTTLS',
    greeting: { startTlsMode: SMTP.startTls },
    persistTimeout: SMTP_PERSIST,
    idletime: SMTP.idletime,
    section: SMTP.section,
    ssl: {},
    check: [CHECK.smtp, 25],
  }),
  mailService({
    id: 'smtp-esp',
    group: 'SMTP with ESP',
    port: 25,
    nickname: 'Exchange SMTP ESP',
    greeting: { serverInit: SMTP.serverInit },
    persistTimeout: SMTP_PERSIST,
    idletime: SMTP.idletime,
    section: SMTP.section,
    esp: [
      set(P.EspEnabled, true),
      set(P.ESPLogs, 4),
      set(P.SMTPAllowedDomains, 'Example.com', { site: 'smtpDomains' }),
    ],
    check: [CHECK.smtp, 25],
  }),
];
