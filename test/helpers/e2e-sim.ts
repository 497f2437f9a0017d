import { type Simulator, type SimulatorOptions, startSimulator } from '../../simulator/index.js';
import type { Deployment } from '../../src/model/deployment.js';

/**
 * The environment deploy.sh gets against a simulator: its URL, its user and password, and its
 * certificate to trust (never LM_INSECURE), plus any overrides.
 */
export function simEnv(sim: Simulator, extra: Readonly<Record<string, string>> = {}): Record<string, string> {
  if (!sim.caCertPath) throw new Error('the e2e tests need the simulator over HTTPS');
  return {
    LM_URL: sim.url,
    LM_USER: sim.user,
    LM_PASSWORD: sim.password,
    LM_CACERT: sim.caCertPath,
    ...extra,
  };
}

/**
 * The environment for a simulator over HTTPS (see {@link simEnv}) or, for a simulator started with
 * `https: false`, over plain HTTP, which deploy.sh takes only with LM_INSECURE=1.
 */
export function anyEnv(sim: Simulator, extra: Readonly<Record<string, string>> = {}): Record<string, string> {
  if (sim.caCertPath) return simEnv(sim, extra);
  return { LM_URL: sim.url, LM_USER: sim.user, LM_PASSWORD: sim.password, LM_INSECURE: '1', ...extra };
}

/**
 * A simulator as the guide assumes the appliance before a deployment (4.1.1, 4.2): the site's
 * certificates installed and its SSO domain made, nothing else; no rate limit unless asked.
 */
export function siteSimulator(d: Deployment, opts: SimulatorOptions = {}): Promise<Simulator> {
  const certificates = [...new Set(d.services.flatMap((s) => (s.certificate ? [s.certificate] : [])))];
  return startSimulator({
    rateLimit: false,
    certificates,
    ssoDomains: d.esp ? [d.esp.ssoDomain] : [],
    ...opts,
  });
}

/** The commands that change an appliance; every other one only reads. */
export const WRITES: ReadonlySet<string> = new Set([
  'addvs',
  'modvs',
  'delvs',
  'addrs',
  'modrs',
  'delrs',
  'addrule',
  'modrule',
  'delrule',
  'addrsrule',
  'delrsrule',
  'set',
  'uploadtemplate',
  'deltemplate',
  'addcert',
]);

/** The write calls the simulator received after call number `after`. */
export function writesAfter(sim: Simulator, after = 0): string[] {
  return sim
    .calls()
    .filter((c) => c.n > after && WRITES.has(c.command.toLowerCase()))
    .map((c) => `${c.command} ${JSON.stringify(c.params)}`);
}

/** The step titles a run announced, in order (`==> title` lines). */
export function announced(stdout: string): string[] {
  return stdout
    .split('\n')
    .filter((l) => l.startsWith('==> '))
    .map((l) => l.slice(4));
}

/** The step a failed run names (`deploy.sh: failed at step: <title>`). */
export function failedStep(stderr: string): string | undefined {
  return /^deploy\.sh: failed at step: (.*)$/m.exec(stderr)?.[1];
}

/** The last line a run printed. */
export const lastLine = (out: string): string => out.trimEnd().split('\n').at(-1) ?? '';
