import type { Section } from './common.js';

/**
 * One row of the ESP table of 4.2.2: what must be set on each SubVS of an ESP HTTPS service.
 * Cells hold the guide's text ("n/a", "Required", a value).
 */
export interface EspTableRow {
  /** SubVS id in the HTTPS service. */
  readonly subvs: string;
  /** The table's first column. */
  readonly name: string;
  readonly excludedDirectories: string;
  readonly allowedVirtualHosts: string;
  readonly logoffString: string;
  readonly userPasswordForm: string;
}

/** The ESP facts of 4.2.2 that are not parameters. */
export interface EspGuidance {
  readonly section: Section;
  readonly table: readonly EspTableRow[];
  /** The Exchange Management Shell command that prints the OWA arbitration mailbox GUID. */
  readonly owaGuidCommand: string;
  /** The logoff string the OWA SubVS needs unless the site changed it. */
  readonly defaultLogoff: string;
  /** The SSO greeting accepts HTML; these characters are dropped by the appliance. */
  readonly greetingForbiddenCharacters: readonly string[];
  readonly greetingAcceptsHtml: boolean;
}
