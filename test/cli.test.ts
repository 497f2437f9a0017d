import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, lstatSync, mkdirSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { CLI, commandWord } from '../src/cli/definition.js';
import { nextSteps } from '../src/cli/run.js';
import { cli } from './helpers/cli.js';
import { ROOT, transcribedRows } from './helpers/guide.js';
import { setUp } from './helpers/setup.js';

const setup = setUp('bt-cli-');

test("params --as-documented --json prints the guide's rows exactly", () => {
  const r = cli(['params', '--as-documented', '--json']);
  assert.is(r.code, 0, r.stderr);
  assert.equal(JSON.parse(r.stdout), transcribedRows());
});

test('params --json prints corrected rows; changed ones carry documented and erratum', () => {
  const r = cli(['params', '--json']);
  assert.is(r.code, 0, r.stderr);
  const rows = JSON.parse(r.stdout) as Record<string, unknown>[];
  // The guide's rows (the transcription's 458) with the rows its errata add, and any row of a
  // template beyond the guide, which says so.
  const guideRows = rows.filter((x) => !('beyondGuide' in x));
  assert.is(guideRows.length, 471);
  for (const x of rows.filter((r) => 'beyondGuide' in r)) assert.is(x.documented, null);
  assert.equal(Object.keys(rows[0] ?? {}), ['section', 'group', 'item', 'parameter', 'value', 'use']);
  const pops = rows.find((x) => x.group === 'POPS' && x.parameter === 'CheckPort');
  assert.equal(pops, {
    section: '5.3',
    group: 'POPS',
    item: null,
    parameter: 'CheckPort',
    value: '995',
    use: '',
    documented: { parameter: 'CheckPort', value: '993' },
    erratum: 'E-5.3-POPS-CHECKPORT',
  });
});

test('params prints a readable table by default', () => {
  const r = cli(['params']);
  assert.is(r.code, 0);
  assert.match(r.stdout, /^section\s+table\s+parameter\s+value\s+use\s+erratum\n/);
  assert.match(r.stdout, /5\.3\s+POPS\s+CheckPort\s+995\s+E-5\.3-POPS-CHECKPORT/);
});

test('a usage error exits 2 with a message and no stack trace', () => {
  for (const args of [
    ['--no-such-flag'],
    ['frobnicate'],
    ['params', '--json=maybe', '--extra'],
    ['params', '--', 'x'],
    ['--out.x', 'o'],
    ['--no-check'],
    ['params', '--json', '--json'],
  ]) {
    const r = cli(args);
    assert.is(r.code, 2, args.join(' '));
    assert.match(r.stderr, /^build-templates: /);
    assert.not.match(r.stderr, /\n\s+at /);
  }
});

test('--check on an empty folder exits 1 and lists every missing file', async () => {
  const out = setup.dir();
  const r = cli(['--check', '--out', out]);
  assert.is(r.code, 1);
  assert.match(r.stderr, /docs\/parameters\/5\.1-http\.md \(missing\)/);
  assert.match(r.stderr, /docs\/errata\.md \(missing\)/);
});

test('a build then --check passes; an edited, or an extra, generated file makes it fail', async () => {
  const out = setup.dir();
  assert.is(cli(['--out', out]).code, 0);
  assert.is(cli(['--check', '--out', out]).code, 0);
  const page = join(out, 'docs/parameters/5.3-pop.md');
  await writeFile(page, `${await readFile(page, 'utf8')}edited\n`);
  await writeFile(join(out, 'docs/parameters/old.md'), 'left over\n');
  const r = cli(['--check', '--out', out]);
  assert.is(r.code, 1);
  assert.match(r.stderr, /5\.3-pop\.md \(differs\)/);
  assert.match(r.stderr, /old\.md \(not generated\)/);
});

test('two builds are byte-identical', async () => {
  const [a, b] = [setup.dir(), setup.dir()];
  cli(['docs', '--out', a]);
  cli(['docs', '--out', b]);
  for (const f of ['docs/errata.md', 'docs/parameters/5.1-http.md', 'docs/parameters/5.5-office-online.md']) {
    assert.is(await readFile(join(a, f), 'utf8'), await readFile(join(b, f), 'utf8'), f);
  }
});

