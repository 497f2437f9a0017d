import type { CmdletAccepts, ParamType } from './parameter.js';

/** Sources the catalogue cites. */
export const API = 'docs/loadmaster-api.md';
export const REST = "Kemp's RESTful API Interface Description (June 2022)";
export const MODULE = "Kemp's Kemp.LoadBalancer.Powershell module (powershell-sdk-vnext)";
/** Replies captured from real appliances: python-kemptech-api's tests, mathlu/loadmaster-go-client's test_data. */
export const CAPTURED =
  'replies captured from appliances (python-kemptech-api tests, mathlu/loadmaster-go-client test_data)';
/** The reply examples of Kemp's RESTful API programmer guide (docs.progress.com). */
export const REST_EXAMPLES = "Kemp's RESTful API programmer guide, reply examples";

/** Shorthands for the value types of the catalogue. */
export const bool: ParamType = { kind: 'bool' };
export const text: ParamType = { kind: 'string' };
export const list: ParamType = { kind: 'list' };
export const int = (min: number, max: number, labels?: Readonly<Record<number, string>>): ParamType =>
  labels ? { kind: 'int', min, max, labels } : { kind: 'int', min, max };
export const oneOf = (...values: string[]): ParamType => ({ kind: 'enum', values });

/** What a cmdlet of Kemp's module (7.2.60) lets through: its ValidateRange / ValidateSet. */
export const between = (min: number, max: number): CmdletAccepts => ({ min, max });
export const values = (...v: string[]): CmdletAccepts => ({ values: v });
