import { GLOBAL_SWITCHES } from '../known-params.js';
import { isTrue } from '../params.js';
import { DONE, SimError } from '../reply.js';
import type { SimStore } from '../store.js';
import type { CommandSpec } from './context.js';

/**
 * The global's stored name; an unknown one fails as Kemp's module shows it ("Unknown parameter
 * value ..."): the name is a value here, not a parameter the appliance could ignore.
 */
function globalName(store: SimStore, param: string): string {
  const name = Object.keys(store.data.globals).find((g) => g.toLowerCase() === param.toLowerCase());
  if (name === undefined) throw new SimError(422, `Unknown parameter value ${param}`);
  return name;
}

/**
 * `get?param=<name>`: `<Data><name>value</name></Data>` (Kemp's module reads `Data.<name>`), or the
 * value as `<Success>`'s text (the getAsText variant); switches read yes or no (a Kemp engineer's
 * hardening script compares them with "yes").
 */
export const get: CommandSpec = {
  known: ['param'],
  run: ({ store, params }) => {
    const name = globalName(store, params.require('param'));
    const stored = store.data.globals[name] ?? '';
    const value = GLOBAL_SWITCHES.includes(name) ? (isTrue(stored) ? 'yes' : 'no') : stored;
    return store.variant.getAsText ? { text: value } : { data: { [name]: value } };
  },
};

/** `set?param=<name>&value=<v>`: "Command completed ok". */
export const set: CommandSpec = {
  known: ['param', 'value'],
  run: ({ store, params }) => {
    const name = globalName(store, params.require('param'));
    const kept = store.kept({ [name]: params.require('value') }, store.data.globals);
    Object.assign(store.data.globals, kept);
    return DONE;
  },
};