test('init writes a commented example that --deployment accepts, and never overwrites without --force', async () => {
  const dir = setup.dir();
  const file = join(dir, 'site.yaml');
  assert.is(cli(['init', file]).code, 0);
  assert.match(
    await readFile(file, 'utf8'),
    /^# yaml-language-server: \$schema=\S+\n# A LoadMaster deployment for Exchange 2016/,
  );
  // An output that cannot be written without --force: exit 2, as for every command that writes.
  const again = cli(['init', file]);
  assert.is(again.code, 2);
  assert.match(again.stderr, /exists; use --force/);
  assert.is(cli(['init', file, '--force']).code, 0);
  const out = join(dir, 'out');
  const r = cli(['--deployment', file, '--out', out]);
  assert.is(r.code, 0, r.stderr);
  for (const f of ['deploy.sh', 'deploy.ps1', 'runbook.md'])
    assert.ok((await readFile(join(out, f), 'utf8')).length > 0, f);
  assert.is(cli(['--deployment', file, '--out', out, '--check']).code, 0);
});

test('an invalid deployment file: every problem on stderr, exit 1, nothing written', async () => {
  const dir = setup.dir();
  const file = join(dir, 'bad.yaml');
  await writeFile(
    file,
    'services:\n  - template: imap\n    address: 10.0.0.300\nexchangeServers: []\nextra: 1\n',
  );
  const out = join(dir, 'out');
  const r = cli(['--deployment', file, '--out', out]);
  assert.is(r.code, 1);
  const lines = r.stderr.trim().split('\n');
  assert.equal(
    lines.map((l) => l.replace(`${file}:`, 'F:')),
    [
      'F:3:14 /services/0/address: "10.0.0.300" is not an IPv4 or IPv6 address',
      'F:4:18 /exchangeServers: exchangeServers must list at least 1',
      'F:5:1 /extra: unknown key "extra"; expected one of $schema, globals, services, exchangeServers, officeOnlineServers, contentRules, esp',
    ],
  );
  assert.not.ok(await readFile(join(out, 'deploy.sh'), 'utf8').catch(() => undefined));
});

test('the default build is the same from any folder; deploy.sh is executable', async () => {
  const [a, b] = [setup.dir(), setup.dir()];
  assert.is(cli(['--out', a]).code, 0);
  assert.is(cli(['--out', b], tmpdir()).code, 0);
  for (const f of ['deploy.sh', 'deploy.ps1', 'runbook.md']) {
    const path = `out/example/${f}`;
    assert.is(await readFile(join(a, path), 'utf8'), await readFile(join(b, path), 'utf8'), path);
  }
  assert.is((await stat(join(b, 'out/example/deploy.sh'))).mode & 0o777, 0o755);
  assert.is((await stat(join(b, 'out/example/runbook.md'))).mode & 0o777, 0o644);
});

test('the committed docs are what the compiler makes now', () => {
  const r = cli(['--check']);
  assert.is(r.code, 0, r.stderr);
});

test("Node.js's own warnings are printed by their kind and code, never their words (they may quote the input); deprecations not at all", () => {
  const r = spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      '-e',
      "import('./src/cli/terminal.cts').then((m) => { m.quietNodeWarnings(); process.emitWarning('key password: hunter2-secret', 'Warning', 'YAML_KEY'); process.emitWarning('hunter2 again', 'DeprecationWarning', 'DEP0005'); })",
    ],
    { cwd: ROOT, encoding: 'utf8' },
  );
  assert.is(r.status, 0, r.stderr);
  assert.not.match(r.stderr, /hunter2/);
  assert.match(r.stderr, /^build-templates: Node\.js gave a Warning YAML_KEY \(its words are left out/m);
  assert.not.match(r.stderr, /DEP0005/, 'a deprecation is not printed');
});

