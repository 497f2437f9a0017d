import { madeOnce } from '../made-once.js';
import type { PlanStep, RemovalStep, ServerAddress, SlotShape } from '../model/plan.js';

/** Each address and port once, in the order first met. */
function distinct(servers: readonly ServerAddress[]): ServerAddress[] {
  const seen = new Set<string>();
  return servers.filter((s) => {
    const key = `${s.address} ${s.port}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Each Virtual Service's SubVSs as the site has them (nickname and the rule on the slot), by the
 * service's ref: what the step that looks for what else is in it names.
 */
export function slotsOf(steps: readonly PlanStep[]): Map<string, readonly SlotShape[]> {
  const out = new Map<string, readonly SlotShape[]>();
  for (const step of steps)
    if (step.kind === 'foreign' && step.slots.length > 0) out.set(step.vs, step.slots);
  return out;
}

/**
 * What `remove` does, from the plan's steps: the site's Virtual Services last to first (each with what
 * the site names in it: its SubVSs, its real servers and theirs, from the steps that look for what
 * else is there), then its content rules, and a word about the global settings, which stay.
 */
export function removalSteps(steps: readonly PlanStep[]): RemovalStep[] {
  const removal: RemovalStep[] = [];
  const globals: string[] = [];
  const rules: RemovalStep[] = [];
  const members = new Map<string, ServerAddress[]>();
  const slots = slotsOf(steps);
  // Each service's SubVSs' refs, in the order the plan makes them.
  const subsOf = new Map<string, string[]>();
  for (const step of steps) {
    if (step.kind === 'foreign') members.set(step.vs, [...step.servers]);
    if (step.kind === 'subvs') {
      const subs = madeOnce(subsOf, step.parent, () => []);
      if (!subs.includes(step.ref)) subs.push(step.ref);
    }
  }
  for (const step of steps) {
    if (step.kind === 'vs') {
      const { address, port, prot, nickname, ref } = step;
      const subRefs = subsOf.get(ref) ?? [];
      removal.unshift({
        kind: 'remove-vs',
        title: step.title,
        address,
        port,
        prot,
        nickname,
        slots: slots.get(ref) ?? [],
        servers: members.get(ref) ?? [],
        subServers: distinct(subRefs.flatMap((sub) => members.get(sub) ?? [])),
      });
    }
    if (step.kind === 'rule') rules.unshift({ kind: 'remove-rule', title: step.title, name: step.name });
    if (step.kind === 'global') globals.push(step.param);
  }
  removal.push(...rules);
  if (globals.length > 0)
    removal.push({ kind: 'keep-globals', title: 'the global settings of section 2', params: globals });
  return removal;
}
