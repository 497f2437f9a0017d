#!/usr/bin/env node
/**
 * `npm run sim`: runs the LoadMaster API simulator until SIGINT/SIGTERM.
 * Usage: main.js [--http] [--port N] [--user NAME] [--password PW] [--apikey KEY] [--no-rate-limit]
 *                [--cert NAME]... [--sso-domain NAME]... [--non-ascii latin1|references|utf8]
 * It accepts the project's own template bundles (dist-templates/*.tmpl) on `uploadtemplate`.
 */
import { parseArgs } from 'node:util';
import { bundleToSimTemplates } from './bundle-templates.js';
import { startSimulator } from './server.js';
import type { NonAsciiForm } from './types.js';

const USAGE =
  'usage: sim [--http] [--port N] [--user NAME] [--password PW] [--apikey KEY] [--no-rate-limit] [--cert NAME]...\n' +
  '           [--sso-domain NAME]... [--non-ascii latin1|references|utf8]';
const FORMS: readonly NonAsciiForm[] = ['latin1', 'references', 'utf8'];

async function main(): Promise<number> {
  let values: ReturnType<typeof parse>['values'];
  try {
    values = parse().values;
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const port = Number(values.port ?? '0');
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    process.stderr.write(`invalid --port: ${values.port}\n${USAGE}\n`);
    return 2;
  }
  const nonAscii = FORMS.find((f) => f === (values['non-ascii'] ?? 'latin1'));
  if (!nonAscii) {
    process.stderr.write(`invalid --non-ascii: ${values['non-ascii']}\n${USAGE}\n`);
    return 2;
  }
  const sim = await startSimulator({
    https: !values.http,
    port,
    ...(values.user === undefined ? {} : { user: values.user }),
    ...(values.password === undefined ? {} : { password: values.password }),
    ...(values.apikey === undefined ? {} : { apikey: values.apikey }),
    rateLimit: !values['no-rate-limit'],
    parseTemplates: bundleToSimTemplates,
    ...(values.cert === undefined ? {} : { certificates: values.cert }),
    ...(values['sso-domain'] === undefined ? {} : { ssoDomains: values['sso-domain'] }),
    nonAscii,
  });
  const lines = [
    `LoadMaster API simulator listening on ${sim.url}/access/`,
    `user:     ${sim.user}`,
    `password: ${sim.password}`,
    `apikey:   ${sim.apikey}`,
  ];
  if (sim.caCertPath) lines.push(`CA cert:  ${sim.caCertPath}  (curl --cacert ${sim.caCertPath})`);
  lines.push('To rehearse a generated deploy.sh against it:');
  lines.push(`  export LM_URL='${sim.url}' LM_USER='${sim.user}' LM_PASSWORD='${sim.password}'`);
  if (sim.caCertPath) lines.push(`  export LM_CACERT='${sim.caCertPath}'`);
  else lines.push('  export LM_INSECURE=1   # plain HTTP');
  lines.push('Ctrl-C stops it.');
  process.stdout.write(`${lines.join('\n')}\n`);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await sim.stop();
  return 0;
}

function parse() {
  return parseArgs({
    options: {
      http: { type: 'boolean' },
      port: { type: 'string' },
      user: { type: 'string' },
      password: { type: 'string' },
      apikey: { type: 'string' },
      'no-rate-limit': { type: 'boolean' },
      cert: { type: 'string', multiple: true },
      'sso-domain': { type: 'string', multiple: true },
      'non-ascii': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`sim: ${(error as Error).message}\n`);
    process.exitCode = 2;
  },
);