test("example values left in a site's file are warned about, located; --strict makes them errors; the built-in example builds without a word", async () => {
  const dir = setup.dir();
  assert.is(cli(['init', 'site.yaml'], dir).code, 0);
  const v = cli(['validate', 'site.yaml'], dir);
  assert.is(v.code, 0, v.stderr);
  assert.is(v.stdout, 'site.yaml: valid\n');
  const lines = v.stderr.trimEnd().split('\n');
  for (const want of [
    /^site\.yaml:\d+:14 \/services\/0\/address: warning: 192\.168\.10\.47 is the example address build-templates init writes/,
    /^site\.yaml:\d+:\d+ \/esp\/ssoDomain: warning: EXAMPLE\.COM is an example name \(RFC 2606\)/,
    /^site\.yaml:\d+:\d+ \/esp\/allowedHosts\/0: warning: mail\.example\.com is an example name/,
    /^site\.yaml:\d+:\d+ \/esp\/owaGuid: warning: the all-zero GUID is init's placeholder/,
  ])
    assert.ok(
      lines.some((l) => want.test(l)),
      `${want}\n${v.stderr}`,
    );
  assert.is(lines.at(-1), '(example values: the site would not work with them; --strict makes them errors)');
  const json = JSON.parse(cli(['validate', 'site.yaml', '--json'], dir).stdout) as { warnings: unknown[] }[];
  assert.is(json[0]?.warnings.length, lines.length - 1);
  const strict = cli(['validate', 'site.yaml', '--strict'], dir);
  assert.is(strict.code, 1);
  assert.not.match(strict.stderr, /warning:/);
  const build = cli(['--deployment', 'site.yaml', '--out', 'out', '--strict'], dir);
  assert.is(build.code, 1);
  assert.not.ok(existsSync(join(dir, 'out')), 'nothing written');
  const warned = cli(['--deployment', 'site.yaml', '--out', 'out'], dir);
  assert.is(warned.code, 0, warned.stderr);
  assert.match(warned.stderr, /warning: 192\.168\.10\.47/);
  // A documentation range (RFC 5737) is a placeholder too.
  await writeFile(
    join(dir, 'doc.yaml'),
    'services:\n  - template: smtp\n    address: 203.0.113.5\nexchangeServers:\n  - address: 10.0.0.2\n',
  );
  assert.match(
    cli(['validate', 'doc.yaml'], dir).stderr,
    /^doc\.yaml:3:14 \/services\/0\/address: warning: 203\.0\.113\.5 is in a range kept for documentation \(RFC 5737\)/m,
  );
  const quick = cli(['--out', 'q'], dir);
  assert.is(quick.code, 0);
  assert.is(quick.stderr, '', 'the quick start says nothing of its own example');
});

test("sim's command line follows every command's grammar: unknown, negated, dotted, repeated, empty and stray words are usage errors, exit 2, before it listens", () => {
  const cases: [string[], RegExp][] = [
    [['--port', '1', '--port', '2'], /--port is given 2 times; give it once/],
    [['--port='], /--port needs a value/],
    [['--', 'extra'], /Unexpected argument 'extra'/],
    [['--no-http'], /Unknown option '--no-http'/],
    [['--port.x', '3'], /Unknown option '--port.x'/],
    [['--bogus'], /Unknown option '--bogus'/],
  ];
  for (const [args, message] of cases) {
    const r = cli(['sim', ...args]);
    assert.is(r.code, 2, args.join(' '));
    assert.match(r.stderr, message, args.join(' '));
    assert.match(r.stderr, /usage: build-templates sim/, 'with the usage');
    assert.not.match(r.stdout, /listening/, 'nothing listened');
  }
  // An option given once for each value is not a repeat.
  assert.ok(CLI.commands.find((c) => commandWord(c) === 'sim')?.options.some((o) => o.multiple));
});

