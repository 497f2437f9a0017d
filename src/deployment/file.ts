import type { ContentRuleNames, DeployedService, ExchangeServer, RealServer } from '../model/deployment.js';

/**
 * A deployment file as written, once it matches schemas/deployment.schema.json (the schema and this
 * type are checked against each other by the tests).
 */
export interface DeploymentFile {
  readonly $schema?: string;
  readonly globals?: boolean;
  readonly services: readonly DeployedService[];
  readonly exchangeServers: readonly ExchangeServer[];
  readonly officeOnlineServers?: readonly RealServer[];
  readonly contentRules?: ContentRuleNames;
  readonly esp?: {
    readonly ssoDomain: string;
    readonly allowedHosts: readonly string[];
    readonly owaGuid?: string;
    readonly smtpDomain?: string;
    readonly logoff?: string;
    readonly exchangeUrl?: string;
    readonly smtpPermittedDomains?: readonly string[];
  };
}
