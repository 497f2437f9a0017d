import { BASH_FIND } from './bash-find.js';
import { BASH_SETTINGS } from './bash-settings.js';
import { BASH_STEP_CHECKS } from './bash-step-checks.js';
import { BASH_STEP_GLOBAL } from './bash-step-global.js';
import { BASH_STEP_MEMBERS } from './bash-step-members.js';
import { BASH_STEP_RULE } from './bash-step-rule.js';
import { BASH_STEP_VS } from './bash-step-vs.js';

/**
 * deploy.sh's library, third part: one function per kind of PlanStep (src/model/plan.ts). Each reads
 * first; plan and the checks before apply only report; apply writes what differs and reads it back.
 * Objects are found by listing and matching (listvs, showvs, showrule), never by an error's wording.
 * It holds no site value. Its parts are in the files it imports, joined here in this order.
 */
export const BASH_STEPS = [
  BASH_FIND,
  BASH_SETTINGS,
  BASH_STEP_CHECKS,
  BASH_STEP_GLOBAL,
  BASH_STEP_RULE,
  BASH_STEP_VS,
  BASH_STEP_MEMBERS,
].join('\n');
