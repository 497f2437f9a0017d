import Handlebars from 'handlebars';
import { findParam } from '../loadmaster/catalogue.js';
import type { CmdletAccepts, CmdletParam, ParamScope } from '../loadmaster/parameter.js';
import type { ApiParam, Plan, PlanStep } from '../model/plan.js';
import { lineComment, psQuote } from './escape.js';
import type { OutputFile } from './output.js';
import { PS_SCRIPT } from './templates/powershell-script.js';
import { PS_STEPS } from './templates/powershell-steps.js';

/** A cmdlet argument: the cmdlet's parameter name and the plan's text; `cast` when the module types it. */
interface Arg {
  readonly key: string;
  readonly value: string;
  readonly cast: boolean;
}

/**
 * The cmdlet parameter that takes an API parameter, from the catalogue. The module binds [bool]
 * parameters only from booleans or numbers, so 0/1 are cast to [int].
 */
function cmdletOf(p: ApiParam, scope: ParamScope): { cmdlet: CmdletParam | undefined; numeric: boolean } {
  const spec = findParam(p.name, scope);
  if (!spec) throw new Error(`${p.name} is not a ${scope} parameter in the LoadMaster parameter catalogue`);
  return { cmdlet: spec.cmdlet, numeric: spec.type.kind === 'bool' || spec.type.kind === 'int' };
}

function accepts(a: CmdletAccepts | undefined, value: string): boolean {
  if (a === undefined) return true;
  if ('values' in a) return a.values.includes(value);
  const n = Number(value);
  return /^-?\d+$/.test(value) && n >= a.min && n <= a.max;
}

/**
 * Splits a VS or SubVS step's parameters into cmdlet arguments and raw API parameters: a value the
 * cmdlet would refuse (ServerInit 6 for POP3, StartTLSMode 4 and 6) goes through the API itself.
 */
function vsArgs(params: readonly ApiParam[], subvs: boolean): { args: Arg[]; raw: ApiParam[] } {
  const args: Arg[] = [];
  const raw: ApiParam[] = [];
  for (const p of params) {
    const { cmdlet, numeric } = cmdletOf(p, 'vs');
    if (cmdlet && !(subvs && cmdlet.parentOnly) && accepts(cmdlet.accepts, p.value))
      args.push({ key: cmdlet.name, value: p.value, cast: numeric });
    else raw.push(p);
  }
  return { args, raw };
}

function otherArgs(params: readonly ApiParam[], scope: 'rule' | 'rs'): Arg[] {
  return params.map((p) => {
    const { cmdlet, numeric } = cmdletOf(p, scope);
    if (!cmdlet) throw new Error(`Kemp's PowerShell module has no ${scope} cmdlet parameter for ${p.name}`);
    return { key: cmdlet.name, value: p.value, cast: numeric };
  });
}

/** What one step's partial reads: the step itself plus its arguments, all as raw text. */
function stepView(step: PlanStep, n: number): Record<string, unknown> {
  const base = { ...step, n };
  switch (step.kind) {
    case 'global':
    case 'certificates':
      return base;
    case 'rule':
      return { ...base, args: otherArgs(step.params, 'rule') };
    case 'vs':
      return { ...base, port: String(step.port), ...vsArgs(step.params, false) };
    case 'subvs':
      return { ...base, slotRef: `${step.ref}_slot`, ...vsArgs(step.params, true) };
    case 'realserver': {
      const weight = step.weight === undefined ? [] : [{ name: 'weight', value: String(step.weight) }];
      return { ...base, port: String(step.port), args: otherArgs(weight, 'rs') };
    }
    case 'attach-rule':
      return { ...base, slotRef: `${step.subvs}_slot` };
  }
}

/**
 * A Handlebars instance of its own: no HTML escaping (wrong for scripts), strict so a misspelt field
 * fails, and psQuote / lineComment as the only ways a value reaches the script.
 */
function psTemplate(): (context: { source: string; summary: readonly string[]; steps: unknown[] }) => string {
  const hb = Handlebars.create();
  hb.registerHelper('ps', (s: unknown) => psQuote(String(s)));
  hb.registerHelper('comment', (s: unknown) => lineComment(String(s)));
  for (const [kind, source] of Object.entries(PS_STEPS))
    hb.registerPartial(kind, hb.compile(source, { noEscape: true, strict: true }));
  return hb.compile(PS_SCRIPT, { noEscape: true, strict: true });
}

/**
 * deploy.ps1: the plan as a PowerShell script for Kemp's Kemp.LoadBalancer.Powershell module, with
 * -WhatIf support, a prompt for the credential, and a stop at the first failed call.
 * `ctx.source` names the deployment file in the banner.
 */
export function emitPowerShell(plan: Plan, ctx: { source: string }): OutputFile {
  const steps = plan.steps.map((s, i) => stepView(s, i + 1));
  const contents = psTemplate()({ source: ctx.source, summary: plan.summary, steps });
  return { path: 'deploy.ps1', contents };
}