test("init's last words are the commands to run next, as the user runs the command, each word quoted where a shell needs it", () => {
  const before = process.env.npm_command;
  try {
    delete process.env.npm_command;
    assert.is(
      nextSteps('sites/east.yaml'),
      'wrote sites/east.yaml: edit it, then\n  build-templates validate sites/east.yaml\n  build-templates --deployment sites/east.yaml --out east\n',
    );
    process.env.npm_command = 'exec';
    const npx = nextSteps("it's.yaml");
    assert.match(npx, "  npx build-templates validate 'it'\\''s.yaml'\n");
    assert.match(npx, "--out 'it'\\''s'\n");
    const r = spawnSync('bash', ['-c', `printf '%s\\n' ${"'it'\\''s.yaml'"}`], { encoding: 'utf8' });
    assert.is(r.stdout, "it's.yaml\n", 'the quoted word is the name');
  } finally {
    if (before === undefined) delete process.env.npm_command;
    else process.env.npm_command = before;
  }
});

/** Whether a help text shows an example's words in order (`$0` being the command's name). */
function shows(help: string, example: string): boolean {
  let at = help.indexOf('Example');
  for (const w of example.replace('$0', 'build-templates').split(' ')) {
    at = at < 0 ? -1 : help.indexOf(w, at);
    if (at < 0) return false;
    at += w.length;
  }
  return true;
}

test("each command's --help lists the options it takes and no other", () => {
  const all = new Set(CLI.commands.flatMap((c) => c.options.map((o) => o.name)));
  for (const c of CLI.commands) {
    if (c.run === null) continue;
    const word = commandWord(c);
    const r = cli([...(word ? [word] : []), '--help']);
    assert.is(r.code, 0, r.stderr);
    // The options section: an example's wrapped line may also start with an option.
    const options = r.stdout.split('\nExamples:')[0] ?? '';
    const listed = new Set([...options.matchAll(/^ +(?:-\w, )?--([a-z-]+)/gm)].map((m) => m[1]));
    const own = c.options.map((o) => o.name);
    for (const o of own) assert.ok(listed.has(o), `${word || '(default)'} --help lists --${o}`);
    for (const o of all)
      if (!own.includes(o)) assert.not.ok(listed.has(o), `${word || '(default)'} --help lists --${o}`);
    // With its own example (the default command's help, the whole command line's, shows every one).
    // yargs wraps a long one between its columns: each of its words is shown, in order.
    const [example] = c.example;
    assert.ok(shows(r.stdout, example), `${word || '(default)'} --help shows its example: ${example}`);
  }
  assert.ok(shows(cli(['completion', '--help']).stdout, CLI.completion.example[0]), 'completion --help');
});

