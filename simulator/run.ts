/**
 * `build-templates sim` (and `npm run sim`): runs the LoadMaster API simulator until SIGINT/SIGTERM.
 * Its options are the command line's, from its one definition (src/cli/definition.ts): the same
 * list gives the parser, the help and the shells' completion.
 * It accepts the project's own template bundles (dist-templates/*.tmpl) on `uploadtemplate`.
 */
import { copyFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { type ParseArgsConfig, parseArgs } from 'node:util';
import { CLI, commandWord, type OptionSpec } from '../src/cli/definition.js';
import { bundleToSimTemplates } from './bundle-templates.js';
import { startSimulator } from './server.js';
import type { CallRecord, NonAsciiForm } from './types.js';

/** The simulator's command, as the command line's one definition gives it: its options, its example. */
const SIM = CLI.commands.find((c) => commandWord(c) === 'sim');
const OPTIONS: readonly OptionSpec[] = SIM?.options ?? [];

/** Each option with its value's name, as the help shows it. */
const typed = (o: OptionSpec): string =>
  `--${o.name}${o.type === 'string' ? ` ${/FILE/.test(o.describe) ? 'FILE' : 'VALUE'}` : ''}`;
const width = Math.max(...OPTIONS.map((o) => typed(o).length));
const USAGE = [
  `usage: ${CLI.scriptName} sim [options]`,
  'Answers the LoadMaster API on 127.0.0.1 until Ctrl-C, for deploy.sh and deploy.ps1 to rehearse against.',
  ...OPTIONS.map((o) => `  ${typed(o).padEnd(width)}  ${o.describe}`),
  `  ${'--help'.padEnd(width)}  print this help`,
  ...(SIM
    ? ['Example:', `  ${SIM.example[0].replace('$0', CLI.scriptName)}`, `      ${SIM.example[1]}`]
    : []),
].join('\n');
const FORMS: readonly NonAsciiForm[] = ['latin1', 'references', 'utf8'];

/** Runs the simulator with these arguments until SIGINT or SIGTERM; the exit code. */
export async function runSimulator(args: readonly string[]): Promise<number> {
  let given: ReturnType<typeof parse>['values'];
  try {
    given = parse(args).values;
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  /** An option's value (its last, for one given more than once). */
  const text = (name: string): string | undefined => {
    const v = given[name];
    return typeof v === 'string' ? v : undefined;
  };
  /** Every value of an option given once for each. */
  const texts = (name: string): string[] | undefined => {
    const v = given[name];
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : undefined;
  };
  const on = (name: string): boolean => given[name] === true;
  if (on('help')) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const port = Number(text('port') ?? '0');
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    process.stderr.write(`invalid --port: ${text('port')}\n${USAGE}\n`);
    return 2;
  }
  const nonAscii = FORMS.find((f) => f === (text('non-ascii') ?? 'latin1'));
  if (!nonAscii) {
    process.stderr.write(`invalid --non-ascii: ${text('non-ascii')}\n${USAGE}\n`);
    return 2;
  }
  const user = text('user');
  const password = text('password');
  const apikey = text('apikey');
  const certificates = texts('cert');
  const ssoDomains = texts('sso-domain');
  const sim = await startSimulator({
    https: !on('http'),
    port,
    ...(user === undefined ? {} : { user }),
    ...(password === undefined ? {} : { password }),
    ...(apikey === undefined ? {} : { apikey }),
    rateLimit: !on('no-rate-limit'),
    parseTemplates: bundleToSimTemplates,
    ...(certificates === undefined ? {} : { certificates }),
    ...(ssoDomains === undefined ? {} : { ssoDomains }),
    nonAscii,
    ...(on('log') ? { onCall: (c: CallRecord) => process.stderr.write(`${logLine(c)}\n`) } : {}),
  });
  const caFile = text('ca-file');
  if (caFile && sim.caCertPath) copyFileSync(sim.caCertPath, caFile);
  // The CA's full path: the scripts may run from another folder than this one.
  const ca = caFile && sim.caCertPath ? resolve(caFile) : sim.caCertPath;
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
    lines.push('or a generated deploy.ps1 (in the folder that holds it):');
    lines.push(`  $env:LM_USER = '${sim.user}'; $env:LM_PASSWORD = '${sim.password}'`);
    lines.push(`  ./deploy.ps1 -LoadBalancer 127.0.0.1 -LBPort ${port} -CaCertificate '${ca}' -Plan`);
  }
  lines.push('Ctrl-C stops it.');
  process.stdout.write(`${lines.join('\n')}\n`);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  const state = text('state');
  if (state) writeFileSync(state, `${JSON.stringify(sim.state(), null, 2)}\n`);
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

/**
 * The command line by the definition's options, with the grammar of every other command: an unknown,
 * negated or dotted option and any word after the options (after `--` too) are refused; so is an
 * option given twice that is not given once for each value, and an empty value.
 */
function parse(args: readonly string[]) {
  const options: ParseArgsConfig['options'] = { help: { type: 'boolean', short: 'h' } };
  for (const o of OPTIONS) options[o.name] = { type: o.type, ...(o.multiple ? { multiple: true } : {}) };
  const parsed = parseArgs({ args: [...args], options, strict: true, tokens: true });
  const times = new Map<string, number>();
  for (const t of parsed.tokens ?? []) {
    if (t.kind !== 'option') continue;
    times.set(t.name, (times.get(t.name) ?? 0) + 1);
    if (t.value === '') throw new Error(`--${t.name} needs a value`);
  }
  for (const [name, n] of times)
    if (n > 1 && !OPTIONS.find((o) => o.name === name)?.multiple)
      throw new Error(`--${name} is given ${n} times; give it once`);
  return parsed;
}
