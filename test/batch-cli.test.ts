import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { moreDeployments, parseFast } from '../src/cli/parse.js';
import { cli, TSX } from './helpers/cli.js';
import { ROOT } from './helpers/guide.js';
import { setUp } from './helpers/setup.js';

// Many sites in one run (--deployment with several files or a folder), and a command
// line read without yargs on every ordinary path.

const setup = setUp('bt-batch-');

const EXAMPLE = readFileSync(join(ROOT, 'examples/deployment.yaml'), 'utf8').replace(/^\$schema:.*\n/m, '');
const MAIL = readFileSync(join(ROOT, 'fixtures/deployments/mail/deployment.yaml'), 'utf8');
const NO_GLOBALS = readFileSync(join(ROOT, 'fixtures/deployments/no-globals/deployment.json'), 'utf8');

/** stderr without the warnings about example values the test sites keep (placeholders.ts). */
const problemsOf = (stderr: string): string =>
  stderr
    .split('\n')
    .filter((l) => !/^\S+:\d+:\d+ \S+: warning: /.test(l) && !l.startsWith('(example values:'))
    .join('\n');

/** Every file under a folder, by path, with its bytes and mode. */
async function tree(dir: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const path of (await readdir(dir, { recursive: true, encoding: 'utf8' })).sort()) {
    const info = await stat(join(dir, path));
    if (info.isFile())
      out.set(path, `${(info.mode & 0o777).toString(8)} ${await readFile(join(dir, path), 'utf8')}`);
  }
  return out;
}

/** A folder with three sites (two YAML, one JSON), a README and a subfolder that are not sites. */
async function sites(): Promise<string> {
  const dir = setup.dir();
  await mkdir(join(dir, 'sites/old'), { recursive: true });
  await writeFile(join(dir, 'sites/east.yaml'), EXAMPLE);
  await writeFile(join(dir, 'sites/mail.yml'), MAIL);
  await writeFile(join(dir, 'sites/west.json'), NO_GLOBALS);
  await writeFile(join(dir, 'sites/README.md'), 'not a site\n');
  await writeFile(join(dir, 'sites/old/east.yaml'), 'not read: not directly in the folder\n');
  return dir;
}

test('a folder: each site to OUT/<its name>/, byte for byte what a run of that file alone writes', async () => {
  const dir = await sites();
  const r = cli(['--deployment', 'sites', '--out', 'out'], dir);
  assert.is(r.code, 0, r.stderr);
  assert.is(problemsOf(r.stderr), '');
  // Example values each site keeps are warned about, per site and located; the sites are written.
  assert.match(
    r.stderr,
    /^sites\/east\.yaml:7:14 \/services\/0\/address: warning: 192\.168\.10\.47 is the example address/m,
  );
  assert.match(r.stdout, /^wrote 3 sites \(\d+ files\) under out\n$/);
  assert.equal((await readdir(join(dir, 'out'))).sort(), ['east', 'mail', 'west']);
  for (const [name, file] of [
    ['east', 'east.yaml'],
    ['mail', 'mail.yml'],
    ['west', 'west.json'],
  ] as const) {
    const one = cli(['--deployment', join('sites', file), '--out', join('one', name)], dir);
    assert.is(one.code, 0, one.stderr);
    assert.equal(await tree(join(dir, 'out', name)), await tree(join(dir, 'one', name)), name);
  }
  const n = (await tree(join(dir, 'out'))).size;
  assert.is(r.stdout, `wrote 3 sites (${n} files) under out\n`);
});

test('several files after one --deployment; --check checks each site folder', async () => {
  const dir = await sites();
  const r = cli(['--deployment', 'sites/mail.yml', 'sites/east.yaml', '--out', 'out'], dir);
  assert.is(r.code, 0, r.stderr);
  assert.equal((await readdir(join(dir, 'out'))).sort(), ['east', 'mail']);
  const ok = cli(['--check', '--deployment', 'sites/mail.yml', 'sites/east.yaml', '--out', 'out'], dir);
  assert.is(ok.code, 0, ok.stderr);
  assert.match(ok.stdout, /^up to date: 2 sites \(\d+ generated files\) under out\n$/);
  await writeFile(join(dir, 'out/east/deploy.sh'), 'edited\n');
  const stale = cli(['--check', '--out', 'out', '--deployment', 'sites/mail.yml', 'sites/east.yaml'], dir);
  assert.is(stale.code, 1);
  assert.is(
    problemsOf(stale.stderr),
    'stale generated files (run build-templates to rewrite them):\n  east/deploy.sh (differs)\n',
  );
  assert.match(stale.stdout, /^up to date: 1 site \(\d+ generated files\) under out; 1 stale\n$/);
});

