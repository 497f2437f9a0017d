import type { CmdletAccepts, ParamType } from './parameter.js';

/** Sources the catalogue cites. */
export const API = 'LOADMASTER-API.md';
export const REST = "Kemp's RESTful API Interface Description (June 2022)";
export const MODULE = "Kemp's Kemp.LoadBalancer.Powershell module (powershell-sdk-vnext)";

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
