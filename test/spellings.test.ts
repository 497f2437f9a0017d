import { readFileSync } from 'node:fs';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { partFile, SCRIPTS } from '../src/emit/script-parts.js';
import { CALL_ARG, PARAMETERS } from '../src/loadmaster/parameters.js';

// The scripts' sources spell no API parameter, call argument or cmdlet parameter: each comes from
// the catalogue (P, CALL_ARG, cmdletParam, CMDLET_ARG), through the placeholders of the `.hbs` parts
// or the values the emitters pass. Only code counts: comment lines may name them.

const literal = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const oneOf = (names: Iterable<string>) => [...new Set(names)].map(literal).join('|');

/** API spellings: the catalogue's parameters and the calls' other arguments. */
const API = oneOf([...PARAMETERS.map((p) => p.name), ...Object.values(CALL_ARG)]);
/**
 * Cmdlet spellings: the names Kemp's module gives the catalogue's parameters and the arguments its
 * cmdlets take for an object (deploy.ps1 calls the API itself; none may come back in by hand).
 */
const CMDLET = oneOf([
  ...PARAMETERS.flatMap((p) => (p.cmdlet ? [p.cmdlet.name] : [])),
  ...['VirtualService', 'VSIndex', 'SubVSIndex', 'RSIndex'],
]);
const ANY = `${API}|${CMDLET}`;

const BASH_RULES: readonly RegExp[] = [
  // A double-quoted word opening with NAME=: a call's argument ("vs=$index"), never an assignment,
  // which bash does not quote (local vs=$2 is a shell variable).
  new RegExp(`(?:^|[\\s(])"(?:${API})=`),
  // A bare NAME= word after an API call's helper (lm_write modvs ... createsubvs=).
  new RegExp(`\\blm_(?:write|read|read_optional|send|call)\\s(?:.*\\s)?(?:${API})=`),
];

const PS_RULES: readonly RegExp[] = [
  // A cmdlet's argument: -VSPort, -RealServer (not a cmdlet's own name: New-AdcRealServer).
  new RegExp(`(?<![\\w-])-(?:${CMDLET})\\b`, 'i'),
  // A hashtable's key: a query (@{ vs = $Index }) or a cmdlet's splatted arguments (@{ VSIndex = 1 }).
  new RegExp(`(?:@\\{|;)\\s*(?:${ANY})\\s*=(?!=)`, 'i'),
  // A name as a key of a table of parameters: $params['weight'], .Contains('nickname').
  new RegExp(`\\[\\s*'(?:${ANY})'\\s*\\]`),
  new RegExp(`\\.(?:Contains|ContainsKey|Remove|Add)\\(\\s*'(?:${ANY})'`),
  // A name compared with: $spec.Cmdlet -eq 'CertFile'.
  new RegExp(`-[ci]?(?:eq|ne)\\s+'(?:${ANY})'`),
];

