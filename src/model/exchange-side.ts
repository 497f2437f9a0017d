/**
 * What the Exchange servers need for a template to work, beyond the LoadMaster: a template that
 * terminates TLS on the LoadMaster sends the servers plain text, which Exchange refuses by default.
 */
export interface ExchangePrerequisite {
  readonly id: string;
  /** The templates that need it (their ids). */
  readonly templates: readonly string[];
  /** A heading: what is set. */
  readonly title: string;
  /** What goes wrong without it, as an administrator would see it. */
  readonly symptom: string;
  /** The steps, in order, in the runbook's words. */
  readonly steps: readonly string[];
  /** The Exchange Management Shell (or cmd) commands the steps describe. */
  readonly commands: string;
  /** Where the facts come from. */
  readonly source: string;
}
