import type { Section } from '../../model/common.js';
import type { GuideSection, GuideStep, StepPart } from '../../model/guide-step.js';

const s = (label: string, text: string, extra: Omit<GuideStep, 'label' | 'text'> = {}): GuideStep => ({
  label,
  text,
  ...extra,
});

const SET_CERT = s('', 'Click **Set Certificates**.', { errata: ['E-4-SET-CERTIFICATES'] });
const ADD_RS = s('', 'Click **Add This Real Server**.', { errata: ['E-4-ADD-THIS-REAL-SERVER'] });
const at = (label: string, step: GuideStep): GuideStep => ({ ...step, label });
const CHOOSE_CERT =
  'Select the certificate to use in the **Available Certificates** and click the “arrow” > to move it to **Assigned Certificates**.';
const EXCHANGE_RS = 'enter the IP Address for one of the Exchange Servers.';

/** Steps 1-5 of 4.1-4.7: create the Virtual Service from a template. */
function create(section: Section, template: GuideStep): StepPart {
  return {
    kind: 'create',
    section,
    steps: [
      s('1', 'Click **Virtual Services**.'),
      s('2', 'Click **Add New**.'),
      s('3', 'Enter a **Virtual Address**.', { fill: 'address' }),
      at('4', template),
      s('5', 'Click **Add This Virtual Service**.'),
    ],
  };
}

/** 4.8-4.10 start at Add New (erratum E-4.8-FIRST-STEP). */
function createShort(section: Section, templateText: string, errata?: readonly string[]): StepPart {
  return {
    kind: 'create',
    section,
    steps: [
      s('1', 'Click **Virtual Services**, then **Add New**.', { errata: ['E-4.8-FIRST-STEP'] }),
      s('2', 'Enter a **Virtual Address**.', { fill: 'address' }),
      s('3', templateText, { fill: 'template', ...(errata ? { errata } : {}) }),
      s('4', 'Click **Add This Virtual Service**.'),
    ],
  };
}

const template = (text: string, errata?: readonly string[]): GuideStep =>
  s('4', text, { fill: 'template', ...(errata ? { errata } : {}) });

/** The SSL Properties steps of 4.4, 4.6, 4.8 and 4.10. */
function certificate(section: Section, first: number): StepPart {
  return {
    kind: 'certificate',
    section,
    steps: [
      s(String(first), 'Expand **SSL Properties (Acceleration Enabled)**.'),
      s(String(first + 1), CHOOSE_CERT, { fill: 'certificate' }),
      at(String(first + 2), SET_CERT),
    ],
  };
}

/** The Real Servers steps of 4.3-4.10; `port` is the guide's "Ensure port N is entered" remark. */
function realServers(
  section: Section,
  first: number,
  servers: string,
  last: string,
  port?: number,
): StepPart {
  const ensure = port === undefined ? '' : ` Ensure port ${port} is entered in the **Port** field.`;
  return {
    kind: 'real-servers',
    section,
    steps: [
      s(String(first), 'Expand the **Real Servers** section.'),
      s(String(first + 1), 'Click **Add New**.'),
      s(String(first + 2), `${servers}${ensure}`, { fill: 'server' }),
      at(String(first + 3), ADD_RS),
      s(String(first + 4), last, { fill: 'more-servers' }),
    ],
  };
}

/** 4.1.1 and 4.2.1: assign the certificate to the HTTPS Virtual Service. */
function httpsCertificate(section: Section, esp: string): StepPart {
  const first = esp
    ? 'Click the **View/Modify Services** in the left-hand navigation.'
    : 'Click **View/Modify Services** in the left-hand navigation.';
  return {
    kind: 'certificate',
    section,
    steps: [
      s('1', first),
      s(
        '2',
        `Click **Modify** for the **Exchange 2016 HTTPS Offloaded${esp}** Virtual Service on port 443 (or **Exchange 2016 HTTPS Reencrypted${esp}** if that was selected during the creation)`,
        { fill: 'vs' },
      ),
      s('3', 'Expand **SSL Properties (Acceleration Enabled)**.'),
      s('4', CHOOSE_CERT, { fill: 'certificate' }),
      at('5', SET_CERT),
    ],
    note: `The **Reencrypt** check box is selected when using the **Exchange 2016 HTTPS Reencrypted${esp}** template.`,
    ...(esp ? {} : { noteErrata: ['E-4.1.1-REENCRYPT-NOTE'] }),
  };
}

