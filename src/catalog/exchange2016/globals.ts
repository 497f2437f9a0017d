import { P } from '../../loadmaster/parameters.js';
import type { GlobalSetting } from '../../model/global-setting.js';

/** Section 2's LoadMaster-wide settings, in the guide's order. */
export const GLOBAL_SETTINGS: readonly GlobalSetting[] = [
  {
    id: 'subnet-originating',
    section: '2.2',
    label: 'Subnet Originating Requests',
    uiPath: 'System Configuration > Miscellaneous Options > Network Options',
    uiValue: 'Enabled (check box selected)',
    param: P.subnetorigin,
    value: true,
    why: 'In a two-armed setup the real servers otherwise answer the Virtual Service address on eth0 and routing becomes asymmetric; enabling it globally enables it on every Virtual Service.',
    confidence: 'code',
  },
  {
    id: 'expect-100',
    section: '2.3',
    label: '100-Continue Handling',
    uiPath: 'System Configuration > Miscellaneous Options > L7 Configuration',
    uiValue: 'RFC-7231 Compliant',
    param: P.expect100,
    value: 2,
    why: 'Avoids issues with Exchange Web Services, especially in hybrid configurations, which the RFC-2616 default causes.',
    confidence: 'official',
  },
  {
    id: 'additional-l7-header',
    section: '2.4',
    label: 'Additional L7 Header',
    uiPath: 'System Configuration > Miscellaneous Options > L7 Configuration',
    uiValue: 'None',
    param: P.addforwardheader,
    value: 2,
    why: "The built-in Mail client on Mac mishandles Exchange's Persistent-Auth headers when the LoadMaster adds one.",
    confidence: 'official',
  },
];
