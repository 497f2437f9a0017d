// Builds the command as it runs installed (src/cli/load-command.cts): src/cli/cli.ts and everything it
// loads, packages included, made into one script by esbuild, dist/build-templates.cjs, with its
// source map (an internal error names the src/ line: src/cli/cli.ts); and the simulator as one module.
// Run by `npm run build` (and so by `npm pack`), after tsc (dist/cli/main.cjs, the bin, loads it). V8's
// code cache is made where the command runs, not here. Start-up is most of a run's
// cost, and most of start-up would be resolving, reading and compiling some two hundred modules.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';
import { licenceNotices } from './third-party-licences.js';

const root = (path: string) => fileURLToPath(new URL(`../${path}`, import.meta.url));
const OUT = root('dist/build-templates.cjs');

// The single-file command is a function of what a CommonJS module is given, which load-command.cts compiles with
// node:vm (so that it can hand V8 a code cache) and calls, with the folder the command is in as
// `__dirname` (src/paths.cts makes every package path from it) and the command's own file as the
// `import.meta.url` of the modules that name theirs (src/cli/internal-error.ts).
const BANNER =
  '(function (require, module, __filename, __dirname) { "use strict"; ' +
  'var __bundle_url = require("node:url").pathToFileURL(__filename).href;';

/**
 * yargs and cliui measure every cell of the help text with string-width, whose module makes an
 * Intl.Segmenter when it loads and segments each string into graphemes: two thirds of the time `--help`
 * took. The help is printable ASCII, where a string's width is its length; anything else still goes
 * to the importer's own string-width, loaded only then. The package is not changed: each import of
 * string-width gets a module that answers ASCII itself and defers the rest to the real one.
 */
const REAL = Symbol('the real string-width');
const asciiStringWidth: Plugin = {
  name: 'ascii-string-width',
  setup(b) {
    b.onResolve({ filter: /^string-width$/ }, async (args) => {
      // The real module, as esbuild would find it from the importer (this hook stands aside for it).
      if (args.pluginData === REAL) return undefined;
      const real = await b.resolve(args.path, {
        kind: args.kind,
        resolveDir: args.resolveDir,
        importer: args.importer,
        pluginData: REAL,
      });
      if (real.errors.length > 0) return { errors: real.errors };
      return { path: real.path, namespace: 'ascii-string-width' };
    });
    b.onLoad({ filter: /.*/, namespace: 'ascii-string-width' }, (args) => ({
      contents: `export default function stringWidth(text, options) {
  if (typeof text === 'string' && /^[\\x20-\\x7e]*$/.test(text)) return text.length;
  return require(${JSON.stringify(args.path)}).default(text, options);
}`,
      resolveDir: root('.'),
    }));
  },
};

const result = await build({
  entryPoints: [root('src/cli/cli.ts')],
  outfile: OUT,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20.19',
  minifyWhitespace: true,
  minifySyntax: true,
  minifyIdentifiers: process.env.BUNDLE_MINIFY !== '0',
  // ASCII only, so that load-command.cts reads it as Latin-1: one byte a character, no decoding.
  charset: 'ascii',
  // The packages' licence notices, kept at the end of the file.
  legalComments: 'eof',
  define: { 'import.meta.url': '__bundle_url' },
  banner: { js: BANNER },
  footer: { js: '})' },
  metafile: true,
  sourcemap: 'external',
  sourcesContent: false,
  plugins: [asciiStringWidth],
  logLevel: 'warning',
});

// An import() left in the single-file command would need a loader node:vm does not give a script: every module
// the CLI loads must be inside it (the simulator, loaded by path, is not the CLI's: see main.ts).
const dynamic = Object.values(result.metafile.outputs)
  .flatMap((o) => o.imports)
  .filter((i) => i.kind === 'dynamic-import');
if (dynamic.length > 0) {
  rmSync(OUT, { force: true });
  throw new Error(
    `the single-file command would import at run time: ${dynamic.map((i) => i.path).join(', ')}`,
  );
}
const bytes = readFileSync(OUT);
const nonAscii = bytes.findIndex((b) => b > 0x7f);
if (nonAscii >= 0) {
  rmSync(OUT, { force: true });
  throw new Error(`the single-file command is not ASCII (byte ${nonAscii})`);
}

// The simulator as the installed `sim` command loads it (src/cli/sim.ts): one ES module, beside the
// command, holding the compiler modules it reads and its package (xmlbuilder2), so that the package
// has no dependency to install. The CommonJS modules inside it require Node's own modules through the
// module's `require`.
const simulator = await build({
  entryPoints: [root('simulator/run.ts')],
  outfile: root('dist/simulator.mjs'),
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20.19',
  legalComments: 'eof',
  banner: {
    js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
  },
  metafile: true,
  logLevel: 'warning',
});

// The packages inside either file, with their licences: the package installs none of them.
const inputs = [result, simulator].flatMap((r) => Object.keys(r.metafile.inputs));
writeFileSync(root('dist/third-party-licences.txt'), licenceNotices(root('.'), inputs));

process.stdout.write(
  `made the single-file command: ${OUT} (${(bytes.length / 1024).toFixed(0)} KB), its source map, the simulator and the third-party licences\n`,
);
