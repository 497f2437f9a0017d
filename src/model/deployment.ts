/** A real server: an Exchange server or an Office Online Server. */
export interface RealServer {
  readonly address: string;
  /** Defaults to the port the template's section of the guide asks for. */
  readonly port?: number;
  /** LoadMaster weight, 1-65530 (default 1000 on the appliance). */
  readonly weight?: number;
}

/** One service of the site, made from one template. */
export interface DeployedService {
  /** Template id ("https-offloaded-esp", "imaps-offloaded", ...). */
  readonly template: string;
  /** The Virtual Service's address. */
  readonly address: string;
  /** Name of a certificate already on the LoadMaster, for SSL accelerated services. */
  readonly certificate?: string;
  /** The Virtual Service's nickname, if not the guide's. */
  readonly nickname?: string;
}

/** What an ESP service needs of the site (4.2.2 and 4.9). */
export interface EspSite {
  /** The SSO domain configured on the LoadMaster. */
  readonly ssoDomain: string;
  /** The virtual hosts ESP lets through (4.2.2 "Allowed Virtual Hosts"). */
  readonly allowedHosts: readonly string[];
  /** The OWA arbitration mailbox's exchangeGUID (4.2.2 footnote 1). */
  readonly owaGuid: string;
  /** Its primary SMTP domain, the part after @ in the excluded directory. */
  readonly smtpDomain: string;
  /** The OWA logoff string (4.2.2; /owa/logoff.owa unless the site changed it). */
  readonly logoff: string;
  /** The Exchange URL users reach, for the password change form (https://mail.example.com). */
  readonly exchangeUrl: string;
  /** Domains SMTP with ESP accepts mail for (4.9 "Permitted Domains"). */
  readonly smtpPermittedDomains: readonly string[];
}

/** A site's deployment file, validated. */
export interface Deployment {
  /** Apply the section 2 global settings. */
  readonly globals: boolean;
  readonly services: readonly DeployedService[];
  readonly exchangeServers: readonly RealServer[];
  readonly officeOnlineServers: readonly RealServer[];
  readonly esp?: EspSite;
}