/** 4.1.1 and 4.2.1 "Add the Real Servers": added once, to every SubVS. */
function httpsRealServers(section: Section, esp: string): StepPart {
  // 4.2.1 prints these as bullets after a); 4.1.1 letters them a) to j).
  const l = (i: number): string => (esp && i > 0 ? '-' : `${'abcdefghij'[i]})`);
  const subvs = esp ? 'Authentication Proxy' : 'ActiveSync';
  return {
    kind: 'real-servers',
    section,
    steps: [
      s(l(0), 'Click **View/Modify Services** in the left-hand navigation.'),
      s(
        l(1),
        `Click **Modify** for the **Exchange 2016 HTTPS Offloaded${esp}** Virtual Service on port 443 (or the **Exchange 2016 HTTPS Reencrypted${esp}** if that was selected during the creation).`,
        { fill: 'vs' },
      ),
      s(l(2), 'Expand the **SubVSs** section.'),
      s(
        l(3),
        `Click **Modify** for **Exchange 2016 HTTPS Offloaded${esp} - ${subvs}** (or the **Exchange 2016 HTTPS Reencrypted${esp} - ${subvs}** if that was selected during the creation).`,
        { fill: 'subvs' },
      ),
      s(l(4), 'Expand the **Real Servers** section.'),
      s(l(5), 'Click **Add New**.'),
      s(l(6), `For the **Real Server Address**, ${EXCHANGE_RS}`, { fill: 'server' }),
      s(l(7), 'Select the **Add to all SubVSs** check box.'),
      s(l(8), 'Click **Add This Real Server**.'),
      s(l(9), 'Add additional Real Servers using the **Add to all SubVSs** check box.', {
        fill: 'more-servers',
      }),
    ],
  };
}

const RS = `For **Real Server Address**, enter the **IP Address** for one of the Exchange Servers.`;
const RS_THE = `For the **Real Server Address**, ${EXCHANGE_RS}`;
const RS_4_4 = `For **Real Server Address**, ${EXCHANGE_RS}`;
const MORE = 'Add any additional Real Servers as required.';

