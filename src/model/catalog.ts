import type { ParamName } from '../loadmaster/parameters.js';
import type { RowErratum, StepErratum } from './erratum.js';
import type { EspGuidance } from './esp.js';
import type { ExchangePrerequisite } from './exchange-side.js';
import type { GlobalSetting } from './global-setting.js';
import type { GuideSection } from './guide-step.js';
import type { HttpsService, VirtualService } from './service.js';
import type { Source } from './source.js';
import type { Bundle, Template } from './template.js';
import type { WuiField } from './wui.js';

/** The guide's example site: what a template carries where a site's value belongs. */
export interface SiteExample {
  /** 4.1.1's screenshots. */
  readonly virtualAddress: string;
  readonly realServers: readonly string[];
  readonly certificate: string;
  readonly allowedHosts: readonly string[];
  readonly smtpDomain: string;
  readonly ssoDomain: string;
}

/** The whole guide as typed data: everything the compiler's stages read. */
export interface Catalog {
  readonly title: string;
  readonly globals: readonly GlobalSetting[];
  readonly https: HttpsService;
  /** The Virtual Services of 5.2-5.5 in the guide's order. */
  readonly services: readonly VirtualService[];
  readonly templates: readonly Template[];
  readonly bundles: readonly Bundle[];
  readonly esp: EspGuidance;
  /** The steps of sections 2 and 4, corrected, in the guide's order. */
  readonly steps: readonly GuideSection[];
  readonly rowErrata: readonly RowErratum[];
  readonly stepErrata: readonly StepErratum[];
  readonly example: SiteExample;
  /** What the Exchange servers need for the templates that offload TLS (the guide leaves it out). */
  readonly exchangeSide: readonly ExchangePrerequisite[];
  /** The public documents the runbook's statements beyond the guide cite. */
  readonly sources: readonly Source[];
  /** Where each parameter is set in the LoadMaster's Web User Interface. */
  readonly wui: Readonly<Partial<Record<ParamName, WuiField>>>;
}
