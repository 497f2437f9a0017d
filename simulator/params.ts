import { SimError } from './reply.js';

/**
 * The query parameters of one call. Names match case-insensitively (docs/loadmaster-api.md §1:
 * Kemp's module sends `NoCase` where the docs write `nocase`); when a name repeats, the last wins.
 */
export class RequestParams {
  private readonly entries: ReadonlyArray<readonly [string, string]>;

  /** Takes the query minus credentials (`apikey` is authentication, not a parameter). */
  constructor(search: URLSearchParams) {
    this.entries = [...search.entries()].filter(([name]) => name.toLowerCase() !== 'apikey');
  }

  /** Parameters as sent, for the call log. */
  toRecord(): Record<string, string> {
    return Object.fromEntries(this.entries);
  }

  has(name: string): boolean {
    return this.get(name) !== undefined;
  }

  get(name: string): string | undefined {
    const lower = name.toLowerCase();
    let value: string | undefined;
    for (const [key, v] of this.entries) if (key.toLowerCase() === lower) value = v;
    return value;
  }

  /** The value of a required parameter; the appliance answers 400 when one is missing. */
  require(name: string): string {
    const value = this.get(name);
    if (value === undefined) throw new SimError(400, `Missing parameter: ${name}`);
    return value;
  }

  /** The parameters named in `table`, keyed by the table's spelling. */
  pick(table: readonly string[]): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [key, value] of this.entries) {
      const lower = key.toLowerCase();
      const canonical = table.find((known) => known.toLowerCase() === lower);
      if (canonical !== undefined) out[canonical] = value;
    }
    return out;
  }

  /** Parameters whose names are not in `known` (compared case-insensitively). */
  unknown(known: readonly string[]): Array<readonly [string, string]> {
    const lowered = new Set(known.map((name) => name.toLowerCase()));
    return this.entries.filter(([key]) => !lowered.has(key.toLowerCase()));
  }
}

/** Reads a boolean the way the appliance does: `1`/`0`, `Y`/`N` (and yes/no, true/false). */
export function isTrue(value: string | undefined): boolean {
  return value !== undefined && ['1', 'y', 'yes', 'true', 'on'].includes(value.toLowerCase());
}
