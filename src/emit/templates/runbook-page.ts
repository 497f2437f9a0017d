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
{{{row table.head}}}
{{{sep table.head}}}
{{#each table.rows}}
{{{row this}}}
{{/each}}

{{/if}}
{{#if code}}
\`\`\`{{code.lang}}
{{{code.text}}}
\`\`\`

{{/if}}
{{/each}}
{{#if departures.length}}
Departures from the guide's text:

{{#each departures}}
- **{{id}}** ({{where}}): the guide says {{{documented}}}; here {{{corrected}}}. {{{reason}}}
{{/each}}

{{/if}}
{{/each}}
{{/each}}
`;
