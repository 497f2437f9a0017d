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

/** A step's argument in deploy.sh: a value, quoted, or the variable of an index a step learnt. */
const bashArg = (a: Arg): string => ('ref' in a ? `"$${refVar(a.ref)}"` : bashQuote(a.text));

/**
 * deploy.sh's helpers: bash's quoting and comments, and the words of a call. A call's words are one
 * helper call each, not an `#each` of one call a word: a site's steps have thousands of words, and
 * each pass of an `#each` costs Handlebars a few objects.
 */
export const BASH_HELPERS = {
  bashQuote: (s: unknown) => bashQuote(String(s)),
  bashComment: (s: unknown) => lineComment(String(s)),
  /** A step's arguments, each after a space. */
  bashArgs: (args: readonly Arg[]) => args.map((a) => ` ${bashArg(a)}`).join(''),
  /** Words, each quoted, after a space. */
  bashWords: (words: readonly unknown[]) => words.map((w) => ` ${bashQuote(String(w))}`).join(''),
  /** Words, each quoted, on a line of its own: the lines a call continues on. */
  bashLines: (words: readonly unknown[]) => words.map((w) => ` \\\n    ${bashQuote(String(w))}`).join(''),
};

/** deploy.ps1's helpers: PowerShell's quoting of strings and values, comments, a call's arguments. */
export const PS_HELPERS = {
  psQuote: (s: unknown) => psQuote(String(s)),
  psValue: (v: PsValue) => psValue(v),
  psComment: (s: unknown) => lineComment(String(s)),
  /** A call's named arguments, each ` -Name value`. */
  psArgs: (args: readonly { readonly name: string; readonly value: PsValue }[]) =>
    args.map((a) => ` -${a.name} ${psValue(a.value)}`).join(''),
};
