import type { Simulator } from '../../simulator/index.js';
import { EXCHANGE_2016 } from '../../src/catalog/exchange2016/index.js';
import { compilePlan } from '../../src/compile/plan.js';
import { loadDeployment } from '../../src/deployment/load.js';
import { emitBash } from '../../src/emit/bash.js';
import type { Deployment } from '../../src/model/deployment.js';
import type { Plan } from '../../src/model/plan.js';
import { runBash, type ScriptFile, type ScriptRun, writeScript } from './bash-run.js';
import { anyEnv } from './e2e-sim.js';
import { validCases } from './fixtures.js';

/** A deployment fixture compiled: its plan and its deploy.sh on disk. */
export interface FixtureSite {
  readonly name: string;
  readonly deployment: Deployment;
  readonly plan: Plan;
  readonly script: ScriptFile;
}

/** Every valid deployment fixture, loaded, planned and written out as deploy.sh (remove() each). */
export async function fixtureSites(): Promise<FixtureSite[]> {
  const out: FixtureSite[] = [];
  for (const c of validCases()) {
    const deployment = await loadDeployment(c.file, EXCHANGE_2016);
    const plan = compilePlan(EXCHANGE_2016, deployment);
    const script = writeScript(emitBash({ plan: plan, source: 'deployment.yaml' }).contents);
    out.push({ name: c.name, deployment, plan, script });
  }
  return out;
}

/** Runs deploy.sh with an action against a simulator (HTTPS or HTTP), without pauses between calls. */
export function deploy(
  site: FixtureSite,
  sim: Simulator,
  args: readonly string[] = [],
  extra: Readonly<Record<string, string>> = {},
): Promise<ScriptRun> {
  return runBash(site.script.path, args, anyEnv(sim, { LM_DELAY: '0', ...extra }));
}

/** The index the simulator gave the Virtual Service at this address and port. */
export function vsIndex(sim: Simulator, address: string, port: number): number {
  const vs = sim.state().vss.find((v) => v.parent === 0 && v.address === address && v.port === port);
  if (!vs) throw new Error(`no Virtual Service at ${address}:${port}`);
  return vs.index;
}
