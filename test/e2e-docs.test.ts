import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import {
  blocksOf,
  COMMAND_LANGUAGES,
  type DocBlock,
  docPages,
  exitCodes,
  instrumentBash,
  instrumentPowerShell,
  isCommand,
  notLineByLine,
  statedExit,
  TEXT_LANGUAGES,
} from './helpers/doc-blocks.js';
import { Session, startServer } from './helpers/doc-session.js';
import { ROOT } from './helpers/guide.js';
import { findPwsh, skipNotice } from './helpers/pwsh-run.js';
import { setUp } from './helpers/setup.js';

// Every command block of the README and of docs/, followed as a reader would: on a copy of the
// checkout (its tracked files and new ones, nothing ignored: no node_modules, no dist/), the README
// first, from its quick start's `npm ci` to a site's removal, then each page of docs/ from the copy's
// folder. npm installs from its cache (prefer-offline): the tests touch no network.

const setup = setUp('bt-docs-');
const pwsh = findPwsh();
const pages = docPages();
const isCommandBlock = (b: DocBlock) => (COMMAND_LANGUAGES as readonly string[]).includes(b.lang);
const where = (b: DocBlock) => `${b.page}:${b.line}`;

test('every block is a command block or a text block; each command block is followed line by line, started as a server, or says where it runs', () => {
  const known = [...COMMAND_LANGUAGES, ...TEXT_LANGUAGES] as readonly string[];
  let commands = 0;
  for (const page of pages)
    for (const b of blocksOf(page)) {
      assert.ok(known.includes(b.lang), `${where(b)}: a block of language "${b.lang}"`);
      if (!isCommandBlock(b)) continue;
      commands += 1;
      if (b.kind !== 'elsewhere') assert.is(notLineByLine(b), undefined, where(b));
    }
  assert.ok(commands > 20, `${commands} command blocks`);
});

test('every command block parses (bash -n; PowerShell by its own parser), those that run elsewhere (an Exchange server, a LoadMaster, Windows) included', () => {
  const dir = setup.dir();
  const psFiles: { file: string; block: DocBlock }[] = [];
  for (const page of pages)
    for (const b of blocksOf(page).filter(isCommandBlock)) {
      if (b.lang === 'powershell') {
        const file = join(dir, `${psFiles.length + 1}.ps1`);
        writeFileSync(file, `${b.text}\n`);
        psFiles.push({ file, block: b });
      } else {
        const r = spawnSync('bash', ['-n'], { input: b.text, encoding: 'utf8' });
        assert.is(r.status, 0, `${where(b)}: ${r.stderr}`);
      }
    }
  assert.ok(psFiles.length > 30, `${psFiles.length} PowerShell blocks`);
  if (!pwsh) return;
  const r = spawnSync(
    pwsh,
    [
      '-NoProfile',
      '-NonInteractive',
      '-File',
      join(ROOT, 'scripts/parse-powershell.ps1'),
      ...psFiles.map((f) => f.file),
    ],
    { encoding: 'utf8' },
  );
  const named = r.stdout.replace(/^(\S+?\.ps1):/gm, (_, f: string) => {
    const hit = psFiles.find((x) => x.file === f);
    return hit ? `${where(hit.block)} +` : `${f}:`;
  });
  assert.is(r.status, 0, `${named}${r.stderr}`);
});

/** A copy of the checkout as git sees it: tracked files and new ones not ignored. */
function checkoutCopy(): string {
  const root = join(setup.dir(), 'build-templates');
  const files = spawnSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  assert.is(files.status, 0, files.stderr);
  for (const f of files.stdout.split('\0').filter(Boolean)) {
    mkdirSync(dirname(join(root, f)), { recursive: true });
    try {
      copyFileSync(join(ROOT, f), join(root, f));
    } catch (e) {
      // A file deleted in the working tree but still in the index is not part of this checkout.
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    }
  }
  return root;
}

/** The environment of a reader's terminal: PATH and HOME (npm's cache), npm kept off the network. */
function readerEnv(): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '',
    LANG: 'C.UTF-8',
    npm_config_prefer_offline: 'true',
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
    ...(process.env.PWSH ? { PWSH: process.env.PWSH } : {}),
  };
}

/** Asserts each command line of a block ended with the code it states (0 when it states none). */
function checkExits(b: DocBlock, output: string): void {
  const got = exitCodes(output);
  for (const [i, line] of b.text.split('\n').entries()) {
    if (!isCommand(line)) continue;
    assert.is(
      got.get(i + 1),
      statedExit(line),
      `${where(b)}, line ${i + 1}: ${line}\n${output.slice(-4000)}`,
    );
  }
  assert.not.match(output, /^@@ error /m, `${where(b)}:\n${output.slice(-4000)}`);
  // The README says npm prints no warning at install, pack or any other step.
  assert.not.match(output, /^npm warn/im, `${where(b)}:\n${output.slice(-4000)}`);
}

/**
 * Follows one page's command blocks in order: bash blocks in one bash session, PowerShell blocks in
 * one PowerShell session in the folder bash is in, servers in the background until the page ends.
 */
async function followPage(page: string, start: string): Promise<void> {
  const env = readerEnv();
  const scratch = setup.dir();
  const bash = Session.bash(start, env, scratch);
  let ps: Session | undefined;
  const servers: { stop: () => void }[] = [];
  let cwd = start;
  try {
    for (const b of blocksOf(page).filter(isCommandBlock)) {
      if (b.kind === 'elsewhere') continue;
      if (b.kind === 'server') {
        servers.push(await startServer(b.text, cwd, env, 'Ctrl-C stops it.', 60_000));
        continue;
      }
      if (b.lang === 'powershell') {
        if (!pwsh) continue;
        ps ??= Session.pwsh(pwsh, cwd, env, scratch);
        const r = await ps.run(instrumentPowerShell(b), cwd, 300_000);
        checkExits(b, r.output);
      } else {
        const r = await bash.run(instrumentBash(b), cwd, 300_000);
        checkExits(b, r.output);
        cwd = r.cwd;
      }
    }
  } finally {
    for (const s of servers) s.stop();
    bash.close();
    ps?.close();
  }
}

let checkout: string | undefined;

test("the README's blocks run as written, from the quick start on a fresh copy of the checkout to a site's removal with both scripts", async () => {
  checkout = checkoutCopy();
  await followPage('README.md', checkout);
});

for (const page of pages.filter(
  (p) => p !== 'README.md' && blocksOf(p).some((b) => isCommandBlock(b) && b.kind !== 'elsewhere'),
))
  test(`${page}: its blocks run as written in the checkout where the quick start ran`, async () => {
    assert.ok(checkout, "the README's quick start ran");
    await followPage(page, checkout);
  });

if (!pwsh) skipNotice("the documents' PowerShell blocks, run and parsed (test/e2e-docs.test.ts)");

test.run();
