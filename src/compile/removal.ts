import type { PlanStep, RemovalStep } from '../model/plan.js';

/**
 * What `remove` does, from the plan's steps: the site's Virtual Services last to first (each with its
 * SubVSs), then its content rules, and a word about the global settings, which stay.
 */
export function removalSteps(steps: readonly PlanStep[]): RemovalStep[] {
  const removal: RemovalStep[] = [];
  const globals: string[] = [];
  const rules: RemovalStep[] = [];
  for (const step of steps) {
    if (step.kind === 'vs') {
      const { address, port, prot, nickname } = step;
      removal.unshift({ kind: 'remove-vs', title: step.title, address, port, prot, nickname });
    }
    if (step.kind === 'rule') rules.unshift({ kind: 'remove-rule', title: step.title, name: step.name });
    if (step.kind === 'global') globals.push(step.param);
  }
  removal.push(...rules);
  if (globals.length > 0)
    removal.push({ kind: 'keep-globals', title: 'the global settings of section 2', params: globals });
  return removal;
}
