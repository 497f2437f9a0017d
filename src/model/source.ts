/** A public document a statement of the runbook rests on. */
export interface Source {
  readonly id: string;
  /** Who publishes it: Microsoft, Kemp, OpenSSL, curl. */
  readonly publisher: string;
  readonly title: string;
  readonly url: string;
}

/** Where in a source a statement is made: the source's id and the section (heading) that says it. */
export interface Citation {
  readonly source: string;
  readonly section: string;
}
