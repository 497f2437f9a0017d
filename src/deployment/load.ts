import { parseDocument } from 'yaml';
import { InputError, readInputFile } from '../input/read-file.js';
import type { Catalog } from '../model/catalog.js';
import type { Deployment } from '../model/deployment.js';
import { checkCharacters } from './characters.js';
import { DeploymentError, type Diagnostic } from './diagnostic.js';
import type { DeploymentFile } from './file.js';
import { placeholders } from './placeholders.js';
import { checkRules } from './rules.js';
import { checkSchema } from './schema-check.js';
import { parseSource } from './source.js';
import { pointerAt, YAML_OPTIONS } from './yaml-meaning.js';

/** A deployment file's defaults, from the guide (4.2.2: the logoff string). */
function normalise(file: DeploymentFile, catalog: Catalog): Deployment {
  const esp = file.esp;
  return {
    globals: file.globals ?? true,
    services: file.services,
    exchangeServers: file.exchangeServers,
    officeOnlineServers: file.officeOnlineServers ?? [],
    ...(file.contentRules ? { contentRules: file.contentRules } : {}),
    ...(esp
      ? {
          esp: {
            ssoDomain: esp.ssoDomain,
            allowedHosts: esp.allowedHosts,
            owaGuid: esp.owaGuid ?? '',
            smtpDomain: esp.smtpDomain ?? '',
            logoff: esp.logoff ?? catalog.esp.defaultLogoff,
            exchangeUrl: esp.exchangeUrl ?? '',
            smtpPermittedDomains: esp.smtpPermittedDomains ?? [],
          },
        }
      : {}),
  };
}

/** What a caller wants of the example values a site's file may still hold (placeholders.ts). */
export interface PlaceholderPolicy {
  /** Make them errors (a DeploymentError) rather than warnings. */
  readonly strict?: boolean;
  /** Where the warnings go, when they are not errors. */
  readonly warnings?: Diagnostic[];
}

/**
 * Reads, parses and validates a deployment file: syntax, then the schema, then the named rules. Every
 * problem of the first failing layer is reported at once (a DeploymentError); nothing is written.
 * Example values left in are warnings pushed to `policy.warnings`, or errors with `policy.strict`.
 */
export function parseDeployment(
  file: string,
  text: string,
  catalog: Catalog,
  policy: PlaceholderPolicy = {},
): Deployment {
  const source = parseSource(file, text);
  if (Array.isArray(source)) throw new DeploymentError(source);
  const characters = checkCharacters(source);
  if (characters.length > 0) throw new DeploymentError(characters);
  // A value YAML 1.1 reads otherwise is named once, by what is ambiguous about it.
  const ambiguous = new Set(source.ambiguities.map((a) => a.pointer));
  const schemaProblems = [
    ...source.ambiguities,
    ...checkSchema(source).filter((p) => !ambiguous.has(p.pointer)),
  ].sort((x, y) => x.line - y.line || x.col - y.col);
  if (schemaProblems.length > 0) throw new DeploymentError(schemaProblems);
  const data = source.data as DeploymentFile;
  const problems: Diagnostic[] = checkRules(data, catalog).map((p) => ({
    file,
    ...source.locate(p.pointer),
    pointer: p.pointer,
    message: p.message,
  }));
  if (problems.length > 0) throw new DeploymentError(problems);
  const examples = placeholders(data, source);
  if (policy.strict && examples.length > 0) throw new DeploymentError(examples);
  policy.warnings?.push(...examples);
  return normalise(data, catalog);
}

/**
 * The most a deployment file may hold. A real site is a few kilobytes; this leaves room for comments
 * and hundreds of servers while bounding the work a hostile file can cause.
 */
export const MAX_DEPLOYMENT_BYTES = 1024 * 1024;

/**
 * {@link parseDeployment} on a file, read by the input policy (a regular file, at most
 * {@link MAX_DEPLOYMENT_BYTES}, UTF-8): a file that cannot be read so is one diagnostic too.
 */
export async function loadDeployment(
  path: string,
  catalog: Catalog,
  policy: PlaceholderPolicy = {},
): Promise<Deployment> {
  let text: string;
  try {
    text = await readInputFile(path, {
      maxBytes: MAX_DEPLOYMENT_BYTES,
      what: 'deployment file',
      located: true,
    });
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    const message = err.message.startsWith(`${path}: `) ? err.message.slice(path.length + 2) : err.message;
    // A byte that is not text: at its place, in the value that holds it (the file read leniently).
    const at = err.at;
    const place = at
      ? { line: at.line, col: at.col, pointer: pointerAt(parseDocument(at.text, YAML_OPTIONS), at.index) }
      : { line: 1, col: 1, pointer: '' };
    throw new DeploymentError([{ file: path, ...place, message }]);
  }
  return parseDeployment(path, text, catalog, policy);
}
