import { CMDLET_ARG } from '../../loadmaster/cmdlet-names.js';
import { CALL_ARG } from '../../loadmaster/parameters.js';

/** deploy.ps1's library: the step for a global setting (get, then Set-LmParameter). No site value. */

export const PS_STEP_GLOBAL = String.raw`# Invoke-LmGlobal: get, then Set-LmParameter when it differs (guide section 2).
function Invoke-LmGlobal {
  param([string] $Title, [string] $Param, [string] $Value)
  Enter-LmStep $Title
  $want = [ordered]@{ $Param = $Value }
  $data = Get-LmData (Read-Lm "global-$Param" 'get' @{ ${CALL_ARG.param} = $Param })
  if ($script:Mode -ne 'apply') {
    $found = Get-LmText $data $Param
    $script:GlobalsFound.Add(('{0} {1}' -f $Param, $(if ($null -eq $found) { '(not reported)' } else { "'$found'" })))
  }
  $diff = Compare-LmParams 'global' $data $want
  if ($diff.Send.Count -eq 0) {
    Write-LmReport same $Title
    return
  }
  if ($script:Mode -eq 'apply' -and (Invoke-LmWrite $Title ('Set-LmParameter -${CMDLET_ARG.Param} {0} -${CMDLET_ARG.Value} {1}' -f $Param, $Value) { Set-LmParameter -${CMDLET_ARG.Param} $Param -${CMDLET_ARG.Value} $Value })) {
    Clear-LmCache "global-$Param"
    $after = Compare-LmParams 'global' (Get-LmData (Read-Lm "global-$Param" 'get' @{ ${CALL_ARG.param} = $Param })) $want
    if ($after.Send.Count -gt 0) { Stop-LmStep (@("the LoadMaster did not keep $($Param):") + $after.Miss) }
  }
  Write-LmReport change $Title $diff.Show
}
`;
