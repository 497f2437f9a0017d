# Write-LmReport: counts an object as create, change, same, foreign or skipped (a change -WhatIf or
# -Confirm held back) and says so: plan prints what would happen, apply what it did, the checks
# before apply print nothing.
function Write-LmReport {
  param([string] $Outcome, [string] $Object, [string[]] $Detail = @())
  $script:Counts[$Outcome]++
  $Object = $Object -replace '[\p{Cc}]', ' '
  if ($script:Mode -eq 'plan') {
    $label = @{ create = '+ create    '; change = '~ change    '; same = '= unchanged '; foreign = '! foreign   ' }[$Outcome]
    $tail = if ($Outcome -eq 'foreign') { ' (left alone)' } else { '' }
    Write-Host ('{0} {1}{2}' -f $label, $Object, $tail)
  } elseif ($script:Mode -eq 'apply') {
    $done = if ($WhatIfPreference) { @{ create = '    would be created'; change = '    would be changed' } } else { @{ create = '    created'; change = '    changed' } }
    $held = if ($WhatIfPreference) { '    skipped (-WhatIf): not made' } else { '    skipped: the change was declined' }
    $said = @{ create = $done.create; change = $done.change; same = '    unchanged'; skipped = $held; foreign = ('    left alone: {0} (the site does not name it)' -f $Object) }[$Outcome]
    Write-Host $said
  } else { return }
  foreach ($line in $Detail) { Write-Host ('      ' + ($line -replace '[\p{Cc}]', ' ')) }
}

# Write-LmUnmade: an object whose Virtual Service or SubVS is not there: to be created (plan, the
# checks before apply); in apply, not made, as the making of its parent was held back (-WhatIf,
# -Confirm answered No).
function Write-LmUnmade {
  param([string] $Object)
  Write-LmReport $(if ($script:Mode -eq 'apply') { 'skipped' } else { 'create' }) $Object
}

# Add-LmProblem: a reason the site cannot be applied as the LoadMaster stands. The checks before
# apply collect them and stop before any change; plan lists them.
function Add-LmProblem {
  param([string] $Text)
  $script:Problems.Add($Text)
  if ($script:Mode -eq 'plan') { Write-Host ('x problem    ' + $Text) }
  if ($script:Mode -eq 'apply') { Stop-LmStep $Text }
}
