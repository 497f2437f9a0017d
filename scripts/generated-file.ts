// The main of a generator run by `npm run precompile`: writes its text to a gitignored file under src/,
// atomically and only when it changed. With --check, writes nothing and exits 1 when the file is not
// what it would write.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Runs a generator's main: `url` is the generator's import.meta.url, run only when it is the script. */
export function generate(url: string, out: URL, text: () => string): void {
  if (url !== `file://${process.argv[1]}`) return;
  const now = text();
  let old = '';
  try {
    old = readFileSync(out, 'utf8');
  } catch {}
  if (old === now) return;
  if (process.argv.includes('--check')) {
    process.stderr.write(`${relative(process.cwd(), fileURLToPath(out))} is stale: run npm run precompile\n`);
    process.exit(1);
  }
  // A fresh clone has no folder for it (the generated files are gitignored).
  mkdirSync(new URL('.', out), { recursive: true });
  const tmp = new URL(`${out.pathname.split('/').pop()}.${process.pid}.tmp`, out);
  writeFileSync(tmp, now);
  renameSync(tmp, out);
}
