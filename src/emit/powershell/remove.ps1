# What the removal deletes whole (a Virtual Service and its SubVSs: Index -> $true), the Virtual
# Services it keeps with what is not the site's, deleting the site's SubVSs in them one by one, and
# those SubVSs (VSIndex -> $true): -Plan -Remove and -WhatIf look past them for a rule's users.
$script:Doomed = @{}
$script:Partial = @{}
$script:DoomedSub = @{}

# Write-LmGone: counts one object of the removal and says so: removed (-Plan -Remove: to delete),
# kept (and why), absent, or skipped (-WhatIf, or -Confirm answered No). The checks before -Remove
# print nothing.
function Write-LmGone {
  param([string] $Outcome, [string] $Object, [string] $Why = '')
  $script:Counts[$Outcome]++
  $Object = $Object -replace '[\p{Cc}]', ' '
  $Why = $Why -replace '[\p{Cc}]', ' '
  if ($script:Mode -eq 'preview' -and $Json) {
    Add-LmJsonObject $Outcome $Object $Why
    return
  }
  if ($script:Mode -eq 'preview') {
    switch ($Outcome) {
      'removed' { Write-Host ('- delete     ' + $Object) }
      'kept' { Write-Host ('! keep       {0}: {1}' -f $Object, $Why) }
      'absent' { Write-Host ('  not there  ' + $Object) }
    }
  } elseif ($script:Mode -eq 'remove') {
    switch ($Outcome) {
      'removed' { Write-Host ('    removed: ' + $Object) }
      'kept' { Write-Host ('    kept: {0}: {1}' -f $Object, $Why) }
      'absent' { Write-Host '    not there' }
      'skipped' { Write-Host $(if ($WhatIfPreference) { '    skipped (-WhatIf): not removed: ' + $Object } else { '    skipped: the removal was declined: ' + $Object }) }
    }
  }
}

# Write-LmGoneWith: what -IncludeForeign deletes with a Virtual Service, said under it.
function Write-LmGoneWith {
  param([string[]] $Objects)
  if ($script:Mode -notin @('preview', 'remove')) { return }
  if ($Json) {
    foreach ($o in $Objects) { Add-LmJsonObject with ($o -replace '[\p{Cc}]', ' ') }
    return
  }
  foreach ($o in $Objects) { Write-Host ("      with it, not the site's: " + ($o -replace '[\p{Cc}]', ' ')) }
}

# Get-LmMembers: every SubVS of Virtual Service Index: the slots of its showvs, and the Virtual
# Services listvs lists with it as MasterVSID (the Python SDK tells SubVSs so). Each: Vs, Name.
function Get-LmMembers {
  param([string] $Index)
  $members = [System.Collections.Generic.List[object]]::new()
  foreach ($s in (Get-LmSlots (Read-LmVs $Index))) { $members.Add([pscustomobject]@{ Vs = $s.Vs; Name = $s.Name }) }
  foreach ($vs in (Get-LmListing)) {
    $f = Get-LmFields $vs
    $sub = [string]$f.Index
    if ([string]$f.MasterVSID -eq $Index -and -not ($members | Where-Object { $_.Vs -eq $sub })) {
      $members.Add([pscustomobject]@{ Vs = $sub; Name = [string]$f.NickName })
    }
  }
  , $members
}

# Split-LmServers: the real servers of the Virtual Service or SubVS Index: Mine, the site's (those
# among Expected: Vs, Rs, Label), and Alien, what the others are.
function Split-LmServers {
  param([string] $Index, [string] $Label, [object[]] $Expected)
  $mine = [System.Collections.Generic.List[object]]::new()
  $alien = [System.Collections.Generic.List[string]]::new()
  foreach ($rs in (Get-LmChildren (Read-LmVs $Index) 'Rs')) {
    $address = [string](Get-LmText $rs 'Addr')
    $port = [string](Get-LmText $rs 'Port')
    $what = 'real server {0}:{1} in {2}' -f $address, $port, $Label
    if ($Expected | Where-Object { [string]$_.Port -eq $port -and (Test-LmSameAddress $_.Address $address) }) {
      $mine.Add([pscustomobject]@{ Vs = $Index; Rs = [string](Get-LmText $rs 'RsIndex'); Label = $what })
    } else {
      $alien.Add($what)
    }
  }
  [pscustomobject]@{ Mine = $mine; Alien = $alien }
}

