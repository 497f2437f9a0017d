#!/usr/bin/env node
// npm run check:guide -- PATH: the checks that re-read Kemp's guide (test/guide-text.check.ts)
// against the text at PATH. A clone holds no copy of the guide, so npm test leaves these out.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';

const path = process.argv[2];
if (!path) {
  console.error(
    "usage: npm run check:guide -- PATH/TO/exchange-2016-deployment-guide.txt (the text of Kemp's guide, which the project does not ship)",
  );
  process.exit(2);
}
if (!existsSync(path) || !statSync(path).isFile()) {
  console.error(`${path}: no such file; give the path of the guide's text`);
  process.exit(2);
}
const root = new URL('..', import.meta.url).pathname;
const r = spawnSync('npx', ['--no-install', 'uvu', '-r', 'tsx', 'test', '\\.check\\.ts$'], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, BUILD_TEMPLATES_GUIDE: resolve(path) },
});
process.exit(r.status ?? 1);
