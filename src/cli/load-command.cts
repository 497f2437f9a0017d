import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { Script } from 'node:vm';
import type { runCli } from './cli.js';

// CommonJS, as the command's entry (main.cts) is: Node starts a CommonJS program without setting up
// its ES module loader, which a run would otherwise pay for before doing anything.

/**
 * The command as built for use: the whole CLI (src/cli/cli.ts and all it loads, packages included)
 * made into one script by esbuild (scripts/single-file.ts). Start-up is most of a run's cost, and
 * most of start-up was finding, reading and compiling some two hundred modules; this is one file
 * read, its compiled code taken from V8's code cache once a run has made it. The cache is made where
 * the command runs, for the Node.js that runs it (V8 takes only its own), in the user's cache
 * folder: nothing shipped is valid for one Node.js only. What is cached is code, never an output:
 * every file a command writes is computed when it runs.
 */
export const COMMAND_FILE = join(__dirname, '..', 'build-templates.cjs');

/**
 * The kinds of run, each with a code cache of its own, made by its first run: a command's cache holds
 * the code that command ran, and taking a cache in costs time by its size, so each command has one
 * (the default build and its --check each have one, as the check makes no example site; a site
 * build with --deployment has its own, checked or written; help another). Any cache serves any
 * command line (code it lacks is compiled when first run), so a wrong pick costs time, never a
 * result.
 */
export const CODE_CACHES = [
  'build',
  'check',
  'site',
  'params',
  'validate',
  'inspect',
  'docs',
  'init',
  'help',
  'complete',
] as const;
export type CodeCache = (typeof CODE_CACHES)[number];

/**
 * The folder of the code caches: BUILD_TEMPLATES_CACHE, else build-templates under XDG_CACHE_HOME,
 * else under ~/.cache.
 */
export function cacheFolder(): string {
  const env = process.env;
  return (
    env.BUILD_TEMPLATES_CACHE || join(env.XDG_CACHE_HOME || join(homeFolder(), '.cache'), 'build-templates')
  );
}

/**
 * The user's home folder, as `os.homedir()` finds it: HOME outside Windows, when set. `node:os` is
 * loaded only otherwise, as each of Node's modules a run loads costs it time.
 */
function homeFolder(): string {
  const home = process.env.HOME;
  if (process.platform !== 'win32' && home) return home;
  return (require('node:os') as typeof import('node:os')).homedir();
}

/**
 * The code cache of a kind of run for this bundle, this Node.js and this machine, and V8's flag
 * (a cache is taken only under the flags it was made with): another of any of these is another file.
 */
export function cacheFile(kind: CodeCache, tuned: boolean): string {
  const { size, mtimeMs } = statSync(COMMAND_FILE);
  const key = [
    kind,
    process.version,
    process.arch,
    tuned ? 'tuned' : 'v8-defaults',
    size,
    Math.trunc(mtimeMs),
  ];
  return join(cacheFolder(), `${key.join('-')}.v8cache`);
}

/** The cache for a command line, from its words alone (a guess: see {@link CODE_CACHES}). */
export function codeCacheFor(argv: readonly string[]): CodeCache {
  if (argv.includes('--help') || argv.includes('-h')) return 'help';
  // A shell's completion runs at every Tab: its cache must not be the build's, which it would make.
  if (argv[0] === '__complete' || argv[0] === 'completion') return 'complete';
  const word = argv.find((w, i) => !w.startsWith('-') && !argv[i - 1]?.startsWith('--'));
  const named = CODE_CACHES.find((c) => c === word && c !== 'build' && c !== 'check' && c !== 'site');
  if (named) return named;
  if (argv.some((w) => w === '--deployment' || w.startsWith('--deployment='))) return 'site';
  return argv.includes('--check') ? 'check' : 'build';
}

/** The single-file command, compiled and run: its exports, and the script (its code cache's source). */
export interface LoadedCli {
  readonly runCli: typeof runCli;
  readonly script: Script;
  /** Whether V8 took the code cache (false when there is none yet, or it does not fit). */
  readonly cached: boolean;
}

/** The wrapper scripts/single-file.ts puts around the command: a function of a CommonJS module's givens. */
type BundleFunction = (
  require: NodeJS.Require,
  module: { exports: Record<string, unknown> },
  filename: string,
  dirname: string,
) => void;

/**
 * V8's flags for a single run, which is over in a tenth of a second (`npm run bench` measures each;
 * a batch sets them back, batch.ts):
 * - `--no-opt`: the optimizing compiler does not pay for itself in a run this short (its compiles,
 *   on another thread, are CPU all the same, and memory).
 * - `--semi-space-growth-factor=1`: the young generation keeps the size it starts with. A run's
 *   objects mostly die young, and growing it only has the run touch fresh memory: the all-templates
 *   site took about 8 ms less (14 ms less CPU) and 3 MiB less at its peak.
 * - `--no-parallel-scavenge`: collecting a young generation that small costs less on the one thread
 *   than handing it to others (a millisecond or two less, wall and CPU).
 * - `--no-incremental-marking`: the old generation is collected only when it reaches V8's limit, not
 *   in steps and on other threads from some 3 MB before it. The all-templates site's old generation
 *   ends just past where that marking starts (11 MB of a 14 MB limit): it ran a whole marking and a
 *   collection in its last milliseconds, for nothing, 4 to 5 ms and some 7 ms of CPU more.
 * BUILD_TEMPLATES_V8_DEFAULTS=1 leaves V8 as Node starts it (a test shows the outputs are the same).
 */
