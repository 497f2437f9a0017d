/** An Exchange server: it serves every service but Office Online Server, each on its own port. */
export interface ExchangeServer {
  readonly address: string;
  /** LoadMaster weight, 1-65530 (default 1000 on the appliance). */
  readonly weight?: number;
}

/** A real server: an Exchange server, or an Office Online Server with an optional port of its own. */
export interface RealServer extends ExchangeServer {
  /** Defaults to the port the template's section of the guide asks for. */
  readonly port?: number;
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
  /** The port its real servers listen on, if not the one the guide gives for the template. */
  readonly realServerPort?: number;
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

/** The names a site gives the guide's content rules (rule names are global on a LoadMaster). */
export interface ContentRuleNames {
  /** Put before every rule name the site uses. */
  readonly prefix?: string;
  /** A name of the site's own for one of the guide's rules, by the guide's name (no prefix then). */
  readonly names?: Readonly<Record<string, string>>;
}

/** The name the site gives one of the guide's content rules. */
export function siteRuleName(rules: ContentRuleNames | undefined, guideName: string): string {
  const own = rules?.names && Object.hasOwn(rules.names, guideName) ? rules.names[guideName] : undefined;
  return own ?? `${rules?.prefix ?? ''}${guideName}`;
}

/** A site's deployment file, validated. */
export interface Deployment {
  /** Apply the section 2 global settings. */
  readonly globals: boolean;
  readonly services: readonly DeployedService[];
  readonly exchangeServers: readonly ExchangeServer[];
  readonly officeOnlineServers: readonly RealServer[];
  readonly esp?: EspSite;
  /** The site's names for the guide's content rules; absent: the guide's names. */
  readonly contentRules?: ContentRuleNames;
}
