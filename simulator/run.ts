/**
 * `build-templates sim` (and `npm run sim`): runs the LoadMaster API simulator until SIGINT/SIGTERM.
 * Usage: sim [--http] [--port N] [--user NAME] [--password PW] [--apikey KEY] [--no-rate-limit]
 *            [--cert NAME]... [--sso-domain NAME]... [--non-ascii latin1|references|utf8]
 *            [--log] [--state FILE] [--ca-file FILE]
 * It accepts the project's own template bundles (dist-templates/*.tmpl) on `uploadtemplate`.
 */
import { copyFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { bundleToSimTemplates } from './bundle-templates.js';
import { startSimulator } from './server.js';
import type { CallRecord, NonAsciiForm } from './types.js';

const USAGE =
  'usage: sim [--http] [--port N] [--user NAME] [--password PW] [--apikey KEY] [--no-rate-limit] [--cert NAME]...\n' +
  '           [--sso-domain NAME]... [--non-ascii latin1|references|utf8] [--log] [--state FILE] [--ca-file FILE]\n' +
  '  --log           print each request to stderr as it is answered\n' +
  "  --state FILE    on exit, write the appliance's state (Virtual Services, rules, settings) to FILE as JSON\n" +
  '  --ca-file FILE  also write the CA certificate the simulator is signed by to FILE (LM_CACERT, -CaCertificate)';
const FORMS: readonly NonAsciiForm[] = ['latin1', 'references', 'utf8'];

/** Runs the simulator with these arguments until SIGINT or SIGTERM; the exit code. */
export async function runSimulator(args: readonly string[]): Promise<number> {
  let values: ReturnType<typeof parse>['values'];
  try {
    values = parse(args).values;
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
    ...(values.log ? { onCall: (c: CallRecord) => process.stderr.write(`${logLine(c)}\n`) } : {}),
  });
  const caFile = values['ca-file'];
  if (caFile && sim.caCertPath) copyFileSync(sim.caCertPath, caFile);
  const ca = caFile && sim.caCertPath ? caFile : sim.caCertPath;
  const lines = [
    `LoadMaster API simulator listening on ${sim.url}/access/`,
    `user:     ${sim.user}`,
    `password: ${sim.password}`,
    `apikey:   ${sim.apikey}`,
  ];
  if (ca) lines.push(`CA cert:  ${ca}  (curl --cacert ${ca})`);
  lines.push('To rehearse a generated deploy.sh against it:');
  lines.push(`  export LM_URL='${sim.url}' LM_USER='${sim.user}' LM_PASSWORD='${sim.password}'`);
  if (ca) lines.push(`  export LM_CACERT='${ca}'`);
  else lines.push('  export LM_INSECURE=1   # plain HTTP');
  if (ca) {
    const port = new URL(sim.url).port;
    lines.push('or a generated deploy.ps1:');
    lines.push(`  $env:LM_USER = '${sim.user}'; $env:LM_PASSWORD = '${sim.password}'`);
    lines.push(`  ./deploy.ps1 -LoadBalancer 127.0.0.1 -LBPort ${port} -CaCertificate '${ca}' -Plan`);
  }
  lines.push('Ctrl-C stops it.');
  process.stdout.write(`${lines.join('\n')}\n`);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  if (values.state) writeFileSync(values.state, `${JSON.stringify(sim.state(), null, 2)}\n`);
  await sim.stop();
  return 0;
}

/** One request as `--log` prints it: number, command, parameters, what was answered. */
function logLine(c: CallRecord): string {
  const params = Object.entries(c.params)
    .map(([k, v]) => `${k}=${JSON.stringify(v)}`)
    .join(' ');
  return `#${c.n} ${c.method} ${c.command}${params ? ` ${params}` : ''} -> ${c.status || '-'} ${c.outcome}`;
}

function parse(args: readonly string[]) {
  return parseArgs({
    args: [...args],
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
      log: { type: 'boolean' },
      state: { type: 'string' },
      'ca-file': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}
