import { P } from '../../loadmaster/parameters.js';
import type { RowErratum } from '../../model/erratum.js';
import { at, rules, subvs } from './locate.js';

const SUBVS = 'Sub Virtual Service';
const casing =
  "API parameter names appear to be case-insensitive (docs/loadmaster-api.md §1, inferred), so the guide's spelling probably works; the canonical spelling of the parameter catalogue (Kemp's RESTful API description) is used so that nothing depends on that inference.";

/** Parameter names of section 5 that differ from the catalogue only in letter case. */
export const CASING_ERRATA: readonly RowErratum[] = [
  {
    id: 'E-CASE-NICKNAME',
    kind: 'casing',
    where: [at('5.1', SUBVS)],
    documented: { parameter: 'Nickname' },
    corrected: { parameter: P.nickname },
    reason: `Kemp's RESTful API description and every other table of section 5 write \`nickname\`. ${casing}`,
    confidence: 'inferred',
  },
  {
    id: 'E-CASE-ERRORCODE',
    kind: 'casing',
    where: [at('5.1', 'HTTP Redirect'), ...subvs('Authentication Proxy')],
    documented: { parameter: 'Errorcode' },
    corrected: { parameter: P.ErrorCode },
    reason: casing,
    confidence: 'inferred',
  },
  {
    id: 'E-CASE-RULE-NAME',
    kind: 'casing',
    where: [at('5.1', 'Content Rules', 'ActiveSync')],
    documented: { parameter: 'Name' },
    corrected: { parameter: P.name },
    reason: `Every other content rule writes \`name\`. ${casing}`,
    confidence: 'inferred',
  },
  {
    id: 'E-CASE-PATTERN',
    kind: 'casing',
    where: rules('ECP', 'EWS', 'MAPI', 'OAB', 'PowerShell', 'RPC'),
    documented: { parameter: 'Pattern' },
    corrected: { parameter: P.pattern },
    reason: casing,
    confidence: 'inferred',
  },
  {
    id: 'E-CASE-NOCASE',
    kind: 'casing',
    where: [at('5.1', 'Content Rules')],
    documented: { parameter: 'Nocase' },
    corrected: { parameter: P.nocase },
    reason: casing,
    confidence: 'inferred',
  },
  {
    id: 'E-CASE-IDLETIME',
    kind: 'casing',
    where: [
      at('5.1', 'Main Virtual Service'),
      ...subvs('ActiveSync', 'Autodiscover', 'ECP', 'EWS', 'OAB', 'RPC'),
      at('5.4'),
    ],
    documented: { parameter: 'IdleTime' },
    corrected: { parameter: P.Idletime },
    reason: `The guide itself writes both IdleTime and Idletime. ${casing}`,
    confidence: 'inferred',
  },
  {
    id: 'E-CASE-PORT',
    kind: 'casing',
    where: subvs('Autodiscover'),
    documented: { parameter: 'Port' },
    corrected: { parameter: P.port },
    reason: `Every other row writes \`port\`. ${casing}`,
    confidence: 'inferred',
  },
  {
    id: 'E-CASE-FORCEL7',
    kind: 'casing',
    where: [at('5.2', 'IMAPS')],
    documented: { parameter: 'forceL7' },
    corrected: { parameter: P.ForceL7 },
    reason: `Every other table writes ForceL7. ${casing}`,
    confidence: 'inferred',
  },
  {
    id: 'E-CASE-VSTYPE',
    kind: 'casing',
    where: [at('5.3', 'POP')],
    documented: { parameter: 'VSType' },
    corrected: { parameter: P.VStype },
    reason: casing,
    confidence: 'inferred',
  },
];

/** Parameter names the appliance does not know: it would silently ignore the setting. */
export const NAME_ERRATA: readonly RowErratum[] = [
  {
    id: 'E-5.1-PATTERNS',
    kind: 'name',
    where: [at('5.1', 'Content Rules', 'OWA')],
    documented: { parameter: 'Patterns' },
    corrected: { parameter: P.pattern },
    reason:
      '`addrule` takes `pattern` (docs/loadmaster-api.md §3); `Patterns` would be ignored and the OWA rule created without its pattern.',
    confidence: 'official',
  },
  {
    id: 'E-5.1-ALLOWED-DIRECTORIES',
    kind: 'name',
    where: subvs('Authentication Proxy'),
    documented: { parameter: 'Allowed Directories' },
    corrected: { parameter: P.AllowedDirectories },
    reason:
      'A parameter name cannot hold a space; every other SubVS writes AllowedDirectories (docs/loadmaster-api.md §5).',
    confidence: 'official',
  },
  {
    id: 'E-5.1-SSO-MESSAGE',
    kind: 'name',
    where: subvs('Authentication Proxy', 'ECP', 'OWA'),
    documented: { parameter: 'SingleSignInMessage' },
    corrected: { parameter: P.SingleSignOnMessage },
    reason:
      'The login form greeting is SingleSignOnMessage (docs/loadmaster-api.md §5); SingleSignInMessage would be ignored and the form shown without it.',
    confidence: 'official',
  },
  {
    id: 'E-5.1-CHECKVERSION',
    kind: 'name',
    where: [at('5.1', SUBVS)],
    documented: { parameter: 'Checkversion' },
    corrected: { parameter: P['CheckUse1.1'] },
    reason:
      'The HTTP/1.1 health check switch is CheckUse1.1, with a literal dot (docs/loadmaster-api.md §5); Checkversion is not an API name and would be ignored.',
    confidence: 'official',
  },
  {
    id: 'E-5.5-CHECKVERSION',
    kind: 'name',
    where: [at('5.5')],
    documented: { parameter: 'CheckVersion' },
    corrected: { parameter: P['CheckUse1.1'] },
    reason:
      'The HTTP/1.1 health check switch is CheckUse1.1 (docs/loadmaster-api.md §5); CheckVersion would be ignored and Office Online Server checked with HTTP/1.0.',
    confidence: 'official',
  },
  {
    id: 'E-5.4-ENABLEESP',
    kind: 'name',
    where: [at('5.4', 'SMTP with ESP')],
    documented: { parameter: 'EnableESP' },
    corrected: { parameter: P.EspEnabled },
    reason:
      'ESP is switched on with EspEnabled, as 5.1 writes it (docs/loadmaster-api.md §5); EnableESP would be ignored and the service run without ESP.',
    confidence: 'official',
  },
  {
    id: 'E-5.4-ESPLOG',
    kind: 'name',
    where: [at('5.4', 'SMTP with ESP')],
    documented: { parameter: 'ESPLog' },
    corrected: { parameter: P.ESPLogs },
    reason: 'The ESP logging bitmask is ESPLogs, as 5.1 writes it (docs/loadmaster-api.md §5).',
    confidence: 'official',
  },
  {
    id: 'E-5.4-SMTPPALLOW',
    kind: 'name',
    where: [at('5.4', 'SMTP with ESP')],
    documented: { parameter: 'Smtppallow', value: '"Example.com"' },
    corrected: { parameter: P.SMTPAllowedDomains, value: 'Example.com' },
    reason:
      'The permitted SMTP domains (4.9 step 6) are SMTPAllowedDomains (docs/loadmaster-api.md §5). The quotes are not part of the domain: sent in a URL they would become part of the value.',
    confidence: 'official',
  },
];
