import type { RowLocator } from '../../model/erratum.js';

/** Rows of a section, a group of it, or one nested item of a group. */
export const at = (section: string, group?: string, item?: string | null): RowLocator =>
  group === undefined ? { section } : item === undefined ? { section, group } : { section, group, item };

/** Rows of the named SubVSs of 5.1. */
export const subvs = (...items: string[]): RowLocator[] =>
  items.map((i) => at('5.1', 'Sub Virtual Service', i));

/** Rows of the named content rules of 5.1. */
export const rules = (...items: string[]): RowLocator[] => items.map((i) => at('5.1', 'Content Rules', i));
