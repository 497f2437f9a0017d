import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { ROOT } from './helpers/guide.js';

// The simulator (simulator/ at the top) is a program of its own. It may import the
// compiler's modules; nothing under src/ imports it, statically or dynamically. The one link is the
// CLI's `sim` command, which loads simulator/run by a URL made at run time (src/cli/sim.ts).

const SRC = join(ROOT, 'src');
const SIMULATOR = join(ROOT, 'simulator');

/** Every .ts file under a folder, as absolute paths. */
function tsFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts') || f.endsWith('.cts'))
    .map((f) => join(dir, f));
}

/** The source file a relative import names (`./x.js` is `./x.ts`, `./x.cjs` is `./x.cts`). */
const sourceOf = (importer: string, name: string): string =>
  resolve(dirname(importer), name)
    .replace(/\.js$/, '.ts')
    .replace(/\.cjs$/, '.cts');

const inside = (path: string, dir: string): boolean => path === dir || path.startsWith(`${dir}${sep}`);

test('no module under src/ imports from simulator/ (import, export from, import type, import())', () => {
  const files = tsFiles(SRC);
  assert.ok(files.length > 50, `${files.length} files under src/`);
  const found: string[] = [];
  for (const file of files) {
    // TypeScript's own scan: static imports, re-exports, `import type`, and import('...') with a literal.
    const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    for (const { fileName } of importedFiles) {
      const named = fileName.startsWith('.') ? resolve(dirname(file), fileName) : fileName;
      if (inside(named, SIMULATOR) || /(^|\/)simulator(\/|$)/.test(fileName))
        found.push(`${relative(ROOT, file)}: ${fileName}`);
    }
  }
  assert.equal(found, []);
});

test('the only import() of a computed name under src/ is the CLI loading the simulator by URL', () => {
  const computed: string[] = [];
  for (const file of tsFiles(SRC)) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/\bimport\s*\(\s*(?!['"`])([^)]*)\)/g))
      computed.push(`${relative(ROOT, file)}: import(${m[1]})`);
  }
  assert.equal(computed, ['src/cli/sim.ts: import(SIMULATOR_RUN.href)']);
  const cli = readFileSync(join(SRC, 'cli/sim.ts'), 'utf8');
  const urls = [...cli.matchAll(/new URL\('([^']*simulator[^']*)', import\.meta\.url\)/g)].map((m) => m[1]);
  // From source (tsx src/cli/main.cts) and built (dist/cli/sim.js, dist/simulator.mjs beside dist/cli/).
  assert.equal(urls, ['../../simulator/run.ts', '../simulator.mjs']);
  for (const file of tsFiles(SRC).filter((f) => f !== join(SRC, 'cli/sim.ts')))
    assert.not.match(
      readFileSync(file, 'utf8'),
      /simulator\/\w/,
      `${relative(ROOT, file)} names a simulator path`,
    );
});

test('the simulator has its own tsconfig, and the compiler build leaves it out', () => {
  const read = (path: string) =>
    ts.readConfigFile(join(ROOT, path), ts.sys.readFile).config as Record<string, unknown>;
  const build = read('tsconfig.build.json') as { include: string[]; compilerOptions: { rootDir: string } };
  assert.equal(build.include, ['src']);
  assert.is(build.compilerOptions.rootDir, 'src');
  const sim = read('simulator/tsconfig.json') as { include: string[]; compilerOptions: { outDir: string } };
  assert.equal(sim.include, ['.']);
  assert.is(sim.compilerOptions.outDir, '../dist');
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
  };
  assert.match(pkg.scripts.build ?? '', 'tsc -p simulator/tsconfig.json', 'build builds the simulator');
  assert.is(pkg.scripts.prepack, 'npm run build', 'npm pack builds as build does');
  // Installing the package (a tarball, a clone's npm ci) runs none of its scripts: npm would warn of
  // them, and the installed package is built already.
  for (const script of ['preinstall', 'install', 'postinstall', 'prepare'])
    assert.is(pkg.scripts[script], undefined, `no ${script} script`);
  assert.is(pkg.scripts.sim, 'node dist/simulator/main.js');
  assert.ok(tsFiles(SIMULATOR).includes(join(SIMULATOR, 'run.ts')));
});

test('no emitter imports the compile stage: every emitter reads a compiled site or rows', () => {
  const found: string[] = [];
  for (const file of tsFiles(join(SRC, 'emit'))) {
    for (const { fileName } of ts.preProcessFile(readFileSync(file, 'utf8'), true, true).importedFiles)
      if (inside(resolve(dirname(file), fileName), join(SRC, 'compile')))
        found.push(`${relative(ROOT, file)}: ${fileName}`);
  }
  assert.equal(found, []);
});

// xmlbuilder2 (its DOM, and its load) is off the default build's path. The bundles are
// written as text; the reader, which keeps xmlbuilder2, is loaded only by `inspect`.
test('only the reader imports xmlbuilder2, and a build does not reach it', () => {
  const importers = tsFiles(SRC).filter((f) =>
    ts
      .preProcessFile(readFileSync(f, 'utf8'), true, true)
      .importedFiles.some((i) => i.fileName === 'xmlbuilder2'),
  );
  assert.equal(
    importers.map((f) => relative(ROOT, f)),
    ['src/reader/template-xml.ts'],
  );
  // Every module `build` loads: cli.ts's static imports and theirs (each command's module is loaded
  // with import() only when it runs), then compile.ts and all it imports, statically or with import().
  const seen = new Set<string>();
  const packages = new Set<string>();
  const staticImports = (file: string): string[] =>
    [...readFileSync(file, 'utf8').matchAll(/^(?:import|export) [^;]* from '([^']+)';$/gm)].map(
      (m) => m[1] ?? '',
    );
  const visit = (file: string, dynamic: boolean): void => {
    if (seen.has(file)) return;
    seen.add(file);
    const names = dynamic
      ? ts.preProcessFile(readFileSync(file, 'utf8'), true, true).importedFiles.map((i) => i.fileName)
      : staticImports(file);
    for (const name of names) {
      if (!name.startsWith('.')) packages.add(name);
      else visit(sourceOf(file, name), dynamic);
    }
  };
  // main.cts runs cli.ts (from source, or bundled): the path starts there.
  visit(join(SRC, 'cli', 'cli.ts'), false);
  seen.delete(join(SRC, 'cli', 'compile.ts'));
  visit(join(SRC, 'cli', 'compile.ts'), true);
  assert.ok(seen.has(join(SRC, 'emit', 'template-xml.ts')), 'the bundle writer is on the path');
  assert.not.ok(seen.has(join(SRC, 'reader', 'template-xml.ts')), 'the reader is not');
  assert.not.ok(packages.has('xmlbuilder2'));
});

