import { EXCHANGE_2016 } from '../../src/catalog/exchange2016/index.js';
import { compilePlan } from '../../src/compile/plan.js';
import { emitBash } from '../../src/emit/bash.js';
import type { Deployment } from '../../src/model/deployment.js';
import type { Plan } from '../../src/model/plan.js';

/** The plan of a deployment, compiled from the Exchange 2016 catalog. */
export function planOf(d: Deployment): Plan {
  return compilePlan(EXCHANGE_2016, d);
}

/** deploy.sh's text for a plan. */
export function planScript(plan: Plan): string {
  return emitBash({ plan, source: 'deployment.yaml' }).contents;
}

/** deploy.sh's text for a deployment. */
export function scriptOf(d: Deployment): string {
  return planScript(planOf(d));
}
