# Get-LmUnseenNote: what the summary line adds when a value was not verifiable; the line that says so
# is printed.
function Get-LmUnseenNote {
  if ($script:Unseen.Count -eq 0) { return '' }
  $names = $script:Unseen -join ', '
  Write-Host ("deploy.ps1: not verifiable: the appliance does not show {0} (no evidence says where a reply holds them; what the site sets there is sent once, when the service is made, never again)" -f $names)
  '; not verifiable: the appliance does not show ' + $names
}

switch ($script:Action) {
  'plan' {
    $script:Mode = 'plan'
    & $Steps
    if ($script:Problems.Count -gt 0) {
      [Console]::Error.WriteLine('deploy.ps1: apply would stop before any change:')
      foreach ($p in $script:Problems) { [Console]::Error.WriteLine('  ' + $p) }
    }
    if ($Json) {
      Write-LmJsonDocument 'apply' ([ordered]@{ create = $script:Counts.create; change = $script:Counts.change; unchanged = $script:Counts.same; foreign = $script:Counts.foreign; adopt = $script:Counts.adopt })
    } else {
      $note = Get-LmUnseenNote
      Write-Host ('plan: {0} to create, {1} to change, {2} unchanged, {3} foreign{4}' -f $script:Counts.create, $script:Counts.change, $script:Counts.same, $script:Counts.foreign, $note)
    }
    if ($script:Problems.Count -gt 0) { exit 1 }
    if ($script:Counts.create + $script:Counts.change + $script:Counts.adopt -gt 0) { exit 2 }
    exit 0
  }
  'plan-remove' {
    $script:Mode = 'preview'
    & $Removal
    if ($Json) {
      Write-LmJsonDocument 'remove' ([ordered]@{ delete = $script:Counts.removed; keep = $script:Counts.kept; absent = $script:Counts.absent })
    } else {
      Write-Host ('plan: {0} to delete, {1} kept' -f $script:Counts.removed, $script:Counts.kept)
    }
    if ($script:Counts.removed -gt 0) { exit 2 }
    exit 0
  }
  'apply' {
    # Every read and check first, writing nothing: a problem stops the run before any change.
    $script:Mode = 'check'
    Write-Host 'deploy.ps1: reading the LoadMaster before any change'
    & $Steps
    if ($script:Problems.Count -gt 0) {
      $script:Step = 'the checks before any change'
      Stop-LmStep (@('nothing was changed:') + $script:Problems)
    }
    if ($script:GlobalsFound.Count -gt 0) {
      Write-Host 'deploy.ps1: global settings before this run (for a roll-back):'
      foreach ($g in $script:GlobalsFound) { Write-Host ('  ' + $g) }
    }
    if ($script:Counts.create + $script:Counts.change + $script:Counts.adopt -gt 0) {
      if (-not $WhatIfPreference) { Test-LmOwnedWritable }
      foreach ($k in @('create', 'change', 'same', 'foreign', 'adopt', 'skipped')) { $script:Counts[$k] = 0 }
      $script:Claimed = @{}
      $script:New = @{}
      $script:Mode = 'apply'
      & $Steps
    }
    $skipped = if ($script:Counts.skipped -gt 0) { ', {0} skipped' -f $script:Counts.skipped } else { '' }
    $note = Get-LmUnseenNote
    Write-Host ('apply: {0} created, {1} changed, {2} unchanged{3}{4}' -f $script:Counts.create, $script:Counts.change, $script:Counts.same, $skipped, $note)
  }
  'remove' {
    # Every read first, deleting nothing; the list is shown when the question is asked (one
    # ShouldContinue; -Force does not ask, and -WhatIf deletes nothing).
    $ask = -not $Force -and -not $WhatIfPreference
    $script:Mode = if ($ask) { 'preview' } else { 'check' }
    & $Removal
    if ($ask -and $script:Counts.removed -gt 0) {
      $go = $false
      try {
        $go = $script:Cmdlet.ShouldContinue(('Delete the {0} objects listed "- delete"?' -f $script:Counts.removed), 'deploy.ps1 -Remove')
      } catch {
        [Console]::Error.WriteLine('deploy.ps1: -Remove deletes only after a yes, and there is no one to ask (a non-interactive session):')
        [Console]::Error.WriteLine('  give -Force to delete without the question (-Plan -Remove lists what it would delete).')
        [Console]::Error.WriteLine('  Nothing was deleted.')
        exit 1
      }
      if (-not $go) {
        [Console]::Error.WriteLine('deploy.ps1: nothing was deleted')
        exit 1
      }
    }
    if ($script:Counts.removed -gt 0 -and -not $WhatIfPreference) { Test-LmOwnedWritable }
    foreach ($k in @('removed', 'kept', 'absent', 'skipped')) { $script:Counts[$k] = 0 }
    $script:Doomed = @{}
    $script:Partial = @{}
    $script:DoomedSub = @{}
    $script:Mode = 'remove'
    & $Removal
    $skipped = if ($script:Counts.skipped -gt 0) { ', {0} skipped' -f $script:Counts.skipped } else { '' }
    Write-Host ('remove: {0} removed, {1} kept, {2} not there{3}' -f $script:Counts.removed, $script:Counts.kept, $script:Counts.absent, $skipped)
    if ($script:Counts.kept -gt 0) { exit 3 }
  }
}
# Exit 0 said outright: run in a session (./deploy.ps1), a script that ends without exit leaves
# $LASTEXITCODE as the last command set it.
exit 0
