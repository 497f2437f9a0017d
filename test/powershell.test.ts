import fc from 'fast-check';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { Node, Parser, Tree } from 'web-tree-sitter';
import { EXCHANGE_2016 } from '../src/catalog/exchange2016/index.js';
import { compilePlan } from '../src/compile/plan.js';
import { emitPowerShell } from '../src/emit/powershell.js';
import type { Deployment } from '../src/model/deployment.js';
import { powershellOperations } from './helpers/powershell-ops.js';
import { nodes, powershellParser, syntaxProblems, verbatimStrings } from './helpers/powershell-parse.js';
import { loadSite, loadSiteEsp, type SiteName } from './helpers/sites.js';

// The test sites the script is checked on: ESP with mail offloaded and STARTTLS and Office Online; plain
// HTTPS, IMAP, POP and SMTP; POPS offloaded and IMAP with STARTTLS.
const SITES: readonly SiteName[] = ['full-own-addresses', 'plain-https-mail', 'pops-imap-starttls'];

// Every parameter name of New-/Set-AdcVirtualService, Set-AdcSubVirtualService, the content rule and
// real server cmdlets that the plan uses, copied from Kemp.LoadBalancer.Powershell.psm1 (7.2.60).
const MODULE_PARAMS = new Set(
  (
    'Nickname VSType ForceL7 Transparent SubnetOriginating SSLAcceleration SSLReencrypt CipherSet CertFile ' +
    'TlsType Persist PersistTimeout Schedule Idletime ServerInit StartTLSMode ErrorCode ErrorUrl CheckType ' +
    'CheckPort CheckUrl CheckUse1_1 CheckUseGet ESPEnabled ESPLogs InputAuthMode OutputAuthMode AllowedHosts ' +
    'AllowedDirectories ExcludedDirectories Logoff Domain SingleSignOnMessage UserPwdChangeUrl ' +
    'SMTPAllowedDomains MatchType Pattern NoCase Weight VSPort VSProtocol RuleName RealServer RealServerPort ' +
    'AddToAllSubvs'
  ).split(' '),
);
// The module's cmdlets that change the LoadMaster, and the script's own call of the API (modvs).
const CHANGES = /^(New-Adc|Set-Adc|Remove-Adc|Set-LmParameter$|Install-)/;

const script = (d: Deployment, source = 'site.yaml'): string =>
  emitPowerShell({ plan: compilePlan(EXCHANGE_2016, d), source: source }).contents;

