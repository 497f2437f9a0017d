import { EXCHANGE_2016 } from '../../src/catalog/exchange2016/index.js';
import { P } from '../../src/loadmaster/parameters.js';
import type { Catalog } from '../../src/model/catalog.js';
import type { GuideSection } from '../../src/model/guide-step.js';
import type { VirtualService } from '../../src/model/service.js';
import type { Setting } from '../../src/model/setting.js';
import type { Template } from '../../src/model/template.js';

/**
 * A template the guide does not have, added the way ARCHITECTURE.md's "Add a template" says: its
 * Virtual Service (rows named through P), the template, its bundle, and the steps of its section.
 */
const set = (param: Setting['param'], value: Setting['value']): Setting => ({ param, value });

/** Step 1: the Virtual Service, its rows under a heading of its own in 5.4's table. */
export const LDAP_VS: VirtualService = {
  id: 'ldap',
  place: { section: '5.4', group: 'LDAP', item: null },
  settings: [
    set(P.port, 389),
    set(P.prot, 'tcp'),
    set(P.VStype, 'gen'),
    set(P.nickname, 'Exchange LDAP'),
    set(P.Schedule, 'lc'),
    set(P.Idletime, 900),
    set(P.CheckType, 'ldap'),
    set(P.CheckPort, 389),
  ],
};

/** Step 2: the template. */
export const LDAP_TEMPLATE: Template = {
  id: 'ldap',
  name: 'Exchange 2016 LDAP',
  section: '4.20',
  comment: 'A made-up LDAP service on 389',
  source: { kind: 'vs', vs: 'ldap' },
  realServerPort: 389,
  servers: 'exchange',
  certificate: false,
  addToAllSubVSs: false,
  beyondGuide: 'A made-up LDAP service, its values chosen for the test of the recipe.',
};

/** Step 4: the steps of its section (a number far from the guide's, so that a real addition's 4.11 does not meet it). */
const LDAP_STEPS: GuideSection = {
  section: '4.20',
  title: 'LDAP',
  parts: [
    {
      kind: 'create',
      section: '4.20',
      steps: [
        { label: '1', text: 'Click **Virtual Services**, then **Add New**.' },
        { label: '2', text: 'Enter a **Virtual Address**.', fill: 'address' },
        { label: '3', text: 'Select the **Exchange 2016 LDAP** template.', fill: 'template' },
        { label: '4', text: 'Click **Add This Virtual Service**.' },
      ],
    },
    {
      kind: 'real-servers',
      section: '4.20',
      steps: [
        {
          label: '5',
          text: 'Add each Exchange server.',
          fill: 'server',
          errata: ['E-4-ADD-THIS-REAL-SERVER'],
        },
        { label: '6', text: 'Add the others.', fill: 'more-servers' },
      ],
    },
  ],
};

/** The Exchange 2016 catalogue with the made-up template; step 3 puts it in Exchange2016Additional. */
export const MADE_UP_CATALOG: Catalog = {
  ...EXCHANGE_2016,
  services: [...EXCHANGE_2016.services, LDAP_VS],
  templates: [...EXCHANGE_2016.templates, LDAP_TEMPLATE],
  bundles: EXCHANGE_2016.bundles.map((b) =>
    b.name === 'Exchange2016Additional' ? { ...b, templates: [...b.templates, LDAP_TEMPLATE.id] } : b,
  ),
  steps: [...EXCHANGE_2016.steps, LDAP_STEPS],
};
