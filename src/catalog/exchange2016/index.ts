import type { Catalog } from '../../model/catalog.js';
import { BUNDLES } from './bundles.js';
import { CASING_ERRATA, NAME_ERRATA } from './errata-names.js';
import { OMISSION_ERRATA } from './errata-omissions.js';
import { STEP_ERRATA } from './errata-steps.js';
import { ENCODING_ERRATA, ENUM_ERRATA, VALUE_ERRATA } from './errata-values.js';
import { ESP_GUIDANCE } from './esp.js';
import { EXCHANGE_PREREQUISITES } from './exchange-side.js';
import { GLOBAL_SETTINGS } from './globals.js';
import { EXAMPLE_ALLOWED_HOSTS, HTTPS_SERVICE } from './https.js';
import { IMAP_SERVICES, POP_SERVICES, SMTP_SERVICES } from './mail.js';
import { OFFICE_ONLINE } from './office-online.js';
import { SOURCES } from './sources.js';
import { GUIDE_STEPS } from './steps.js';
import { TEMPLATES } from './templates.js';
import { WUI_FIELDS } from './wui-fields.js';

/** Kemp's MS Exchange 2016 Deployment Guide (updated 23 March 2021), as corrected data. */
export const EXCHANGE_2016: Catalog = {
  title: 'MS Exchange 2016 Deployment Guide (Kemp, updated 23 March 2021)',
  globals: GLOBAL_SETTINGS,
  https: HTTPS_SERVICE,
  services: [...IMAP_SERVICES, ...POP_SERVICES, ...SMTP_SERVICES, OFFICE_ONLINE],
  templates: TEMPLATES,
  bundles: BUNDLES,
  esp: ESP_GUIDANCE,
  steps: GUIDE_STEPS,
  rowErrata: [
    ...CASING_ERRATA,
    ...NAME_ERRATA,
    ...ENUM_ERRATA,
    ...VALUE_ERRATA,
    ...ENCODING_ERRATA,
    ...OMISSION_ERRATA,
  ],
  stepErrata: STEP_ERRATA,
  example: {
    virtualAddress: '192.168.10.47',
    realServers: ['192.168.10.108'],
    certificate: 'Wildcard',
    allowedHosts: EXAMPLE_ALLOWED_HOSTS.split(' '),
    smtpDomain: 'Example.com',
    ssoDomain: 'EXAMPLE.COM',
  },
  exchangeSide: EXCHANGE_PREREQUISITES,
  sources: SOURCES,
  wui: WUI_FIELDS,
};
