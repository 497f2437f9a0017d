import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './guide.js';

/**
 * markdownlint-cli2's findings for a Markdown text, [] when clean. Line length (MD013) is off: a
 * runbook step is one line so that it can be found and compared with the guide's text; the only
 * HTML allowed is the escapers' <br> and <code> (as in the repository's .markdownlint-cli2.jsonc).
 */
export function markdownlint(text: string, name = 'runbook.md'): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'runbook-lint-'));
  try {
    writeFileSync(join(dir, name), text);
    writeFileSync(
      join(dir, '.markdownlint-cli2.jsonc'),
      JSON.stringify({ config: { MD013: false, MD033: { allowed_elements: ['br', 'code'] } } }),
    );
    const bin = join(ROOT, 'node_modules/.bin/markdownlint-cli2');
    const r = spawnSync(bin, [name], { cwd: dir, encoding: 'utf8' });
    if (r.status === 0) return [];
    const out = `${r.stdout}\n${r.stderr}`.split('\n').filter((l) => l.startsWith(name));
    return out.length ? out : [`markdownlint-cli2 exited ${r.status}: ${r.stderr}`];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
