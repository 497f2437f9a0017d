import { API, between, bool, int, list, MODULE, REST, REST_EXAMPLES, text } from './param-types.js';
import type { ParamSpec } from './parameter.js';

/** Why an ESP field's reply element is unconfirmed (see ReplyForm.unconfirmed). */
const UNSEEN = `${API} §9: no official document or captured showvs shows the element of an ESP field other than EspEnabled, InputAuthMode and OutputAuthMode`;

/** The Edge Security Pack's parameters of a Virtual Service or SubVS (docs/loadmaster-api.md §5). */
export const ESP_PARAMETERS = [
  // Edge Security Pack.
  {
    name: 'EspEnabled',
    scope: 'vs',
    type: bool,
    meaning: 'enable the Edge Security Pack on the service',
    source: `${API} §5; ${MODULE} (-ESPEnabled)`,
    confidence: 'official',
    cmdlet: { name: 'ESPEnabled' },

    stage: 1,
  },
  {
    name: 'ESPLogs',
    scope: 'vs',
    type: int(0, 7),
    meaning: 'ESP logging bitmask: 1 user access, 2 security, 4 connection (SMTP services take only 0 or 4)',
    source: `${REST} §3.6.1.7`,
    confidence: 'official',
    cmdlet: { name: 'ESPLogs', accepts: between(0, 7) },
    reply: { unconfirmed: true, source: UNSEEN },

    stage: 1,
  },
  {
    name: 'InputAuthMode',
    scope: 'vs',
    type: int(0, 8, {
      0: 'delegate to server',
      1: 'basic',
      2: 'form',
      4: 'client certificate',
      5: 'NTLM',
      6: 'SAML',
      7: 'pass post',
      8: 'OIDC',
    }),
    meaning: 'client authentication mode',
    source: `${API} §5`,
    confidence: 'official',
    cmdlet: { name: 'InputAuthMode', accepts: between(0, 8) },

    stage: 1,
  },
  {
    name: 'OutputAuthMode',
    scope: 'vs',
    type: int(0, 4, { 0: 'none', 1: 'basic', 2: 'form', 3: 'KCD', 4: 'server token' }),
    meaning: 'server authentication mode',
    source: `${API} §5`,
    confidence: 'official',
    cmdlet: { name: 'OutputAuthMode', accepts: between(0, 4) },

    stage: 1,
  },
  {
    name: 'AllowedHosts',
    scope: 'vs',
    type: list,
    meaning: 'virtual hosts ESP lets through',
    source: `${API} §5`,
    confidence: 'official',
    cmdlet: { name: 'AllowedHosts' },
    reply: { unconfirmed: true, source: UNSEEN },

    stage: 1,
  },
  {
    name: 'AllowedDirectories',
    scope: 'vs',
    type: list,
    meaning: 'paths ESP lets through',
    source: `${API} §5`,
    confidence: 'official',
    cmdlet: { name: 'AllowedDirectories' },
    reply: { unconfirmed: true, source: UNSEEN },

    stage: 1,
  },
  {
    name: 'ExcludedDirectories',
    scope: 'vs',
    type: list,
    meaning: 'paths exempt from pre-authentication',
    source: `${API} §5`,
    confidence: 'official',
    cmdlet: { name: 'ExcludedDirectories' },
    reply: { unconfirmed: true, source: UNSEEN },

    stage: 1,
  },
  {
    name: 'Logoff',
    scope: 'vs',
    type: text,
    meaning: 'URL path that ends the ESP session',
    source: `${API} §5`,
    confidence: 'official',
    cmdlet: { name: 'Logoff' },
    reply: { unconfirmed: true, source: UNSEEN },

    stage: 2,
  },
  {
    name: 'Domain',
    scope: 'vs',
    type: text,
    meaning:
      'the SSO domain that authenticates ESP users (docs/loadmaster-api.md §5 gives SingleSignOnDir, which is the SSO image set)',
    source: `${REST} §3.6.1.7; ${MODULE}`,
    confidence: 'official',
    cmdlet: { name: 'Domain' },

    reply: {
      compare: 'ci',
      unconfirmed: true,
      source: `${REST_EXAMPLES}: SSO domain names read back in capitals; ${UNSEEN}`,
    },
    stage: 2,
  },
  {
    name: 'SingleSignOnMessage',
    scope: 'vs',
    type: text,
    meaning: 'greeting shown on the login form (HTML allowed, up to 255 characters, no grave accent)',
    source: `${REST} §3.6.1.7`,
    confidence: 'official',
    cmdlet: { name: 'SingleSignOnMessage' },
    reply: { unconfirmed: true, source: UNSEEN },

    stage: 2,
  },
  {
    name: 'UserPwdChangeURL',
    scope: 'vs',
    type: text,
    meaning: 'where users change an expired password (4.2.2 "User Password Form")',
    source: `${REST} §3.6.1.7; ${MODULE} (-UserPwdChangeUrl)`,
    confidence: 'official',
    cmdlet: { name: 'UserPwdChangeUrl' },
    reply: { unconfirmed: true, source: UNSEEN },

    stage: 2,
  },
  {
    name: 'SMTPAllowedDomains',
    scope: 'vs',
    type: list,
    meaning: 'SMTP domains ESP accepts mail for ("Permitted Domains")',
    source: `${API} §5`,
    confidence: 'official',
    cmdlet: { name: 'SMTPAllowedDomains' },
    reply: { unconfirmed: true, source: UNSEEN },

    stage: 1,
  },
] as const satisfies readonly ParamSpec[];
