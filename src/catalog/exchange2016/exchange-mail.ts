import type { ExchangePrerequisite } from '../../model/exchange-side.js';

const SERVER = "$Server = '<name>'   # this Exchange server's name";
const IMAP = ['imap', 'imaps', 'imaps-offloaded', 'imap-starttls'];
const POP = ['pop', 'pops', 'pops-offloaded', 'pop-starttls'];
const SMTP = ['smtp', 'smtps', 'smtps-offloaded', 'smtp-starttls', 'smtp-esp'];

/** IMAP4 or POP3: the two services Exchange 2016 does not start by default. */
function services(
  protocol: 'IMAP4' | 'POP3',
  templates: readonly string[],
  page: string,
): ExchangePrerequisite {
  const names = [`MSExchange${protocol}`, `MSExchange${protocol}BE`];
  return {
    id: `${protocol.toLowerCase()}-services`,
    templates,
    title: `Start the ${protocol} services, and start them automatically`,
    symptom: `Exchange 2016 does not enable ${protocol} by default: until both ${protocol} services run, the real servers show Down with no other hint, and a service only restarted stops again at the next reboot.`,
    steps: [
      "On each Exchange server, note the services' state and startup type (the first command below): the roll-back puts them back.",
      'Set both services to start automatically and start them (the other commands).',
    ],
    record: `Get-Service ${names.join(', ')} | Format-Table Name,Status,StartType`,
    commands: [
      ...names.map((n) => `Set-Service ${n} -StartupType Automatic`),
      ...names.map((n) => `Start-Service ${n}`),
    ].join('\n'),
    undo: `On each Exchange server, set ${names.map((n) => `\`${n}\``).join(' and ')} back to the startup type noted (\`Set-Service <name> -StartupType <noted>\`), and stop them if they were stopped (\`Stop-Service <name>\`).`,
    cite: [
      {
        source: page,
        section: `Step 1: Start the ${protocol} services, and configure the services to start automatically`,
      },
    ],
  };
}

/** IMAP4 or POP3 passed through: Exchange presents its own certificate to the client. */
function certificate(protocol: 'IMAP4' | 'POP3', templates: readonly string[]): ExchangePrerequisite {
  const [cmdlet, service, page, source] =
    protocol === 'IMAP4'
      ? (['ImapSettings', 'IMAP', 'ms-imap4', 'ms-set-imapsettings'] as const)
      : (['PopSettings', 'POP', 'ms-pop3', 'ms-set-popsettings'] as const);
  const restart =
    protocol === 'IMAP4' ? "'MSExchangeIMAP4', 'MSExchangeIMAP4BE'" : "'MSExchangePOP3', 'MSExchangePOP3BE'";
  return {
    id: `${protocol.toLowerCase()}-certificate`,
    templates,
    title: `The certificate Exchange presents for ${protocol}`,
    symptom: `The LoadMaster passes TLS through to the servers here, so the certificate clients see is the one each Exchange server uses for ${protocol}, not the LoadMaster's: it must carry the name clients connect to. A certificate with that name as subject or alternative name is assigned to the ${service} service; a wildcard certificate is not assigned, only named.`,
    steps: [
      'On each Exchange server, note the current settings (the first commands below): the roll-back puts them back.',
      `Name the certificate's host name with \`Set-${cmdlet} -X509CertificateName\`, assign a certificate that is not a wildcard to the ${service} service, and restart the services (the other commands, with the thumbprint and host name for \`<thumbprint>\` and \`<host>\`).`,
    ],
    record: [
      SERVER,
      `Get-${cmdlet} -Server $Server | Format-List X509CertificateName,ExternalConnectionSettings`,
      'Get-ExchangeCertificate -Server $Server | Format-List Thumbprint,Services,CertificateDomains',
    ].join('\n'),
    commands: [
      `Set-${cmdlet} -Server $Server -X509CertificateName '<host>'`,
      `Enable-ExchangeCertificate -Server $Server -Thumbprint '<thumbprint>' -Services ${service}`,
      `Restart-Service ${restart}`,
    ].join('\n'),
    undo: `On each Exchange server, set \`X509CertificateName\` back to the value noted and, where another certificate was assigned to ${service} before, assign it again (\`Enable-ExchangeCertificate -Thumbprint <noted> -Services ${service}\`: an assignment is replaced, never removed); restart the services.`,
    cite: [
      { source: 'ms-assign-certificates', section: 'What do you need to know before you begin?' },
      {
        source: page,
        section: `Step 2: Use the Exchange Management Shell to configure the ${protocol} settings for external clients`,
      },
      { source, section: 'Parameters: -X509CertificateName' },
    ],
  };
}

