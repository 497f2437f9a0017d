import type { Template, TemplateSource } from '../../model/template.js';

type Base = Omit<Template, 'id' | 'name' | 'section' | 'comment' | 'source'>;

const HTTPS_OFFLOADED: Base = {
  realServerPort: 80,
  servers: 'exchange',
  certificate: true,
  addToAllSubVSs: true,
};
// Re-encrypting means the real servers are reached over TLS on 443 (4.1's screenshot shows 80 for
// the offloaded service only).
const HTTPS_REENCRYPTED: Base = { ...HTTPS_OFFLOADED, realServerPort: 443 };
const plain = (realServerPort: number): Base => ({
  realServerPort,
  servers: 'exchange',
  certificate: false,
  addToAllSubVSs: false,
});
const offloaded = (realServerPort: number): Base => ({ ...plain(realServerPort), certificate: true });

function template(
  id: string,
  name: string,
  section: string,
  comment: string,
  source: TemplateSource,
  base: Base,
): Template {
  return { id, name, section, comment, source, ...base };
}

const vs = (id: string): TemplateSource => ({ kind: 'vs', vs: id });
const https = (reencrypt: boolean, esp: boolean): TemplateSource => ({ kind: 'https', reencrypt, esp });

/**
 * The templates of sections 3 and 4, named as the "Use Template" steps name them, in the guide's
 * order; a template the guide does not have follows them and says where it comes from (`beyondGuide`).
 */
export const TEMPLATES: readonly Template[] = [
  template(
    'https-offloaded',
    'Exchange 2016 HTTPS Offloaded',
    '4.1',
    'Exchange 2016 HTTPS with SSL offloaded, HTTP redirect and nine SubVSs',
    https(false, false),
    HTTPS_OFFLOADED,
  ),
  template(
    'https-reencrypted',
    'Exchange 2016 HTTPS Reencrypted',
    '4.1',
    'Exchange 2016 HTTPS re-encrypted to the servers, HTTP redirect and nine SubVSs',
    https(true, false),
    HTTPS_REENCRYPTED,
  ),
  template(
    'https-offloaded-esp',
    'Exchange 2016 HTTPS Offloaded with ESP',
    '4.2',
    'Exchange 2016 HTTPS with SSL offloaded and ESP pre-authentication',
    https(false, true),
    HTTPS_OFFLOADED,
  ),
  template(
    'https-reencrypted-esp',
    'Exchange 2016 HTTPS Reencrypted with ESP',
    '4.2',
    'Exchange 2016 HTTPS re-encrypted with ESP pre-authentication',
    https(true, true),
    HTTPS_REENCRYPTED,
  ),
  template('imap', 'Exchange 2016 IMAP', '4.3', 'Exchange 2016 IMAP4 on 143', vs('imap'), plain(143)),
  template(
    'imaps',
    'Exchange 2016 IMAPS',
    '4.3',
    'Exchange 2016 IMAPS on 993, passed through',
    vs('imaps'),
    plain(993),
  ),
  template(
    'imaps-offloaded',
    'Exchange 2016 IMAPS Offloaded',
    '4.4',
    'Exchange 2016 IMAPS on 993, SSL offloaded to IMAP on 143',
    vs('imaps-offloaded'),
    offloaded(143),
  ),
  template(
    'imap-starttls',
    'Exchange 2016 IMAP with STARTTLS',
    '4.4',
    'Exchange 2016 IMAP with STARTTLS on 143',
    vs('imap-starttls'),
    offloaded(143),
  ),
  template('pop', 'Exchange 2016 POP', '4.5', 'Exchange 2016 POP3 on 110', vs('pop'), plain(110)),
  template(
    'pops',
    'Exchange 2016 POPS',
    '4.5',
    'Exchange 2016 POPS on 995, passed through',
    vs('pops'),
    plain(995),
  ),
  template(
    'pops-offloaded',
    'Exchange 2016 POPS Offloaded',
    '4.6',
    'Exchange 2016 POPS on 995, SSL offloaded to POP3 on 110',
    vs('pops-offloaded'),
    offloaded(110),
  ),
  template(
    'pop-starttls',
    'Exchange 2016 POP with STARTTLS',
    '4.6',
    'Exchange 2016 POP3 with STARTTLS on 110',
    vs('pop-starttls'),
    offloaded(110),
  ),
  template('smtp', 'Exchange 2016 SMTP', '4.7', 'Exchange 2016 SMTP on 25', vs('smtp'), plain(25)),
  template(
    'smtps',
    'Exchange 2016 SMTPS',
    '4.7',
    'Exchange 2016 SMTPS on 587, passed through',
    vs('smtps'),
    plain(587),
  ),
  template(
    'smtps-offloaded',
    'Exchange 2016 SMTPS Offloaded',
    '4.8',
    'Exchange 2016 SMTPS on 587, SSL offloaded to SMTP on 25',
    vs('smtps-offloaded'),
    offloaded(25),
  ),
  template(
    'smtp-starttls',
    'Exchange 2016 SMTP with STARTTLS',
    '4.8',
    'Exchange 2016 SMTP with STARTTLS on 25',
    vs('smtp-starttls'),
    offloaded(25),
  ),
  template(
    'smtp-esp',
    'Exchange 2016 SMTP with ESP',
    '4.9',
    'Exchange 2016 SMTP on 25 with ESP permitted domains',
    vs('smtp-esp'),
    plain(25),
  ),
  template(
    'office-online',
    'Exchange 2016 Office Online Server',
    '4.10',
    'Office Online Server for Exchange 2016, re-encrypted',
    vs('office-online'),
    {
      ...offloaded(443),
      servers: 'office-online',
    },
  ),
];