# Remove-LmWhole: delvs of each SubVS, then of Index; listvs must then list none. $false when a
# deletion was held back (-WhatIf, -Confirm answered No); every one is still offered, so -WhatIf
# shows the whole of it.
function Remove-LmWhole {
  param([string] $Title, [string] $Index, [string[]] $Subs = @())
  $held = $false
  foreach ($sub in @($Subs) + @($Index)) {
    if ($null -eq (Remove-LmVs $Title $sub)) { $held = $true } else { Clear-LmCache "vs-$sub" }
  }
  if ($held) { return $false }
  Clear-LmCache 'listvs'
  foreach ($vs in (Get-LmListing)) {
    $left = [string](Get-LmText $vs 'Index')
    if ($left -eq $Index -or $Subs -contains $left) { Stop-LmStep "delvs answered ok, but listvs still lists Virtual Service $left" }
  }
  # A SubVS deleted changes its parent's slots: every Virtual Service is read again.
  foreach ($k in @($script:Cache.Keys)) { if ($k -like 'vs-*' -or $k -like 'rs-*') { $script:Cache.Remove($k) } }
  $true
}

# Remove-LmMember: delrs of the real server Rs of Virtual Service Vs; its showvs must then list no
# such real server. $false when held back.
function Remove-LmMember {
  param([string] $Title, [string] $Vs, [string] $Rs)
  if ($null -eq (Remove-LmRs $Title $Vs $Rs)) { return $false }
  Clear-LmCache "vs-$Vs", "rs-$Vs-$Rs", 'listvs'
  foreach ($left in (Get-LmChildren (Read-LmVs $Vs) 'Rs')) {
    if ([string](Get-LmText $left 'RsIndex') -eq $Rs) { Stop-LmStep "delrs answered ok, but Virtual Service $Vs still lists real server $Rs" }
  }
  $true
}

