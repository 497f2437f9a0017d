import { madeOnce } from '../made-once.js';
import type { PlanStep, RemovalStep, ServerAddress } from '../model/plan.js';

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
 * What `remove` does, from the plan's steps: the site's Virtual Services last to first (each with what
 * the site names in it: its SubVSs, its real servers and theirs, from the steps that look for what
 * else is there), then its content rules, and a word about the global settings, which stay.
 */
export function removalSteps(steps: readonly PlanStep[]): RemovalStep[] {
  const removal: RemovalStep[] = [];
  const globals: string[] = [];
  const rules: RemovalStep[] = [];
  const members = new Map<string, ServerAddress[]>();
  // Each service's SubVSs, in the order the plan makes them: their refs and their names.
  const subsOf = new Map<string, { refs: string[]; names: string[] }>();
  for (const step of steps) {
    if (step.kind === 'foreign') members.set(step.vs, [...step.servers]);
    if (step.kind === 'subvs') {
      const subs = madeOnce(subsOf, step.parent, () => ({ refs: [], names: [] }));
      if (!subs.refs.includes(step.ref)) subs.refs.push(step.ref);
      subs.names.push(step.nickname);
    }
  }
  for (const step of steps) {
    if (step.kind === 'vs') {
      const { address, port, prot, nickname, ref } = step;
      const subRefs = subsOf.get(ref)?.refs ?? [];
      const subvs = subsOf.get(ref)?.names ?? [];
      removal.unshift({
        kind: 'remove-vs',
        title: step.title,
        address,
        port,
        prot,
        nickname,
        subvs,
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
