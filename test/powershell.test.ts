import fc from 'fast-check';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { Node, Parser, Tree } from 'web-tree-sitter';
import { EXCHANGE_2016 } from '../src/catalog/exchange2016/index.js';
import { compilePlan } from '../src/compile/plan.js';
import { emitPowerShell } from '../src/emit/powershell.js';
import type { Deployment, EspSite } from '../src/model/deployment.js';
import { powershellOperations } from './helpers/powershell-ops.js';
import { nodes, powershellParser, syntaxProblems, verbatimStrings } from './helpers/powershell-parse.js';

const ESP: EspSite = {
  ssoDomain: 'example.com',
  allowedHosts: ['mail.example.com', 'autodiscover.example.com'],
  owaGuid: 'a1b2c3d4-0000-1111-2222-333344445555',
  smtpDomain: 'example.com',
  logoff: '/owa/logoff.owa',
  exchangeUrl: 'https://mail.example.com',
  smtpPermittedDomains: ['example.com', 'example.org'],
};
const EXCHANGE = [{ address: '10.0.1.1' }, { address: '10.0.1.2', weight: 2000 }];

const DEPLOYMENTS: Readonly<Record<string, Deployment>> = {
  'ESP, mail offloaded and STARTTLS, Office Online': {
    globals: true,
    services: [
      { template: 'https-offloaded-esp', address: '10.0.0.10', certificate: 'mail' },
      { template: 'imaps-offloaded', address: '10.0.0.11', certificate: 'mail' },
      { template: 'pop-starttls', address: '10.0.0.12', certificate: 'mail' },
      { template: 'smtp-esp', address: '10.0.0.13' },
      { template: 'office-online', address: '10.0.0.14', certificate: 'oos' },
    ],
    exchangeServers: EXCHANGE,
    officeOnlineServers: [{ address: '10.0.2.1' }],
    esp: ESP,
  },
  'plain HTTPS, IMAP, POP and SMTP': {
    globals: false,
    services: [
      { template: 'https-offloaded', address: '10.0.0.20', certificate: 'mail' },
      { template: 'imap', address: '10.0.0.21' },
      { template: 'pop', address: '10.0.0.21' },
      { template: 'smtp', address: '10.0.0.22' },
    ],
    exchangeServers: EXCHANGE,
    officeOnlineServers: [],
  },
  'POPS offloaded and IMAP STARTTLS': {
    globals: true,
    services: [
      { template: 'pops-offloaded', address: '10.0.0.30', certificate: 'mail' },
      { template: 'imap-starttls', address: '10.0.0.31', certificate: 'mail' },
    ],
    exchangeServers: EXCHANGE,
    officeOnlineServers: [],
  },
};

// Every parameter name of New-/Set-AdcVirtualService, Set-AdcSubVirtualService, the content rule and
// real server cmdlets that the plan uses, copied from Kemp.LoadBalancer.Powershell.psm1 (7.2.60).
const MODULE_PARAMS = new Set(
  (
    'Nickname VSType ForceL7 Transparent SubnetOriginating SSLAcceleration SSLReencrypt CipherSet CertFile ' +
    'TlsType Persist PersistTimeout Schedule Idletime ServerInit StartTLSMode ErrorCode ErrorUrl CheckType ' +
    'CheckPort CheckUrl CheckUse1_1 CheckUseGet ESPEnabled ESPLogs InputAuthMode OutputAuthMode AllowedHosts ' +
    'AllowedDirectories ExcludedDirectories Logoff Domain SingleSignOnMessage UserPwdChangeUrl ' +
    'SMTPAllowedDomains MatchType Pattern NoCase Weight'
  ).split(' '),
);
const CHANGES = /^(New-|Set-(?!StrictMode)|Remove-|Install-|Invoke-LmApi$)/;

const script = (d: Deployment, source = 'site.yaml'): string =>
  emitPowerShell(compilePlan(EXCHANGE_2016, d), { source }).contents;

let parser: Parser;
test.before(async () => {
  parser = await powershellParser();
});
const parse = (text: string): Tree => {
  const tree = parser.parse(text);
  if (!tree) throw new Error('tree-sitter gave no tree');
  return tree;
};

const commandName = (n: Node): string => n.childForFieldName('command_name')?.text ?? '';
const guarded = (n: Node): boolean => {
  for (let p = n.parent; p; p = p.parent)
    if (
      p.type === 'if_statement' &&
      p.childForFieldName('condition')?.text.includes('$PSCmdlet.ShouldProcess(')
    )
      return true;
  return false;
};
const inFunction = (n: Node): boolean => {
  for (let p = n.parent; p; p = p.parent) if (p.type === 'function_statement') return true;
  return false;
};

