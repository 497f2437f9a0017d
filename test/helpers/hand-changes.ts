import type { Simulator } from '../../simulator/index.js';
import type { PlanStep } from '../../src/model/plan.js';
import { vsIndex } from './run-output.js';
import type { FixtureSite } from './setup.js';

// Changes made by hand on an appliance that holds a site, as both scripts' lifecycle tests make them.

const stage0 = (s: PlanStep) => (s.kind === 'vs' ? (s.stages[0] ?? []) : []);

/** A hand change to the appliance, and the line `plan` must print for it. */
export interface HandChange {
  readonly command: string;
  readonly params: Record<string, string>;
  readonly shown: string;
}

/**
 * Changes made by hand on the appliance to one parameter of each kind the site owns: a Virtual
 * Service's idle time, a content rule's pattern, another rule's case sensitivity, a global setting.
 */
export function handChanges(site: FixtureSite, sim: Simulator): HandChange[] {
  const out: HandChange[] = [];
  const vs = site.plan.steps.filter((s) => stage0(s).some((p) => p.name === 'Idletime')).at(-1);
  if (vs?.kind === 'vs') {
    const idle = stage0(vs).find((p) => p.name === 'Idletime')?.value ?? '';
    const wrong = String(Number(idle) + 1);
    out.push({
      command: 'modvs',
      params: { vs: String(vsIndex(sim, vs.address, vs.port)), Idletime: wrong },
      shown: `Idletime: '${wrong}' -> '${idle}'`,
    });
  }
  const rule = site.plan.steps.find((s) => s.kind === 'rule');
  if (rule?.kind === 'rule') {
    const pattern = rule.params.find((p) => p.name === 'pattern')?.value ?? '';
    out.push({
      command: 'modrule',
      params: { name: rule.name, pattern: '/^\\/changed.*/' },
      shown: `pattern: '/^\\/changed.*/' -> '${pattern}'`,
    });
  }
  // A second rule's case sensitivity: the repair is a modrule that must carry the rule's pattern.
  const other = site.plan.steps.filter((s) => s.kind === 'rule')[1];
  if (other?.kind === 'rule') {
    const pattern = other.params.find((p) => p.name === 'pattern')?.value ?? '';
    out.push({
      command: 'modrule',
      params: { name: other.name, pattern, nocase: '0' },
      shown: `nocase: 'N' -> '1'`,
    });
  }
  const global = site.plan.steps.find((s) => s.kind === 'global' && s.param === 'expect100');
  if (global?.kind === 'global') {
    out.push({
      command: 'set',
      params: { param: 'expect100', value: '0' },
      shown: `expect100: '0' -> '${global.value}'`,
    });
  }
  return out;
}

/** Where a foreign real server goes: the site's first SubVS, else its first Virtual Service with servers. */
export function foreignHome(site: FixtureSite, sim: Simulator): { index: number; within: string } {
  const sub = site.plan.steps.find((s) => s.kind === 'subvs');
  const state = sim.state();
  if (sub?.kind === 'subvs') {
    const found = state.vss.find((v) => v.parent !== 0 && v.params.Nickname === sub.nickname);
    if (found) return { index: found.index, within: sub.title };
  }
  const rs = site.plan.steps.find((s) => s.kind === 'realserver');
  const vs = site.plan.steps.find((s) => s.kind === 'vs' && rs?.kind === 'realserver' && s.ref === rs.vs);
  if (vs?.kind !== 'vs') throw new Error(`${site.name}: no service with real servers`);
  return { index: vsIndex(sim, vs.address, vs.port), within: vs.title };
}