/** The steps of sections 2.2-2.4 and 4.1-4.10, corrected; departures name their erratum. */
export const GUIDE_STEPS: readonly GuideSection[] = [
  {
    section: '2.2',
    title: 'Enable Subnet Originating Requests Globally',
    parts: [
      {
        kind: 'global',
        section: '2.2',
        steps: [
          s(
            '1',
            'In the main menu of the LoadMaster Web User Interface (WUI), go to **System Configuration > Miscellaneous Options > Network Options**.',
            { errata: ['E-2.2-WUI'] },
          ),
          s('2', 'Select the **Subnet Originating Requests** check box.'),
        ],
      },
    ],
  },
  {
    section: '2.3',
    title: '100-Continue Handling',
    parts: [
      {
        kind: 'global',
        section: '2.3',
        steps: [
          s('1', 'To select **RFC-7231 Compliant** globally, follow the steps below:', {
            errata: ['E-2.3-COMPLIANT'],
          }),
          s(
            'a)',
            'In the main menu of the LoadMaster WUI, go to **System Configuration > Miscellaneous Options > L7 Configuration**.',
          ),
          s('b)', 'Select **RFC-7231 Compliant** under **100-Continue Handling**.', {
            errata: ['E-2.3-COMPLIANT'],
          }),
        ],
      },
    ],
  },
  {
    section: '2.4',
    title: 'Additional L7 Header',
    parts: [
      {
        kind: 'global',
        section: '2.4',
        steps: [
          s(
            '1',
            'In the main menu of the LoadMaster WUI, go to **System Configuration > Miscellaneous Options > L7 Configuration**.',
          ),
          s('2', 'Select **None** under **Additional L7 Header**.'),
        ],
      },
    ],
  },
  {
    section: '4.1',
    title: 'HTTPS Offloaded and Reencrypt without ESP',
    parts: [
      create(
        '4.1',
        template(
          'Select the **Exchange 2016 HTTPS Offloaded** or the **Exchange 2016 HTTPS Reencrypted** template from the **Use Template** drop-down list depending on your preference.',
          ['E-4.1-TEMPLATE-NAME'],
        ),
      ),
      httpsCertificate('4.1.1', ''),
      httpsRealServers('4.1.1', ''),
    ],
  },
  {
    section: '4.2',
    title: 'HTTPS Offloaded and Reencrypt with ESP',
    parts: [
      create(
        '4.2',
        template(
          'Select the **Exchange 2016 HTTPS Offloaded with ESP** or the **Exchange 2016 HTTPS Reencrypted with ESP** template from the **Use Template** drop-down list depending on your preference.',
          ['E-4.2-TEMPLATE-NAME'],
        ),
      ),
      httpsCertificate('4.2.1', ' with ESP'),
      httpsRealServers('4.2.1', ' with ESP'),
      {
        kind: 'esp',
        section: '4.2.2',
        steps: [
          s('-', 'Click **View/Modify Services** in the left-hand navigation.'),
          s(
            '2',
            'Click **Modify** for the **Exchange 2016 HTTPS Offloaded with ESP** Virtual Service on port 443 (or the **Exchange 2016 HTTPS Reencrypted with ESP** if that was selected during the creation).',
            { fill: 'vs' },
          ),
          s('3', 'Expand the **SubVSs** section.'),
          s(
            '4',
            'For each SubVS the following fields must be configured. Click the **set** button next to each field entered.',
          ),
        ],
      },
    ],
  },
  {
    section: '4.3',
    title: 'IMAP and IMAPS Virtual Service',
    parts: [
      create(
        '4.3',
        template(
          'Select the **Exchange 2016 IMAP** or the **Exchange 2016 IMAPS** template from the **Use Template** drop-down list depending on your preference.',
        ),
      ),
      realServers('4.3', 6, RS, MORE),
    ],
  },
  {
    section: '4.4',
    title: 'IMAPS Offloaded and IMAP with STARTTLS Virtual Service',
    parts: [
      create(
        '4.4',
        template(
          'Select the **Exchange 2016 IMAPS Offloaded** or the **Exchange 2016 IMAP with STARTTLS** template from the **Use Template** drop-down list depending on your preference.',
          ['E-4.4-TEMPLATES'],
        ),
      ),
      certificate('4.4', 6),
      realServers('4.4', 9, RS_4_4, MORE, 143),
    ],
  },
  {
    section: '4.5',
    title: 'POP and POPS Virtual Service',
    parts: [
      create(
        '4.5',
        template(
          'Select the **Exchange 2016 POP** or the **Exchange 2016 POPS** template from the **Use Template** drop-down list depending on your preference.',
        ),
      ),
      realServers('4.5', 6, RS_THE, MORE),
    ],
  },
  {
    section: '4.6',
    title: 'POPS Offloaded and POP with STARTTLS Virtual Service',
    parts: [
      create(
        '4.6',
        template(
          'Select the **Exchange 2016 POPS Offloaded** or the **Exchange 2016 POP with STARTTLS** template from the **Use Template** drop-down list depending on your preference.',
          ['E-4.6-TEMPLATES'],
        ),
      ),
      certificate('4.6', 6),
      realServers('4.6', 9, RS_THE, MORE, 110),
    ],
  },
  {
    section: '4.7',
    title: 'SMTP and SMTPS Virtual Service',
    parts: [
      create(
        '4.7',
        template(
          'Select the **Exchange 2016 SMTP** or the **Exchange 2016 SMTPS** template from the **Use Template** drop-down list depending on your preference.',
        ),
      ),
      realServers('4.7', 6, RS_THE, MORE),
    ],
  },
  {
    section: '4.8',
    title: 'SMTPS Offloaded and SMTP with STARTTLS Virtual Service',
    parts: [
      createShort(
        '4.8',
        'Select the **Exchange 2016 SMTPS Offloaded** or the **Exchange 2016 SMTP with STARTTLS** template from the **Use Template** drop-down list depending on your preference.',
        ['E-4.8-TEMPLATES'],
      ),
      certificate('4.8', 5),
      {
        ...realServers('4.8', 8, RS_THE, MORE, 25),
        note: 'SMTPS can be configured as offloaded as outlined above but cannot be set to Reencrypt.',
      },
    ],
  },
  {
    section: '4.9',
    title: 'SMTP with ESP Virtual Service',
    parts: [
      createShort(
        '4.9',
        'Select the **Exchange 2016 SMTP with ESP** template from the **Use Template** drop-down list depending on your preference.',
      ),
      {
        kind: 'smtp-domains',
        section: '4.9',
        steps: [
          s('5', 'Expand **ESP Options**.'),
          s(
            '6',
            'Enter the Permitted SMTP Domain for the Organization and click **Set Permitted Domains**.',
            {
              fill: 'smtp-domains',
            },
          ),
        ],
      },
      (() => {
        const part = realServers(
          '4.9',
          7,
          'For the Real Server Address, enter the IP Address for one of the Exchange Servers.',
          'Add any additional Real Servers as necessary.',
        );
        const steps = part.steps.map((st) =>
          st.fill === 'server' ? { ...st, errata: ['E-4.9-SERVERS'] } : st,
        );
        return { ...part, steps };
      })(),
    ],
  },
  {
    section: '4.10',
    title: 'Office Online Server Virtual Service',
    parts: [
      createShort(
        '4.10',
        'Select the **Exchange 2016 Office Online Server** template from the **Use Template** drop-down list depending on your preference.',
      ),
      certificate('4.10', 5),
      realServers('4.10', 8, RS_THE.replace('Exchange Servers', 'Office Online Servers'), MORE),
    ],
  },
];