# Remove-LmSiteVs: the site's Virtual Service, if the owned list names it: its SubVSs are named in
# Slots, each with the rule on its slot, its own real servers are Servers, each SubVS's SubServers.
# Deleted whole (each SubVS, then itself) when it holds nothing else, or with -IncludeForeign;
# otherwise what is the site's in it is deleted one by one, and it is kept with the rest (a SubVS of
# the site's with a real server or a rule on its slot that the site does not name is kept too).
function Remove-LmSiteVs {
  param([string] $Title, [string] $Address, [int] $Port, [string] $Prot, [string] $Nickname, [object[]] $Slots = @(), [object[]] $Servers = @(), [object[]] $SubServers = @())
  $SubVs = @($Slots | ForEach-Object { [string]$_.Nickname })
  Enter-LmStep $Title
  $id = '{0} {1} {2}' -f $Address, $Port, $Prot
  $found = Find-LmVs $Address ([string]$Port) $Prot
  if (-not $found) {
    if ($script:Mode -eq 'remove') { Remove-LmOwned 'vs' $id }
    Write-LmGone absent $Title
    return
  }
  if (-not (Test-LmSameText $Nickname $found.Nickname)) {
    Write-LmGone kept $Title ("it is named '{0}', not '{1}': not the site's" -f $found.Nickname, $Nickname)
    return
  }
  if (-not (Test-LmOwns 'vs' $id $found.Index)) {
    Write-LmGone kept $Title "not the site's: the owned list does not name it (apply -Adopt takes it over)"
    return
  }
  $index = $found.Index
  $members = Get-LmMembers $index
  $foreign = [System.Collections.Generic.List[string]]::new()
  $doomedSubs = [System.Collections.Generic.List[object]]::new()
  $keptSubs = [System.Collections.Generic.List[string]]::new()
  $doomedRs = [System.Collections.Generic.List[object]]::new()
  foreach ($m in $members) {
    if ($m.Name -notin @('', '-') -and $SubVs -cnotcontains $m.Name) {
      $foreign.Add(("SubVS '{0}' in {1}" -f $m.Name, $Title))
      continue
    }
    # The site's SubVS (a nameless one is left by an interrupted apply): whose are its real servers,
    # and the rules on its slot?
    $label = "SubVS '{0}' of {1}" -f $m.Name, $Title
    $split = Split-LmServers $m.Vs $label $SubServers
    $want = @($Slots | Where-Object { [string]$_.Nickname -ceq $m.Name } | ForEach-Object { [string]$_.Rule })
    foreach ($s in (Get-LmSlots (Read-LmVs $index) | Where-Object { $_.Vs -eq $m.Vs -and $_.Rs })) {
      foreach ($attached in (Get-LmSlotRules $index $s.Rs)) {
        if ($want -cnotcontains $attached) { $split.Alien.Add(("rule '{0}' on {1}" -f $attached, $label)) }
      }
    }
    if ($split.Alien.Count -eq 0) {
      $doomedSubs.Add([pscustomobject]@{ Vs = $m.Vs; Label = $label })
    } else {
      $foreign.AddRange($split.Alien)
      $keptSubs.Add($label)
      foreach ($r in $split.Mine) { $doomedRs.Add($r) }
    }
  }
  $split = Split-LmServers $index $Title $Servers
  $foreign.AddRange($split.Alien)
  foreach ($r in $split.Mine) { $doomedRs.Add($r) }
  if ($foreign.Count -eq 0 -or $IncludeForeign) {
    $script:Doomed[$index] = $true
    if ($script:Mode -eq 'remove') {
      if (-not (Remove-LmWhole $Title $index @($members | ForEach-Object { $_.Vs }))) {
        Write-LmGone skipped $Title
        return
      }
      Remove-LmOwned 'vs' $id
    }
    Write-LmGone removed $Title
    Write-LmGoneWith $foreign
    return
  }
  $script:Partial[$index] = $true
  foreach ($f in $foreign) { Write-LmGone kept $f "not the site's" }
  foreach ($d in $doomedSubs) {
    $script:DoomedSub[$d.Vs] = $true
    if ($script:Mode -eq 'remove' -and -not (Remove-LmWhole $d.Label $d.Vs)) { Write-LmGone skipped $d.Label } else { Write-LmGone removed $d.Label }
  }
  foreach ($r in $doomedRs) {
    if ($script:Mode -eq 'remove' -and -not (Remove-LmMember $r.Label $r.Vs $r.Rs)) { Write-LmGone skipped $r.Label } else { Write-LmGone removed $r.Label }
  }
  foreach ($k in $keptSubs) { Write-LmGone kept $k "it holds what is not the site's" }
  Write-LmGone kept $Title "it holds what is not the site's (-IncludeForeign deletes it whole)"
}

