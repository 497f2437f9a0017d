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
    set('port', 443),
    set('prot', 'tcp'),
    set('VStype', 'http'),
    set('nickname', 'Exchange Office Online'),
    set('ForceL7', true),
    set('Transparent', false),
    set('SubnetOriginating', true),
    set('Persist', 'super-src'),
    set('PersistTimeout', 1800),
    set('Schedule', 'lc'),
    set('Idletime', 1800),
    set('SSLAcceleration', true),
    set('SSLReencrypt', true),
    set('TlsType', 3),
    set('CipherSet', 'BestPractices'),
    set('CheckType', 'https'),
    set('CheckPort', 443),
    set('CheckUrl', '/hosting/discovery'),
    set('CheckUse1.1', true),
    set('CheckUseGet', 1),
    CERTIFICATE,
  ],
};
