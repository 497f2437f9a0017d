import { spawnSync } from 'node:child_process';
import {
  closeSync,
  copyFileSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { cli } from './helpers/cli.js';
import { ROOT } from './helpers/guide.js';
import { BUILT_CLI, buildDist, setUp } from './helpers/setup.js';

// The installed command is the CLI made into one script (the single-file command), run with the V8 code cache it makes where
// it runs (src/cli/load-command.cts, scripts/single-file.ts). What it writes must be what the modules
// write, every output computed when it runs, and the cache must be one V8 takes.

const setup = setUp('bt-bundle-');

test.before(() => {
  buildDist();
});

/** Every file under a folder, with its bytes, in path order. */
function tree(dir: string): Map<string, string> {
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => statSync(join(dir, f)).isFile())
    .sort();
  return new Map(files.map((f) => [f, readFileSync(join(dir, f), 'latin1')]));
}

test('the single-file command writes, byte for byte, what the modules write (default build and a site)', async () => {
  const site = join(ROOT, 'fixtures/deployments/all-templates/deployment.yaml');
  for (const args of [[], ['--deployment', site]]) {
    const fromSource = setup.dir();
    const built = setup.dir();
    assert.is(cli([...args, '--out', fromSource]).code, 0);
    const r = spawnSync(process.execPath, [BUILT_CLI, ...args, '--out', built], { encoding: 'utf8' });
    assert.is(r.status, 0, r.stderr);
    const a = tree(fromSource);
    const b = tree(built);
    assert.ok(a.size >= 5, `${a.size} files`);
    assert.equal([...b.keys()], [...a.keys()]);
    for (const [path, bytes] of a) assert.ok(b.get(path) === bytes, `${path} differs`);
  }
});

test('the single-file command prints what the modules print: help, version, a usage mistake, params', () => {
  // Help goes through the single-file command's string-width (scripts/single-file.ts): its widths must be the real ones.
  for (const args of [['--help'], ['inspect', '--help'], ['--version'], ['params', '--bogus'], ['params']]) {
    const fromSource = cli(args);
    const r = spawnSync(process.execPath, [BUILT_CLI, ...args], { encoding: 'utf8' });
    assert.is(r.status, fromSource.code, `${args.join(' ')}: exit code`);
    assert.is(r.stdout, fromSource.stdout, `${args.join(' ')}: stdout`);
    assert.is(r.stderr, fromSource.stderr, `${args.join(' ')}: stderr`);
  }
});

test('the command makes its code cache where it runs: the first run of each kind writes it, the next one takes it', () => {
  const cache = setup.dir();
  const env = { ...process.env, BUILD_TEMPLATES_CACHE: cache };
  const bundle = join(ROOT, 'dist-templates/Exchange2016ESP.tmpl');
  const out = setup.dir();
  for (const args of [
    ['params', '--json'],
    ['--help'],
    ['inspect', bundle],
    ['--out', out],
    ['--check', '--out', out],
  ]) {
    const r = spawnSync(process.execPath, [BUILT_CLI, ...args], { encoding: 'utf8', env });
    assert.is(r.status, 0, r.stderr);
  }
  const kinds = ['build', 'check', 'help', 'inspect', 'params'];
  assert.equal(
    readdirSync(cache)
      .map((f) => f.split('-')[0])
      .sort(),
    kinds,
    'one cache of each kind, nothing else',
  );
  for (const kind of kinds) {
    const probe = `const m = await import(${JSON.stringify(new URL('../dist/cli/load-command.cjs', import.meta.url).href)});
      process.stdout.write(String(m.loadCommand(${JSON.stringify(kind)}).cached));`;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', probe], { encoding: 'utf8', env });
    assert.is(r.status, 0, r.stderr);
    assert.is(r.stdout, 'true', `V8 takes the ${kind} cache`);
  }
});

test("each command line's kind of run: its cache holds the code that command runs", async () => {
  const { codeCacheFor } = await import('../src/cli/load-command.cjs');
  const kinds: [string[], string][] = [
    [[], 'build'],
    [['--out', 'x'], 'build'],
    // The check makes no example site: a cache the default build made would be larger than it needs.
    [['--check', '--out', 'x'], 'check'],
    [['--deployment', 'a.yaml', '--out', 'x'], 'site'],
    [['--deployment=a.yaml', '--check'], 'site'],
    [['params', '--json'], 'params'],
    [['validate', 'a.yaml'], 'validate'],
    [['inspect', 'a.tmpl'], 'inspect'],
    [['docs', '--check'], 'docs'],
    [['inspect', '--help'], 'help'],
    [['-h'], 'help'],
    [['completion', 'bash'], 'complete'],
    [['__complete', '--'], 'complete'],
    // A value is not a command word: the site is a build.
    [['--out', 'params'], 'build'],
  ];
  for (const [argv, kind] of kinds) assert.is(codeCacheFor(argv), kind, argv.join(' '));
});