export const SINGLE_RUN_FLAGS = [
  '--no-opt',
  '--semi-space-growth-factor=1',
  '--no-parallel-scavenge',
  '--no-incremental-marking',
] as const;
/**
 * V8's flags of one kind of run, beyond {@link SINGLE_RUN_FLAGS} (a kind's code cache is made under
 * them, so they go with the cache, not with the command line):
 * - `inspect`, `--always-sparkplug`: reading a bundle builds xmlbuilder2's DOM, a few functions run
 *   thousands of times each (a node initialises some twenty class fields); compiled to baseline code
 *   at their first call, `inspect` of the ESP bundle took 3 to 4 ms less. Every other kind ran slower
 *   with it (it compiles all the code a run calls once).
 */
const KIND_FLAGS: Readonly<Partial<Record<CodeCache, readonly string[]>>> = {
  inspect: ['--always-sparkplug'],
};
const TUNED = process.env.BUILD_TEMPLATES_V8_DEFAULTS !== '1';

/**
 * Node.js's own modules that a kind of run loads, beyond those every run loads. Node compiles its
 * modules with a code cache of its own, which V8 takes only under the flags Node starts with: a module
 * first loaded after {@link SINGLE_RUN_FLAGS} are set is compiled from its source (`node:crypto` took
 * 3.5 ms so, 1.4 ms before the flags). So each is loaded before them, as are standard output and
 * error and `node:process` (every run may use them). test/single-file.test.ts runs each kind and
 * requires that none of Node's modules was first loaded after the flags.
 */
const NODE_MODULES: Readonly<Partial<Record<CodeCache, readonly string[]>>> = {
  // A bundle's checksum (src/emit/template-xml.ts).
  build: ['node:crypto'],
  check: ['node:crypto'],
  site: ['node:crypto'],
  docs: ['node:crypto'],
  // yargs, which writes the help.
  help: ['node:assert', 'node:module'],
};

/** Loads, before the flags, what Node.js would otherwise compile without its code cache. */
function loadNodeModules(kind: CodeCache | null): void {
  void process.stdout;
  void process.stderr;
  require('node:process');
  for (const name of kind === null ? [] : (NODE_MODULES[kind] ?? [])) require(name);
}

/**
 * Reads, compiles (with the code cache of `cache`, when there is one) and runs the single-file
 * command. When V8 took no cache, the run that ends well leaves one for the next: written whole to a
 * temporary file that then replaces any older one of its kind for this Node.js. A cache that cannot
 * be written is not made: the command is then only slower to start.
 */
export function loadCommand(cache: CodeCache | null): LoadedCli {
  const file = cache === null ? null : cacheFile(cache, TUNED);
  // Set before the script is compiled: V8 takes a code cache only under the flags it was made with.
  if (TUNED) {
    loadNodeModules(cache);
    for (const flag of [...SINGLE_RUN_FLAGS, ...((cache && KIND_FLAGS[cache]) ?? [])])
      setFlagsFromString(flag);
  }
  // The single-file command is ASCII (scripts/single-file.ts checks it): read as Latin-1, its text is
  // one byte a character.
  const source = readFileSync(COMMAND_FILE, 'latin1');
  let cachedData: Buffer | undefined;
  if (file !== null) {
    try {
      cachedData = readFileSync(file);
    } catch {
      cachedData = undefined; // none yet: compiled as any script is
    }
  }
  const script = new Script(source, { filename: COMMAND_FILE, cachedData });
  const module = { exports: {} as Record<string, unknown> };
  const run = script.runInThisContext() as BundleFunction;
  // This module's own require: the single-file command requires only Node's own modules.
  run(require, module, COMMAND_FILE, join(__dirname, '..'));
  const cached = cachedData !== undefined && !script.cachedDataRejected;
  if (file !== null && !cached) process.once('exit', (code) => code === 0 && saveCache(script, file));
  return { runCli: module.exports.runCli as typeof runCli, script, cached };
}

/**
 * Writes a script's code cache to `file`, replacing the older caches of its kind for this Node.js (a
 * cache of another bundle); nothing on failure.
 */
function saveCache(script: Script, file: string): void {
  const folder = dirname(file);
  const kind = `${basename(file).split('-')[0]}-${process.version}-`;
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    mkdirSync(folder, { recursive: true });
    writeFileSync(temporary, script.createCachedData());
    for (const old of readdirSync(folder))
      if (old.startsWith(kind) && old.endsWith('.v8cache')) rmSync(join(folder, old), { force: true });
    renameSync(temporary, file);
  } catch {
    rmSync(temporary, { force: true });
  }
}
