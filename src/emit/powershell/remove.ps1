# Write-LmGone: counts and prints what -Remove did with one object.
function Write-LmGone {
  param([string] $Outcome, [string] $Why = '')
  $script:Counts[$Outcome]++
  switch ($Outcome) {
    'removed' { Write-Host '    removed' }
    'kept' { Write-Host ('    kept: ' + ($Why -replace '[\p{Cc}]', ' ')) }
    'absent' { Write-Host '    not there' }
    'skipped' { Write-Host $(if ($WhatIfPreference) { '    skipped (-WhatIf): not removed' } else { '    skipped: the removal was declined' }) }
  }
}

# Remove-LmSiteVs: the site's Virtual Service (at its address, with its nickname): each SubVS, then
# itself; listvs must then list none of them.
function Remove-LmSiteVs {
  param([string] $Title, [string] $Address, [int] $Port, [string] $Prot, [string] $Nickname)
  Enter-LmStep $Title
  $found = Find-LmVs $Address ([string]$Port) $Prot
  if (-not $found) {
    Write-LmGone absent
    return
  }
  if (-not (Test-LmSameText $Nickname $found.Nickname)) {
    Write-LmGone kept ("it is named '{0}', not '{1}': it is not this site's" -f $found.Nickname, $Nickname)
    return
  }
  $index = $found.Index
  # listvs lists each SubVS as a VS whose MasterVSID is its parent (the Python SDK tells them so);
  # the parent's slots name them too.
  $subs = [System.Collections.Generic.List[string]]::new()
  foreach ($vs in (Get-LmChildren (Get-LmData (Read-Lm 'listvs' 'listvs')) 'VS')) {
    if ((Get-LmText $vs 'MasterVSID') -eq $index) { $subs.Add([string](Get-LmText $vs 'Index')) }
  }
  foreach ($s in (Get-LmSlots (Read-LmVs $index))) { if (-not $subs.Contains($s.Vs)) { $subs.Add($s.Vs) } }
  # Every removal is offered, even after one was held back, so -WhatIf shows the whole of it.
  $held = $false
  foreach ($sub in $subs) {
    if ($null -eq (Remove-LmVs $Title $sub)) { $held = $true } else { Clear-LmCache "vs-$sub" }
  }
  if ($null -eq (Remove-LmVs $Title $index)) { $held = $true }
  if ($held) {
    Write-LmGone skipped
    return
  }
  Clear-LmCache 'listvs', "vs-$index"
  foreach ($vs in (Get-LmChildren (Get-LmData (Read-Lm 'listvs' 'listvs')) 'VS')) {
    $left = [string](Get-LmText $vs 'Index')
    if ($left -eq $index -or $subs.Contains($left)) { Stop-LmStep "delvs answered ok, but listvs still lists Virtual Service $left" }
  }
  Write-LmGone removed
}

# Get-LmRuleNames: the names in every rule list (an element whose name ends in Rules) under a node,
# the largest rule counter there (NRules, Nrules, NRequestRules, ...), and how many real servers and
# SubVS slots it lists directly.
function Get-LmRuleNames {
  param($Node)
  $names = [System.Collections.Generic.List[string]]::new()
  $most = 0
  if (-not $Node) { return [pscustomobject]@{ Names = $names; Most = 0; Members = 0 } }
  foreach ($e in $Node.SelectNodes('.//*')) {
    if ($e.LocalName -imatch 'rules$') {
      foreach ($n in (Get-LmChildren $e 'Name')) { $names.Add([string]$n.InnerText) }
    }
    if ($e.LocalName -imatch '^n[a-z]*rules$' -and $e.InnerText -match '^\d+$' -and [int]$e.InnerText -gt $most) { $most = [int]$e.InnerText }
  }
  $members = @(Get-LmChildren $Node 'Rs').Count + @(Get-LmChildren $Node 'SubVS').Count
  [pscustomobject]@{ Names = $names; Most = $most; Members = $members }
}

# Get-LmRuleUser: why the rule must stay: a Virtual Service uses it, or counts rules it does not
# name, even in its showvs and its members' showrs; $null when none uses it. With -Others, the site's
# own Virtual Services ($script:SiteVs) and their SubVSs are not looked at. listvs lists each
# Virtual Service's real servers and slots with their rules (captured replies); where an entry lists
# none, or counts more than it names, its showvs is read.
function Get-LmRuleUser {
  param([string] $Name, [switch] $Others)
  foreach ($vs in (Get-LmChildren (Get-LmData (Read-Lm 'listvs' 'listvs')) 'VS')) {
    $index = [string](Get-LmText $vs 'Index')
    if ($Others -and ($script:SiteVs.ContainsKey($index) -or $script:SiteVs.ContainsKey([string](Get-LmText $vs 'MasterVSID')))) { continue }
    $seen = Get-LmRuleNames $vs
    if (-not $seen.Names.Contains($Name) -and ($seen.Most -gt $seen.Names.Count -or $seen.Members -eq 0)) {
      $record = Read-LmVs $index
      $seen = Get-LmRuleNames $record
      if (-not $seen.Names.Contains($Name) -and $seen.Most -gt $seen.Names.Count) {
        # Each real server's and slot's own list, asked of showrs (the go client reads them there).
        $named = 0
        foreach ($m in (Get-LmChildren $record '*')) {
          $rs = Get-LmText $m 'RsIndex'
          if (-not $rs) { continue }
          $reply = Read-LmOptional "rs-$index-$rs" 'showrs' (Get-LmRsQuery $index $rs)
          if (-not $reply) { continue }
          $member = Get-LmRuleNames (Get-LmData $reply)
          if ($member.Names.Contains($Name)) { return "Virtual Service $index uses it" }
          $named += $member.Names.Count
        }
        $seen = [pscustomobject]@{ Names = [System.Collections.Generic.List[string]]::new(); Most = ($seen.Most - $named); Members = $seen.Members }
      }
    }
    if ($seen.Names.Contains($Name)) { return "Virtual Service $index uses it" }
    if ($seen.Most -gt $seen.Names.Count) { return "Virtual Service $index counts rules the LoadMaster does not name: it may use this one" }
  }
  $null
}

# Remove-LmSiteRule: the site's content rule, unless a Virtual Service still uses it. Deleting a
# rule detaches it from everything it is attached to (Kemp's CLI documentation), so its users are
# looked for first.
function Remove-LmSiteRule {
  param([string] $Title, [string] $Name)
  Enter-LmStep $Title
  if (-not (Find-LmRule (Read-Lm 'rules' 'showrule') $Name)) {
    Write-LmGone absent
    return
  }
  $why = Get-LmRuleUser $Name
  if ($why) {
    Write-LmGone kept $why
    return
  }
  if ($null -eq (Remove-LmRule $Title $Name)) {
    Write-LmGone skipped
    return
  }
  Clear-LmCache 'rules'
  if (Find-LmRule (Read-Lm 'rules' 'showrule') $Name) { Stop-LmStep "delrule answered ok, but showrule still lists '$Name'" }
  Write-LmGone removed
}

# Write-LmKeptGlobals: global settings are shared by every service of the LoadMaster.
function Write-LmKeptGlobals {
  param([string] $Title, [string[]] $Params)
  Enter-LmStep $Title
  Write-Host ('    left as they are: {0} (they serve every Virtual Service of this LoadMaster)' -f ($Params -join ' '))
}
