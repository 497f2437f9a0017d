/** One bundle as dist-templates/README.md lists it. */
export interface BundleEntryView {
  readonly name: string;
  readonly description: string | null;
  readonly templates: readonly { readonly name: string; readonly id: string; readonly section: string }[];
}

/** The view of {@link BUNDLE_README}. */
export interface BundleReadmeView {
  readonly banner: string;
  readonly notChecked: string;
  readonly bundles: readonly BundleEntryView[];
}

/** Handlebars source of dist-templates/README.md (emit/bundle-readme.ts builds the view). */
export const BUNDLE_README = `{{{banner}}}
# Exchange 2016 template bundles

The three template files of section 3 of Kemp's *MS Exchange 2016 Deployment Guide*, compiled
from the corrected model (see \`docs/errata.md\`). \`SHA256SUMS\` holds their checksums
(\`sha256sum -c SHA256SUMS\`).

**Not checked against an appliance.** {{{notChecked}}}

{{#each bundles}}
## {{{name}}}.tmpl

{{#if description}}
{{{description}}}

{{/if}}
{{#each templates}}
- {{{name}}} (\`{{{id}}}\`, section {{{section}}})
{{/each}}

{{/each}}
## Importing a bundle

- Web UI: **Virtual Services > Manage Templates**, then **Choose File** and **Add New Template**.
- API: \`curl -X POST --data-binary @Exchange2016Core.tmpl https://LM/access/uploadtemplate\`
  (with your credentials or API key).
- PowerShell (Kemp.LoadBalancer.Powershell): \`Install-Template -Path .\\Exchange2016Core.tmpl\`.

The LoadMaster needs a firmware that supports every parameter the templates use (for example
\`TLSType\`, \`CheckUse1.1\`, \`ESPLogs\` and \`SMTPAllowedDomains\`); older firmware ignores parameters it
does not know. Values marked \`site\` in a file are the guide's examples (allowed hosts, SSO
domain, certificate, ...): change them for your site after applying the template.

Run \`build-templates inspect FILE.tmpl\` to list what a bundle holds.
`;