for (const [name, d] of Object.entries(DEPLOYMENTS)) {
  test(`${name}: deploy.ps1 parses with no ERROR or MISSING node`, () => {
    const out = emitPowerShell(compilePlan(EXCHANGE_2016, d), { source: 'site.yaml' });
    assert.is(out.path, 'deploy.ps1');
    assert.equal(syntaxProblems(parse(out.contents)), []);
  });

  test(`${name}: every change is inside a ShouldProcess guard, so -WhatIf shows the whole plan`, () => {
    const tree = parse(script(d));
    const changes = [...nodes(tree)].filter(
      (n) =>
        n.type === 'command' && !inFunction(n) && (CHANGES.test(commandName(n)) || n.text.startsWith('&')),
    );
    assert.ok(changes.length > 0);
    const unguarded = changes.filter((n) => !guarded(n)).map((n) => n.text.slice(0, 80));
    assert.equal(unguarded, []);
  });

  test(`${name}: the marker comments list the plan's steps in order`, () => {
    const plan = compilePlan(EXCHANGE_2016, d);
    const text = script(d);
    assert.equal(
      powershellOperations(text),
      plan.steps.map((s) => s.title),
    );
    const chunks = text.split(/^# step \d+: .*$/m).slice(1);
    plan.steps.forEach((s, i) => {
      if (s.kind !== 'certificates') assert.ok(chunks[i]?.includes('$PSCmdlet.ShouldProcess('), s.title);
    });
  });

  test(`${name}: cmdlet arguments use the module's parameter names`, () => {
    const keys = [...script(d).matchAll(/^ {2}'([^']+)' = /gm)].map((m) => m[1] ?? '');
    assert.ok(keys.length > 0);
    assert.equal(
      keys.filter((k) => !MODULE_PARAMS.has(k)),
      [],
    );
  });
}

test('the script takes -LoadBalancer, -LBPort 443 and a PSCredential, with SupportsShouldProcess', () => {
  const tree = parse(script(DEPLOYMENTS['plain HTTPS, IMAP, POP and SMTP'] as Deployment));
  const block = [...nodes(tree)].find((n) => n.type === 'param_block');
  assert.ok(block, 'a param block');
  const attrs = [...nodes(tree)].filter(
    (n) => n.type === 'attribute' && n.parent?.parent?.type === 'param_block',
  );
  assert.ok(attrs.some((a) => a.text.replace(/\s/g, '') === '[CmdletBinding(SupportsShouldProcess)]'));
  const params = block.text;
  assert.match(params, /\[string\] \$LoadBalancer/);
  assert.match(params, /\[int\] \$LBPort = 443/);
  assert.match(params, /\[System\.Management\.Automation\.PSCredential\] \$Credential/);
});

test('no secret can reach the script: the credential is a parameter or Get-Credential', () => {
  for (const d of Object.values(DEPLOYMENTS)) {
    const text = script(d);
    assert.match(text, /if \(-not \$Credential\) \{ \$Credential = Get-Credential /);
    assert.match(
      text,
      /Initialize-LmConnectionParameters -Address \$LoadBalancer -LBPort \$LBPort -Credential \$Credential/,
    );
    assert.not.match(
      text,
      /ConvertTo-SecureString|AsPlainText|PSCredential\]::new|New-Object[^\n]*PSCredential|apikey/i,
    );
  }
});

test('POP3 and IMAP STARTTLS values the cmdlets refuse go through the raw API, URL-encoded', () => {
  const text = script(DEPLOYMENTS['POPS offloaded and IMAP STARTTLS'] as Deployment);
  const chunks = text.split(/^# step \d+: /m);
  const pops = chunks.find((c) => c.startsWith('Virtual Service Exchange 2016 POPS Offloaded')) ?? '';
  const imap = chunks.find((c) => c.startsWith('Virtual Service Exchange 2016 IMAP with STARTTLS')) ?? '';
  // ServerInit 6 (POP3) is outside the module's ValidateRange(0, 5); StartTLSMode 4 outside (0, 1).
  assert.match(pops, /Invoke-LmApi -Command 'modvs'[\s\S]*'ServerInit' = '6'/);
  assert.not.match(pops.split('Invoke-LmApi')[0] ?? '', /'ServerInit'/);
  assert.match(imap, /Invoke-LmApi -Command 'modvs'[\s\S]*'StartTLSMode' = '4'/);
  assert.match(text, /\[uri\]::EscapeDataString\(\[string\]\$Query\[\$k\]\)/);
  // IMAPS offloaded's ServerInit 4 is in range: it stays on the cmdlet.
  const imaps = script(DEPLOYMENTS['ESP, mail offloaded and STARTTLS, Office Online'] as Deployment)
    .split(/^# step \d+: /m)
    .find((c) => c.startsWith('Virtual Service Exchange 2016 IMAPS Offloaded'));
  assert.match(imaps ?? '', /^ {2}'ServerInit' = \[int\]'4'$/m);
  assert.not.match(imaps ?? '', /Invoke-LmApi/);
});

test('TLS certificates are verified unless -SkipCertificateCheck is given, and the check is restored', () => {
  const text = script(DEPLOYMENTS['ESP, mail offloaded and STARTTLS, Office Online'] as Deployment);
  assert.match(text, /\[switch\] \$SkipCertificateCheck/);
  const guard = text.indexOf('if ($SkipCertificateCheck) {');
  const guardEnd = text.indexOf('\n  }', guard);
  for (const skip of [
    '$call.SkipCertificateCheck = $true',
    'ServerCertificateValidationCallback = { $true }',
  ]) {
    const at = [...text.matchAll(new RegExp(skip.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'g'))].map(
      (m) => m.index,
    );
    assert.equal(at.length, 1, skip);
    assert.ok((at[0] ?? -1) > guard && (at[0] ?? -1) < guardEnd, `${skip} only under the switch`);
  }
  assert.match(
    text,
    /finally \{ \[System\.Net\.ServicePointManager\]::ServerCertificateValidationCallback = \$saved \}/,
  );
});

test('lookups stop on any failure but "Unknown ...", and a nameless SubVS is taken over, as deploy.sh does', () => {
  const text = script(DEPLOYMENTS['ESP, mail offloaded and STARTTLS, Office Online'] as Deployment);
  const lookups = [
    ...text.matchAll(/^\$r = Get-Adc(VirtualService -VirtualService|ContentRule) .*\n(.*)$/gm),
  ];
  assert.ok(lookups.length > 5);
  for (const m of lookups) assert.match(m[2] ?? '', /Test-LmFound \$r \$step/);
  assert.match(
    text,
    /if \(\$Reply -and \(\[string\]\$Reply\.Response\) -match '\^Unknown \(VS\|rule\)'\) \{ return \$false \}/,
  );
  const subvsSteps = text.split('# step ').filter((b) => b.includes('New-AdcSubVirtualService'));
  assert.ok(subvsSteps.length >= 10);
  for (const b of subvsSteps)
    assert.ok(b.includes("[string]$_.Name -in @('', '-')"), 'nameless SubVS fallback');
});

test('two runs give the same script', () => {
  const d = DEPLOYMENTS['ESP, mail offloaded and STARTTLS, Office Online'] as Deployment;
  assert.is(script(d), script(d));
});

// Quotes (typographic ones too), PowerShell's $ and backtick, line breaks, separators, unicode.
const nasty = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        "'",
        '\u2018',
        '\u2019',
        '\u201A',
        '\u201B',
        '"',
        '$',
        '`',
        '$(x)',
        '\n',
        '\r\n',
        ';',
        '&',
      ),
      fc.constantFrom('@', '#', '<#', '#>', '{', '}', '|', ' ', 'é', '\u{1F600}', '\u2028', '\t', '\\'),
      fc.string({ unit: 'grapheme', maxLength: 4 }),
    ),
    { minLength: 1, maxLength: 12 },
  )
  .map((parts) => parts.join(''));

test('any site text parses, and its string literal decodes to exactly that text', () => {
  fc.assert(
    // A nickname is never empty: the schema requires one character, and an empty one keeps the guide's.
    fc.property(
      nasty,
      nasty,
      nasty.filter((n) => n.length > 0),
      nasty,
      (host, domain, nickname, source) => {
        const base = DEPLOYMENTS['ESP, mail offloaded and STARTTLS, Office Online'] as Deployment;
        const d: Deployment = {
          ...base,
          services: base.services.map((s, i) => (i === 0 ? { ...s, nickname } : s)),
          esp: { ...ESP, allowedHosts: [host, 'mail.example.com'], ssoDomain: domain },
        };
        const tree = parse(script(d, source));
        assert.equal(syntaxProblems(tree), []);
        const values = verbatimStrings(tree);
        assert.ok(values.includes(`${host} mail.example.com`), 'allowed hosts');
        assert.ok(values.includes(domain), 'SSO domain');
        assert.ok(values.includes(nickname), 'nickname');
      },
    ),
    { numRuns: 50 },
  );
});

test.run();