/** IMAP4 or POP3 offloaded: Exchange must take a plain-text login from the LoadMaster. */
function plainTextLogin(
  protocol: 'IMAP4' | 'POP3',
  templates: readonly string[],
  port: number,
): ExchangePrerequisite {
  const [cmdlet, source, restart] =
    protocol === 'IMAP4'
      ? (['ImapSettings', 'ms-set-imapsettings', "'MSExchangeIMAP4', 'MSExchangeIMAP4BE'"] as const)
      : (['PopSettings', 'ms-set-popsettings', "'MSExchangePOP3', 'MSExchangePOP3BE'"] as const);
  return {
    id: `${protocol === 'IMAP4' ? 'imap' : 'pop'}-plain-text-login`,
    templates,
    title: `Let Exchange accept ${protocol} logins the LoadMaster has decrypted`,
    symptom: `The LoadMaster ends TLS and passes ${protocol} on to the servers in plain text on port ${port}. Exchange refuses a plain-text login there by default (LoginType SecureLogin): clients fail at login while the LoadMaster shows the servers Up.`,
    steps: [
      'On each Exchange server, note the current login type (the first command below): the roll-back puts it back.',
      `Allow plain-text logins for ${protocol} and restart its services (the other commands, with the server's name for \`<name>\`).`,
      `Let port ${port} of the Exchange servers be reached from the LoadMaster's addresses only (Windows Firewall): the setting is the server's, and a client reaching that port directly would log in in clear text.`,
    ],
    record: [SERVER, `Get-${cmdlet} -Server $Server | Format-List LoginType`].join('\n'),
    commands: [`Set-${cmdlet} -Server $Server -LoginType PlainTextLogin`, `Restart-Service ${restart}`].join(
      '\n',
    ),
    undo: `On each Exchange server, set the login type back to the value noted (\`Set-${cmdlet} -Server <name> -LoginType <noted>\`), restart the ${protocol} services, and close port ${port} again.`,
    cite: [{ source, section: 'Parameters: -LoginType' }],
  };
}

