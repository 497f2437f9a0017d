import { P, type ParamName } from '../../loadmaster/parameters.js';
import type { WuiField } from '../../model/wui.js';

const at = (section: string | null, field: string | null, source: string, where: string): WuiField => ({
  section,
  field,
  cite: { source, section: where },
});
const guide = (section: string, field: string, where: string): WuiField =>
  at(section, field, 'kemp-guide', where);
const standard = (field: string, source = 'kemp-wui', where = 'Standard Options'): WuiField =>
  at('Standard Options', field, source, where);
const ssl = (field: string): WuiField => guide('SSL Properties', field, '4.1.1');
const esp = (
  field: string | null,
  source = 'kemp-wui',
  where = 'Edge Security Pack (ESP) Options',
): WuiField => at('ESP Options', field, source, where);
const check = (
  field: string | null,
  source = 'kemp-wui',
  where = 'HTTP or HTTPS Protocol Health Checking',
): WuiField => at('Real Servers', field, source, where);
const rule = (field: string): WuiField =>
  at('Content Rules > Create New', field, 'kemp-wui', 'Content Matching');

/**
 * The WUI field of each parameter the scripts send, from the guide's steps and screenshots and
 * Kemp's documents. ForceL7 has no box of its own: the WUI's box is Force L4, cleared for ForceL7=1.
 */
export const WUI_FIELDS: Readonly<Partial<Record<ParamName, WuiField>>> = {
  [P.port]: at('Virtual Services > Add New', 'Port', 'kemp-blackboard', 'Configure a HTTP Virtual Service'),
  [P.nickname]: at(
    'Virtual Services > Add New (a SubVS: its own screen)',
    'Service Name (a SubVS: SubVS Name)',
    'kemp-blackboard',
    'Configure a HTTP Virtual Service',
  ),
  [P.VStype]: at(
    null,
    'Service Type (Generic, HTTP/HTTPS, STARTTLS protocols)',
    'kemp-health-checking',
    'Health Check Options',
  ),
  [P.ForceL7]: standard('Force L4 (cleared for ForceL7=1)', 'kemp-non-transparency', 'Non Transparency'),
  [P.Transparent]: standard('Transparency', 'kemp-blackboard', 'Configure a HTTP Virtual Service'),
  [P.SubnetOriginating]: standard('Subnet Originating Requests'),
  [P.SSLAcceleration]: ssl('SSL Acceleration: Enabled'),
  [P.SSLReencrypt]: ssl('Reencrypt'),
  [P.TlsType]: ssl('Supported Protocols (check boxes; 3: SSLv3 and TLS1.0 cleared)'),
  [P.CipherSet]: ssl('Cipher Set'),
  [P.CertFile]: ssl('Available Certificates > Assigned Certificates, Set Certificates'),
  [P.Persist]: standard('Persistence Mode', 'kemp-blackboard', 'Configure a HTTP Virtual Service'),
  [P.PersistTimeout]: standard(
    'Timeout (under Persistence Mode, as a duration)',
    'kemp-blackboard',
    'Configure a HTTP Virtual Service',
  ),
  [P.Schedule]: standard('Scheduling Method', 'kemp-blackboard', 'Configure a HTTP Virtual Service'),
  [P.Idletime]: at(
    null,
    'Idle Connection Timeout',
    'kemp-resource-utilization',
    'Resource Consumption: Idle Connection Timeout',
  ),
  [P.ServerInit]: at(null, null, 'kemp-wui', 'Standard Options'),
  [P.StartTLSMode]: standard('StartTLS mode', 'kemp-starttls-article', 'Support article 200539869'),
  [P.Enable]: at(
    'Basic Properties',
    'Activate or Deactivate Service',
    'kemp-wui',
    'View/Modify (Existing HTTP Service)',
  ),
  [P.ErrorCode]: at(
    'Advanced Properties',
    null,
    'kemp-wui',
    'View/Modify (Existing HTTP Service): Not Available Redirection Handling',
  ),
  [P.ErrorUrl]: at(
    'Advanced Properties',
    null,
    'kemp-wui',
    'View/Modify (Existing HTTP Service): Not Available Redirection Handling',
  ),
  [P.CheckType]: check('Real Server Check Method', 'kemp-health-checking', 'Health Check Options'),
  [P.CheckPort]: check(null),
  [P.CheckUrl]: check('URL, Set URL'),
  [P['CheckUse1.1']]: check('Use HTTP/1.1'),
  [P.CheckUseGet]: check('HTTP Method', 'kemp-health-checking', 'HTTP or HTTPS Protocol Health Checking'),
  [P.EspEnabled]: esp('Enable ESP'),
  [P.ESPLogs]: esp('ESP Logging (User Access, Security, Connection)'),
  [P.InputAuthMode]: esp('Client Authentication Mode'),
  [P.OutputAuthMode]: esp('Server Authentication Mode'),
  [P.AllowedHosts]: esp('Allowed Virtual Hosts', 'kemp-guide', '4.2.2'),
  [P.AllowedDirectories]: esp(null),
  [P.ExcludedDirectories]: esp('Pre-Authorization Excluded Directories', 'kemp-guide', '4.2.2'),
  [P.Logoff]: esp('Logoff String', 'kemp-guide', '4.2.2'),
  [P.Domain]: esp('SSO Domain'),
  [P.SingleSignOnMessage]: esp('SSO Greeting Message', 'kemp-guide', '4.2.2'),
  [P.UserPwdChangeURL]: esp('User Password Form', 'kemp-guide', '4.2.2'),
  [P.SMTPAllowedDomains]: esp('Permitted Domains, Set Permitted Domains', 'kemp-guide', '4.9'),
  [P.name]: rule('Rule Name'),
  [P.matchtype]: rule('Match Type'),
  [P.pattern]: rule('Match String'),
  [P.nocase]: rule('Ignore Case'),
  [P.rs]: guide('Real Servers > Add New', 'Real Server Address', '4.1.1'),
  [P.rsport]: guide('Real Servers > Add New', 'Port', '4.4'),
  [P.weight]: guide('Real Servers > Add New', 'Weight', '4.2.1'),
  [P.subnetorigin]: guide(
    'System Configuration > Miscellaneous Options > Network Options',
    'Subnet Originating Requests',
    '2.2',
  ),
  [P.expect100]: guide(
    'System Configuration > Miscellaneous Options > L7 Configuration',
    '100-Continue Handling',
    '2.3',
  ),
  [P.addforwardheader]: guide(
    'System Configuration > Miscellaneous Options > L7 Configuration',
    'Additional L7 Header',
    '2.4',
  ),
};