# Get-LmRuleNames: the names in every rule list (an element whose name ends in Rules) under a node,
# the largest rule counter there (NRules, Nrules, NRequestRules, ...), how many real servers and
# SubVS slots it lists directly, and, when the node counts no rules itself, how many of its real
# servers show neither a counter nor a list (the go client reads a real server's rules with showrs:
# such an entry does not say it has none).
function Get-LmRuleNames {
  param($Node)
  $names = [System.Collections.Generic.List[string]]::new()
  $most = 0
  if (-not $Node) { return [pscustomobject]@{ Names = $names; Most = 0; Members = 0; Silent = 0 } }
  foreach ($e in $Node.SelectNodes('.//*')) {
    if ($e.LocalName -imatch 'rules$') {
      foreach ($n in (Get-LmChildren $e 'Name')) { $names.Add([string]$n.InnerText) }
    }
    if ($e.LocalName -imatch '^n[a-z]*rules$' -and $e.InnerText -match '^\d+$' -and [int]$e.InnerText -gt $most) { $most = [int]$e.InnerText }
  }
  $servers = @(Get-LmChildren $Node 'Rs')
  $silent = 0
  if (-not @(Get-LmChildren $Node '*' | Where-Object { $_.LocalName -imatch '^n[a-z]*rules$' })) {
    $silent = @($servers | Where-Object { -not @(Get-LmChildren $_ '*' | Where-Object { $_.LocalName -imatch 'rules$' }) }).Count
  }
  [pscustomobject]@{ Names = $names; Most = $most; Members = $servers.Count + @(Get-LmChildren $Node 'SubVS').Count; Silent = $silent }
}

# Test-LmUnnamed: whether a look at a node leaves rules it cannot name: it counts more than it names,
# or lists a real server without its rules.
function Test-LmUnnamed($Seen) { $Seen.Most -gt $Seen.Names.Count -or $Seen.Silent -gt 0 }

# Find-LmMemberRule: the rules of each real server and SubVS slot of Virtual Service Index, asked of
# showrs (the go client reads them there); each showrs has the last word on its member. With -After,
# a SubVS the removal deletes is not a user (its names are still counted). Why the rule must stay,
# or $null.
function Find-LmMemberRule {
  param([string] $Index, [string] $Name, [int] $Most, [switch] $After)
  $named = 0
  foreach ($m in (Get-LmChildren (Read-LmVs $Index) '*')) {
    $rs = Get-LmText $m 'RsIndex'
    if (-not $rs) { continue }
    $reply = Read-LmOptional "rs-$Index-$rs" 'showrs' (Get-LmRsQuery $Index $rs)
    if (-not $reply) { continue }
    $member = Get-LmRuleNames (Get-LmData $reply)
    $doomed = $After -and $script:DoomedSub.ContainsKey([string](Get-LmText $m 'VSIndex'))
    if ($member.Names.Contains($Name) -and -not $doomed) { return "Virtual Service $Index uses it" }
    $named += $member.Names.Count
  }
  if ($Most -gt $named) { return "Virtual Service $Index counts rules the LoadMaster does not name: it may use this one" }
  $null
}

# Find-LmForeignSlotRule: why the rule must stay when a SubVS slot of the site's Virtual Service
# Index whose SubVS the site does not name ($script:SiteVs) lists it; $null otherwise.
function Find-LmForeignSlotRule {
  param([string] $Index, [string] $Name)
  foreach ($s in (Get-LmSlots (Read-LmVs $Index))) {
    if ($script:SiteVs[$Index] -ccontains $s.Name -or -not $s.Rs) { continue }
    if ((Get-LmSlotRules $Index $s.Rs) -ccontains $Name) { return ("SubVS '{0}' (Virtual Service {1}) in Virtual Service {2} uses it" -f $s.Name, $s.Vs, $Index) }
  }
  $null
}