test('no source file is over 400 lines (the generated templates and schema validator aside)', () => {
  const long = [...tsFiles(SRC), ...tsFiles(SIMULATOR)]
    .filter(
      (f) => !inside(f, join(SRC, 'emit', 'compiled')) && !inside(f, join(SRC, 'deployment', 'compiled')),
    )
    .map((f) => ({ f: relative(ROOT, f), n: readFileSync(f, 'utf8').split('\n').length - 1 }))
    .filter((x) => x.n > 400);
  assert.equal(long, []);
});

test('no import circle under src/: static, type-only or import()', () => {
  const files = tsFiles(SRC);
  const edges = new Map<string, string[]>();
  for (const file of files) {
    const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    edges.set(
      file,
      importedFiles
        .filter((i) => i.fileName.startsWith('.'))
        .map((i) => sourceOf(file, i.fileName))
        .filter((f) => edges.has(f) || files.includes(f)),
    );
  }
  const circles: string[] = [];
  const state = new Map<string, 'open' | 'done'>();
  const visit = (file: string, path: string[]): void => {
    if (state.get(file) === 'done') return;
    if (state.get(file) === 'open') {
      circles.push([...path.slice(path.indexOf(file)), file].map((f) => relative(ROOT, f)).join(' -> '));
      return;
    }
    state.set(file, 'open');
    for (const next of edges.get(file) ?? []) visit(next, [...path, file]);
    state.set(file, 'done');
  };
  for (const file of files) visit(file, []);
  assert.equal(circles, []);
});

test('every test file runs its tests: test.run() comes after the last of them', () => {
  const late: string[] = [];
  for (const f of readdirSync(join(ROOT, 'test')).filter((x) => x.endsWith('.test.ts'))) {
    const text = readFileSync(join(ROOT, 'test', f), 'utf8');
    const run = text.lastIndexOf('\ntest.run();');
    if (run >= 0 && text.lastIndexOf('\ntest(') > run) late.push(f);
  }
  assert.equal(late, []);
});

test.run();
