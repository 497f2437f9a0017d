# Assert-LmKept: reads Virtual Service Index back; stops if a value sent was not kept.
function Assert-LmKept {
  param([string] $What, [string] $Index, $Params)
  $after = Compare-LmParams 'vs' (Read-LmVs $Index) $Params
  if ($after.Send.Count -gt 0) { Stop-LmStep (@("the LoadMaster did not keep what was sent to $($What):") + $after.Miss) }
}

# Send-LmStages: sends the stages from From on to Virtual Service Index, each one's parameters that
# differ, in a call of its own, and reads each back: ESP is enabled in steps, as Kemp's engineer
# does it (basic settings; ESPEnabled with its modes, hosts and directories; then the SSO domain
# and logoff). Values a cmdlet cannot take go to the API itself.
function Send-LmStages {
  param([string] $What, [string] $Index, [object[]] $Stages, [bool] $SubVs, [int] $From)
  for ($i = $From; $i -lt $Stages.Count; $i++) {
    $diff = Compare-LmParams 'vs' (Read-LmVs $Index) $Stages[$i]
    if ($diff.Send.Count -eq 0) { continue }
    if (Test-LmRenames $diff.Send) { Clear-LmCache 'listvs' }
    $split = Split-LmArgs 'vs' $diff.Send $SubVs
    $vsArgs = $split.Args
    if ($vsArgs.Count -gt 0) {
      if (-not (Set-LmVs $What $SubVs $Index $vsArgs)) { return }
    }
    if ($split.Raw.Count -gt 0) {
      $query = Get-LmVsQuery $Index
      foreach ($k in $split.Raw.Keys) { $query[$k] = $split.Raw[$k] }
      if (-not (Invoke-LmWrite $What (Format-LmCall 'modvs' $query) { Invoke-LmApi 'modvs' $query })) { return }
    }
    Clear-LmCache "vs-$Index"
    Assert-LmKept $What $Index $Stages[$i]
  }
  Assert-LmKept $What $Index (Join-LmStages $Stages)
}

# Update-LmSettings: the settings of an existing VS or SubVS: same, or changed parameter by parameter.
function Update-LmSettings {
  param([string] $What, [string] $Index, [object[]] $Stages, [bool] $SubVs)
  $diff = Compare-LmParams 'vs' (Read-LmVs $Index) (Join-LmStages $Stages)
  if ($diff.Send.Count -eq 0) {
    Write-LmReport same $What
    return
  }
  if ($script:Mode -eq 'apply') { Send-LmStages $What $Index $Stages $SubVs 0 }
  Write-LmReport change $What $diff.Show
}
