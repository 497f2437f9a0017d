# Invoke-LmGlobal: get, then set when it differs (guide section 2).
function Invoke-LmGlobal {
  param([string] $Title, [string] $Param, [string] $Value)
  Enter-LmStep $Title
  $want = [ordered]@{ $Param = $Value }
  $data = Get-LmData (Read-Lm "global-$Param" 'get' (Get-LmGlobalQuery $Param))
  if ($script:Mode -ne 'apply') {
    $found = Get-LmText $data $Param
    $script:GlobalsFound.Add(('{0} {1}' -f $Param, $(if ($null -eq $found) { '(not reported)' } else { "'$found'" })))
  }
  $diff = Compare-LmParams 'global' $data $want
  if ($diff.Send.Count -eq 0) {
    Write-LmReport same $Title
    return
  }
  if ($script:Mode -eq 'apply') {
    if ($null -eq (Set-LmGlobal $Title $Param $Value)) {
      Write-LmReport skipped $Title
      return
    }
    Clear-LmCache "global-$Param"
    $after = Compare-LmParams 'global' (Get-LmData (Read-Lm "global-$Param" 'get' (Get-LmGlobalQuery $Param))) $want
    if ($after.Send.Count -gt 0) { Stop-LmStep (@("the LoadMaster did not keep $($Param):") + $after.Miss) }
  }
  Write-LmReport change $Title $diff.Show
}
