import { isTrue } from '../params.js';
import { DONE, SimError } from '../reply.js';
import type { CommandSpec } from './context.js';

/** `listcert`: the installed certificate names. */
export const listcert: CommandSpec = {
  known: [],
  run: ({ store }) => ({ data: { cert: store.data.certificates.map((name) => ({ name })) } }),
};

/** `addcert`: POST a certificate (only its name is kept): `cert=<name>[&replace=1][&password=]`. */
export const addcert: CommandSpec = {
  known: ['cert', 'replace', 'password'],
  run: ({ store, params, body }) => {
    const name = params.require('cert');
    if (body.trim() === '') throw new SimError(422, 'No certificate data');
    if (store.data.certificates.includes(name)) {
      if (!isTrue(params.get('replace'))) throw new SimError(422, `Certificate already exists: ${name}`);
      return DONE;
    }
    store.data.certificates.push(name);
    return DONE;
  },
};
