import type { Bundle } from '../../model/template.js';

/** Section 3's three downloadable files. */
export const BUNDLES: readonly Bundle[] = [
  {
    name: 'Exchange2016Core',
    description:
      'Templates for non-SSL offloaded HTTPS, SSL offloaded HTTPS, and SMTP Virtual Services: the primary set of services required to balance Exchange 2016.',
    templates: ['https-offloaded', 'https-reencrypted', 'smtp', 'office-online'],
    decisions: [
      '"non-SSL offloaded HTTPS" is read as the re-encrypting HTTPS template: it is the only HTTPS template without ESP that does not offload SSL.',
      '"SMTP Virtual Services" is read as plain SMTP only; section 3 puts the SSL secured and STARTTLS variants in Exchange2016Additional.',
      "Section 3 does not place Office Online Server. It goes here: Kemp's Exchange 2019 core bundle holds its Office Online Server template beside the HTTPS and SMTP ones (docs/loadmaster-api.md §7), and OWA document preview is part of the primary HTTPS service, not an ESP or an additional protocol.",
    ],
  },
  {
    name: 'Exchange2016ESP',
    description:
      'Individual templates for a HTTPS service with SSL offloading and an SMTP service, both with ESP enabled: only necessary to use ESP functionality.',
    templates: ['https-offloaded-esp', 'https-reencrypted-esp', 'smtp-esp'],
    decisions: [
      'Section 3 names only the offloaded HTTPS service with ESP, but section 4.2 uses an "Exchange 2016 HTTPS ReEncrypted with ESP" template as well. Both ESP templates go here: ESP needs the LoadMaster to decrypt either way.',
    ],
  },
  {
    name: 'Exchange2016Additional',
    description:
      'Templates for IMAP, POP, and SMTP services, including variants for STARTTLS and SSL secured services.',
    templates: [
      'imap',
      'imaps',
      'imaps-offloaded',
      'imap-starttls',
      'pop',
      'pops',
      'pops-offloaded',
      'pop-starttls',
      'smtps',
      'smtps-offloaded',
      'smtp-starttls',
    ],
    decisions: ['Plain SMTP stays in Exchange2016Core, which section 3 says holds the SMTP service.'],
  },
];