test("the code caches go under BUILD_TEMPLATES_CACHE, else XDG_CACHE_HOME, else the home folder (HOME, else the system's account)", async () => {
  const { cacheFolder } = await import('../src/cli/load-command.cjs');
  const saved = { ...process.env };
  try {
    process.env.BUILD_TEMPLATES_CACHE = '/tmp/bt-caches';
    process.env.XDG_CACHE_HOME = '/tmp/xdg';
    assert.is(cacheFolder(), '/tmp/bt-caches');
    delete process.env.BUILD_TEMPLATES_CACHE;
    assert.is(cacheFolder(), '/tmp/xdg/build-templates');
    delete process.env.XDG_CACHE_HOME;
    process.env.HOME = '/home/someone';
    assert.is(cacheFolder(), '/home/someone/.cache/build-templates');
    // Without HOME, the account's home folder, as os.homedir() reads it from the system.
    delete process.env.HOME;
    assert.is(cacheFolder(), join(userInfo().homedir, '.cache/build-templates'));
  } finally {
    for (const k of Object.keys(process.env)) if (!(k in saved)) delete process.env[k];
    Object.assign(process.env, saved);
  }
});

test('the command writes and prints the same with V8 as Node starts it as with the flags its start-up sets', () => {
  const site = join(ROOT, 'fixtures/deployments/all-templates/deployment.yaml');
  const off = setup.dir();
  const on = setup.dir();
  for (const [out, defaults] of [
    [off, '0'],
    [on, '1'],
  ] as const) {
    const env = { ...process.env, BUILD_TEMPLATES_V8_DEFAULTS: defaults, BUILD_TEMPLATES_CACHE: setup.dir() };
    const r = spawnSync(process.execPath, [BUILT_CLI, '--deployment', site, '--out', out], {
      encoding: 'utf8',
      env,
    });
    assert.is(r.status, 0, r.stderr);
  }
  const a = tree(off);
  const b = tree(on);
  assert.equal([...b.keys()], [...a.keys()]);
  for (const [path, bytes] of a) assert.ok(b.get(path) === bytes, `${path} differs`);
  // inspect, whose kind of run sets a flag of its own.
  const bundle = join(ROOT, 'dist-templates/Exchange2016ESP.tmpl');
  const inspected = ['0', '1'].map((defaults) => {
    const env = { ...process.env, BUILD_TEMPLATES_V8_DEFAULTS: defaults, BUILD_TEMPLATES_CACHE: setup.dir() };
    const r = spawnSync(process.execPath, [BUILT_CLI, 'inspect', bundle, '--json'], {
      encoding: 'utf8',
      env,
    });
    assert.is(r.status, 0, r.stderr);
    return r.stdout;
  });
  assert.ok((inspected[0] ?? '').length > 1000);
  assert.is(inspected[0], inspected[1]);
});

test("--version is answered without Node's ES module loader (setting it up costs more than the answer)", () => {
  const probe = join(setup.dir(), 'probe.cjs');
  writeFileSync(
    probe,
    "process.on('exit', () => require('node:fs').writeSync(3, JSON.stringify(process.moduleLoadList)));",
  );
  const loaded = (args: string[]): string[] => {
    const r = spawnSync(process.execPath, ['-r', probe, ...args], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
    });
    assert.is(r.status, 0, r.stderr);
    return JSON.parse(r.output[3] ?? '') as string[];
  };
  const node = new Set(loaded(['-e', '']));
  const beyond = loaded([BUILT_CLI, '--version']).filter((m) => !node.has(m));
  assert.ok(beyond.length > 0, 'the probe sees what the command loads');
  assert.equal(
    beyond.filter((m) => m.includes('modules/esm/')),
    [],
  );
});

