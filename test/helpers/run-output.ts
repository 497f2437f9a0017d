import * as assert from 'uvu/assert';
import { type Simulator, WRITE_COMMANDS } from '../../simulator/index.js';
import type { ScriptRun } from './bash-run.js';

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

/** Where deploy.sh's and deploy.ps1's output may differ, and why; everything else must be the same. */
const SCRIPT_DIFFERENCES: readonly { readonly pattern: RegExp; readonly as: string; readonly why: string }[] =
  [
    { pattern: /^deploy\.(sh|ps1):/gm, as: 'deploy:', why: 'each script names itself' },
    {
      pattern: /--include-foreign|-IncludeForeign/g,
      as: 'include-foreign',
      why: 'each script names its options in its own way (PowerShell parameters)',
    },
    { pattern: /apply --adopt|apply -Adopt/g, as: 'apply adopt', why: 'as above' },
    { pattern: /the owned list \('[^']*'\)/g, as: 'the owned list', why: 'each run has its own owned list' },
  ];
const alike = (text: string) => SCRIPT_DIFFERENCES.reduce((t, d) => t.replace(d.pattern, d.as), text);

/** deploy.ps1's run ended and printed as deploy.sh's did, line for line, but for SCRIPT_DIFFERENCES. */
export function assertSameRun(ps: ScriptRun, bash: ScriptRun, label: string): void {
  assert.is(ps.code, bash.code, `${label}: exit code\n${ps.stdout}${ps.stderr}`);
  assert.fixture(alike(ps.stdout), alike(bash.stdout), `${label}: stdout`);
  assert.fixture(alike(ps.stderr), alike(bash.stderr), `${label}: stderr`);
}
