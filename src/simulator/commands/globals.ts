import { DONE, SimError } from '../reply.js';
import type { SimStore } from '../store.js';
import type { CommandSpec } from './context.js';

/** The global's stored name; unknown globals fail (the name is a value here, not a parameter). */
function globalName(store: SimStore, param: string): string {
  const name = Object.keys(store.data.globals).find((g) => g.toLowerCase() === param.toLowerCase());
  if (name === undefined) throw new SimError(422, `Unknown parameter: ${param}`);
  return name;
}

/** `get?param=<name>`: answers `<Data><name>value</name></Data>`. */
export const get: CommandSpec = {
  known: ['param'],
  run: ({ store, params }) => {
    const name = globalName(store, params.require('param'));
    return { data: { [name]: store.data.globals[name] ?? '' } };
  },
};

/** `set?param=<name>&value=<v>`. */
export const set: CommandSpec = {
  known: ['param', 'value'],
  run: ({ store, params }) => {
    const name = globalName(store, params.require('param'));
    store.data.globals[name] = params.require('value');
    return DONE;
  },
};
