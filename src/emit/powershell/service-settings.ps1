# Assert-LmKept: reads Virtual Service Index back; stops if a value sent was not kept (one the reply
# does not show, where no evidence says it would, is not verifiable: $script:Unseen).
function Assert-LmKept {
  param([string] $What, [string] $Index, $Params)
  # A read-back: a value the reply does not show is not verifiable, never sent again.
  $sending = $script:SendingNew
  $script:SendingNew = $false
  $after = Compare-LmParams 'vs' (Read-LmVs $Index) $Params
  $script:SendingNew = $sending
  if ($after.Miss.Count -gt 0) { Stop-LmStep (@("the LoadMaster did not keep what was sent to $($What):") + $after.Miss) }
}

# Join-LmStages: a service's stages as one set of parameters.
function Join-LmStages {
  param([object[]] $Stages)
  $all = [ordered]@{}
  foreach ($s in $Stages) { foreach ($k in $s.Keys) { $all[$k] = $s[$k] } }
  $all
}

# Send-LmStages: sends the stages from From on to Virtual Service Index, each one's parameters that
# differ, in a modvs of its own, and reads each back: ESP is enabled in steps, as Kemp's engineer
# does it (basic settings; ESPEnabled with its modes, hosts and directories; then the SSO domain
# and logoff), the service held disabled in between (Suspend-LmService). Each modvs is read back
# with a showvs of its own. Returns $false when a change was declined (-Confirm), and then reads
# nothing back. A Virtual Service renamed makes listvs stale (a SubVS is found through its parent's
# slots, never by listvs's name).
function Send-LmStages {
  param([string] $What, [string] $Index, [object[]] $Stages, [int] $From, [bool] $SubVs)
  $script:SendingNew = $script:New.ContainsKey($Index)
  for ($i = $From; $i -lt $Stages.Count; $i++) {
    $diff = Compare-LmParams 'vs' (Read-LmVs $Index) $Stages[$i]
    if ($diff.Send.Count -eq 0) { continue }
    # A stage that is sent carries the values a reply never shows as well: a run stopped after
    # this stage's first call made the service, or before it ended, leaves them unknown.
    if (-not $script:SendingNew) {
      $script:SendingNew = $true
      $diff = Compare-LmParams 'vs' (Read-LmVs $Index) $Stages[$i]
      $script:SendingNew = $false
    }
    if (-not $SubVs -and (Test-LmRenames $diff.Send)) { Clear-LmCache 'listvs' }
    # Held off while ESP waits for its SSO domain: a service already serving would ask for logons it
    # cannot check, and one this run makes, left half set by a stop, is what tells the next run to
    # finish it (it shows disabled, where the SSO fields do not show at all).
    $held = $i -eq 1 -and $Stages.Count -gt 2
    $reply = if ($held -and -not (Suspend-LmService $What $Index $diff.Send)) { $null } else { Set-LmVs $What $Index $diff.Send }
    if ($null -eq $reply) {
      $script:SendingNew = $false
      return $false
    }
    # Read back afresh, not from the write's reply: a value the LoadMaster rewrites afterwards shows.
    Clear-LmCache "vs-$Index"
    Assert-LmKept $What $Index $Stages[$i]
  }
  Assert-LmKept $What $Index (Join-LmStages $Stages)
  $script:SendingNew = $false
  $true
}

# Update-LmSettings: the settings of an existing VS or SubVS: same, or changed parameter by parameter.
function Update-LmSettings {
  param([string] $What, [string] $Index, [object[]] $Stages, [bool] $SubVs)
  $diff = Compare-LmParams 'vs' (Read-LmVs $Index) (Join-LmStages $Stages)
  if ($diff.Send.Count -eq 0) {
    Write-LmReport same $What
    return
  }
  if ($script:Mode -eq 'apply' -and -not (Send-LmStages $What $Index $Stages 0 $SubVs)) {
    Write-LmReport skipped $What
    return
  }
  Write-LmReport change $What $diff.Show
}