# Get-LmRuleUser: why the rule must stay: a Virtual Service uses it, or counts rules it does not
# name, even in its showvs and its members' showrs; $null when none uses it. With -Others, of the
# site's own Virtual Services ($script:SiteVs) only the SubVSs the site does not name are looked
# at; with -After, the LoadMaster as the removal leaves it: what it deletes whole is not looked at,
# and in what it keeps, only the slots it keeps. listvs lists each Virtual Service's real servers
# and slots with their rules (captured replies); where an entry lists none, or counts more than it
# names, or lists a real server without its rules, its showvs is read, then its members' showrs.
function Get-LmRuleUser {
  param([string] $Name, [switch] $Others, [switch] $After)
  foreach ($vs in (Get-LmListing)) {
    $index = [string](Get-LmText $vs 'Index')
    $parent = [string](Get-LmText $vs 'MasterVSID')
    if ($Others -and $script:SiteVs.ContainsKey($parent)) { continue }
    if ($Others -and $script:SiteVs.ContainsKey($index)) {
      $why = Find-LmForeignSlotRule $index $Name
      if ($why) { return $why }
      continue
    }
    if ($After) {
      if ($script:Doomed.ContainsKey($index) -or $script:Doomed.ContainsKey($parent) -or $script:DoomedSub.ContainsKey($index)) { continue }
      if ($script:Partial.ContainsKey($index)) {
        $record = Read-LmVs $index
        foreach ($m in (Get-LmChildren $record '*')) {
          if ($script:DoomedSub.ContainsKey([string](Get-LmText $m 'VSIndex'))) { continue }
          $rules = Get-LmMatchRules $m
          if ($null -ne $rules -and $rules -ccontains $Name) { return "Virtual Service $index uses it" }
        }
        $seen = Get-LmRuleNames $record
        if (Test-LmUnnamed $seen) {
          $why = Find-LmMemberRule $index $Name $seen.Most -After
          if ($why) { return $why }
        }
        continue
      }
    }
    $seen = Get-LmRuleNames $vs
    if ($seen.Names.Contains($Name)) { return "Virtual Service $index uses it" }
    if ((Test-LmUnnamed $seen) -or $seen.Members -eq 0) {
      $seen = Get-LmRuleNames (Read-LmVs $index)
      if ($seen.Names.Contains($Name)) { return "Virtual Service $index uses it" }
      if (Test-LmUnnamed $seen) {
        $why = Find-LmMemberRule $index $Name $seen.Most
        if ($why) { return $why }
      }
    }
  }
  $null
}

# Remove-LmSiteRule: the site's content rule, if the owned list names it, unless a Virtual Service
# still uses it (the removal's plan and -WhatIf look past what the removal deletes). Deleting a rule
# detaches it from everything it is attached to (Kemp's CLI documentation), so its users are looked
# for first.
function Remove-LmSiteRule {
  param([string] $Title, [string] $Name)
  Enter-LmStep $Title
  if (-not (Find-LmRule (Read-Lm 'rules' 'showrule') $Name)) {
    if ($script:Mode -eq 'remove') { Remove-LmOwned 'rule' $Name }
    Write-LmGone absent $Title
    return
  }
  if (-not (Test-LmOwns 'rule' $Name)) {
    Write-LmGone kept $Title "not the site's: the owned list does not name it (apply -Adopt takes it over)"
    return
  }
  $why = Get-LmRuleUser $Name -After:($script:Mode -ne 'remove' -or $WhatIfPreference)
  if ($why) {
    Write-LmGone kept $Title $why
    return
  }
  if ($script:Mode -eq 'remove') {
    if ($null -eq (Remove-LmRule $Title $Name)) {
      Write-LmGone skipped $Title
      return
    }
    Clear-LmCache 'rules'
    if (Find-LmRule (Read-Lm 'rules' 'showrule') $Name) { Stop-LmStep "delrule answered ok, but showrule still lists '$Name'" }
    Remove-LmOwned 'rule' $Name
  }
  Write-LmGone removed $Title
}

# Write-LmKeptGlobals: global settings are shared by every service of the LoadMaster.
function Write-LmKeptGlobals {
  param([string] $Title, [string[]] $Params)
  Enter-LmStep $Title
  if ($script:Mode -eq 'preview' -and -not $Json) { Write-Host ('  left alone {0}: {1} (they serve every Virtual Service of this LoadMaster)' -f $Title, ($Params -join ' ')) }
  if ($script:Mode -eq 'remove') { Write-Host ('    left as they are: {0} (they serve every Virtual Service of this LoadMaster)' -f ($Params -join ' ')) }
}
