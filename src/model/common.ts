/** How sure the project is of a fact (docs/loadmaster-api.md's scale). */
export type Confidence = 'official' | 'code' | 'inferred' | 'unknown';

/** A parameter value as the model holds it: decoded, typed; encoding happens at emit time. */
export type ParamValue = string | number | boolean;

/**
 * A value that belongs to one site rather than to the guide. The model carries the guide's example
 * as the default; a deployment file replaces it.
 */
export type SiteKey =
  | 'certificate'
  | 'allowedHosts'
  | 'owaExcludedDirectories'
  | 'smtpDomains'
  | 'ssoDomain'
  | 'logoff'
  | 'userPasswordForm';

/** Where in the guide a fact comes from: a section number such as "5.2" or "4.2.2". */
export type Section = string;
