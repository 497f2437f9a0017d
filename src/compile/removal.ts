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
  const parentOf = new Map<string, string>();
  for (const step of steps) {
    if (step.kind === 'foreign') members.set(step.vs, [...step.servers]);
    if (step.kind === 'subvs') parentOf.set(step.ref, step.parent);
  }
  for (const step of steps) {
    if (step.kind === 'vs') {
      const { address, port, prot, nickname, ref } = step;
      const subRefs = [...parentOf].filter(([, parent]) => parent === ref).map(([sub]) => sub);
      const subvs = steps.flatMap((s) => (s.kind === 'subvs' && s.parent === ref ? [s.nickname] : []));
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