test('one bad site among good ones: reported and located, the others written, exit 1', async () => {
  const dir = await sites();
  await writeFile(join(dir, 'sites/broken.yaml'), 'services:\n  - template: imap\n    address: 10.0.0.300\n');
  const r = cli(['--deployment', 'sites', '--out', 'out'], dir);
  assert.is(r.code, 1);
  assert.is(
    problemsOf(r.stderr),
    [
      'sites/broken.yaml:1:1 /: missing required key "exchangeServers"',
      'sites/broken.yaml:3:14 /services/0/address: "10.0.0.300" is not an IPv4 or IPv6 address',
      '',
    ].join('\n'),
  );
  assert.match(r.stdout, /^wrote 3 sites \(\d+ files\) under out; 1 failed\n$/);
  assert.equal((await readdir(join(dir, 'out'))).sort(), ['east', 'mail', 'west']);
});

test('a site whose values are not the types the schema says (toString, constructor keys): located, and the sites after it still written', async () => {
  const dir = await sites();
  await writeFile(
    join(dir, 'sites/a-hostile.yaml'),
    'services:\n  - template: {toString: 1}\n    address: 10.0.0.1\n    constructor: x\nexchangeServers:\n  - address: 10.0.0.2\n',
  );
  const r = cli(['--deployment', 'sites', '--out', 'out'], dir);
  assert.is(r.code, 1, r.stderr);
  assert.match(
    r.stderr,
    /^sites\/a-hostile\.yaml:2:15 \/services\/0\/template: a mapping is not a known template; /m,
  );
  assert.match(
    r.stderr,
    /^sites\/a-hostile\.yaml:4:5 \/services\/0\/constructor: unknown key "constructor"/m,
  );
  assert.not.match(r.stderr, /internal error/);
  assert.match(r.stdout, /^wrote 3 sites \(\d+ files\) under out; 1 failed\n$/);
  assert.equal((await readdir(join(dir, 'out'))).sort(), ['east', 'mail', 'west']);
});

test('a batch shows its progress and an estimate on a terminal, and nothing of it when stderr is not one', async () => {
  const dir = setup.dir();
  await mkdir(join(dir, 'many'));
  const site =
    'services:\n  - template: smtp\n    address: 10.0.0.1\nexchangeServers:\n  - address: 10.0.0.2\n';
  for (let i = 0; i < 120; i++) await writeFile(join(dir, 'many', `s${i}.yaml`), site);
  const command = [process.execPath, '--import', TSX, join(ROOT, 'src/cli/main.cts')];
  const tty = spawnSync(
    'python3',
    [join(ROOT, 'test/helpers/pty-answer.py'), ...command, '--deployment', 'many', '--out', 'a'],
    {
      cwd: dir,
      input: '',
      encoding: 'utf8',
    },
  );
  assert.is(tty.status, 0, tty.stdout);
  assert.match(tty.stdout, /\d+ of 120 sites, about \d+ s left/);
  assert.match(tty.stdout, /wrote 120 sites/);
  const piped = cli(['--deployment', 'many', '--out', 'b'], dir);
  assert.is(piped.code, 0, piped.stderr);
  assert.is(piped.stderr, '');
});

test('a site the program fails on: one line naming the site, the error and its src/ line; the next site still built', async () => {
  const dir = await sites();
  const { siteBuilder } = await import('../src/cli/batch-site.js');
  const { watchRenders } = await import('../src/emit/render.js');
  const out = join(dir, 'out');
  const builder = await siteBuilder({
    out,
    check: false,
    followSymlinks: false,
    strict: false,
    force: false,
    inputIds: [],
  });
  // A fault of the program's own, in the middle of making the first site's files.
  watchRenders(() => {
    throw new Error('a template failed');
  });
  let failed: Awaited<ReturnType<typeof builder.build>>;
  try {
    failed = await builder.build({ file: join(dir, 'sites/east.yaml'), name: 'east' });
  } finally {
    watchRenders(undefined);
  }
  assert.is(failed.kind, 'internal');
  assert.match(
    failed.stderr,
    /^build-templates: \S+east\.yaml: internal error: a template failed \(at src\/emit\/render\.ts:\d+\)\n$/,
  );
  const next = await builder.build({ file: join(dir, 'sites/mail.yml'), name: 'mail' });
  assert.is(next.kind, 'ok', next.stderr);
  assert.equal(await readdir(out), ['mail'], 'nothing of the failed site is written');
});