let parser: Parser;
/** The text of the step whose marker starts with this title, up to the next marker. */
const psStep = (text: string, title: string): string =>
  text.split(/^ {2}# step \d+: /m).find((c) => c.startsWith(title)) ?? '';

test.before(async () => {
  parser = await powershellParser();
});
const parse = (text: string): Tree => {
  const tree = parser.parse(text);
  if (!tree) throw new Error('tree-sitter gave no tree');
  return tree;
};

const commandName = (n: Node): string => n.childForFieldName('command_name')?.text ?? '';
/** Whether a command runs inside a script block given to Invoke-LmWrite, which asks ShouldProcess first. */
const throughWrite = (n: Node): boolean => {
  for (let p = n.parent; p; p = p.parent)
    if (p.type === 'script_block_expression') {
      for (let q = p.parent; q; q = q.parent)
        if (q.type === 'command') return commandName(q) === 'Invoke-LmWrite';
      return false;
    }
  return false;
};

for (const name of SITES) {
  test(`${name}: deploy.ps1 parses with no ERROR or MISSING node`, async () => {
    const d = await loadSite(name);
    const out = emitPowerShell({ plan: compilePlan(EXCHANGE_2016, d), source: 'site.yaml' });
    assert.is(out.path, 'deploy.ps1');
    assert.equal(syntaxProblems(parse(out.contents)), []);
  });

  test(`${name}: every change goes through Invoke-LmWrite, which asks ShouldProcess, so -WhatIf changes nothing`, async () => {
    const text = script(await loadSite(name));
    const tree = parse(text);
    const all = [...nodes(tree)].filter((n) => n.type === 'command');
    const changes = all.filter((n) => CHANGES.test(commandName(n)) || /^Invoke-LmApi 'modvs'/.test(n.text));
    assert.ok(changes.length >= 10, 'the script changes the LoadMaster');
    assert.equal(
      changes.filter((n) => !throughWrite(n)).map((n) => n.text.slice(0, 80)),
      [],
    );
    // Dynamic calls (& $cmdlet) go through it too.
    for (const n of all.filter((x) => x.text.startsWith('& $cmdlet'))) assert.ok(throughWrite(n), n.text);
    const write = text.slice(text.indexOf('function Invoke-LmWrite'));
    assert.ok(
      write.indexOf('ShouldProcess(') < write.indexOf('& $LmWriteChange'),
      'ShouldProcess is asked before the change runs',
    );
  });

  test(`${name}: the marker comments list the plan's steps in order`, async () => {
    const d = await loadSite(name);
    const plan = compilePlan(EXCHANGE_2016, d);
    assert.equal(
      powershellOperations(script(d)),
      plan.steps.map((s) => s.title),
    );
  });

  test(`${name}: cmdlet arguments use the module's parameter names`, async () => {
    const names = [...script(await loadSite(name)).matchAll(/'Cmdlet' = '([^']+)'/g)].map((m) => m[1] ?? '');
    assert.ok(names.length > 20);
    assert.equal(
      names.filter((k) => !MODULE_PARAMS.has(k)),
      [],
    );
  });
}

test('the script takes -LoadBalancer, -LBPort 443 and a PSCredential, with SupportsShouldProcess', async () => {
  const tree = parse(script(await loadSite('plain-https-mail')));
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

test('no secret can reach the script: the credential is a parameter or Get-Credential', async () => {
  for (const name of SITES) {
    const text = script(await loadSite(name));
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

test('POP3 and IMAP STARTTLS values the cmdlets refuse go through the raw API, URL-encoded', async () => {
  const text = script(await loadSite('pops-imap-starttls'));
  // The module's ValidateRange: ServerInit 0-5 (POP3 is 6), StartTLSMode 0-1 (IMAP is 4, POP3 6).
  assert.match(text, /'vs:serverinit' = @\{[^}]*'Cmdlet' = 'ServerInit'[^}]*'Min' = 0; 'Max' = 5 \}/);
  assert.match(text, /'vs:starttlsmode' = @\{[^}]*'Cmdlet' = 'StartTLSMode'[^}]*'Min' = 0; 'Max' = 1 \}/);
  const pops = psStep(text, 'Virtual Service Exchange 2016 POPS Offloaded');
  assert.match(pops, /'ServerInit' = '6'/);
  // What a cmdlet refuses is split off (Test-LmAccepts) and sent by the script's own modvs call.
  assert.match(
    text,
    /\(Test-LmAccepts \$spec \$value\)\) \{[\s\S]*?\} else \{\s*\$out\.Raw\[\$name\] = \$value/,
  );
  assert.match(
    text,
    /Invoke-LmWrite \$What \(Format-LmCall 'modvs' \$query\) \{ Invoke-LmApi 'modvs' \$query \}/,
  );
  assert.match(text, /\[uri\]::EscapeDataString\(\[string\]\$Query\[\$k\]\)/);
});

test('TLS certificates are verified unless -SkipCertificateCheck is given, and the check is restored', async () => {
  const text = script(await loadSite('full-own-addresses'));
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

test('objects are found by listing and matching, never by the wording of an error, as deploy.sh does', async () => {
  const text = script(await loadSite('full-own-addresses'));
  assert.not.match(text, /Unknown (VS|rule)|Rule not found/);
  for (const listing of [
    "Read-Lm 'listvs' 'listvs'",
    "Read-Lm 'rules' 'showrule'",
    "'showvs' (Get-LmVsQuery $Index)",
  ])
    assert.ok(text.includes(listing), listing);
  // Any failed read stops the script; a nameless SubVS (slot name "-") is taken over.
  assert.match(text, /if \(-not \$r\.Ok\) \{ Stop-LmStep/);
  assert.match(text, /\$_\.Name -in @\('', '-'\)/);
});

test('the script reads only the keys its parameter table holds, and pauses between calls as deploy.sh does', async () => {
  const text = script(await loadSite('full-own-addresses'));
  const table = text.slice(
    text.indexOf('$LmParams = @{'),
    text.indexOf('\n}\n', text.indexOf('$LmParams = @{')),
  );
  const held = new Set([...table.matchAll(/'(\w+)' = /g)].map((m) => m[1]));
  const read = [
    ...text.matchAll(/\$spec\.ContainsKey\('(\w+)'\)/gi),
    ...text.matchAll(/\$spec\['(\w+)'\]/gi),
    ...text.matchAll(/\$spec\.(\w+)\b(?!\()/gi),
  ].map((m) => m[1] ?? '');
  assert.ok(read.length > 5);
  assert.equal(
    read.filter((k) => !held.has(k)),
    [],
    'keys read that no entry has',
  );
  assert.match(text, /\[ValidateRange\(0, 10\)\] \[double\] \$Delay = 0\.15/);
  assert.match(text, /function Wait-LmPace \{[\s\S]*?Start-Sleep -Milliseconds/);
  assert.equal(
    [...text.matchAll(/^\s*Wait-LmPace$/gm)].length,
    2,
    'before each API call and each cmdlet change',
  );
});

test('two runs give the same script', async () => {
  const d = await loadSite('full-own-addresses');
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

test('any site text parses, and its string literal decodes to exactly that text', async () => {
  const base = await loadSite('full-own-addresses');
  const esp = await loadSiteEsp('full-own-addresses');
  fc.assert(
    // A nickname is never empty: the schema requires one character, and an empty one keeps the guide's.
    fc.property(
      nasty,
      nasty,
      nasty.filter((n) => n.length > 0),
      nasty,
      (host, domain, nickname, source) => {
        // Built here, not read from a file: the loader refuses much of this text (control characters).
        const d: Deployment = {
          ...base,
          services: base.services.map((s, i) => (i === 0 ? { ...s, nickname } : s)),
          esp: { ...esp, allowedHosts: [host, 'mail.example.com'], ssoDomain: domain },
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
