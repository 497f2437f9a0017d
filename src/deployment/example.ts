import { parse } from 'yaml';

/** Where the schema line goes; init puts the path from the new file to the installed schema there. */
const SCHEMA = '@SCHEMA@';

/** The commented example deployment `build-templates init` writes, with SCHEMA for the schema's path. */
const EXAMPLE = `# yaml-language-server: $schema=${SCHEMA}
# A LoadMaster deployment for Exchange 2016, as Kemp's deployment guide recommends.
# build-templates --deployment THIS_FILE --out DIR writes DIR/deploy.sh, DIR/deploy.ps1 and DIR/runbook.md.
# Credentials never go in this file: the scripts read them from the environment or prompt for them.
$schema: ${SCHEMA}

# Apply the guide's section 2 settings to the whole LoadMaster: Subnet Originating Requests,
# 100-Continue Handling RFC-7231 Compliant, Additional L7 Header None.
globals: true

# One entry per Virtual Service, each made from one of the guide's templates:
#   https-offloaded, https-reencrypted, https-offloaded-esp, https-reencrypted-esp,
#   imap, imaps, imaps-offloaded, imap-starttls, pop, pops, pops-offloaded, pop-starttls,
#   smtp, smtps, smtps-offloaded, smtp-starttls, smtp-esp, office-online
services:
  - template: https-offloaded-esp
    address: 192.168.10.47        # the Virtual Service's address (IPv4 or IPv6)
    certificate: Wildcard         # a certificate already installed on the LoadMaster
  - template: smtp-esp
    address: 192.168.10.48

# The Exchange servers: real servers of every service but Office Online Server. They carry no port:
# each service reaches them on the port the guide gives for its template (80 for HTTPS offloaded, 443
# re-encrypted, 25 SMTP, ...). "weight" is optional (1-65530, default 1000).
exchangeServers:
  - address: 192.168.10.108
  - address: 192.168.10.109
    weight: 1000

# The Office Online Servers, for the office-online template.
officeOnlineServers: []

# The Edge Security Pack's site values (guide 4.2.2 and 4.9), needed by the ESP templates.
esp:
  ssoDomain: EXAMPLE.COM            # the SSO domain configured on the LoadMaster
  allowedHosts: [mail.example.com, autodiscover.example.com]
  # The OWA arbitration mailbox: run this in the Exchange Management Shell and copy exchangeGUID
  # and the domain of primarysmtpaddress:
  #   Get-Mailbox -Arbitration | where {$_.PersistedCapabilities -like "OrganizationCapabilityClientExtensions"} | fl exchangeGUID, primarysmtpaddress
  owaGuid: 00000000-0000-0000-0000-000000000000
  smtpDomain: example.com
  logoff: /owa/logoff.owa           # change only if the site changed OWA's logoff string
  exchangeUrl: https://mail.example.com
  smtpPermittedDomains: [example.com]
`;

/**
 * What `build-templates init` writes: the commented example as YAML, or the same data as JSON for a
 * `.json` file (JSON has no comments). `schema` is the path of deployment.schema.json as the new file
 * should name it (relative to the file's folder), for editors that validate as you type.
 */
export function exampleDeployment(schema: string, format: 'yaml' | 'json'): string {
  const yaml = EXAMPLE.replaceAll(SCHEMA, schema);
  return format === 'yaml' ? yaml : `${JSON.stringify(parse(yaml), null, 2)}\n`;
}

/** The example with the schema path a file in the project's root would use, for tests. */
export const EXAMPLE_DEPLOYMENT = exampleDeployment('schemas/deployment.schema.json', 'yaml');
