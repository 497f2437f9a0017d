import type { Catalog } from './catalog.js';
import type { RealServer } from './deployment.js';
import type { ServiceErratum } from './erratum.js';
import type { Plan } from './plan.js';
import type { ResolvedTemplate } from './resolved.js';
import type { BundleName } from './template.js';

/** The ESP values of 4.2.2 a site sets (or the guide's examples, with placeholders). */
export interface EspValues {
  readonly hosts: readonly string[];
  readonly excluded: string;
  readonly logoff: string;
  readonly passwordForm: string;
  readonly ssoDomain: string;
}

/**
 * One service of a site, bound: its address, certificate, real servers (ports resolved) and the
 * template it uses with every value the site's. For the guide's own runbook: one guide section, with
 * its templates and the guide's example values.
 */
export interface SiteService {
  /** The runbook section's title. */
  readonly title: string;
  /** The guide section whose steps build it. */
  readonly section: string;
  readonly address: string;
  readonly certificate: string;
  readonly servers: readonly RealServer[];
  /** One for a site's service; a guide section's every template for the guide's own runbook. */
  readonly templates: readonly ResolvedTemplate[];
  /** The main Virtual Service's nickname. */
  readonly nickname: string;
  readonly smtpDomains: readonly string[];
  /** The section 5 errata that change what this service's templates send. */
  readonly errata: readonly ServiceErratum[];
}

/**
 * A site compiled once, for every emitter: the Plan both scripts render, the bound services with
 * their roles and nicknames, the ESP values, and what the runbook lists. `compileSite` makes one from
 * a deployment; `compileExampleSite` fills the same shape with the guide's own examples.
 */
export interface SiteCompilation {
  /** The guide: the steps, errata and bundles the runbook follows. */
  readonly catalog: Catalog;
  /** The guide's own runbook (docs/runbook.md): every template, the guide's example values. */
  readonly example: boolean;
  /** The deployment file, as the outputs name it (its base name). */
  readonly source: string;
  /** The site sets the global settings of section 2. */
  readonly globals: boolean;
  /** Every certificate the site assigns, sorted, once each. */
  readonly certificates: readonly string[];
  /** The SSO domain ESP uses, when the site configures ESP. */
  readonly ssoDomain: string | null;
  readonly esp: EspValues;
  readonly services: readonly SiteService[];
  /** The API operations both scripts render (empty for the guide's own runbook). */
  readonly plan: Plan;
  /** Every template of the catalogue, resolved: what the bundles hold. */
  readonly resolved: readonly ResolvedTemplate[];
  /** The bundles holding the templates the services use, in section 3's order. */
  readonly bundles: readonly BundleName[];
  /** The content rules the site names otherwise than the guide (contentRules), in the guide's order. */
  readonly renamedRules: readonly { readonly guide: string; readonly site: string }[];
}
