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

// The API's commands that change the LoadMaster: each goes through Invoke-LmWrite.
const WRITES = [
  'addvs',
  'modvs',
  'delvs',
  'addrs',
  'modrs',
  'delrs',
  'addrule',
  'modrule',
  'delrule',
  'addrsrule',
  'set',
];

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
/** The function a node is in. */
const functionOf = (n: Node): string => {
  for (let p = n.parent; p; p = p.parent)
    if (p.type === 'function_statement')
      return p.children.find((c) => c?.type === 'function_name')?.text ?? '';
  return '';
};

for (const name of SITES) {
  test(`${name}: deploy.ps1 parses with no ERROR or MISSING node`, async () => {
    const d = await loadSite(name);
    const out = emitPowerShell({ plan: compilePlan(EXCHANGE_2016, d), source: 'site.yaml' });
    assert.is(out.path, 'deploy.ps1');
    assert.equal(syntaxProblems(parse(out.contents)), []);
  });

  test(`${name}: every change goes through Invoke-LmWrite, which asks ShouldProcess first, so -WhatIf changes nothing`, async () => {
    const text = script(await loadSite(name));
    const commands = [...nodes(parse(text))].filter((n) => n.type === 'command');
    // The API is called in one place, and only three functions call that.
    assert.equal(
      [...new Set(commands.filter((n) => commandName(n) === 'Invoke-LmApi').map(functionOf))].sort(),
      ['Invoke-LmWrite', 'Read-Lm', 'Read-LmOptional'],
    );
    // Each write command is named only as Invoke-LmWrite's command.
    const writes = commands.filter((n) => commandName(n) === 'Invoke-LmWrite');
    const named = writes.map((n) => /^Invoke-LmWrite \$What '(\w+)'/.exec(n.text)?.[1] ?? n.text);
    assert.equal([...new Set(named)].sort(), [...WRITES].sort());
    // Nothing else sends one: the API is called with a fixed write command nowhere else.
    assert.not.match(text, new RegExp(`Invoke-LmApi '(${WRITES.join('|')})'`));
    const write = text.slice(text.indexOf('function Invoke-LmWrite'));
    assert.ok(
      write.indexOf('ShouldProcess(') < write.indexOf('Invoke-LmApi'),
      'ShouldProcess is asked before the change is sent',
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

  test(`${name}: it needs no module: no #Requires -Modules, no Import-Module, no Kemp cmdlet`, async () => {
    const text = script(await loadSite(name));
    assert.not.match(text, /#Requires -Modules|Import-Module|Initialize-LmConnectionParameters/);
    assert.not.match(text, /\b(New|Set|Remove|Get)-Adc\w+/);
  });
}

test('the script takes -LoadBalancer, -LBPort 443 and a PSCredential, with SupportsShouldProcess and no positional arguments', async () => {
  const tree = parse(script(await loadSite('plain-https-mail')));
  const block = [...nodes(tree)].find((n) => n.type === 'param_block');
  assert.ok(block, 'a param block');
  const attrs = [...nodes(tree)].filter(
    (n) => n.type === 'attribute' && n.parent?.parent?.type === 'param_block',
  );
  assert.ok(
    attrs.some(
      (a) => a.text.replace(/\s/g, '') === '[CmdletBinding(SupportsShouldProcess,PositionalBinding=$false)]',
    ),
  );
  const params = block.text;
  assert.match(params, /\[string\] \$LoadBalancer/);
  assert.match(params, /\[string\] \$LBPort = '443'/);
  assert.match(params, /\[System\.Management\.Automation\.PSCredential\] \$Credential/);
});

test('no secret can reach the script: a PSCredential, a SecureString API key, or the environment', async () => {
  for (const name of SITES) {
    const text = script(await loadSite(name));
    assert.match(text, /\[System\.Management\.Automation\.PSCredential\] \$Credential/);
    assert.match(text, /\[securestring\] \$ApiKey/);
    assert.match(text, /\$env:LM_APIKEY/);
    assert.match(text, /\$env:LM_USER/);
    assert.match(text, /\$env:LM_PASSWORD/);
    assert.match(text, /Get-Credential -Message/);
    // Nothing turns a secret into a string the script could show: the Basic pair is encoded at once.
    assert.not.match(text, /Write-(Host|Verbose|Output)[^\n]*(Password|\$script:Key|\$script:Basic)/);
    assert.not.match(text, /\[string\] \$(ApiKey|Password)/);
  }
});

test('values go to the API as they are: POP3 and IMAP STARTTLS too, URL-encoded', async () => {
  const text = script(await loadSite('pops-imap-starttls'));
  const pops = psStep(text, 'Virtual Service Exchange 2016 POPS Offloaded');
  assert.match(pops, /'ServerInit' = '6'/);
  assert.match(text, /\[uri\]::EscapeDataString\(\[string\]\$Query\[\$k\]\)/);
});

test('TLS: verified by the system unless -CaCertificate or -SkipCertificateCheck, by a compiled check', async () => {
  const text = script(await loadSite('full-own-addresses'));
  assert.match(text, /\[switch\] \$SkipCertificateCheck/);
  assert.match(text, /\[string\] \$CaCertificate/);
  // No script block ever checks a certificate: .NET calls the check where none can run.
  assert.not.match(text, /ServerCertificateValidationCallback\s*=\s*\{/);
  assert.not.match(text, /ServicePointManager\]::ServerCertificateValidationCallback/);
  assert.match(text, /Add-Type -TypeDefinition/);
  // The compiled check is used only with one of the two switches.
  for (const use of [...text.matchAll(/\[LmTls\]::Callback\(\)/g)]) {
    const line = text.slice(text.lastIndexOf('\n', use.index) + 1, text.indexOf('\n', use.index));
    assert.match(line, /if \(\$SkipCertificateCheck -or \$CaCertificate\)/, line);
  }
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
  assert.ok(read.length >= 3);
  assert.equal(
    read.filter((k) => !held.has(k)),
    [],
    'keys read that no entry has',
  );
  assert.match(text, /\[string\] \$Delay = '0\.15'/);
  assert.match(text, /function Wait-LmPace \{[\s\S]*?Start-Sleep -Milliseconds/);
  assert.equal([...text.matchAll(/^\s*Wait-LmPace$/gm)].length, 1, 'before each API call');
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
