import type { Section } from './common.js';

/**
 * Where a runbook puts a site's value beside a step: the address, the template, the certificate, the
 * first and the other real servers, the Virtual Service to modify, the SMTP permitted domains.
 */
export type StepFill =
  | 'address'
  | 'template'
  | 'vs'
  | 'subvs'
  | 'certificate'
  | 'server'
  | 'more-servers'
  | 'smtp-domains';

/** One numbered or lettered step of sections 2 and 4, as corrected. */
export interface GuideStep {
  /** The label as the guide prints it: "4", "b)", or "-" for an unnumbered bullet. */
  readonly label: string;
  /** The step's text with the guide's bold markers, errata applied. */
  readonly text: string;
  /** The step errata (errata-steps.ts) whose correction this text carries. */
  readonly errata?: readonly string[];
  /** The site value a runbook shows beside the step. */
  readonly fill?: StepFill;
}

/** What a run of steps does; a runbook gives each part its own heading. */
export type StepPartKind = 'global' | 'create' | 'certificate' | 'real-servers' | 'esp' | 'smtp-domains';

/** A run of steps of one (sub)section of the guide. */
export interface StepPart {
  readonly kind: StepPartKind;
  /** The guide's (sub)section that prints these steps: "4.1.1". */
  readonly section: Section;
  readonly steps: readonly GuideStep[];
  /** The guide's remark after the steps ("The Reencrypt check box is selected ..."). */
  readonly note?: string;
  readonly noteErrata?: readonly string[];
}

/** The steps of one section of 2 or 4, in the guide's order. */
export interface GuideSection {
  readonly section: Section;
  readonly title: string;
  readonly parts: readonly StepPart[];
}
