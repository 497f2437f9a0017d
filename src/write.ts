// Synchronous calls throughout: a run writes a few small files, and waiting on the thread pool for
// each call (and loading fs/promises) costs more than the calls themselves (npm run bench).
import {
  chmodSync as chmod,
  closeSync as close,
  type Dirent,
  lstatSync as lstat,
  mkdirSync as mkdir,
  mkdtempSync as mkdtemp,
  openSync as open,
  readSync as read,
  readdirSync as readdir,
  readFileSync as readFile,
  readlinkSync as readlink,
  realpathSync as realpath,
  renameSync as rename,
  rmSync as rm,
  rmdirSync as rmdir,
  type Stats,
  statSync as stat,
  unlinkSync as unlink,
  writeFileSync as writeFile,
} from 'node:fs';
import { dirname, join, posix, relative, sep } from 'node:path';
import { GENERATED_MARK, type OutputFile } from './emit/output.js';
import { describeError } from './input/read-file.js';
import { quote } from './input/text.js';
import { OutputError } from './output-error.cjs';

type Info = Stats;

/** The file system object at a path, or null when there is none. */
function lstatOrNull(path: string): Info | null {
  try {
    return lstat(path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new OutputError(`${path}: ${describeError(err, 'write')}`);
  }
}

/** The object a path leads to (through links), or null when there is none or it cannot be seen. */
function statOrNull(path: string): Info | null {
  try {
    return stat(path);
  } catch {
    return null;
  }
}

/** Runs a step of undoing a failed write, whose own failure changes nothing more. */
function quietly(step: () => void): void {
  try {
    step();
  } catch {
    // already reported: the write failed
  }
}

/** What a non-regular file system object is, in words. */
function kindOf(info: Info): string {
  if (info.isDirectory()) return 'a folder';
  if (info.isSymbolicLink()) return 'a symbolic link';
  if (info.isFIFO()) return 'a named pipe';
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'a device';
  if (info.isSocket()) return 'a socket';
  if (info.isFile()) return 'a file';
  return 'not a regular file';
}

/** Where a symbolic link points, quoted short for a message. */
function linkTarget(path: string): string {
  try {
    return quote(readlink(path), 80);
  } catch {
    return 'somewhere that cannot be read';
  }
}

/**
 * A symbolic link the run would write through: refused unless the user said to follow links. `info`
 * is the path's lstat, when the caller has it.
 */
function refuseLink(path: string, what: string, follow: boolean, info = lstatOrNull(path)): void {
  if (follow || !info?.isSymbolicLink()) return;
  throw new OutputError(
    `${path}: ${what} is a symbolic link to ${linkTarget(path)}; nothing was written (give --follow-symlinks to write through it)`,
  );
}

/**
 * Refuses an output folder that is there but is not a folder (nor a link to one), and one that is a
 * symbolic link unless `follow`. Returns what is there (lstat), or null.
 */
export function checkOutputFolder(root: string, follow = false): Info | null {
  const rootInfo = lstatOrNull(root);
  if (rootInfo && !rootInfo.isDirectory() && !statOrNull(root)?.isDirectory())
    throw new OutputError(`${root}: the output folder is ${kindOf(rootInfo)}, not a folder`);
  refuseLink(root, 'the output folder', follow, rootInfo);
  return rootInfo;
}

/**
 * The identity (device and inode) of each file that is there: a run's inputs, so that no output
 * replaces one, even through a hard link. A batch takes them once for all its sites.
 */
export function fileIds(paths: readonly string[]): Set<string> {
  const ids = new Set<string>();
  for (const path of paths) {
    const info = statOrNull(path);
    if (info) ids.add(`${info.dev}:${info.ino}`);
  }
  return ids;
}

/**
 * Whether a file there is one build-templates wrote: its mark (GENERATED_MARK) in its first 512
 * bytes, or a checksum list of the form it writes (SHA256SUMS). A file that cannot be read is not.
 */
function writtenHere(path: string): boolean {
  try {
    if (path.endsWith('SHA256SUMS')) {
      const info = lstat(path);
      if (info.size > 64 * 1024) return false;
      return /^([0-9a-f]{64} {2}[^\s/]+\n)+$/.test(readFile(path, 'utf8'));
    }
    const fd = open(path, 'r');
    try {
      const head = Buffer.alloc(512);
      const n = read(fd, head, 0, head.length, 0);
      return marked(head.subarray(0, n));
    } finally {
      close(fd);
    }
  } catch {
    return false;
  }
}

/** Whether a file's bytes carry build-templates' mark (GENERATED_MARK) in their first 512. */
const marked = (bytes: Buffer): boolean => bytes.subarray(0, 512).toString('utf8').includes(GENERATED_MARK);

/**
 * What a regular file where an output goes holds: the output exactly as this run would write it (its
 * mode too, for a script), another file build-templates wrote, or a file of the user's own. A file
 * of the output's size is read whole, once, and compared as bytes; any other only by its first bytes
 * (it may be huge).
 */
function held(path: string, info: Info, f: OutputFile): 'same' | 'ours' | 'theirs' {
  const bytes = Buffer.from(f.contents);
  if (info.size === bytes.length) {
    let there: Buffer;
    try {
      there = readFile(path);
    } catch {
      return 'theirs';
    }
    if (there.equals(bytes)) return f.mode === undefined || (info.mode & 0o777) === f.mode ? 'same' : 'ours';
    if (!path.endsWith('SHA256SUMS')) return marked(there) ? 'ours' : 'theirs';
  }
  return writtenHere(path) ? 'ours' : 'theirs';
}

/**
 * Refuses, before anything is written, every target the run must not write over: one that is not a
 * regular file (a folder, a device; a link unless `follow`, and then one to a regular file), one
 * under a path part that is not a folder (or is a link, unless `follow`), one that is an input of
 * the run, and one build-templates did not write (unless `force`). Returns the files that are
 * already there as the run would write them.
 */
function checkTargets(
  root: string,
  files: readonly OutputFile[],
  inputs: readonly string[],
  knownIds: ReadonlySet<string>,
  follow: boolean,
  force: boolean,
): Set<OutputFile> {
  const same = new Set<OutputFile>();
  // Nothing is there to write over, nor any input, under a folder that is not there.
  if (checkOutputFolder(root, follow) === null) return same;
  const inputIds = new Set([...knownIds, ...fileIds(inputs)]);
  const folders = new Set<string>();
  const theirs: string[] = [];
  for (const f of files) {
    const target = join(root, f.path);
    const parts = relative(root, dirname(target))
      .split(sep)
      .filter((p) => p !== '');
    for (let i = 1; i <= parts.length; i++) {
      const dir = join(root, ...parts.slice(0, i));
      // Each folder once: many files share one.
      if (folders.has(dir)) continue;
      folders.add(dir);
      const info = lstatOrNull(dir);
      if (info && !info.isDirectory() && !statOrNull(dir)?.isDirectory())
        throw new OutputError(`${dir}: must be a folder to hold ${f.path}, but is ${kindOf(info)}`);
      refuseLink(dir, 'a folder the run writes in', follow, info);
    }
    const info = follow ? statOrNull(target) : lstatOrNull(target);
    refuseLink(target, 'a file the run writes', follow, info);
    if (!info) continue;
    if (!info.isFile())
      throw new OutputError(`${target}: is ${kindOf(info)}; build-templates writes only regular files`);
    if (inputIds.has(`${info.dev}:${info.ino}`))
      throw new OutputError(`${target}: is an input of this run; choose another --out`);
    const holds = held(target, info, f);
    if (holds === 'same') same.add(f);
    // A file of the user's own where an output goes (a README, an edited runbook) is theirs.
    else if (holds === 'theirs' && !force) theirs.push(target);
  }
  if (theirs.length === 1)
    throw new OutputError(
      `${theirs[0]}: is there and was not written by build-templates; nothing was written (give --force to replace it)`,
    );
  if (theirs.length > 1) {
    const named = theirs.slice(0, 5).join(', ') + (theirs.length > 5 ? ` and ${theirs.length - 5} more` : '');
    throw new OutputError(
      `${named}: are there and were not written by build-templates; nothing was written (give --force to replace them)`,
    );
  }
  return same;
}

/** Writes one file where it goes, making its folder; the mode is set again, as the umask may narrow it. */
function writeInPlace(to: string, f: OutputFile, made: Set<string>): void {
  const dir = dirname(to);
  if (!made.has(dir)) mkdir(dir, { recursive: true });
  made.add(dir);
  writeFile(to, f.contents, { mode: f.mode ?? 0o644 });
  if (f.mode !== undefined) chmod(to, f.mode);
}

/**
 * Writes the whole set of files or none: each is checked (see checkTargets); into a folder this run
 * makes, written in place; otherwise staged in a temporary folder beside the outputs, then moved into place; a file it replaces is kept aside until every
 * file is in place. If anything fails, the files already moved are taken back and the previous
 * ones restored, so the outputs are as they were. The only code that writes outputs.
 */
export function writeOutputs(
  root: string,
  files: readonly OutputFile[],
  opts: {
    readonly inputs?: readonly string[];
    readonly inputIds?: ReadonlySet<string>;
    /** Write through symbolic links at `root` and under it (refused otherwise). */
    readonly followSymlinks?: boolean;
    /** Replace a file build-templates did not write (refused otherwise). */
    readonly force?: boolean;
  } = {},
): void {
  const follow = opts.followSymlinks === true;
  const same = checkTargets(
    root,
    files,
    opts.inputs ?? [],
    opts.inputIds ?? new Set(),
    follow,
    opts.force === true,
  );
  // A file that is a link (allowed with follow) is written where it leads, not replaced by a file.
  const destination = (f: OutputFile): string => {
    const path = join(root, f.path);
    return follow && lstatOrNull(path)?.isSymbolicLink() ? realpath(path) : path;
  };
  let rootMade: string | undefined;
  try {
    rootMade = mkdir(root, { recursive: true });
  } catch (err) {
    throw new OutputError(`${root}: cannot make the output folder (${describeError(err, 'write')})`);
  }
  // A failed run leaves no folder it made, not even an empty one.
  const unmakeRoot = () => {
    if (rootMade) quietly(() => rm(rootMade as string, { recursive: true, force: true }));
  };
  // A folder this run made holds nothing to replace: the files go straight in, and a failure takes
  // the folder away again (a batch writes a thousand new sites: staging cost more than the writing).
  if (rootMade) {
    try {
      // The output folder is made: only the folders under it are still to make.
      const dirs = new Set<string>([join(root, '.')]);
      for (const f of files) writeInPlace(join(root, f.path), f, dirs);
    } catch (err) {
      unmakeRoot();
      throw new OutputError(
        `cannot write under ${root} (${describeError(err, 'write')}); nothing was changed`,
      );
    }
    return;
  }
  // A file that is there as it would be written is left as it is (its time too): a rebuild that
  // changes nothing moves nothing.
  const changed = files.filter((f) => !same.has(f));
  if (changed.length === 0) return;
  let tmp: string;
  try {
    tmp = mkdtemp(join(root, '.build-templates-'));
  } catch (err) {
    unmakeRoot();
    throw new OutputError(`${root}: cannot write there (${describeError(err, 'write')})`);
  }
  const moved: { to: string; backup: string | null }[] = [];
  const made: string[] = [];
  try {
    const staged = changed.map((f, i) => {
      const path = join(tmp, `new-${i}`);
      writeFile(path, f.contents, { mode: f.mode ?? 0o644 });
      return { from: path, to: destination(f), backup: join(tmp, `old-${i}`), mode: f.mode };
    });
    for (const s of staged) {
      const first = mkdir(dirname(s.to), { recursive: true });
      if (first) made.push(first);
      const had = lstatOrNull(s.to);
      if (had) rename(s.to, s.backup);
      moved.push({ to: s.to, backup: had ? s.backup : null });
      rename(s.from, s.to);
      // The umask may have narrowed the mode given at creation.
      if (s.mode !== undefined) chmod(s.to, s.mode);
    }
  } catch (err) {
    for (const m of moved.reverse()) {
      quietly(() => rm(m.to, { force: true }));
      const backup = m.backup;
      if (backup) quietly(() => rename(backup, m.to));
    }
    for (const dir of made.reverse()) quietly(() => rm(dir, { recursive: true, force: true }));
    quietly(() => rm(tmp, { recursive: true, force: true }));
    unmakeRoot();
    throw new OutputError(`cannot write under ${root} (${describeError(err, 'write')}); nothing was changed`);
  } finally {
    // Written, the staging folder holds the replaced files only: each is removed by name, then the
    // folder. A recursive removal is kept for what else may be there (after a failure): it has
    // Node.js load a module of its own, compiled without its code cache in a tuned run
    // (src/cli/load-command.cts).
    for (const m of moved) {
      const backup = m.backup;
      if (backup) quietly(() => unlink(backup));
    }
    try {
      rmdir(tmp);
    } catch {
      rm(tmp, { recursive: true, force: true });
    }
  }
}

/**
 * Whether a generated file is there as the compiler makes it now: a regular file of exactly these
 * bytes (compared as bytes: text read back would hide a byte that is not UTF-8).
 */
function fileState(path: string, f: OutputFile): 'missing' | 'differs' | 'same' {
  const info = lstatOrNull(path);
  if (!info) return 'missing';
  const bytes = Buffer.from(f.contents);
  // A file of another size differs: it is not read (it may be huge).
  if (!info.isFile() || info.size !== bytes.length) return 'differs';
  return readFile(path).equals(bytes) ? 'same' : 'differs';
}

function listFiles(root: string, dir: string): string[] {
  let entries: Dirent[];
  try {
    entries = readdir(join(root, dir), { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((e) =>
    e.isDirectory() ? listFiles(root, posix.join(dir, e.name)) : [posix.join(dir, e.name)],
  );
}

/** A generated file that does not match what the compiler makes now. */
export interface StaleFile {
  readonly path: string;
  readonly why: 'missing' | 'differs' | 'not generated';
}

/** Compares the committed outputs with what the compiler makes now; lists every stale file. */
export function checkOutputs(
  root: string,
  files: readonly OutputFile[],
  ownedDirs: readonly string[],
): StaleFile[] {
  const stale: StaleFile[] = [];
  for (const f of files) {
    const state = fileState(join(root, f.path), f);
    if (state !== 'same') stale.push({ path: f.path, why: state });
  }
  const made = new Set(files.map((f) => f.path));
  for (const dir of ownedDirs) {
    for (const path of listFiles(root, dir)) {
      if (!made.has(path)) stale.push({ path, why: 'not generated' });
    }
  }
  // Code-unit order: the same on every machine, whatever its locale.
  return stale.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
