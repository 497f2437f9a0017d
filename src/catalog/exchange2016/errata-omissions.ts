import { P } from '../../loadmaster/parameters.js';
import type { RowErratum } from '../../model/erratum.js';
import { at, subvs } from './locate.js';

/** Rows the guide requires elsewhere but its tables leave out; they are added at the end of their block. */
export const OMISSION_ERRATA: readonly RowErratum[] = [
  {
    id: 'E-5.1-REDIRECT-USE',
    kind: 'omission',
    where: [at('5.1', 'HTTP Redirect')],
    documented: { parameter: 'CheckType', value: 'none', use: '' },
    corrected: { parameter: P.CheckType, value: 'none', use: 'All' },
    reason:
      'The only row of 5.1 with an empty "Use with Template" cell; the redirect exists in every HTTPS template (4.1.1 and 4.2.1 list it), so its health check setting applies to all.',
    confidence: 'inferred',
  },
  {
    id: 'E-5-CERTFILE',
    kind: 'omission',
    where: [
      at('5.1', 'Main Virtual Service'),
      at('5.2', 'IMAPS Offloaded'),
      at('5.2', 'IMAP with STARTTLS'),
      at('5.3', 'POPS Offloaded'),
      at('5.3', 'POP with STARTTLS'),
      at('5.4', 'SMTPS Offloaded'),
      at('5.4', 'SMTP with STARTTLS'),
      at('5.5', 'Office Online Server'),
    ],
    documented: null,
    corrected: { parameter: P.CertFile, value: 'Wildcard', use: 'All' },
    reason:
      'Sections 4.1.1, 4.2.1, 4.4, 4.6, 4.8 and 4.10 assign a certificate to every SSL accelerated service, but no table has the row: configured from section 5 alone, the service would present the self-signed certificate. The value is the site\'s certificate name; "Wildcard" is the one in the guide\'s screenshots.',
    confidence: 'official',
  },
  {
    id: 'E-5.1-SSO-DOMAIN',
    kind: 'omission',
    where: subvs('Authentication Proxy', 'ActiveSync', 'ECP', 'OWA'),
    documented: null,
    corrected: { parameter: P.Domain, value: 'EXAMPLE.COM', use: 'ESP Enabled' },
    reason:
      "4.2.2 assumes an SSO domain on the LoadMaster, and a SubVS whose ESP authenticates users itself (InputAuthMode 1 or 2) must name it, yet no row does. The API's parameter is Domain (Kemp's RESTful API description §3.6.1.7; docs/loadmaster-api.md §5 calls SingleSignOnDir the SSO domain, but that is the SSO image set). The value is the site's SSO domain.",
    confidence: 'inferred',
  },
  {
    id: 'E-5.1-PASSWORD-FORM',
    kind: 'omission',
    where: subvs('OWA'),
    documented: null,
    corrected: {
      parameter: P.UserPwdChangeURL,
      value: 'https%3A%2F%2Fmail.example.com%2Fowa%2Fauth%2Fexpiredpassword.aspx%3Furl%3D%2Fowa%2Fauth.owa',
      use: 'ESP Enabled',
    },
    reason:
      "4.2.2's table requires the OWA SubVS's User Password Form (https://<Exchange URL>/owa/auth/expiredpassword.aspx?url=/owa/auth.owa), which the API sets as UserPwdChangeURL (Kemp's RESTful API description §3.6.1.7); 5.1 has no row for it. The host is the site's Exchange URL.",
    confidence: 'official',
  },
];
