import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { parse } from 'yaml';
import { CLI, commandWord } from '../src/cli/definition.js';
import { EXAMPLE_DEPLOYMENT } from '../src/deployment/example.js';
import { cli, TSX } from './helpers/cli.js';
import { ROOT } from './helpers/guide.js';
import { buildDist, setUp } from './helpers/setup.js';

// A new user's first hour: the package as npm would ship it, installed into an empty
// project, and the command line's habits. The install uses npm's cache only (--offline): the tests
// touch no network.

const setup = setUp('bt-new-');
// The package is packed from dist/: built from the source under test.
test.before(() => {
  buildDist();
});
const VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

let packed: { tarball: string; files: string[] } | undefined;
/** The package packed as npm would ship it (once for this file): the tarball and the files it holds. */
function pack(): { tarball: string; files: string[] } {
  if (!packed) {
    const dir = setup.dir();
    const r = spawnSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', dir], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    assert.is(r.status, 0, r.stderr);
    const info = (JSON.parse(r.stdout) as { filename: string; files: { path: string }[] }[])[0];
    packed = { tarball: join(dir, info?.filename ?? ''), files: info?.files.map((f) => f.path) ?? [] };
  }
  return packed;
}

test('npm pack ships what runs: the built CLI, the schemas, the example site, the license; no tests or goldens', () => {
  const { files } = pack();
  assert.ok(files.includes('dist/cli/main.cjs'));
  assert.ok(files.includes('dist/simulator.mjs'), 'the built simulator, for `build-templates sim`');
  // One copy of the compiler: the single-file command; of the modules tsc writes, only what the
  // command loads before it (its entry, --version, the simulator's loader).
  assert.equal(
    files.filter((f) => f.startsWith('dist/') && !f.startsWith('dist/build-templates.cjs')).sort(),
    [
      'dist/cli/load-command.cjs',
      'dist/cli/main.cjs',
      'dist/cli/sim.js',
      'dist/cli/terminal.cjs',
      'dist/output-error.cjs',
      'dist/paths.cjs',
      'dist/simulator.mjs',
      'dist/third-party-licences.txt',
      'dist/version.cjs',
    ],
  );
  // The packages built into the command and the simulator, each with its licence: the package
  // installs none of them.
  const notices = readFileSync(join(ROOT, 'dist/third-party-licences.txt'), 'utf8');
  for (const name of ['ajv', 'handlebars', 'xmlbuilder2', 'yaml', 'yargs']) {
    const { version, license } = JSON.parse(
      readFileSync(join(ROOT, 'node_modules', name, 'package.json'), 'utf8'),
    ) as { version: string; license: string };
    assert.ok(notices.includes(`\n${name} ${version} (${license})\n`), `${name} ${version}`);
  }
  assert.not.match(notices, /no licence file/);
  assert.ok(files.includes('schemas/deployment.schema.json'));
  assert.ok(files.includes('examples/deployment.yaml'));
  assert.ok(files.includes('LICENSE'));
  const stray = files.filter(
    (f) => /^(test|fixtures|src|simulator|scripts|\.ci)\//.test(f) || /\.test\./.test(f),
  );
  assert.equal(stray, []);
  // The README's links lead somewhere in the package too: every page of docs/ and the architecture.
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const links = [...readme.matchAll(/\]\(((?:docs\/|[A-Z]+\.md)[^)#]*)/g)].map((m) => m[1] ?? '');
  assert.ok(links.length > 10, `${links.length} links`);
  for (const link of links)
    assert.ok(
      files.some((f) => f === link || (link.endsWith('/') && f.startsWith(link))),
      `${link} is in the package`,
    );
});

test('installed from the tarball into an empty project: every command works from the package alone', async () => {
  const dir = setup.dir();
  const { tarball } = pack();
  const project = join(dir, 'project');
  await mkdir(project);
  await writeFile(join(project, 'package.json'), '{ "name": "host", "version": "9.9.9", "private": true }\n');
  // Offline and with a cache of its own, empty: nothing may come from a registry or from what this
  // machine's npm happens to hold.
  const cache = join(dir, 'npm-cache');
  const install = spawnSync(
    'npm',
    ['install', '--offline', '--cache', cache, '--no-audit', '--no-fund', tarball],
    {
      cwd: project,
      encoding: 'utf8',
    },
  );
  assert.is(install.status, 0, install.stderr);
  // Installing runs nothing of the package's, so npm has no install script to warn about.
  assert.not.match(install.stderr, /warn/i, install.stderr);
  // The package depends on nothing (the packages it uses are inside its two built files): it brings
  // no other package along.
  assert.equal((await readdir(join(project, 'node_modules'))).sort(), [
    '.bin',
    '.package-lock.json',
    'build-templates',
  ]);
  const bin = join(project, 'node_modules/.bin/build-templates');
  const run = (...args: string[]) => spawnSync(bin, args, { cwd: project, encoding: 'utf8' });
  assert.is(run('--version').stdout.trim(), VERSION, "the package's version, not the host project's");
  assert.match(run('-h').stdout, /Examples:/);
  // `sim` loads the built simulator by path (dist/simulator/), which the compiler never imports.
  const sim = run('sim', '--help');
  assert.is(sim.status, 0, sim.stderr);
  assert.match(sim.stdout, /^usage: build-templates sim /);
  // Every option of the simulator's, from the one definition of the command line, with what it does.
  const simSpec = CLI.commands.find((c) => commandWord(c) === 'sim');
  assert.ok(simSpec && simSpec.options.length > 10);
  assert.ok(
    sim.stdout.includes(simSpec?.example[0].replace('$0', 'build-templates') ?? '-'),
    'with its example',
  );
  for (const o of simSpec?.options ?? [])
    assert.match(sim.stdout, new RegExp(`^  --${o.name}\\b.*  \\S`, 'm'), `sim --help: --${o.name}`);
  // It answers from the package alone: its XML replies are made by the xmlbuilder2 built into it.
  const answered = await simListvs(bin, [], [], project);
  assert.is(answered.status, 200, answered.err);
  assert.match(answered.body, /^<\?xml version="1\.0" encoding="ISO-8859-1"\?>\n<Response stat="200"/);
  assert.is(run('init').status, 0);
  const schema = (parse(await readFile(join(project, 'deployment.yaml'), 'utf8')) as { $schema: string })
    .$schema;
  assert.ok(existsSync(resolve(project, schema)), `$schema ${schema} resolves`);
  assert.is(run('validate', 'deployment.yaml').stdout, 'deployment.yaml: valid\n');
  const site = run('--deployment', 'deployment.yaml', '--out', 'site');
  assert.is(site.status, 0, site.stderr);
  for (const f of ['deploy.sh', 'deploy.ps1', 'runbook.md'])
    assert.ok(existsSync(join(project, 'site', f)), f);
  // One grammar: nothing after --, no dotted, negated or repeated option, is silently taken.
  for (const args of [
    ['--deployment', 'deployment.yaml', '--', 'extra'],
    ['--deployment.x', 'deployment.yaml'],
    ['--no-deployment'],
    ['--no-check'],
    ['--deployment', 'deployment.yaml', '--out', 'a', '--out', 'b'],
    ['validate', 'deployment.yaml', '--', 'more.yaml'],
  ]) {
    const r = run(...args);
    assert.is(r.status, 2, `${args.join(' ')}: ${r.stderr}`);
    assert.match(r.stderr, /^build-templates: .*\(see build-templates --help\)\n$/, args.join(' '));
  }
  const main = run();
  assert.is(main.status, 0, main.stderr);
  // Every other command, from the installed package alone.
  for (const args of [
    ['params', '--json'],
    ['docs', '--out', 'docs-here'],
    ['inspect', 'dist-templates/Exchange2016Core.tmpl', '--json'],
    ['completion'],
    ['--check'],
  ]) {
    const r = run(...args);
    assert.is(r.status, 0, `${args.join(' ')}: ${r.stderr}`);
  }
  assert.ok(
    existsSync(join(project, 'out/example/runbook.md')),
    'the default build compiles the shipped example',
  );
});

test('--version is the package version; -h is --help with examples', () => {
  assert.is(cli(['--version']).stdout.trim(), VERSION);
  const h = cli(['-h']);
  assert.is(h.code, 0);
  assert.match(h.stdout, /Examples:\n/);
  assert.match(h.stdout, /validate <files\.\.>/);
});

test('validate: exit 0 and "valid" for a good file, 1 and located problems for a bad one, --json for editors', async () => {
  const dir = setup.dir();
  const good = join(dir, 'good.yaml');
  const bad = join(dir, 'bad.yaml');
  await writeFile(
    good,
    readFileSync(join(ROOT, 'examples/deployment.yaml'), 'utf8').replace(/^\$schema:.*\n/m, ''),
  );
  await writeFile(bad, 'services: []\nexchangeServers: []\nfoo: 1\n');
  const ok = cli(['validate', good]);
  assert.is(ok.code, 0, ok.stderr);
  assert.is(ok.stdout, `${good}: valid\n`);
  const no = cli(['validate', good, bad]);
  assert.is(no.code, 1);
  assert.match(
    no.stderr,
    new RegExp(`${bad.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}:3:1 /foo: unknown key "foo"`),
  );
  const json = cli(['validate', '--json', good, bad]);
  assert.is(json.code, 1);
  const results = JSON.parse(json.stdout) as {
    file: string;
    valid: boolean;
    problems: { line: number; pointer: string }[];
  }[];
  assert.equal(
    results.map((r) => [r.file, r.valid]),
    [
      [good, true],
      [bad, false],
    ],
  );
  assert.ok(results[1]?.problems.some((p) => p.pointer === '/foo' && p.line === 3));
  assert.is(cli(['validate']).code, 2);
});

test('init writes JSON for a .json name, with a $schema that resolves; --out does not apply to it', async () => {
  const dir = setup.dir();
  const r = cli(['init', 'sub/site.json'], dir);
  assert.is(r.code, 0, r.stderr);
  const data = JSON.parse(await readFile(join(dir, 'sub/site.json'), 'utf8')) as { $schema: string };
  assert.ok(existsSync(resolve(dir, 'sub', data.$schema)), data.$schema);
  assert.is(cli(['validate', 'sub/site.json'], dir).code, 0);
  const y = cli(['init', 'site.yaml'], dir);
  assert.is(y.code, 0);
  const text = await readFile(join(dir, 'site.yaml'), 'utf8');
  const modeline = /^# yaml-language-server: \$schema=(.+)$/m.exec(text)?.[1] ?? '';
  assert.ok(existsSync(resolve(dir, modeline)), `modeline ${modeline}`);
  const out = cli(['init', 'x.yaml', '--out', 'sub'], dir);
  assert.is(out.code, 2);
  assert.match(out.stderr, /"--out" does not apply to this command/);
});

test("init's example names in its comments only keys the schema takes", () => {
  const schema = readFileSync(join(ROOT, 'schemas/deployment.schema.json'), 'utf8');
  const keys = new Set([...schema.matchAll(/"([A-Za-z$]+)": \{/g)].map((m) => m[1]));
  const comments = EXAMPLE_DEPLOYMENT.split('\n').filter((l) => /^\s*#/.test(l) || / # /.test(l));
  const named = comments.flatMap((l) => [...l.matchAll(/"([a-z][a-zA-Z]*)"/g)].map((m) => m[1]));
  assert.ok(named.length > 0);
  for (const k of named) assert.ok(keys.has(k), `the comments name "${k}", which the schema does not take`);
});

test('a .json deployment file gets JSON syntax errors, located, with no content quoted', async () => {
  const dir = setup.dir();
  await writeFile(join(dir, 'site.json'), '{"services": [], "secret": "hunter2",}');
  const r = cli(['validate', 'site.json'], dir);
  assert.is(r.code, 1);
  assert.match(r.stderr, /^site\.json:1:38 \/: not valid JSON: Expected double-quoted property name\n/);
  assert.not.match(r.stderr, /hunter2/);
});

test('completion prints a script for bash (the default), zsh or fish that asks the command for its candidates', () => {
  for (const [args, mark] of [
    [['completion'], /complete -o filenames -F _build_templates build-templates/],
    [['completion', 'zsh'], /compdef _build_templates build-templates/],
    [['completion', 'fish'], /complete -c build-templates -f -a '\(__build_templates_complete\)'/],
  ] as const) {
    const r = cli([...args]);
    assert.is(r.code, 0, r.stderr);
    assert.match(r.stdout, mark);
    assert.match(r.stdout, /build-templates __complete -- /);
  }
  const words = cli(['__complete', '--', '']).stdout.split('\n');
  for (const c of ['init', 'validate', 'params', 'inspect', 'docs']) assert.ok(words.includes(c), c);
});

test('outputs do not depend on how the deployment path was typed: --check after a build with another spelling', async () => {
  const dir = setup.dir();
  await mkdir(join(dir, 'sites'));
  await writeFile(
    join(dir, 'sites/site.yaml'),
    readFileSync(join(ROOT, 'examples/deployment.yaml'), 'utf8').replace(/^\$schema:.*\n/m, ''),
  );
  assert.is(cli(['--deployment', 'sites/site.yaml', '--out', 'out'], dir).code, 0);
  for (const spelling of ['./sites/site.yaml', join(dir, 'sites/site.yaml'), 'sites/../sites/site.yaml']) {
    const r = cli(['--check', '--deployment', spelling, '--out', 'out'], dir);
    assert.is(r.code, 0, `${spelling}: ${r.stderr}`);
  }
});

test('Windows: deploy.ps1 has a BOM (5.1 reads UTF-8 without one as ANSI) and #Requires -Version 5.1; checkouts keep LF', async () => {
  const dir = setup.dir();
  await writeFile(
    join(dir, 'site.yaml'),
    'services:\n  - {template: smtp, address: 10.0.0.1, nickname: Süd}\nexchangeServers:\n  - address: 10.0.0.2\n',
  );
  assert.is(cli(['--deployment', 'site.yaml', '--out', 'o'], dir).code, 0);
  const bytes = readFileSync(join(dir, 'o/deploy.ps1'));
  assert.equal([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  const text = bytes.toString('utf8');
  assert.ok(text.includes('Süd'));
  assert.match(text, /^#Requires -Version 5\.1$/m);
  const attrs = readFileSync(join(ROOT, '.gitattributes'), 'utf8');
  assert.match(attrs, /^\*\.sh text eol=lf$/m);
  // deploy.sh itself has no BOM: bash would read it as part of the first command.
  assert.is(readFileSync(join(dir, 'o/deploy.sh'))[0], 0x23);
});

test('generated files cite the guide by section and only project docs that ship with the package', async () => {
  const dir = setup.dir();
  const all = join(ROOT, 'fixtures/deployments/all-templates/deployment.yaml');
  assert.is(cli(['--deployment', all, '--out', 'site'], dir).code, 0);
  const shipped = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { files: string[] }).files;
  for (const f of ['deploy.sh', 'deploy.ps1', 'runbook.md']) {
    const text = readFileSync(join(dir, 'site', f), 'utf8');
    assert.not.match(text, /\.\.\/shared|LOADMASTER-API\.md|api-facts/, f);
    for (const cited of new Set(text.match(/\bdocs\/[a-z0-9./-]+\.md/g) ?? [])) {
      assert.ok(
        existsSync(join(ROOT, cited)) && shipped.some((s) => cited === s || cited.startsWith(`${s}/`)),
        `${f} cites ${cited}, which the package does not ship`,
      );
    }
  }
});

/**
 * `sim --http` started by `command` (with `args` before `sim`): once it listens, its `listvs` reply,
 * then stopped with Ctrl-C; what it wrote to standard error.
 */
async function simListvs(
  command: string,
  args: string[],
  simArgs: string[],
  cwd?: string,
): Promise<{ status: number; body: string; err: string }> {
  const child = spawn(command, [...args, 'sim', '--http', ...simArgs], {
    cwd,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stderr.on('data', (d) => (err += d));
  const exited = new Promise((resolve) => child.on('exit', resolve));
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (d) => {
      out += d;
      const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m?.[1] && /password: (\S+)/.test(out)) resolve(m[1]);
    });
    child.on('exit', () => reject(new Error(`sim exited: ${err}`)));
  });
  const password = /password: (\S+)/.exec(out)?.[1] ?? '';
  let reply: { status: number; body: string };
  try {
    const r = await fetch(`${url}/access/listvs`, {
      headers: { authorization: `Basic ${Buffer.from(`bal:${password}`).toString('base64')}` },
    });
    reply = { status: r.status, body: await r.text() };
  } finally {
    child.kill('SIGINT');
    await exited;
  }
  return { ...reply, err };
}

test('build-templates sim: a simulator to rehearse against, with a request log and a state dump', async () => {
  const dir = setup.dir();
  const state = join(dir, 'state.json');
  const reply = await simListvs(
    process.execPath,
    ['--import', TSX, join(ROOT, 'src/cli/main.cts')],
    ['--log', '--state', state],
  );
  assert.is(reply.status, 200);
  assert.match(reply.body, /<Response stat="200"/);
  assert.match(reply.err, /^#1 GET listvs -> 200 answered$/m);
  const dump = JSON.parse(await readFile(state, 'utf8')) as { vss: unknown[]; certificates: string[] };
  assert.equal(dump.vss, []);
  assert.ok(dump.certificates.length > 0);
});

test('sim --ca-file: the CA file is written where asked, and its hints give its full path, for scripts run from another folder', async () => {
  const dir = setup.dir();
  const child = spawn(
    process.execPath,
    ['--import', TSX, join(ROOT, 'src/cli/main.cts'), 'sim', '--ca-file', 'lab-ca.pem'],
    { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '';
  const exited = new Promise((resolve) => child.on('exit', resolve));
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (d) => {
      out += d;
      if (out.includes('Ctrl-C stops it.')) resolve();
    });
    child.on('exit', () => reject(new Error(`sim exited: ${out}`)));
  });
  child.kill('SIGINT');
  await exited;
  const full = join(realpathSync(dir), 'lab-ca.pem');
  assert.ok(existsSync(full));
  assert.match(out, `export LM_CACERT='${full}'`);
  assert.match(out, `-CaCertificate '${full}'`);
});

test.run();
