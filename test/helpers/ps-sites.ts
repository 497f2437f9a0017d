import * as assert from 'uvu/assert';
import type { Simulator } from '../../simulator/index.js';
import type { ScriptRun } from './bash-run.js';
import { type PwshSession, psArgs, writeDeployPs } from './pwsh-run.js';
import { assertSameRun } from './run-output.js';
import { deploy, type FixtureSite } from './setup.js';

/** A fixture with its deploy.ps1 on disk too. */
export interface PsSite extends FixtureSite {
  /** deploy.ps1's path. */
  readonly ps: string;
}

/** Each fixture with its deploy.ps1 written into the folder `folderOf` gives it. */
export function withDeployPs(
  sites: readonly FixtureSite[],
  folderOf: (site: FixtureSite) => string,
): PsSite[] {
  return sites.map((site) => ({ ...site, ps: writeDeployPs(folderOf(site), site.plan) }));
}

/** deploy.ps1's side of a run: its own appliance, and the PowerShell session that runs it there. */
export interface Twin {
  readonly sim: Simulator;
  readonly session: PwshSession;
}

/**
 * Runs deploy.sh with `bashArgs` on `sim` and, with a twin, deploy.ps1 with `psSwitch` on the twin's
 * appliance, and asserts they ended and printed the same and left the same appliance; returns
 * deploy.sh's run. `env`: deploy.sh's environment beyond the simulator's; `caFile`: deploy.ps1 trusts
 * the simulator's CA through -CaCertificate, else through the system's trust store.
 */
export async function bothScripts(
  site: PsSite,
  sim: Simulator,
  twin: Twin | undefined,
  run: { readonly bash: readonly string[]; readonly ps: readonly string[]; readonly label: string },
  opts: { readonly env?: Readonly<Record<string, string>>; readonly caFile?: boolean } = {},
): Promise<ScriptRun> {
  const bash = await deploy(site, sim, run.bash, opts.env);
  if (!twin) return bash;
  const ps = await twin.session.run(site.ps, psArgs(twin.sim, run.ps, opts.caFile).args);
  const label = `${site.name}: ${run.label}, deploy.ps1`;
  assertSameRun(ps, bash, label);
  assert.equal(twin.sim.state(), sim.state(), `${label}: the appliance`);
  return bash;
}
