import { addcert, listcert, showdomain } from './certs.js';
import type { CommandSpec } from './context.js';
import { get, set } from './globals.js';
import { addrs, delrs, modrs, showrs } from './rs.js';
import { addrsrule, addrule, delrsrule, delrule, modrule, showrule } from './rules.js';
import { deltemplate, listtemplates, uploadtemplate } from './templates.js';
import { addvs, delvs, listvs, modvs, showvs } from './vs.js';

/** Every command the simulator answers, by lower-case name; any other answers 405. */
export const COMMANDS: Readonly<Record<string, CommandSpec>> = {
  listvs,
  showvs,
  addvs,
  modvs,
  delvs,
  addrs,
  modrs,
  delrs,
  showrs,
  addrule,
  modrule,
  delrule,
  showrule,
  addrsrule,
  delrsrule,
  get,
  set,
  uploadtemplate,
  listtemplates,
  deltemplate,
  listcert,
  addcert,
  showdomain,
};