/** The Exchange side of the mail templates and of Office Online Server. */
export const MAIL_PREREQUISITES: readonly ExchangePrerequisite[] = [
  services('IMAP4', IMAP, 'ms-imap4'),
  certificate('IMAP4', ['imap', 'imaps']),
  plainTextLogin('IMAP4', ['imaps-offloaded', 'imap-starttls'], 143),
  services('POP3', POP, 'ms-pop3'),
  certificate('POP3', ['pop', 'pops']),
  plainTextLogin('POP3', ['pops-offloaded', 'pop-starttls'], 110),
  {
    id: 'smtp-source-address',
    templates: SMTP,
    title: "Receive connectors see the LoadMaster's address",
    symptom:
      "The templates are not transparent (Transparent 0, with Subnet Originating Requests on), so every SMTP connection reaches Exchange from the LoadMaster's own address. A Receive connector that grants anonymous relay to a range holding that address would relay mail for anyone who reaches this service, from the Internet too, and the connector with the most specific range for an address is the one used.",
    steps: [
      "List the Receive connectors with their remote address ranges (the command below, on each server), and make sure that no connector granting relay lists the LoadMaster's addresses on the servers' network.",
    ],
    commands: [
      SERVER,
      'Get-ReceiveConnector -Server $Server | Format-List Identity,Bindings,RemoteIPRanges,PermissionGroups,AuthMechanism',
    ].join('\n'),
    cite: [
      { source: 'kemp-guide', section: '2.2 Enable Subnet Originating Requests Globally' },
      { source: 'kemp-transparency', section: 'What Does Transparency Mean?' },
      { source: 'ms-receive-connectors', section: 'Receive connector remote addresses' },
      { source: 'ms-anonymous-relay', section: 'Allow anonymous relay on Exchange servers' },
    ],
  },
  {
    id: 'smtp-certificate',
    templates: ['smtps'],
    title: 'The certificate Exchange presents for SMTP submission (587)',
    symptom:
      "Here the LoadMaster passes SMTP through to port 587, Exchange's Client Frontend connector, so the certificate a client sees after STARTTLS is the one Exchange uses for SMTP, and its name must match that connector's FQDN. Assigning a certificate to SMTP asks whether to replace the default self-signed one that Exchange servers use between themselves: that is normally not needed.",
    steps: [
      'On each Exchange server, note the current settings (the first commands below): the roll-back puts them back.',
      "Assign a certificate carrying the host name clients use to the SMTP service (answer No to replacing the default SMTP certificate), and set the Client Frontend connector's FQDN to that name (the other commands).",
    ],
    record: [
      SERVER,
      'Get-ExchangeCertificate -Server $Server | Format-List Thumbprint,Services,CertificateDomains',
      "Get-ReceiveConnector -Server $Server | Where-Object { $_.Identity -like '*Client Frontend*' } | Format-List Identity,Fqdn",
    ].join('\n'),
    commands: [
      "Enable-ExchangeCertificate -Server $Server -Thumbprint '<thumbprint>' -Services SMTP",
      "Get-ReceiveConnector -Server $Server | Where-Object { $_.Identity -like '*Client Frontend*' } | Set-ReceiveConnector -Fqdn '<host>'",
    ].join('\n'),
    undo: "On each Exchange server, set the Client Frontend connector's FQDN back to the value noted (`Set-ReceiveConnector`), and, where another certificate was the SMTP one before, assign it again (`Enable-ExchangeCertificate -Server <name> -Thumbprint <noted> -Services SMTP`, answering No to replacing the default SMTP certificate).",
    cite: [
      { source: 'ms-assign-certificates', section: 'What do you need to know before you begin?' },
      {
        source: 'ms-authenticated-smtp',
        section: 'Step 1: Configure the FQDN on the "Client Frontend <Server name>" Receive connector',
      },
    ],
  },
  {
    id: 'smtp-certificate-25',
    templates: ['smtp', 'smtp-esp'],
    title: 'The certificate Exchange presents on port 25',
    symptom:
      "Here the LoadMaster passes SMTP through to port 25, Exchange's Default Frontend connector, which offers STARTTLS with a certificate matching its FQDN (its EHLO name). That connector serves every server sending mail to the organization: this runbook changes nothing on it, only checks that a certificate assigned to SMTP carries its FQDN.",
    steps: [
      "On each Exchange server, read the Default Frontend connector's FQDN and the certificates assigned to SMTP (the commands below); if none carries that name, Exchange offers its self-signed certificate.",
    ],
    commands: [
      SERVER,
      "Get-ReceiveConnector -Server $Server | Where-Object { $_.Identity -like '*Default Frontend*' } | Format-List Identity,Fqdn,TlsCertificateName",
      'Get-ExchangeCertificate -Server $Server | Format-List Thumbprint,Services,CertificateDomains',
    ].join('\n'),
    cite: [
      {
        source: 'ms-receive-connectors',
        section: 'Default Receive connectors in the Front End Transport service on Mailbox servers',
      },
      { source: 'ms-receive-connectors', section: 'Receive connector authentication mechanisms' },
    ],
  },
  {
    id: 'smtp-offloaded-submission',
    templates: ['smtps-offloaded', 'smtp-starttls'],
    title: 'No signed-in sending through a service that ends TLS',
    symptom:
      "The LoadMaster ends TLS and passes SMTP to port 25 in plain text, where Exchange's Default Frontend connector offers Basic authentication only after STARTTLS (BasicAuthRequireTLS). So a client cannot sign in to send mail through this service: it carries what port 25 carries, mail that needs no sign-in. Clients that send with a user name and password need a service that passes TLS through to Exchange's Client Frontend connector (the SMTPS template, 587, STARTTLS); and anything that needs TLS with Exchange itself (a connector that requires TLS, or checks the sender's certificate) sees none on this path. This follows from the connectors' settings; no source tests it through a LoadMaster.",
    steps: [
      'Check the authentication of the connectors on port 25 (the command below): `BasicAuthRequireTLS` is there by default.',
    ],
    commands: [
      SERVER,
      'Get-ReceiveConnector -Server $Server | Format-List Identity,Bindings,AuthMechanism',
    ].join('\n'),
    cite: [
      {
        source: 'ms-receive-connectors',
        section: 'Default Receive connectors in the Front End Transport service on Mailbox servers',
      },
      { source: 'ms-receive-connectors', section: 'Receive connector authentication mechanisms' },
    ],
  },
  {
    id: 'oos-discovery',
    templates: ['office-online'],
    title: "Point Exchange at Office Online Server's discovery URL",
    symptom:
      "Exchange reaches Office Online Server through the discovery URL it is given. Point it at the name this Virtual Service answers under (in the LoadMaster's certificate). Do not set it for the organization while Exchange 2013 servers remain; set it per server then.",
    steps: [
      'Note the current discovery endpoints (the first commands below): the roll-back puts them back.',
      'Set the endpoint for the organization and restart the OWA application pool on each Exchange server (the other commands, with the name for `<oos host>`).',
    ],
    record: [
      'Get-OrganizationConfig | Format-List WacDiscoveryEndpoint',
      'Get-MailboxServer | Format-List Name,WacDiscoveryEndpoint',
    ].join('\n'),
    commands: [
      "Set-OrganizationConfig -WacDiscoveryEndpoint 'https://<oos host>/hosting/discovery'",
      'Restart-WebAppPool MsExchangeOwaAppPool',
    ].join('\n'),
    undo: "Set the organization's endpoint back to the value noted (`Set-OrganizationConfig -WacDiscoveryEndpoint <noted>`, `$null` where it was empty) and restart `MsExchangeOwaAppPool` on each server.",
    cite: [
      { source: 'ms-oos', section: 'Configure the Office Online Server endpoint at the organization level' },
      {
        source: 'ms-oos',
        section: 'Configure the Office Online Server endpoint at the Mailbox server level',
      },
    ],
  },
];
