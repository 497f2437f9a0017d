import type { PsValue } from './ps-value.js';

// The views the two deployment scripts' site parts are rendered from (emit/render.ts): bash.ts and
// powershell.ts make them from a Plan.

/** One argument of a step function: a Plan value (quoted) or an index learnt by an earlier step. */
export type Arg = { readonly text: string } | { readonly ref: string };

/** One call in lm_steps: a step function, its arguments, then its parameter lines and what it learns. */
export interface StepView {
  readonly fn: string;
  readonly args: readonly Arg[];
  /** One line each: `name=value` words, `--` between a service's stages, or a group of words. */
  readonly params: readonly string[];
  readonly learn: readonly { readonly name: string; readonly from: 'INDEX' | 'SLOT' }[];
}

export interface BashScriptView {
  /** The deployment file, named in the header. */
  readonly source: string;
  readonly summary: readonly string[];
  readonly steps: readonly StepView[];
  /** How many steps the plan has, for apply's progress at a terminal. */
  readonly stepCount: number;
  readonly removal: readonly { readonly fn: string; readonly args: readonly string[] }[];
}

/** One function call of the script's steps: the function and its named arguments. */
export interface CallView {
  readonly n: number;
  readonly title: string;
  readonly fn: string;
  readonly args: readonly { readonly name: string; readonly value: PsValue }[];
}

export interface PsScriptView {
  readonly source: string;
  readonly summary: readonly string[];
  readonly steps: readonly CallView[];
  /** How many steps the plan has, for apply's progress at a terminal. */
  readonly stepCount: number;
  readonly removal: readonly CallView[];
}
