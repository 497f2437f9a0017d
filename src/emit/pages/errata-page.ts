/** One erratum as the errata page shows it: every cell already Markdown. */
export interface ErratumRowView {
  readonly id: string;
  readonly kind: string;
  readonly where: string;
  readonly documented: string;
  readonly corrected: string;
  readonly confidence: string;
  readonly reason: string;
}

/** The view of {@link ERRATA_PAGE}. */
export interface ErrataPageView {
  readonly banner: string;
  readonly errata: readonly ErratumRowView[];
}

/** Handlebars source of docs/errata.md (emit/errata-page.ts builds the view). */
export const ERRATA_PAGE = `{{banner}}

# Errata of the MS Exchange 2016 Deployment Guide

Every place where build-templates departs from the guide, and why. Confidence follows
docs/loadmaster-api.md: official (Kemp's documents), code (clients used against appliances), inferred
(a deduction). Kinds: value, name (a parameter the appliance would ignore), enum, casing, encoding,
omission, step.

| Id | Kind | Where | Guide | Corrected | Confidence | Why |
| --- | --- | --- | --- | --- | --- | --- |
{{#each errata}}
| {{id}} | {{kind}} | {{{where}}} | {{{documented}}} | {{{corrected}}} | {{confidence}} | {{{reason}}} |
{{/each}}
`;
