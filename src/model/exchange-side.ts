import type { Citation } from './source.js';

/**
 * What the Exchange servers need, or must be checked for, for a template to work, beyond the
 * LoadMaster: certificates, services, authentication, connectors. Every item cites the public
 * documents it rests on (catalog.sources).
 */
export interface ExchangePrerequisite {
  readonly id: string;
  /** The templates that need it (their ids). */
  readonly templates: readonly string[];
  /** A heading: what is set or checked. */
  readonly title: string;
  /** Why, and what goes wrong without it, as an administrator would see it. */
  readonly symptom: string;
  /** The steps, in order, in the runbook's words. */
  readonly steps: readonly string[];
  /** Commands that show the current setting: their output is noted before any change, for the roll-back. */
  readonly record?: string;
  /** The Exchange Management Shell (or cmd) commands the steps describe. */
  readonly commands?: string;
  /** How the roll-back undoes the change, from what was noted. Absent: the item changes nothing. */
  readonly undo?: string;
  readonly cite: readonly Citation[];
}
