/** One paragraph, table or code block after a part's steps (the others null: the page is strict). */
export interface Block {
  readonly p: string | null;
  readonly table: { readonly head: readonly string[]; readonly rows: readonly (readonly string[])[] } | null;
  readonly code: { readonly lang: string; readonly text: string } | null;
}
/** A place where the runbook's text is not the guide's, with the erratum that says why. */
export interface Departure {
  readonly id: string;
  readonly where: string;
  readonly documented: string;
  readonly corrected: string;
  readonly reason: string;
}
/** A run of steps under one heading. */
export interface PartView {
  heading: string | null;
  steps: { n: number; text: string }[];
  blocks: Block[];
  departures: Departure[];
}
/** One `##` section of the runbook. */
export interface SectionView {
  heading: string;
  intro: string[];
  parts: PartView[];
}
/** The view of {@link RUNBOOK_PAGE}: every text already Markdown. */
export interface RunbookPageView {
  readonly banner: string;
  readonly title: string;
  readonly intro: readonly string[];
  readonly sections: readonly SectionView[];
}

/**
 * Handlebars source of a runbook (emit/runbook.ts builds the view). Every part is a heading, an
 * ordered list of steps, then blocks (paragraphs, tables, code) and the departures from the guide.
 */
export const RUNBOOK_PAGE = `{{{banner}}}

# {{{title}}}

{{#each intro}}
{{{this}}}

{{/each}}
{{#each sections}}
## {{{heading}}}

{{#each intro}}
{{{this}}}

{{/each}}
{{#each parts}}
{{#if heading}}
### {{{heading}}}

{{/if}}
{{#each steps}}
{{n}}. {{{text}}}
{{/each}}
{{#if steps.length}}

{{/if}}
{{#each blocks}}
{{#if p}}
{{{p}}}

{{/if}}
{{#if table}}
{{{mdTable table.head table.rows}}}

{{/if}}
{{#if code}}
\`\`\`{{code.lang}}
{{{code.text}}}
\`\`\`

{{/if}}
{{/each}}
{{#if departures.length}}
Departures from the guide:

{{#each departures}}
- **{{id}}** ({{where}}): the guide says {{{documented}}}; here {{{corrected}}}. {{{reason}}}
{{/each}}

{{/if}}
{{/each}}
{{/each}}
`;
