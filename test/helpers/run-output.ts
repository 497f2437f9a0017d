import { type Simulator, WRITE_COMMANDS } from '../../simulator/index.js';

// What a run of a generated script printed, and what it did to a simulator.

/** The write calls the simulator received after call number `after`. */
export function writesAfter(sim: Simulator, after = 0): string[] {
  return sim
    .calls()
    .filter((c) => c.n > after && WRITE_COMMANDS.has(c.command.toLowerCase()))
    .map((c) => `${c.command} ${JSON.stringify(c.params)}`);
}

/** The index the simulator gave the Virtual Service at this address and port. */
export function vsIndex(sim: Simulator, address: string, port: number): number {
  const vs = sim.state().vss.find((v) => v.parent === 0 && v.address === address && v.port === port);
  if (!vs) throw new Error(`no Virtual Service at ${address}:${port}`);
  return vs.index;
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
  return /^deploy\.(?:sh|ps1): failed at step: (.*)$/m.exec(stderr)?.[1];
}

/** The last line a run printed. */
export const lastLine = (out: string): string => out.trimEnd().split('\n').at(-1) ?? '';
