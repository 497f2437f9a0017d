import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { EXCHANGE_2016 } from '../src/catalog/exchange2016/index.js';
import { compileSite } from '../src/compile/site.js';
import { loadDeployment } from '../src/deployment/load.js';
import { emitRunbook } from '../src/emit/runbook.js';
import { type ClientListeners, startClientListeners } from './helpers/client-listeners.js';
import { validCases } from './helpers/fixtures.js';

// The runbook's client checks, run as written against stand-ins on 127.0.0.1: curl is pointed at
// them with --connect-to, openssl's -connect is rewritten; everything else is the runbook's line.

/** Shell functions that send the runbook's curl and openssl to the listeners, trusting their certificate. */
function prelude(l: ClientListeners): string {
  return `
curl() {
  local port=${l.https} a
  for a in "$@"; do case $a in http://*) port=${l.http} ;; esac; done
  command curl --connect-to "::127.0.0.1:$port" --cacert '${l.caFile}' "$@"
}
openssl() {
  local args=() want=${l.tls} next=0 a
  for a in "$@"; do case $a in imap) want=${l.starttls.imap} ;; pop3) want=${l.starttls.pop3} ;; smtp) want=${l.starttls.smtp} ;; esac; done
  for a in "$@"; do
    if ((next)); then args+=("127.0.0.1:$want"); next=0; continue; fi
    if [[ $a == -connect ]]; then next=1; fi
    args+=("$a")
  done
  command openssl "\${args[@]}" -CAfile '${l.caFile}'
}
`;
}

/** Runs a script in bash, asynchronously: the listeners answer from this process. */
function run(script: string): Promise<{ out: string; code: number | null }> {
  return new Promise((resolve) => {
    const child = spawn('bash', ['-c', script], { stdio: ['ignore', 'pipe', 'pipe'], timeout: 20_000 });
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
    });
    child.stderr.on('data', (d: Buffer) => {
      out += d.toString();
    });
    child.on('close', (code) => resolve({ out, code }));
  });
}

/** Each service section's client checks: its heading, and the lines of its bash block. */
function checkBlocks(md: string): { heading: string; lines: string[] }[] {
  const out: { heading: string; lines: string[] }[] = [];
  let heading = '';
  for (const m of md.matchAll(/^## (.*)$|^```bash\n([\s\S]*?)\n```/gm)) {
    if (m[1] !== undefined) heading = m[1];
    else {
      // The block's first line says where it runs; the lines after it are the checks.
      const [where, ...lines] = m[2]?.split('\n') ?? [];
      if (where?.startsWith('# Run on: ') && lines[0]?.startsWith('VIP=')) out.push({ heading, lines });
    }
  }
  return out;
}

test("every curl and openssl line of the runbooks' checks uses the site's address and ports, and prints what the runbook says it prints", async () => {
  const host = 'mail.example.com';
  for (const name of ['all-templates', 'esp', 'example', 'mail']) {
    const file = validCases().find((c) => c.name === name)?.file ?? '';
    const site = compileSite(EXCHANGE_2016, await loadDeployment(file, EXCHANGE_2016), 'site.yaml');
    const md = emitRunbook(site).contents;
    const greeting =
      site.plan.steps
        .flatMap((s) => (s.kind === 'subvs' ? s.stages.flat() : []))
        .find((p) => p.name === 'SingleSignOnMessage')?.value ?? 'none';
    const listeners = await startClientListeners([host, ...site.esp.hosts], { redirectCode: 302, greeting });
    try {
      const blocks = checkBlocks(md);
      assert.is(blocks.length, site.services.length, `${name}: one block of checks per service`);
      for (const b of blocks) {
        const vip = (/^VIP='([^']*)'$/.exec(b.lines[0] ?? '')?.[1] ?? '').replace(/^\[(.*)\]$/, '$1');
        assert.match(b.heading, ` at ${vip} (`, `${name}: ${b.heading}: ${vip}`);
        const ports = site.plan.steps.flatMap((s) => (s.kind === 'vs' && s.address === vip ? [s.port] : []));
        const hostLine = b.lines[1] ?? '';
        const written = /^HOST='([^']*)'$/.exec(hostLine)?.[1] ?? '';
        const named = written.startsWith('<') ? undefined : written;
        if (named !== undefined) assert.is(named, site.esp.hosts[0], `${name}: the site's host`);
        const header = `${b.lines[0]}\nHOST='${named ?? host}'`;
        for (let i = 2; i < b.lines.length; i += 2) {
          const command = b.lines[i] ?? '';
          const expected = /^# expected: (.*)$/.exec(b.lines[i + 1] ?? '')?.[1] ?? '';
          assert.ok(expected, `${name}: ${command} says what it prints`);
          for (const m of command.matchAll(/\$VIP:(\d+)|\$HOST:(\d+):\$VIP/g))
            assert.ok(ports.includes(Number(m[1] ?? m[2])), `${name}: ${command}: a port of the service`);
          const got = await run(`${prelude(listeners)}\n${header}\n${command}`);
          assert.is(got.code, 0, `${name}: ${command}\n${got.out}`);
          const direct = /^the same status as the server gives directly: `(.*)`$/.exec(expected)?.[1];
          if (direct)
            assert.is(got.out, (await run(`${prelude(listeners)}\n${direct}`)).out, `${name}: ${command}`);
          else if (expected.startsWith('CONNECTION ESTABLISHED')) {
            assert.match(got.out, /CONNECTION ESTABLISHED/, `${name}: ${command}`);
            assert.match(got.out, /Verification: OK/, `${name}: ${command}`);
          } else if (expected.startsWith('1 or more'))
            assert.ok(Number(got.out.trim()) >= 1, `${name}: ${command}: ${got.out}`);
          else assert.is(got.out.trim(), expected.replace(written, named ?? host), `${name}: ${command}`);
        }
      }
    } finally {
      await listeners.close();
    }
  }
});

test("the runbook's backup line, run as written, saves the LoadMaster's backup to a file", async () => {
  const file = validCases().find((c) => c.name === 'example')?.file ?? '';
  const site = compileSite(EXCHANGE_2016, await loadDeployment(file, EXCHANGE_2016), 'site.yaml');
  const md = emitRunbook(site).contents;
  const line = md.split('\n').find((l) => l.startsWith('curl ') && l.includes('/access/backup')) ?? '';
  assert.match(
    line,
    /--cacert loadmaster\.pem --output loadmaster-before-exchange\.backup 'https:\/\/<LoadMaster>\/access\/backup'$/,
  );
  const listeners = await startClientListeners(['mail.example.com'], { redirectCode: 302, greeting: '' });
  const dir = mkdtempSync(join(tmpdir(), 'bt-backup-'));
  try {
    copyFileSync(listeners.caFile, join(dir, 'loadmaster.pem'));
    // The appliance's name is the person's to fill in; here it is the listener's.
    const got = await run(
      `cd '${dir}'\n${prelude(listeners)}\n${line.replace('<LoadMaster>', 'mail.example.com')}`,
    );
    assert.is(got.code, 0, got.out);
    assert.is(readFileSync(join(dir, 'loadmaster-before-exchange.backup'), 'utf8'), 'a LoadMaster backup');
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await listeners.close();
  }
});

test.run();
