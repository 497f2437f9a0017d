import { chmod, mkdir, mkdtemp, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, posix } from 'node:path';
import type { OutputFile } from './emit/output.js';

/**
 * Writes every file into a temporary folder beside the outputs first, then renames each into place:
 * a run that fails while writing leaves no file half-written. The only code that writes outputs.
 */
export async function writeOutputs(root: string, files: readonly OutputFile[]): Promise<void> {
  await mkdir(root, { recursive: true });
  const tmp = await mkdtemp(join(root, '.build-templates-'));
  try {
    const staged = await Promise.all(
      files.map(async (f, i) => {
        const path = join(tmp, String(i));
        await writeFile(path, f.contents, { mode: f.mode ?? 0o644 });
        return { from: path, to: join(root, f.path), mode: f.mode };
      }),
    );
    for (const s of staged) {
      await mkdir(dirname(s.to), { recursive: true });
      await rename(s.from, s.to);
      // The umask may have narrowed the mode given at creation.
      if (s.mode !== undefined) await chmod(s.to, s.mode);
    }
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}

async function readOrNull(path: string): Promise<string | null> {
  try {
    return await readFile(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
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
    const now = await readOrNull(join(root, f.path));
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
