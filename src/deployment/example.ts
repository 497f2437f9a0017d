/** What `build-templates init` writes: a commented deployment file a site edits. */
export const EXAMPLE_DEPLOYMENT = `# A LoadMaster deployment for Exchange 2016, as Kemp's deployment guide recommends.
# build-templates --deployment THIS_FILE --out DIR writes DIR/deploy.sh, DIR/deploy.ps1 and DIR/runbook.md.
# Credentials never go in this file: the scripts read them from the environment or prompt for them.
$schema: ./node_modules/build-templates/schemas/deployment.schema.json

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

# The Exchange servers: real servers of every service but Office Online Server. "port" defaults to
# the one the guide gives for the template (80 for HTTPS offloaded, 443 re-encrypted, 25 SMTP, ...).
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
