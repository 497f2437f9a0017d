import { PS_CMDLET_ARGS } from './powershell-cmdlet-args.js';
import { PS_FIND } from './powershell-find.js';
import { PS_SETTINGS } from './powershell-settings.js';
import { PS_STEP_CHECKS } from './powershell-step-checks.js';
import { PS_STEP_GLOBAL } from './powershell-step-global.js';
import { PS_STEP_MEMBERS } from './powershell-step-members.js';
import { PS_STEP_RULE } from './powershell-step-rule.js';
import { PS_STEP_VS } from './powershell-step-vs.js';

/**
 * deploy.ps1's library, second part: one function per kind of PlanStep, each as deploy.sh's
 * (templates/bash-steps.ts): it reads first; plan and the checks before apply only report; apply
 * changes through Kemp's cmdlets only what differs, then reads it back. It holds no site value. Its
 * parts are in the files it imports, joined here in this order.
 */
export const PS_STEPS = [
  PS_FIND,
  PS_CMDLET_ARGS,
  PS_SETTINGS,
  PS_STEP_CHECKS,
  PS_STEP_GLOBAL,
  PS_STEP_RULE,
  PS_STEP_VS,
  PS_STEP_MEMBERS,
].join('\n');
