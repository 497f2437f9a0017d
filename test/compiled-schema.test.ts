import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ErrorObject } from 'ajv';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { compiledSchema, deploymentSchema, newAjv } from '../scripts/compile-schema.js';
import { validate as generated } from '../src/deployment/compiled/validate-deployment.js';
import { parseSource } from '../src/deployment/source.js';
import { invalidCases, read, validCases } from './helpers/fixtures.js';
import { ROOT } from './helpers/guide.js';

type Validate = { (data: unknown): boolean; errors?: ErrorObject[] | null };
const standalone = generated as unknown as Validate;
const fresh: Validate = newAjv().compile(deploymentSchema() as object);

/** What the check reads of ajv's errors, in ajv's order. */
const errorsOf = (validate: Validate, data: unknown) => {
  validate(data);
  return (validate.errors ?? []).map((e) => ({
    keyword: e.keyword,
    instancePath: e.instancePath,
    schemaPath: e.schemaPath,
    params: e.params,
    message: e.message,
    parentSchema: e.parentSchema,
  }));
};

test('the compiled schema validator the compiler loads is that of the current schema and ajv', () => {
  const file = readFileSync(
    new URL('../src/deployment/compiled/validate-deployment.ts', import.meta.url),
    'utf8',
  );
  assert.ok(
    file === compiledSchema(),
    'src/deployment/compiled/validate-deployment.ts is stale: run npm run precompile',
  );
});

test('the standalone validator errs exactly as the schema compiled now, on every fixture deployment', () => {
  const sites = join(ROOT, 'fixtures', 'sites');
  const files = [
    ...validCases().map((c) => c.file),
    ...invalidCases().map((c) => c.file),
    ...readdirSync(sites)
      .sort()
      .map((f) => join(sites, f)),
  ];
  let compared = 0;
  let failing = 0;
  for (const file of files) {
    const source = parseSource(file, read(file));
    // A file that does not parse (yaml-syntax, alias-bomb) never reaches the schema.
    if (Array.isArray(source)) continue;
    const errors = errorsOf(standalone, source.data);
    assert.equal(errors, errorsOf(fresh, source.data), file);
    compared++;
    if (errors.length > 0) failing++;
  }
  assert.ok(compared >= 20, `compared ${compared} files`);
  assert.ok(failing >= 3, `${failing} files fail the schema`);
});

test('the standalone validator errs exactly as the schema compiled now, keyword by keyword', () => {
  const site = (esp: Record<string, unknown>) => ({
    services: [{ template: 'https-offloaded-esp', address: '10.0.0.1', nickname: '😀'.repeat(65) }],
    exchangeServers: [{ address: '::1', weight: 65531 }],
    esp: { ssoDomain: 'EXAMPLE.COM', allowedHosts: ['mail.example.com'], ...esp },
  });
  const cases: unknown[] = [
    null,
    'KEY=value',
    [],
    {},
    { services: [], exchangeServers: [{}], extra: 1 },
    { services: [{ template: 'https-offload', address: 'fe80::1%eth0', adress: 'x' }], exchangeServers: 'x' },
    site({ owaGuid: 'not-a-guid', smtpDomain: '-bad-', logoff: 'owa', exchangeUrl: 'http://x' }),
    site({ ssoDomain: '', allowedHosts: [], certificate: 'c'.repeat(129), smtpPermittedDomains: [1] }),
    { ...site({}), officeOnlineServers: [{ address: '10.0.0.2', port: 2.5 }], globals: 'yes' },
  ];
  for (const data of cases) {
    const errors = errorsOf(standalone, data);
    assert.equal(errors, errorsOf(fresh, data), JSON.stringify(data));
    assert.ok(errors.length > 0, `${JSON.stringify(data)} fails the schema`);
  }
});

test.run();
