import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { Script } from 'node:vm';
import type { runCli } from './cli.js';

// CommonJS, as the command's entry (main.cts) is: Node starts a CommonJS program without setting up
// its ES module loader, which a run would otherwise pay for before doing anything.

/**
 * The command as built for use: the whole CLI (src/cli/cli.ts and all it loads, packages included)
 * bundled into one script by scripts/bundle.ts, and V8's code cache for it, made by running it at
 * build time (scripts/train-code-cache.mjs). Start-up is most of a run's cost, and most of start-up
 * was finding, reading and compiling some two hundred modules; this is one file read and its
 * compiled code taken from the cache. What is precomputed is code, never an output: every file a
 * command writes is computed when it runs.
 */
export const BUNDLE_FILE = join(__dirname, '..', 'build-templates.cjs');

/**
 * The code caches of {@link BUNDLE_FILE}, one per kind of run: `main` for the commands that compile
 * (build, --check, --deployment, params, validate), `help` for help (yargs), `inspect` for reading a
 * bundle (xmlbuilder2). A cache of everything would be half as large again as `main`, and taking a
 * cache in costs time by its size. Any cache serves any command (code it lacks is compiled when first
 * run), so a wrong pick costs time, never a result. One that does not fit (another Node.js) is ignored.
 */
export const CODE_CACHES = {
  main: `${BUNDLE_FILE}.v8cache`,
  help: `${BUNDLE_FILE}.help.v8cache`,
  inspect: `${BUNDLE_FILE}.inspect.v8cache`,
} as const;
export type CodeCache = keyof typeof CODE_CACHES;

/** The cache for a command line, from its words alone (a guess: see {@link CODE_CACHES}). */
export function codeCacheFor(argv: readonly string[]): CodeCache {
  if (argv.includes('--help') || argv.includes('-h')) return 'help';
  return argv[0] === 'inspect' ? 'inspect' : 'main';
}

/** The bundle, compiled and run: its exports, and the compiled script (to make its code cache from). */
export interface LoadedCli {
  readonly runCli: typeof runCli;
  readonly script: Script;
  /** Whether V8 took the code cache (false when there is none, or it was made by another Node.js). */
  readonly cached: boolean;
}

/** The wrapper scripts/bundle.ts puts around the bundle: a function of what a CommonJS module is given. */
type BundleFunction = (
  require: NodeJS.Require,
  module: { exports: Record<string, unknown> },
  filename: string,
  dirname: string,
) => void;

/** Reads, compiles (with a code cache, or none when `cache` is null) and runs the bundle. */
export function loadBundledCli(cache: CodeCache | null): LoadedCli {
  // A single run is over before V8's optimizing compiler pays for itself: its compiles (on another
  // thread, but CPU all the same) and their memory are saved; a batch turns it back on (batch.ts).
  // Set before the script is compiled: V8 takes a code cache only under the flags it was made with.
  setFlagsFromString('--no-opt');
  // The bundle is ASCII (scripts/bundle.ts checks it): read as Latin-1, its text is one byte a character.
  const source = readFileSync(BUNDLE_FILE, 'latin1');
  let cachedData: Buffer | undefined;
  if (cache !== null) {
    try {
      cachedData = readFileSync(CODE_CACHES[cache]);
    } catch {
      cachedData = undefined; // no cache: compiled as any script is
    }
  }
  const script = new Script(source, { filename: BUNDLE_FILE, cachedData });
  const module = { exports: {} as Record<string, unknown> };
  const run = script.runInThisContext() as BundleFunction;
  run(createRequire(BUNDLE_FILE), module, BUNDLE_FILE, join(__dirname, '..'));
  return {
    runCli: module.exports.runCli as typeof runCli,
    script,
    cached: cachedData !== undefined && !script.cachedDataRejected,
  };
}