test("no run loads one of Node's own modules after setting V8's flags (Node would compile it without its code cache)", () => {
  const probe = join(ROOT, 'test/helpers/node-modules-probe.cjs');
  const env: NodeJS.ProcessEnv = { ...process.env, BUILD_TEMPLATES_CACHE: setup.dir() };
  delete env.BUILD_TEMPLATES_V8_DEFAULTS;
  // The test runner forces colour, which has Node load its terminal module to ask for the colours.
  delete env.FORCE_COLOR;
  const out = setup.dir();
  const batch = setup.dir();
  for (const name of ['a.yaml', 'b.yaml'])
    copyFileSync(join(ROOT, 'examples/deployment.yaml'), join(batch, name));
  const runs = [
    ['--help'],
    ['inspect', '--help'],
    ['params', '--json'],
    ['params'],
    ['--out', out],
    ['--check', '--out', out],
    ['--deployment', join(ROOT, 'fixtures/deployments/all-templates/deployment.yaml'), '--out', setup.dir()],
    ['--deployment', batch, '--out', setup.dir()],
    ['docs', '--out', setup.dir()],
    ['inspect', join(ROOT, 'dist-templates/Exchange2016ESP.tmpl'), '--json'],
    ['validate', join(ROOT, 'examples/deployment.yaml')],
    ['completion', 'bash'],
    // Written, then replaced (the second run's file is there).
    ['init', '--yes', '--force', join(setup.dir(), 'site.yaml')],
  ];
  for (const args of runs) {
    // Standard output and error as pipes, then as files: Node loads other modules for each.
    for (const stdio of ['pipe', 'file'] as const) {
      const log = join(setup.dir(), 'log');
      const fd = stdio === 'file' ? openSync(log, 'w') : 'pipe';
      const r = spawnSync(process.execPath, ['-r', probe, BUILT_CLI, ...args], {
        encoding: 'utf8',
        env,
        stdio: ['ignore', fd, fd, 'pipe'],
      });
      if (typeof fd === 'number') closeSync(fd);
      assert.is(r.status, 0, `${args.join(' ')}: ${r.stderr}`);
      const seen = JSON.parse(r.output[3] ?? '') as { flags: number; modules: string[] };
      assert.ok(seen.flags > 0, `${args.join(' ')}: V8's flags were set`);
      assert.equal(seen.modules, [], `${args.join(' ')} (${stdio}): loaded after the flags`);
    }
  }
});

test('an internal error of the installed command names the src/ line it came from (the source map)', () => {
  const probe = `const m = await import(${JSON.stringify(new URL('../dist/cli/load-command.cjs', import.meta.url).href)});
    const cli = m.loadCommand(null);
    process.stdout.write = () => { throw new Error('the terminal broke'); };
    await cli.runCli(['params'], async () => 0);`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', probe], { encoding: 'utf8' });
  assert.is(r.status, 2, r.stderr);
  assert.match(
    r.stderr,
    /^build-templates: internal error: the terminal broke \(at src\/cli\/[\w-]+\.c?ts:\d+\)\n$/,
  );
});

test('every output is computed when the command runs: a changed example changes the example site', async () => {
  // The package as installed, with its example deployment edited: the single-file command reads it at run time.
  const pkg = setup.dir();
  mkdirSync(join(pkg, 'dist', 'cli'), { recursive: true });
  mkdirSync(join(pkg, 'examples'));
  for (const f of [
    'dist/build-templates.cjs',
    'dist/cli/main.cjs',
    'dist/cli/load-command.cjs',
    'package.json',
  ])
    copyFileSync(join(ROOT, f), join(pkg, f));
  symlinkSync(join(ROOT, 'node_modules'), join(pkg, 'node_modules'));
  const example = readFileSync(join(ROOT, 'examples/deployment.yaml'), 'utf8');
  const edited = example.replace(/^exchangeServers:\n/m, 'exchangeServers:\n  - address: 192.0.2.201\n');
  assert.not.equal(edited, example, 'the example lists exchangeServers');
  writeFileSync(join(pkg, 'examples/deployment.yaml'), edited);
  const out = setup.dir();
  const r = spawnSync(process.execPath, [join(pkg, 'dist/cli/main.cjs'), '--out', out], { encoding: 'utf8' });
  assert.is(r.status, 0, r.stderr);
  for (const f of ['out/example/deploy.sh', 'out/example/deploy.ps1', 'out/example/runbook.md'])
    assert.match(readFileSync(join(out, f), 'utf8'), '192.0.2.201', f);
});

test.run();
