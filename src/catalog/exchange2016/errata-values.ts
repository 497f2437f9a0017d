import { CHECK_TYPES } from '../../loadmaster/enums.js';
import { P } from '../../loadmaster/parameters.js';
import type { RowErratum } from '../../model/erratum.js';
import { at, rules, subvs } from './locate.js';

const SUBVS = 'Sub Virtual Service';
const lowerCase =
  'Enumerated values are matched as the API spells them, in lower case (docs/loadmaster-api.md §1, from clients used against appliances).';
const checkTypes = `${P.CheckType} takes ${CHECK_TYPES.slice(0, -1).join(', ')} or ${CHECK_TYPES.at(-1)}`;
const serverInit =
  "ServerInit is an integer: 0 normal, 1 SMTP, 2 SSH, 3 other, 4 IMAP4, 5 MySQL, 6 POP3 (Kemp's RESTful API description §3.6.1.3). Kemp's PowerShell module accepts only 0-5, so POP3 must go through the API.";
const startTlsMode =
  "StartTLSMode is an integer: 1 SMTP (STARTTLS if requested), 2 SMTP (always), 3 FTP, 4 IMAP, 6 POP3, and needs VStype tls (Kemp's RESTful API description §3.6.1.3).";

/** Enumeration values in a form the API does not take. */
export const ENUM_ERRATA: readonly RowErratum[] = [
  {
    id: 'E-5.1-MATCHTYPE',
    kind: 'enum',
    where: [at('5.1', 'Content Rules')],
    documented: { parameter: 'matchtype', value: 'Regex' },
    corrected: { parameter: P.matchtype, value: 'regex' },
    reason: `matchtype takes regex, prefix or postfix (docs/loadmaster-api.md §3). ${lowerCase}`,
    confidence: 'code',
  },
  {
    id: 'E-PERSIST-NONE',
    kind: 'enum',
    where: [at('5.1', 'Main Virtual Service'), at('5.1', SUBVS), at('5.2'), at('5.3')],
    documented: { parameter: 'Persist', value: 'None' },
    corrected: { parameter: P.Persist, value: 'none' },
    reason: `Persist takes none, src, super-src, ... (docs/loadmaster-api.md §5). ${lowerCase}`,
    confidence: 'code',
  },
  {
    id: 'E-5.1-CHECKTYPE-NONE',
    kind: 'enum',
    where: subvs('Authentication Proxy'),
    documented: { parameter: 'CheckType', value: 'None' },
    corrected: { parameter: P.CheckType, value: 'none' },
    reason: `${checkTypes}; the HTTP Redirect table writes none. ${lowerCase}`,
    confidence: 'code',
  },
  {
    id: 'E-5.5-SUPER-SRC',
    kind: 'enum',
    where: [at('5.5')],
    documented: { parameter: 'Persist', value: 'Super-src' },
    corrected: { parameter: P.Persist, value: 'super-src' },
    reason: `docs/loadmaster-api.md §1 names super-src as a lower-case enumeration. ${lowerCase}`,
    confidence: 'code',
  },
  {
    id: 'E-5.2-CHECKTYPE-IMAP4',
    kind: 'enum',
    where: [at('5.2', 'IMAP'), at('5.2', 'IMAPS Offloaded')],
    documented: { parameter: 'CheckType', value: 'Imap4' },
    corrected: { parameter: P.CheckType, value: 'imap' },
    reason: `${checkTypes}: imap4 is not among them in any case (docs/loadmaster-api.md §5).`,
    confidence: 'official',
  },
  {
    id: 'E-5.2-CHECKTYPE-IMAP',
    kind: 'enum',
    where: [at('5.2', 'IMAP with STARTTLS')],
    documented: { parameter: 'CheckType', value: 'Imap' },
    corrected: { parameter: P.CheckType, value: 'imap' },
    reason: `${checkTypes}. ${lowerCase}`,
    confidence: 'code',
  },
  {
    id: 'E-5.3-CHECKTYPE-POP3',
    kind: 'enum',
    where: [at('5.3', 'POP'), at('5.3', 'POPS Offloaded')],
    documented: { parameter: 'CheckType', value: 'Pop3' },
    corrected: { parameter: P.CheckType, value: 'pop3' },
    reason: `${checkTypes}. ${lowerCase}`,
    confidence: 'code',
  },
  {
    id: 'E-5.3-CHECKTYPE-POP',
    kind: 'enum',
    where: [at('5.3', 'POP with STARTTLS')],
    documented: { parameter: 'CheckType', value: 'pop' },
    corrected: { parameter: P.CheckType, value: 'pop3' },
    reason: `${checkTypes}: pop is not one of them; the other POP tables write Pop3.`,
    confidence: 'official',
  },
  {
    id: 'E-5.2-SERVERINIT',
    kind: 'enum',
    where: [at('5.2')],
    documented: { parameter: 'ServerInit', value: 'Imap4' },
    corrected: { parameter: P.ServerInit, value: '4' },
    reason: serverInit,
    confidence: 'official',
  },
  {
    id: 'E-5.3-SERVERINIT',
    kind: 'enum',
    where: [at('5.3')],
    documented: { parameter: 'ServerInit', value: 'Pop3' },
    corrected: { parameter: P.ServerInit, value: '6' },
    reason: serverInit,
    confidence: 'official',
  },
  {
    id: 'E-5.4-SERVERINIT',
    kind: 'enum',
    where: [at('5.4')],
    documented: { parameter: 'ServerInit', value: 'smtp' },
    corrected: { parameter: P.ServerInit, value: '1' },
    reason: serverInit,
    confidence: 'official',
  },
  {
    id: 'E-5.2-STARTTLSMODE',
    kind: 'enum',
    where: [at('5.2', 'IMAP with STARTTLS')],
    documented: { parameter: 'StartTLSMode', value: 'Imap' },
    corrected: { parameter: P.StartTLSMode, value: '4' },
    reason: startTlsMode,
    confidence: 'official',
  },
  {
    id: 'E-5.3-STARTTLSMODE',
    kind: 'enum',
    where: [at('5.3', 'POP with STARTTLS')],
    documented: { parameter: 'StartTLSMode', value: 'Pop3' },
    corrected: { parameter: P.StartTLSMode, value: '6' },
    reason: startTlsMode,
    confidence: 'official',
  },
  {
    id: 'E-5.4-STARTTLSMODE',
    kind: 'enum',
    where: [at('5.4', 'SMTP with STARTTLS')],
    documented: { parameter: 'StartTLSMode', value: 'smtp' },
    corrected: { parameter: P.StartTLSMode, value: '1' },
    reason: `${startTlsMode} The guide does not say which SMTP mode. 1, not 2: with 2 the LoadMaster would refuse a sender that does not ask for TLS, while a publicly-referenced SMTP server must not require STARTTLS to deliver mail locally (RFC 3207 §4), so port 25 must accept it.`,
    confidence: 'inferred',
  },
  {
    id: 'E-5.2-VSTYPE-STARTTLS',
    kind: 'enum',
    where: [at('5.2', 'IMAP with STARTTLS')],
    documented: { parameter: 'VStype', value: 'StartTLS' },
    corrected: { parameter: P.VStype, value: 'tls' },
    reason:
      'VStype takes gen, http, http2, ts, tls ("STARTTLS protocols") or log (Kemp\'s RESTful API description §3.6.1.2); StartTLS is not a value.',
    confidence: 'official',
  },
  {
    id: 'E-VSTYPE-STARTTLS',
    kind: 'enum',
    where: [at('5.3', 'POP with STARTTLS'), at('5.4', 'SMTP with STARTTLS')],
    documented: { parameter: 'VSType', value: 'StartTLS' },
    corrected: { parameter: P.VStype, value: 'tls' },
    reason:
      "VStype takes gen, http, http2, ts, tls (\"STARTTLS protocols\") or log (Kemp's RESTful API description §3.6.1.2); StartTLS is not a value. The name's case differs from the catalogue's too.",
    confidence: 'official',
  },
];

