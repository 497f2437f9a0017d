import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** A self-signed certificate for 127.0.0.1 and where it lives. */
export interface SelfSignedCert {
  /** Temp dir holding both files; removed by {@link removeCert}. */
  readonly dir: string;
  readonly certPath: string;
  readonly certPem: string;
  readonly keyPem: string;
}

/**
 * Makes a certificate with the `openssl` CLI (Node has no API to create one). The IP SAN is what
 * lets curl and Node verify `https://127.0.0.1` against it with `--cacert` / `ca`; `hosts` adds
 * DNS names (the first one its subject), for a client that names a host.
 */
export async function makeCert(hosts: readonly string[] = []): Promise<SelfSignedCert> {
  const dir = await mkdtemp(join(tmpdir(), 'lm-sim-'));
  const certPath = join(dir, 'ca.pem');
  const keyPath = join(dir, 'key.pem');
  try {
    await run('openssl', [
      'req',
      '-x509',
      '-newkey',
      // An elliptic-curve key: made in milliseconds where RSA takes a quarter of a second, and
      // cheaper for both ends of every TLS handshake.
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-days',
      '2',
      '-subj',
      `/CN=${hosts[0] ?? '127.0.0.1'}`,
      '-addext',
      `subjectAltName=${['IP:127.0.0.1', ...hosts.map((h) => `DNS:${h}`)].join(',')}`,
      '-keyout',
      keyPath,
      '-out',
      certPath,
    ]);
    const [certPem, keyPem] = await Promise.all([readFile(certPath, 'utf8'), readFile(keyPath, 'utf8')]);
    return { dir, certPath, certPem, keyPem };
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw new Error(`openssl could not make a certificate: ${(error as Error).message}`);
  }
}

/** Removes the certificate's temp dir. */
export async function removeCert(cert: SelfSignedCert): Promise<void> {
  await rm(cert.dir, { recursive: true, force: true });
}
