import { P } from '../../loadmaster/parameters.js';
import type { VirtualService } from '../../model/service.js';
import { CERTIFICATE, set } from './build-setting.js';

/**
 * Guide 5.5: Office Online Server, re-encrypted to the servers, kept on one server per client
 * network (super-src) because an editing session lives on one server.
 */
export const OFFICE_ONLINE: VirtualService = {
  id: 'office-online',
  place: { section: '5.5', group: 'Office Online Server', item: null },
  settings: [
    set(P.port, 443),
    set(P.prot, 'tcp'),
    set(P.VStype, 'http'),
    set(P.nickname, 'Exchange Office Online'),
    set(P.ForceL7, true),
    set(P.Transparent, false),
    set(P.SubnetOriginating, true),
    set(P.Persist, 'super-src'),
    set(P.PersistTimeout, 1800),
    set(P.Schedule, 'lc'),
    set(P.Idletime, 1800),
    set(P.SSLAcceleration, true),
    set(P.SSLReencrypt, true),
    set(P.TlsType, 3),
    set(P.CipherSet, 'BestPractices'),
    set(P.CheckType, 'https'),
    set(P.CheckPort, 443),
    set(P.CheckUrl, '/hosting/discovery'),
    set(P['CheckUse1.1'], true),
    set(P.CheckUseGet, 1),
    CERTIFICATE,
  ],
};
