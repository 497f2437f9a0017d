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
  /** How the appliance reports it back, where its type alone does not say (see {@link readBack}). */
  readonly reply?: ReplyForm;
  /**
   * Sent in a call of its own after a service's other settings: 1 with EspEnabled, 2 after that
   * (the SSO domain and what depends on it), as Kemp's engineer enables ESP step by step.
   */
  readonly stage?: 1 | 2;
}

/** How a value read back from the appliance compares with the value sent. */
export type Compare =
  /** Y/N, yes/no, 1/0, true/false, on/off alike. */
  | 'bool'
  /** As numbers: leading zeros and spaces aside. */
  | 'int'
  /** Letter case aside. */
  | 'ci'
  /** The same items, separated by spaces, commas or newlines, in any order. */
  | 'set'
  /** Every item sent is among the items found (others, added by hand, may stay). */
  | 'includes'
  /** Exactly. */
  | 'text';

/** What a reply holds for a parameter: `showvs`, `showrule`, `showrs` or `get`. */
export interface ReplyForm {
  /** The element holding it, where not the parameter's own name (names match whatever their case). */
  readonly element?: string;
  /** The value an absent element stands for: the appliance leaves unset and default values out. */
  readonly absent?: string;
  /** How values compare, where the type does not say. */
  readonly compare?: Compare;
  /**
   * No captured reply or official document shows the element: where a reply does not show it, the
   * value is reported as not verifiable, never taken as different (and so never written twice).
   */
  readonly unconfirmed?: true;
  /** Evidence. */
  readonly source: string;
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
