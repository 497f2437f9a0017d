import type { Confidence } from '../model/common.js';

/** Which API objects a parameter belongs to. */
export type ParamScope = 'vs' | 'rule' | 'rs' | 'global';

/** The values a parameter takes. */
export type ParamType =
  | { readonly kind: 'bool' }
  | {
      readonly kind: 'int';
      readonly min: number;
      readonly max: number;
      /** What each number means, where the API documents it. */
      readonly labels?: Readonly<Record<number, string>>;
    }
  | { readonly kind: 'enum'; readonly values: readonly string[] }
  | { readonly kind: 'string' }
  /** Several items separated by spaces or newlines. */
  | { readonly kind: 'list' };

/** One LoadMaster API parameter the compiler may emit. */
export interface ParamSpec {
  /** Canonical spelling: the only place in the project a parameter name is spelled. */
  readonly name: string;
  readonly scope: ParamScope;
  readonly type: ParamType;
  readonly meaning: string;
  /** Where the fact comes from. */
  readonly source: string;
  readonly confidence: Confidence;
  /** How Kemp's PowerShell module takes it; absent where no cmdlet has the parameter. */
  readonly cmdlet?: CmdletParam;
}

/** What a cmdlet parameter of Kemp's module lets through (its ValidateRange or ValidateSet). */
export type CmdletAccepts =
  | { readonly min: number; readonly max: number }
  | { readonly values: readonly string[] };

/** A parameter of Kemp's Kemp.LoadBalancer.Powershell cmdlets (7.2.60). */
export interface CmdletParam {
  /** The cmdlet's parameter name (`CheckUse1_1` for `CheckUse1.1`). */
  readonly name: string;
  /** Absent: the cmdlet takes whatever the API takes. */
  readonly accepts?: CmdletAccepts;
  /** Set-AdcSubVirtualService has no such parameter: a SubVS takes it from its parent. */
  readonly parentOnly?: boolean;
}
