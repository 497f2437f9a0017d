/** The LoadMaster `/access` API simulator: start one with {@link startSimulator}. */
export { WRITE_COMMANDS } from './faults.js';
export { RS_PARAMS, RULE_PARAMS, VS_DEFAULTS, VS_PARAMS } from './known-params.js';
export { startSimulator } from './server.js';
export type {
  CallOutcome,
  CallRecord,
  FaultKind,
  FaultSpec,
  IgnoredParam,
  NonAsciiForm,
  RateLimitOptions,
  ReplyVariant,
  SimRealServer,
  SimRule,
  SimState,
  SimStoredTemplate,
  SimTemplate,
  SimTemplateRule,
  SimTemplateService,
  SimTemplateSubVs,
  Simulator,
  SimulatorOptions,
  SimVirtualService,
  Tamper,
  TemplateParser,
} from './types.js';
