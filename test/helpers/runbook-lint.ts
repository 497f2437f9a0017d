import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './guide.js';

/**
 * markdownlint-cli2's findings for each of several Markdown texts (keyed by a name, written as
 * NAME.md), [] for each one that is clean; one run of markdownlint-cli2 for all. Line length (MD013)
 * is off: a runbook step is one line so that it can be found and compared with the guide's text; the
 * only HTML allowed is the escapers' <br> and <code> (as in the repository's .markdownlint-cli2.jsonc).
 */
export function markdownlintEach(texts: Readonly<Record<string, string>>): Record<string, string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'runbook-lint-'));
  try {
    const files = Object.keys(texts).map((name) => `${name}.md`);
    for (const [name, text] of Object.entries(texts)) writeFileSync(join(dir, `${name}.md`), text);
    writeFileSync(
      join(dir, '.markdownlint-cli2.jsonc'),
      JSON.stringify({ config: { MD013: false, MD033: { allowed_elements: ['br', 'code'] } } }),
    );
    const bin = join(ROOT, 'node_modules/.bin/markdownlint-cli2');
    const r = spawnSync(bin, files, { cwd: dir, encoding: 'utf8' });
    const lines = `${r.stdout}\n${r.stderr}`.split('\n');
    const found = Object.fromEntries(
      Object.keys(texts).map((name) => [name, lines.filter((l) => l.startsWith(`${name}.md:`))]),
    );
    if (r.status !== 0 && Object.values(found).every((f) => f.length === 0))
      for (const name of Object.keys(found))
        found[name] = [`markdownlint-cli2 exited ${r.status}: ${r.stderr}`];
    return found;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** markdownlint-cli2's findings for one Markdown text (see {@link markdownlintEach}), [] when clean. */
export function markdownlint(text: string, name = 'runbook'): string[] {
  return markdownlintEach({ [name]: text })[name] ?? [];
}
