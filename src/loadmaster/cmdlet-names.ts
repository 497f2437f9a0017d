import { PARAMETERS, type ParamName } from './parameters.js';

/**
 * The parameter name Kemp's PowerShell module gives an API parameter (`port` -> `VSPort`), as the
 * catalogue holds it: the scripts' templates spell no cmdlet parameter of their own.
 */
export function cmdletParam(name: ParamName): string {
  const cmdlet = PARAMETERS.find((p) => p.name === name)?.cmdlet?.name;
  if (!cmdlet) throw new Error(`the parameter catalogue gives ${name} no cmdlet parameter`);
  return cmdlet;
}

/**
 * The arguments of Kemp.LoadBalancer.Powershell's cmdlets (7.2.60) that deploy.ps1 passes and that
 * are no API parameter of the catalogue: which object a call is about, a global's name and value,
 * the connection, and the switch that skips a removal's confirmation.
 */
export const CMDLET_ARG = {
  /** New-AdcVirtualService: the new Virtual Service's address (addvs `vs`). */
  VirtualService: 'VirtualService',
  /** Set-AdcVirtualService, New-AdcSubVirtualService, *-AdcRealServer*: the VS's Index (`vs`). */
  VSIndex: 'VSIndex',
  /** Set-AdcSubVirtualService, Remove-AdcSubVirtualService: the SubVS's own Index. */
  SubVSIndex: 'SubVSIndex',
  /** Set-AdcRealServer, New-AdcRealServerRule: the real server's or SubVS slot's RsIndex (`rs=!N`). */
  RSIndex: 'RSIndex',
  /** Set-LmParameter: the global's name (`set`'s `param`). */
  Param: 'Param',
  /** Set-LmParameter: the global's value (`set`'s `value`). */
  Value: 'Value',
  /** Remove-AdcVirtualService, Remove-AdcSubVirtualService, Remove-AdcContentRule: no prompt. */
  Force: 'Force',
  /** Initialize-LmConnectionParameters: the LoadMaster's address. */
  Address: 'Address',
  /** Initialize-LmConnectionParameters: the API's port. */
  LBPort: 'LBPort',
  /** Initialize-LmConnectionParameters: the API user's credential. */
  Credential: 'Credential',
} as const;
