import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { ROOT } from './helpers/guide.js';

test('the README and every committed Markdown page are markdownlint-clean (repo config)', () => {
  const files = ['README.md', 'docs/*.md', 'docs/parameters/*.md', 'dist-templates/README.md'];
  const r = spawnSync(join(ROOT, 'node_modules/.bin/markdownlint-cli2'), files, {
    cwd: ROOT,
    encoding: 'utf8',
  });
  assert.is(r.status, 0, `${r.stdout}${r.stderr}`);
});

test.run();
