import Handlebars from 'handlebars';
import { findParam } from '../loadmaster/catalogue.js';
import type { ParamScope } from '../loadmaster/parameter.js';
import type { ApiParam, Plan, PlanStep } from '../model/plan.js';
import { lineComment, psQuote } from './escape.js';
import type { OutputFile } from './output.js';
import { PS_SCRIPT } from './templates/powershell-script.js';
import { PS_STEPS } from './templates/powershell-steps.js';

/** What a cmdlet parameter's ValidateRange / ValidateSet lets through (null: anything). */
type Accepts = { readonly min: number; readonly max: number } | { readonly values: readonly string[] } | null;

/** A Virtual Service parameter of Kemp's cmdlets; `parentOnly` when Set-AdcSubVirtualService lacks it. */
interface VsCmdletParam {
  readonly accepts: Accepts;
  readonly parentOnly?: boolean;
}

const range = (min: number, max: number): Accepts => ({ min, max });
const any: VsCmdletParam = { accepts: null };

/**
 * The parameters of New-AdcVirtualService, Set-AdcVirtualService and Set-AdcSubVirtualService
 * (Kemp.LoadBalancer.Powershell 7.2.60) that the plan may use, keyed by cmdlet parameter name, with the
 * values their Validate* attributes accept. A plan value outside them goes through the raw API, because
 * the cmdlet would refuse it: ServerInit 6 (POP3) and StartTLSMode 4/6 (IMAP, POP3), for example.
 */
const VS_CMDLET_PARAMS: Readonly<Record<string, VsCmdletParam>> = {
  Nickname: any,
  VSType: { accepts: { values: ['gen', 'http', 'tls', 'ts'] } },
  ForceL7: any,
  Transparent: any,
  SubnetOriginating: any,
  SSLAcceleration: { accepts: null, parentOnly: true },
  SSLReencrypt: { accepts: null, parentOnly: true },
  CipherSet: { accepts: null, parentOnly: true },
  CertFile: { accepts: null, parentOnly: true },
  TlsType: { accepts: range(0, 30) },
  Persist: any,
  PersistTimeout: { accepts: range(0, 604800) },
  Schedule: { accepts: { values: ['rr', 'wrr', 'lc', 'wlc', 'fixed', 'adaptive', 'sh'] } },
  Idletime: { accepts: range(0, 86400) },
  ServerInit: { accepts: range(0, 5) },
  StartTLSMode: { accepts: range(0, 1) },
  ErrorCode: any,
  ErrorUrl: any,
  CheckType: {
    accepts: {
      values: [
        'tcp',
        'icmp',
        'https',
        'http',
        'smtp',
        'nntp',
        'ftp',
        'telnet',
        'pop3',
        'imap',
        'rdp',
        'ldap',
        'none',
      ],
    },
  },
  CheckPort: any,
  CheckUrl: any,
  CheckUse1_1: { accepts: range(0, 1) },
  CheckUseGet: any,
  ESPEnabled: any,
  ESPLogs: { accepts: range(0, 7) },
  InputAuthMode: { accepts: range(0, 8) },
  OutputAuthMode: { accepts: range(0, 4) },
  AllowedHosts: any,
  AllowedDirectories: any,
  ExcludedDirectories: any,
  Logoff: any,
  Domain: any,
  SingleSignOnMessage: any,
  UserPwdChangeUrl: any,
  SMTPAllowedDomains: any,
};

/** Parameters of New-AdcContentRule / Set-AdcContentRule, New-AdcRealServer / Set-AdcRealServer. */
const OTHER_CMDLET_PARAMS: Readonly<Record<'rule' | 'rs', readonly string[]>> = {
  rule: ['MatchType', 'Pattern', 'NoCase'],
  rs: ['Weight'],
};

/** A cmdlet argument: the cmdlet's parameter name and the plan's text; `cast` when the module types it. */
interface Arg {
  readonly key: string;
  readonly value: string;
  readonly cast: boolean;
}

function catalogued(p: ApiParam, scope: ParamScope): { cmdlet: string; numeric: boolean } {
  const spec = findParam(p.name, scope);
  if (!spec) throw new Error(`${p.name} is not a ${scope} parameter in the LoadMaster parameter catalogue`);
  // The module binds [bool] parameters only from booleans or numbers, so 0/1 are cast to [int].
  return {
    cmdlet: spec.cmdletName ?? spec.name,
    numeric: spec.type.kind === 'bool' || spec.type.kind === 'int',
  };
}

function accepts(a: Accepts, value: string): boolean {
  if (a === null) return true;
  if ('values' in a) return a.values.includes(value);
  const n = Number(value);
  return /^-?\d+$/.test(value) && n >= a.min && n <= a.max;
}

/** Splits a VS or SubVS step's parameters into cmdlet arguments and raw API parameters. */
function vsArgs(params: readonly ApiParam[], subvs: boolean): { args: Arg[]; raw: ApiParam[] } {
  const args: Arg[] = [];
  const raw: ApiParam[] = [];
  for (const p of params) {
    const { cmdlet, numeric } = catalogued(p, 'vs');
    const known = VS_CMDLET_PARAMS[cmdlet];
    if (known && !(subvs && known.parentOnly) && accepts(known.accepts, p.value))
      args.push({ key: cmdlet, value: p.value, cast: numeric });
    else raw.push(p);
  }
  return { args, raw };
}

function otherArgs(params: readonly ApiParam[], scope: 'rule' | 'rs'): Arg[] {
  return params.map((p) => {
    const { cmdlet, numeric } = catalogued(p, scope);
    if (!OTHER_CMDLET_PARAMS[scope].includes(cmdlet))
      throw new Error(`Kemp's PowerShell module has no ${scope} cmdlet parameter for ${p.name}`);
    return { key: cmdlet, value: p.value, cast: numeric };
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