test('two files of one base name are a usage error before anything is written', async () => {
  const dir = await sites();
  await writeFile(join(dir, 'sites/mail.json'), NO_GLOBALS);
  const r = cli(['--deployment', 'sites', '--out', 'out'], dir);
  assert.is(r.code, 2);
  assert.match(r.stderr, /^build-templates: sites\/mail\.json and sites\/mail\.yml would both be written/);
  assert.is(await stat(join(dir, 'out')).catch(() => null), null);
  const twice = cli(['--deployment', 'sites/east.yaml', 'sites/east.yaml', '--out', 'out'], dir);
  assert.is(twice.code, 2);
  assert.is(await stat(join(dir, 'out')).catch(() => null), null);
});

test('the single-file form is as it was: into --out itself; a repeated --deployment is refused', async () => {
  const dir = await sites();
  assert.is(cli(['--deployment', 'sites/east.yaml', '--out', 'east'], dir).code, 0);
  assert.ok((await stat(join(dir, 'east/deploy.sh'))).isFile());
  const twice = cli(['--deployment', 'sites/east.yaml', '--deployment', 'sites/mail.yml'], dir);
  assert.is(twice.code, 2);
  assert.match(twice.stderr, /--deployment is given 2 times; give it once/);
  // A word naming a command after --deployment FILE is still that command.
  const docs = cli(['--deployment', 'sites/east.yaml', 'docs'], dir);
  assert.is(docs.code, 2);
  assert.match(docs.stderr, /"--deployment" does not apply to this command/);
  // An option the command does not take, before its file, is named: not the file it swallowed.
  const before = cli(['validate', '--force', 'sites/east.yaml'], dir);
  assert.is(before.code, 2);
  assert.match(before.stderr, /"--force" does not apply to this command/);
  const unknown = cli(['validate', '--bogus', 'sites/east.yaml'], dir);
  assert.match(unknown.stderr, /unknown option "--bogus"/);
});

test('the ordinary command lines are read without yargs; mistakes and help are left to it', () => {
  const read = (argv: string[]) => {
    const { argv: rest, more } = moreDeployments(argv);
    return parseFast(rest, more);
  };
  assert.equal(read([]), {
    run: 'compile',
    args: {
      deployment: undefined,
      out: '.',
      check: false,
      strict: false,
      force: false,
      followSymlinks: false,
    },
  });
  assert.equal(read(['--deployment', 'a.yaml', 'b.yaml', '--out', 'o', '--check']), {
    run: 'compile',
    args: {
      deployment: ['a.yaml', 'b.yaml'],
      out: 'o',
      check: true,
      strict: false,
      force: false,
      followSymlinks: false,
    },
  });
  assert.equal(read(['params', '--json'])?.args, {
    asDocumented: false,
    json: true,
  });
  assert.equal(read(['inspect', 'x.tmpl', '--json'])?.args.file, 'x.tmpl');
  assert.equal(read(['validate', 'a.yaml', 'b.yaml'])?.args.files, ['a.yaml', 'b.yaml']);
  assert.equal(read(['init'])?.args.file, 'deployment.yaml');
  for (const mistake of [
    ['--help'],
    ['-h'],
    ['help'],
    ['completion'],
    ['--version', 'params'],
    ['--out'],
    ['--out', 'a', '--out', 'b'],
    ['--deployment', 'a', '--deployment', 'b'],
    ['--deploymnet', 'a'],
    ['--json', 'params'],
    ['params', '--json=true'],
    ['params', 'extra'],
    ['validate'],
    ['init', ''],
    ['init', '1e3'],
    ['--check', 'true'],
  ])
    assert.is(read(mistake), null, mistake.join(' '));
});

test('the CLI loads yargs only for help, completion and mistakes (yargs-cli.ts, by import())', () => {
  for (const file of [
    'main.cts',
    'cli.ts',
    'definition.ts',
    'parse.ts',
    'run.ts',
    'compile.ts',
    'batch.ts',
    'batch-site.ts',
  ]) {
    const path = join(ROOT, 'src/cli', file);
    const { importedFiles } = ts.preProcessFile(readFileSync(path, 'utf8'), true, true);
    const names = importedFiles.map((f) => f.fileName);
    assert.not.ok(
      names.some((n) => n === 'yargs' || n.startsWith('yargs/')),
      `${relative(ROOT, path)} imports yargs`,
    );
  }
});

test.run();
