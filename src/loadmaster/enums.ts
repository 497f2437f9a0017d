/**
 * Enumerated API values the catalogue uses by meaning. The numbers are the API's; their sources
 * are in parameters.ts.
 */

/** `ServerInit`: "Server Initiating Protocols" in the web UI. */
export const SERVER_INIT = { normal: 0, smtp: 1, ssh: 2, other: 3, imap4: 4, mysql: 5, pop3: 6 } as const;

/** `StartTLSMode`: which protocol's STARTTLS handshake the LoadMaster speaks. */
export const STARTTLS_MODE = {
  none: 0,
  smtpIfRequested: 1,
  smtpAlways: 2,
  ftp: 3,
  imap: 4,
  pop3: 6,
} as const;

/** `VStype`: the service type. */
export const VSTYPE = { generic: 'gen', http: 'http', startTls: 'tls' } as const;

/** `CheckType` values for the mail protocols' own health checks. */
export const CHECK = { imap: 'imap', pop3: 'pop3', smtp: 'smtp' } as const;

/** Every `CheckType` the API takes (docs/loadmaster-api.md §5) and Kemp's module lets through. */
export const CHECK_TYPES = [
  'tcp',
  'icmp',
  'https',
  'http',
  'smtp',
  'nntp',
  'ftp',
  'telnet',
  'pop3',
  'imap',
  'rdp',
  'ldap',
  'none',
] as const;