/** Comments: bash's and PowerShell's (#), and TypeScript's (the samples below). */
const isComment = (line: string) => /^\s*(?:#|\/\/|\/\*|\*(?:\s|\/|$))/.test(line);

/** The code lines that spell an API or cmdlet name themselves, as `line: text`. */
function literalSpellings(language: 'bash' | 'ps', source: string): string[] {
  const rules = language === 'bash' ? BASH_RULES : PS_RULES;
  const found: string[] = [];
  // A PowerShell block comment (the help, <# ... #>) is comment lines too; each line keeps its number.
  const text = language === 'ps' ? source.replace(/<#[\s\S]*?#>/g, (c) => c.replace(/[^\n]/g, '')) : source;
  text.split('\n').forEach((line, i) => {
    if (isComment(line)) return;
    // A [pscustomobject]'s properties are the script's own (Vs, Rs, Name), not the API's.
    const code = line.replace(/\[pscustomobject\]@\{[^{}]*(?:\{[^{}]*\}[^{}]*)*\}/gi, '');
    if (rules.some((r) => r.test(code))) found.push(`${i + 1}: ${line.trim()}`);
  });
  return found;
}

/** Lines each rule must flag (spells), and lines it must leave (does not), as the templates hold them. */
const SAMPLES: readonly { language: 'bash' | 'ps'; spells: boolean; lines: readonly string[] }[] = [
  {
    language: 'bash',
    spells: true,
    lines: [
      'lm_read "vs-$1" showvs "vs=$1"',
      '  lm_write addrs "vs=$vs" "rs=$address" "rsport=$port"',
      `  lm_write modvs "\${CALL_ARG.vs}=$parent" createsubvs=`,
      `  if [[ -n \${D}5:-} ]]; then params=("weight=$5"); fi`,
      '    lm_write set "param=$param" "value=$value"',
      '    if [[ $LM_MODE == apply ]]; then lm_write addrule "name=$name" "$@"; fi',
    ],
  },
  {
    language: 'bash',
    spells: false,
    lines: [
      '  local title=$1 address=$2 port=$3 prot=$4 nickname=$5',
      '  local title=$1 vs=$2 address=$3 port=$4 params=() shown',
      '    LM_GLOBALS_FOUND+=("$param=$found")',
      `    name=\${D}p%%=*}`,
      `  lm_write addvs "\${CALL_ARG.vs}=$address" "\${P.port}=$port" "\${P.prot}=$prot"`,
      "  # The rule goes on the slot: rs=!<RsIndex>, not the SubVS's own index.",
    ],
  },
  {
    language: 'ps',
    spells: true,
    lines: [
      '{ New-AdcVirtualService -VirtualService $Address -VSPort $Port -VSProtocol $Prot @vsArgs }',
      "('New-AdcSubVirtualService -VSIndex {0}' -f $parentIndex)",
      '$reply = Read-LmOptional "rs-$Parent-$Slot" \'showrs\' @{ vs = $Parent; rs = "!$Slot" }',
      '$target = if ($SubVs) { @{ SubVSIndex = [int]$Index } } else { @{ VSIndex = [int]$Index } }',
      "if ($null -ne $Weight) { $params['weight'] = [string]$Weight }",
      "if ($diff.Send.Contains('nickname')) { Clear-LmCache 'listvs' }",
      "elseif ($spec.Cmdlet -eq 'CertFile') { 1 }",
    ],
  },
  {
    language: 'ps',
    spells: false,
    lines: [
      "$after = Compare-LmParams 'rs' $rs $params",
      "$domains = @(Get-LmTail (Read-Lm 'domains' 'showdomain') 'Domain' 'Name')",
      "if (-not $at -or (Get-LmText $vs 'VSPort') -ne $Port) { continue }",
      "[pscustomobject]@{ Vs = $vs; Rs = [string](Get-LmText $s 'RsIndex'); Name = $name; Node = $s }",
      'Set-AdcRealServer @rsArgs',
      '# The rule goes on the slot: -RSIndex is the slot.',
    ],
  },
];

test('the scanner tells an API spelling from a shell variable, a scope and a reply element', () => {
  for (const { language, spells, lines } of SAMPLES) {
    for (const line of lines) assert.is(literalSpellings(language, line).length, spells ? 1 : 0, line);
  }
});

test('no script source spells an API parameter, a call argument or a cmdlet parameter itself', () => {
  const found: string[] = [];
  for (const { folder, parts } of Object.values(SCRIPTS)) {
    for (const part of parts) {
      const file = `src/emit/${folder}/${partFile(part)}`;
      // A placeholder is where the catalogue's name goes: the text around it is the source's own.
      const text = readFileSync(file, 'utf8').replace(/\{\{[^}]*\}\}/g, '');
      for (const hit of literalSpellings(folder === 'bash' ? 'bash' : 'ps', text))
        found.push(`${file}:${hit}`);
    }
  }
  assert.equal(found, []);
});

test.run();
