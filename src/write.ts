import {
  chmod,
  lstat,
  mkdir,
  mkdtemp,
  readdir,
  readFile,
  rename,
  rm,
  stat,
  writeFile,
} from 'node:fs/promises';
import { dirname, join, posix, relative, sep } from 'node:path';
import type { OutputFile } from './emit/output.js';
import { describeError } from './input/read-file.js';
import { OutputError } from './output-error.js';

type Info = Awaited<ReturnType<typeof lstat>>;

/** The file system object at a path, or null when there is none. */
async function lstatOrNull(path: string): Promise<Info | null> {
  try {
    return await lstat(path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new OutputError(`${path}: ${describeError(err, 'write')}`);
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

/** Refuses an output folder that is there but is not a folder (nor a link to one). */
export async function checkOutputFolder(root: string): Promise<void> {
  const rootInfo = await lstatOrNull(root);
  if (rootInfo && !rootInfo.isDirectory() && !(await stat(root).catch(() => null))?.isDirectory())
    throw new OutputError(`${root}: the output folder is ${kindOf(rootInfo)}, not a folder`);
}

/**
 * The identity (device and inode) of each file that is there: a run's inputs, so that no output
 * replaces one, even through a hard link. A batch takes them once for all its sites.
 */
export async function fileIds(paths: readonly string[]): Promise<Set<string>> {
  const ids = new Set<string>();
  for (const path of paths) {
    const info = await stat(path).catch(() => null);
    if (info) ids.add(`${info.dev}:${info.ino}`);
  }
  return ids;
}

/**
 * Refuses, before anything is written, every target the run must not write over: one that is not a
 * regular file (a folder, a link, a device), one under a path part that is not a folder, and one
 * that is an input of the run.
 */
async function checkTargets(
  root: string,
  files: readonly OutputFile[],
  inputs: readonly string[],
  knownIds: ReadonlySet<string>,
): Promise<void> {
  await checkOutputFolder(root);
  const inputIds = new Set([...knownIds, ...(await fileIds(inputs))]);
  for (const f of files) {
    const target = join(root, f.path);
    const parts = relative(root, dirname(target))
      .split(sep)
      .filter((p) => p !== '');
    for (let i = 1; i <= parts.length; i++) {
      const dir = join(root, ...parts.slice(0, i));
      const info = await lstatOrNull(dir);
      if (info && !info.isDirectory() && !(await stat(dir).catch(() => null))?.isDirectory())
        throw new OutputError(`${dir}: must be a folder to hold ${f.path}, but is ${kindOf(info)}`);
    }
    const info = await lstatOrNull(target);
    if (info && !info.isFile())
      throw new OutputError(`${target}: is ${kindOf(info)}; build-templates writes only regular files`);
    if (info && inputIds.has(`${info.dev}:${info.ino}`))
      throw new OutputError(`${target}: is an input of this run; choose another --out`);
  }
}

/**
 * Writes the whole set of files or none: each is checked (see checkTargets), staged in a temporary
 * folder beside the outputs, then moved into place; a file it replaces is kept aside until every
 * file is in place. If anything fails, the files already moved are taken back and the previous
 * ones restored, so the outputs are as they were. The only code that writes outputs.
 */
export async function writeOutputs(
  root: string,
  files: readonly OutputFile[],
  opts: { readonly inputs?: readonly string[]; readonly inputIds?: ReadonlySet<string> } = {},
): Promise<void> {
  await checkTargets(root, files, opts.inputs ?? [], opts.inputIds ?? new Set());
  let rootMade: string | undefined;
  try {
    rootMade = await mkdir(root, { recursive: true });
  } catch (err) {
    throw new OutputError(`${root}: cannot make the output folder (${describeError(err, 'write')})`);
  }
  // A failed run leaves no folder it made, not even an empty one.
  const unmakeRoot = async () => {
    if (rootMade) await rm(rootMade, { recursive: true, force: true }).catch(() => {});
  };
  const tmp = await mkdtemp(join(root, '.build-templates-')).catch(async (err: NodeJS.ErrnoException) => {
    await unmakeRoot();
    throw new OutputError(`${root}: cannot write there (${describeError(err, 'write')})`);
  });
  const moved: { to: string; backup: string | null }[] = [];
  const made: string[] = [];
  try {
    const staged = await Promise.all(
      files.map(async (f, i) => {
        const path = join(tmp, `new-${i}`);
        await writeFile(path, f.contents, { mode: f.mode ?? 0o644 });
        return { from: path, to: join(root, f.path), backup: join(tmp, `old-${i}`), mode: f.mode };
      }),
    );
    for (const s of staged) {
      const first = await mkdir(dirname(s.to), { recursive: true });
      if (first) made.push(first);
      const had = await lstatOrNull(s.to);
      if (had) await rename(s.to, s.backup);
      moved.push({ to: s.to, backup: had ? s.backup : null });
      await rename(s.from, s.to);
      // The umask may have narrowed the mode given at creation.
      if (s.mode !== undefined) await chmod(s.to, s.mode);
    }
  } catch (err) {
    for (const m of moved.reverse()) {
      await rm(m.to, { force: true }).catch(() => {});
      if (m.backup) await rename(m.backup, m.to).catch(() => {});
    }
    for (const dir of made.reverse()) await rm(dir, { recursive: true, force: true }).catch(() => {});
    await rm(tmp, { recursive: true, force: true }).catch(() => {});
    await unmakeRoot();
    throw new OutputError(`cannot write under ${root} (${describeError(err, 'write')}); nothing was changed`);
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}

/** A file's text, or null when there is none; anything but a regular file of the expected size is not read. */
async function readOrNull(path: string, expected: string): Promise<string | null> {
  const info = await lstatOrNull(path);
  if (!info) return null;
  if (!info.isFile()) return `\u0000not a regular file`;
  // A file of another size differs: it is not read (it may be huge).
  if (info.size !== Buffer.byteLength(expected)) return `\u0000another size`;
  return readFile(path, 'utf8');
}

async function listFiles(root: string, dir: string): Promise<string[]> {
  const entries = await readdir(join(root, dir), { withFileTypes: true }).catch(() => []);
  const nested = await Promise.all(
    entries.map((e) =>
      e.isDirectory() ? listFiles(root, posix.join(dir, e.name)) : Promise.resolve([posix.join(dir, e.name)]),
    ),
  );
  return nested.flat();
}

/** A generated file that does not match what the compiler makes now. */
export interface StaleFile {
  readonly path: string;
  readonly why: 'missing' | 'differs' | 'not generated';
}

/** Compares the committed outputs with what the compiler makes now; lists every stale file. */
export async function checkOutputs(
  root: string,
  files: readonly OutputFile[],
  ownedDirs: readonly string[],
): Promise<StaleFile[]> {
  const stale: StaleFile[] = [];
  for (const f of files) {
    const now = await readOrNull(join(root, f.path), f.contents);
    if (now === null) stale.push({ path: f.path, why: 'missing' });
    else if (now !== f.contents) stale.push({ path: f.path, why: 'differs' });
  }
  const made = new Set(files.map((f) => f.path));
  for (const dir of ownedDirs) {
    for (const path of await listFiles(root, dir)) {
      if (!made.has(path)) stale.push({ path, why: 'not generated' });
    }
  }
  // Code-unit order: the same on every machine, whatever its locale.
  return stale.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
