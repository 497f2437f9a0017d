import type { ParamSpec } from './parameter.js';
import { ESP_PARAMETERS } from './parameters-esp.js';
import { OTHER_PARAMETERS } from './parameters-other.js';
import { VS_PARAMETERS } from './parameters-vs.js';

/**
 * Every LoadMaster API parameter the compiler may emit. The appliance silently ignores a name it
 * does not know, so nothing leaves the compiler under a name that is not here.
 */
export const PARAMETERS: readonly NamedSpec[] = [...VS_PARAMETERS, ...ESP_PARAMETERS, ...OTHER_PARAMETERS];

/** A parameter's canonical API spelling: only the names the catalogue holds type-check. */
export type ParamName =
  | (typeof VS_PARAMETERS)[number]['name']
  | (typeof ESP_PARAMETERS)[number]['name']
  | (typeof OTHER_PARAMETERS)[number]['name'];

/** A parameter of the catalogue, its name typed. */
export type NamedSpec = ParamSpec & { readonly name: ParamName };

/**
 * Each parameter's spelling by name, for code that names one parameter (`P.CheckPort`): outside
 * src/loadmaster/ no parameter name is written as a string (test/layout.test.ts greps for it).
 */
export const P = Object.fromEntries(PARAMETERS.map((p) => [p.name, p.name])) as {
  readonly [K in ParamName]: K;
};

/**
 * The arguments of the API's calls that are not settings of an object: which object a call is
 * about (`vs`, `rs`, `rule`), a global's `param`/`value`, and `createsubvs` (docs/loadmaster-api.md).
 */
export const CALL_ARG = {
  vs: 'vs',
  rs: 'rs',
  rule: 'rule',
  param: 'param',
  value: 'value',
  createsubvs: 'createsubvs',
} as const;
