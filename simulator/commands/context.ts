import type { RequestParams } from '../params.js';
import type { Reply } from '../reply.js';
import type { SimStore } from '../store.js';
import type { TemplateParser } from '../types.js';

/** What a command handler gets: the appliance, the call's parameters and body, and a way to record. */
export interface CommandContext {
  readonly store: SimStore;
  readonly params: RequestParams;
  /** Raw request body (POST uploads), empty for GET. */
  readonly body: string;
  readonly parseTemplates: TemplateParser;
  /** Records a parameter the appliance would ignore that did not come from the query (templates). */
  ignore(name: string, value: string, source: string): void;
}

/** One `/access/<command>`: the parameter names it understands and its handler. */
export interface CommandSpec {
  /** Names the command reads; any other query parameter is ignored and recorded. */
  readonly known: readonly string[];
  /** Answers the call; throws {@link SimError} to fail it. */
  run(ctx: CommandContext): Reply;
}

/** The addressing parameters of a VS (docs/loadmaster-api.md §2). */
export const VS_ADDRESS = ['vs', 'port', 'prot'] as const;