test('a file build-templates did not write is never replaced without --force; one it wrote is', async () => {
  const dir = setup.dir();
  mkdirSync(join(dir, 'out'));
  await writeFile(join(dir, 'out/runbook.md'), '# notes of our own\n');
  const site = join(ROOT, 'examples/deployment.yaml');
  const refused = cli(['--deployment', site, '--out', 'out'], dir);
  assert.is(refused.code, 2);
  assert.match(refused.stderr, /out\/runbook\.md: is there and was not written by build-templates/);
  assert.equal(readdirSync(join(dir, 'out')), ['runbook.md'], 'nothing written');
  // Every such file is named at once, not one a run.
  await writeFile(join(dir, 'out/deploy.ps1'), '# a script of our own\n');
  const both = cli(['--deployment', site, '--out', 'out'], dir);
  assert.is(both.code, 2);
  assert.match(
    both.stderr,
    /out\/deploy\.ps1, \S*out\/runbook\.md: are there and were not written by build-templates; nothing was written \(give --force to replace them\)/,
  );
  const forced = cli(['--deployment', site, '--out', 'out', '--force'], dir);
  assert.is(forced.code, 0, forced.stderr);
  // Its own outputs are replaced on a rebuild without --force, the checksum list included.
  await writeFile(
    join(dir, 'out/deploy.sh'),
    `${await readFile(join(dir, 'out/deploy.sh'), 'utf8')}# edited\n`,
  );
  const again = cli(['--deployment', site, '--out', 'out'], dir);
  assert.is(again.code, 0, again.stderr);
  assert.not.match(await readFile(join(dir, 'out/deploy.sh'), 'utf8'), /# edited/);
});

test('a rebuild leaves a file that is as it would be written alone; one edited to the same size, or a script that lost its mode, is written again', async () => {
  const dir = setup.dir();
  const site = join(ROOT, 'examples/deployment.yaml');
  assert.is(cli(['--deployment', site, '--out', 'out'], dir).code, 0);
  const at = (f: string) => join(dir, 'out', f);
  const identity = async (f: string) => {
    const s = await stat(at(f));
    return `${s.ino}:${s.mtimeMs}`;
  };
  const before = await identity('runbook.md');
  const sums = await identity('dist-templates/SHA256SUMS');
  // The same length, one byte changed; and the script made not executable.
  const runbook = await readFile(at('runbook.md'), 'utf8');
  await writeFile(at('runbook.md'), runbook.replace('Runbook', 'Runbooc'));
  chmodSync(at('deploy.sh'), 0o644);
  const unchanged = await identity('deploy.ps1');
  const again = cli(['--deployment', site, '--out', 'out'], dir);
  assert.is(again.code, 0, again.stderr);
  assert.is(await readFile(at('runbook.md'), 'utf8'), runbook);
  assert.is.not(await identity('runbook.md'), before);
  assert.is((await stat(at('deploy.sh'))).mode & 0o777, 0o755);
  assert.is(await identity('deploy.ps1'), unchanged, 'a file as it would be written is not touched');
  assert.is(await identity('dist-templates/SHA256SUMS'), sums, 'nor is the checksum list');
  // The replaced files went through a staging folder: it is gone, and the old files with it.
  assert.equal(
    readdirSync(join(dir, 'out')).filter((n) => n.startsWith('.build-templates-')),
    [],
    'no staging folder is left',
  );
});

test('a bare run into a folder that holds other things says first what it writes, and where; into an empty one, nothing', async () => {
  const dir = setup.dir();
  const quiet = cli([], dir);
  assert.is(quiet.code, 0, quiet.stderr);
  assert.is(quiet.stderr, '');
  const own = setup.dir();
  await writeFile(join(own, 'package.json'), '{}\n');
  const r = cli([], own);
  assert.is(r.code, 0, r.stderr);
  assert.match(
    r.stderr,
    /^build-templates: will write 17 files under \S+: docs\/, dist-templates\/, out\/ \(a file there that build-templates did not write is not replaced\)\n$/,
  );
});

test('params | head -1 prints one line and ends quietly, exit 0 (a closed pipe is not an error)', () => {
  for (const args of ['params', 'params --json', 'inspect dist-templates/Exchange2016Core.tmpl']) {
    const r = spawnSync(
      'bash',
      ['-c', `set -o pipefail; "$0" --import tsx src/cli/main.cts ${args} | head -1`, process.execPath],
      { cwd: ROOT, encoding: 'utf8' },
    );
    assert.is(r.status, 0, `${args}: ${r.stderr}`);
    assert.is(r.stderr, '', args);
    assert.is(r.stdout.split('\n').length, 2, args);
  }
});

test('--follow-symlinks writes through a linked --out and a linked folder under it; without it, nothing is written', async () => {
  const dir = setup.dir();
  mkdirSync(join(dir, 'real/dist-templates'), { recursive: true });
  mkdirSync(join(dir, 'bundles'));
  symlinkSync('real', join(dir, 'out'));
  rmSync(join(dir, 'real/dist-templates'), { recursive: true });
  symlinkSync('../bundles', join(dir, 'real/dist-templates'));
  const site = join(ROOT, 'examples/deployment.yaml');
  const refused = cli(['--deployment', site, '--out', 'out'], dir);
  assert.is(refused.code, 2);
  assert.equal(readdirSync(join(dir, 'real')), ['dist-templates']);
  const r = cli(['--deployment', site, '--out', 'out', '--follow-symlinks'], dir);
  assert.is(r.code, 0, r.stderr);
  assert.ok(readdirSync(join(dir, 'real')).includes('deploy.sh'));
  assert.ok(readdirSync(join(dir, 'bundles')).includes('SHA256SUMS'));
  assert.ok(lstatSync(join(dir, 'real/dist-templates')).isSymbolicLink(), 'the link itself stays');
});

test.run();