/** Values that contradict the rest of the guide or the API. */
export const VALUE_ERRATA: readonly RowErratum[] = [
  {
    id: 'E-5.1-ERRORURL',
    kind: 'value',
    where: [at('5.1', 'HTTP Redirect')],
    documented: { parameter: 'ErrorUrl', value: 'https:%5C%2F%5C%2F%25h%25s' },
    corrected: { parameter: P.ErrorUrl, value: 'https%3A%2F%2F%25h%25s' },
    reason:
      'Decoded, the documented value is https:\\/\\/%h%s: regular-expression escapes leaked into a URL. The redirect target is https://%h%s (%h the host, %s the path), as scripts run against appliances set it.',
    confidence: 'code',
  },
  {
    id: 'E-5.1-AUTHPROXY-PATTERN',
    kind: 'value',
    where: rules('Authentication Proxy'),
    documented: { parameter: 'pattern', value: '%2F%5E%5C%2F%5C%2F%25h%25s' },
    corrected: { parameter: P.pattern, value: '%2F%5E%5C%2Flm_auth_proxy.%2A%2F' },
    reason:
      "The documented pattern /^\\/\\/%h%s is the HTTP Redirect's ErrorUrl pasted into a regular expression; it matches no request, so ESP's login form never reaches the Authentication Proxy SubVS. ESP serves its form under /lm_auth_proxy, and a Kemp engineer's ESP scripts match it with /^\\/lm_auth_proxy.*/; that Kemp's Exchange template uses exactly this pattern is inferred, and needs an appliance to confirm: the runbook's ESP sign-in check (the form coming back, or the page Endpoint not available) shows it not matching.",
    confidence: 'inferred',
  },
  {
    id: 'E-5.2-IMAP-CHECKPORT',
    kind: 'value',
    where: [at('5.2', 'IMAP')],
    documented: { parameter: 'CheckPort', value: '110' },
    corrected: { parameter: P.CheckPort, value: '143' },
    reason:
      'Copied from POP: 110 is POP3. The IMAP service listens on 143, and the IMAPS Offloaded and STARTTLS services check 143 (4.4: "Ensure port 143").',
    confidence: 'inferred',
  },
  {
    id: 'E-5.3-POPS-CHECKPORT',
    kind: 'value',
    where: [at('5.3', 'POPS')],
    documented: { parameter: 'CheckPort', value: '993' },
    corrected: { parameter: P.CheckPort, value: '995' },
    reason:
      'Copied from IMAPS: 993 is IMAPS. The POPS service listens on 995 and checks with plain tcp, as IMAPS checks its own 993.',
    confidence: 'inferred',
  },
  {
    id: 'E-5.3-CIPHERSET',
    kind: 'value',
    where: [at('5.3', 'POPS Offloaded')],
    documented: { parameter: 'CipherSet', value: 'BestPractice' },
    corrected: { parameter: P.CipherSet, value: 'BestPractices' },
    reason:
      'The cipher set is BestPractices in every other table and in the screenshots of 4.1.1, 4.2.1 and 4.8.',
    confidence: 'official',
  },
  {
    id: 'E-5.3-POP-STARTTLS-NICKNAME',
    kind: 'value',
    where: [at('5.3', 'POP with STARTTLS')],
    documented: { parameter: 'nickname', value: 'Exchange%20IMAP%20STARTTLS' },
    corrected: { parameter: P.nickname, value: 'Exchange%20POP%20STARTTLS' },
    reason:
      'Copied from IMAP with STARTTLS: this is the POP3 service on 110, and an IMAP name would make two services look alike.',
    confidence: 'inferred',
  },
  {
    id: 'E-5.4-SMTP-NICKNAME',
    kind: 'value',
    where: [at('5.4', 'SMTP')],
    documented: { parameter: 'nickname', value: 'Exchange%20STMP' },
    corrected: { parameter: P.nickname, value: 'Exchange%20SMTP' },
    reason: 'Transposed letters: every other SMTP nickname, and the template name, spell SMTP.',
    confidence: 'inferred',
  },
  {
    id: 'E-5.4-SMTPS-OFFLOADED-PORT',
    kind: 'value',
    where: [at('5.4', 'SMTPS Offloaded')],
    documented: { parameter: 'port', value: '587' },
    corrected: { parameter: P.port, value: '465' },
    reason:
      "Port 587 is message submission, where a client starts in plain text and asks for TLS with STARTTLS (RFC 6409). SMTPS Offloaded terminates TLS on the LoadMaster from the first byte, which is implicit-TLS submission, on port 465 (RFC 8314 §3.3): on 587 a standard client's plain EHLO meets a TLS handshake and fails. The pass-through SMTPS service stays on 587, where Exchange's own connector speaks STARTTLS.",
    confidence: 'inferred',
  },
  {
    id: 'E-TLSTYPE',
    kind: 'value',
    where: [at('5.1', 'Main Virtual Service'), at('5.2'), at('5.3'), at('5.4'), at('5.5')],
    documented: { parameter: 'TLSType', value: '1' },
    corrected: { parameter: P.TlsType, value: '3' },
    reason:
      "TLSType is a bitmask of disabled protocols (1 SSLv3, 2 TLS1.0, ...; Kemp's RESTful API description §3.6.1.4.1), so 1 would leave TLS1.0 on. The guide's own screenshots of services made from these templates (4.1.1, 4.2.1, 4.8) show SSLv3 and TLS1.0 off and TLS1.1-1.3 on: 3, which is also the appliance's default. The name's case differs from the catalogue's too.",
    confidence: 'inferred',
  },
];

/** Values whose URL encoding is broken or inconsistent. */
export const ENCODING_ERRATA: readonly RowErratum[] = [
  {
    id: 'E-5.1-NICKNAME-SPACE',
    kind: 'encoding',
    where: [at('5.1', 'Main Virtual Service')],
    documented: { parameter: 'nickname', value: 'Exchange%20HTTPS%20 Offloaded' },
    corrected: { parameter: P.nickname, value: 'Exchange%20HTTPS%20Offloaded' },
    reason:
      'A literal space after %20: in a URL it ends the request line or, encoded again, gives the nickname a double space.',
    confidence: 'official',
  },
  {
    id: 'E-5.5-CHECKURL-ENCODING',
    kind: 'encoding',
    where: [at('5.5')],
    documented: { parameter: 'CheckUrl', value: '/hosting/discovery' },
    corrected: { parameter: P.CheckUrl, value: '%2Fhosting%2Fdiscovery' },
    reason:
      "The only value of section 5 left unencoded; every CheckUrl of 5.1 encodes / as %2F. The appliance decodes either form, so only the table's consistency changes.",
    confidence: 'inferred',
  },
];
