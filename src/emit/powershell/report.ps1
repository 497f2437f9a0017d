# Write-LmReport: counts an object as create, change, same, foreign or skipped (a change -WhatIf or
# -Confirm held back) and says so: plan prints what would happen, apply what it did, the checks
# before apply print nothing.
function Write-LmReport {
  param([string] $Outcome, [string] $Object, [string[]] $Detail = @())
  $script:Counts[$Outcome]++
  $Object = $Object -replace '[\p{Cc}]', ' '
  if ($script:Mode -eq 'plan' -and $Json) {
    Add-LmJsonObject $Outcome $Object
    return
  }
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
  if ($script:Mode -eq 'plan' -and -not $Json) { Write-Host ('x problem    ' + $Text) }
  if ($script:Mode -eq 'apply') { Stop-LmStep $Text }
}

# -Plan -Json: the plan as one JSON document on stdout (schemas/plan.schema.json), for monitoring.
$script:JsonObjects = [System.Collections.Generic.List[object]]::new()

# ConvertTo-LmJsonText: appliance text as the JSON document holds it: control characters other than
# tab, line feed and carriage return become spaces, as in every line the script prints.
function ConvertTo-LmJsonText {
  param($Text)
  if ($null -eq $Text) { return $null }
  [string]$Text -replace '[\p{Cc}-[\t\n\r]]', ' '
}

# Add-LmJsonObject: one object of the plan (create, change with $script:LastChanges, same, foreign,
# adopt) or of the removal's plan (removed, kept with Why, absent, with: deleted with a service
# though not the site's).
function Add-LmJsonObject {
  param([string] $Outcome, [string] $Object, [string] $Why = '')
  $action = @{ same = 'unchanged'; removed = 'delete'; with = 'delete'; kept = 'keep' }[$Outcome]
  if (-not $action) { $action = $Outcome }
  $item = [ordered]@{ action = $action; object = (ConvertTo-LmJsonText $Object) }
  if ($Outcome -eq 'with') { $item.foreign = $true }
  if ($Why) { $item.why = ConvertTo-LmJsonText $Why }
  if ($Outcome -eq 'change') {
    $item.changes = @(foreach ($c in $script:LastChanges) { [ordered]@{ parameter = $c.parameter; appliance = (ConvertTo-LmJsonText $c.appliance); site = $c.site } })
  }
  $script:JsonObjects.Add($item)
}

# Write-LmJsonDocument: outputs the document: the kind of plan (apply or remove), the appliance, its
# objects, the problems that stop apply, the parameters not verifiable, and Counts.
function Write-LmJsonDocument {
  param([string] $Kind, $Counts)
  $doc = [ordered]@{ plan = $Kind; appliance = $script:Appliance; objects = $script:JsonObjects; problems = @($script:Problems | ForEach-Object { ConvertTo-LmJsonText $_ }); notVerifiable = @($script:Unseen); counts = $Counts }
  # The success stream, so that `> plan.json` or a variable takes it, as stdout does under pwsh -File.
  Write-Output (ConvertTo-Json -InputObject $doc -Depth 6 -Compress)
}
