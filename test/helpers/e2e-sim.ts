import type { Simulator } from '../../src/simulator/index.js';

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
