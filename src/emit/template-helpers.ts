import { bashQuote, lineComment, psQuote } from './escape.js';
import { type PsValue, psValue } from './ps-value.js';
import type { Arg } from './script-views.js';

/**
 * The helpers each language's templates call, passed with every render (render.ts). The templates
 * are compiled knowing these names and no others (pages/index.ts), so a template that calls another
 * fails the build, and a field of the view is read without first asking whether it is a helper.
 */

/** A Markdown table row of cells already escaped. */
const mdRow = (cells: readonly string[]): string => `| ${cells.join(' | ')} |`;

/**
 * The Markdown pages' helper: a table of cells already escaped, its head, the separator and each
 * row a line (the line break after the last is the template's).
 */
export const MARKDOWN_HELPERS = {
  mdTable: (head: readonly string[], rows: readonly (readonly string[])[]): string =>
    [mdRow(head), mdRow(head.map(() => '---')), ...rows.map(mdRow)].join('\n'),
};

/** A shell variable holding a ref's index; refs are checked, so the name needs no quoting. */
export function refVar(ref: string): string {
  if (!/^[A-Za-z0-9_]+$/.test(ref)) throw new Error(`plan ref is not a plain identifier: ${ref}`);
  return `R_${ref}`;
}

/** deploy.sh's helpers: bash's quoting and comments, and a step's argument (a value or a learnt index). */
export const BASH_HELPERS = {
  bashQuote: (s: unknown) => bashQuote(String(s)),
  bashComment: (s: unknown) => lineComment(String(s)),
  bashArg: (a: Arg) => ('ref' in a ? `"$${refVar(a.ref)}"` : bashQuote(a.text)),
};

/** deploy.ps1's helpers: PowerShell's quoting of strings and values, and comments. */
export const PS_HELPERS = {
  psQuote: (s: unknown) => psQuote(String(s)),
  psValue: (v: PsValue) => psValue(v),
  psComment: (s: unknown) => lineComment(String(s)),
};
