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
  /** The PowerShell cmdlet parameter where it is not the API name. */
  readonly cmdletName?: string;
}
