import { isTrue } from '../params.js';
import { DONE, SimError } from '../reply.js';
import type { CommandSpec } from './context.js';

/**
 * `listcert`: `<Data><cert><name/><type/><modulus/></cert>...` in lower case (Keyfactor's
 * kemp-orchestrator reads it so, as does the Python SDK's get_certificates).
 */
export const listcert: CommandSpec = {
  known: [],
  run: ({ store }) => ({
    data: { cert: store.data.certificates.map((name) => ({ name, type: 'RSA', modulus: 'C0FFEE' })) },
  }),
};

/**
 * `showdomain`: each SSO domain a `<Domain>` with its `<Id>` and `<Name>` in capitals, among other
 * fields (Kemp's "Display a Client Side SSO Configuration" example; Kemp's module's Get-SSODomain).
 */
export const showdomain: CommandSpec = {
  known: ['domain'],
  run: ({ store }) => ({
    data: {
      Domain: store.data.ssoDomains.map((name, i) => ({
        Id: i + 1,
        Name: name.toUpperCase(),
        ldap_version: 3,
        server_side: 0,
        auth_type: 'LDAP-StartTLS',
      })),
    },
  }),
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
