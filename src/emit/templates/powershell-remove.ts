import { CMDLET_ARG, cmdletParam } from '../../loadmaster/cmdlet-names.js';
import { CALL_ARG, P } from '../../loadmaster/parameters.js';

/**
 * deploy.ps1's library, last part: -Remove, one function per RemovalStep, as deploy.sh's
 * (templates/bash-remove.ts), then what -Plan, apply and -Remove do with the steps. No site value.
 */
export const PS_REMOVE = String.raw`# Write-LmGone: counts and prints what -Remove did with one object.
function Write-LmGone {
  param([string] $Outcome, [string] $Why = '')
  $script:Counts[$Outcome]++
  switch ($Outcome) {
    'removed' { Write-Host '    removed' }
    'kept' { Write-Host ('    kept: ' + ($Why -replace '[\p{Cc}]', ' ')) }
    'absent' { Write-Host '    not there' }
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
  foreach ($sub in $subs) {
    if (-not (Invoke-LmWrite $Title ('Remove-AdcSubVirtualService -${CMDLET_ARG.SubVSIndex} {0}' -f $sub) { Remove-AdcSubVirtualService -${CMDLET_ARG.SubVSIndex} ([int]$sub) -${CMDLET_ARG.Force} })) { return }
    Clear-LmCache "vs-$sub"
  }
  if (-not (Invoke-LmWrite $Title ('Remove-AdcVirtualService -${CMDLET_ARG.VSIndex} {0}' -f $index) { Remove-AdcVirtualService -${CMDLET_ARG.VSIndex} ([int]$index) -${CMDLET_ARG.Force} })) { return }
  Clear-LmCache 'listvs', "vs-$index"
  foreach ($vs in (Get-LmChildren (Get-LmData (Read-Lm 'listvs' 'listvs')) 'VS')) {
    $left = [string](Get-LmText $vs 'Index')
    if ($left -eq $index -or $subs.Contains($left)) { Stop-LmStep "Remove-AdcVirtualService answered ok, but listvs still lists Virtual Service $left" }
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
# name, even in its showvs and its members' showrs; $null when none uses it. listvs lists each
# Virtual Service's real servers and slots with their rules (captured replies); where an entry lists
# none, or counts more than it names, its showvs is read.
function Get-LmRuleUser {
  param([string] $Name)
  foreach ($vs in (Get-LmChildren (Get-LmData (Read-Lm 'listvs' 'listvs')) 'VS')) {
    $index = [string](Get-LmText $vs 'Index')
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
          $reply = Read-LmOptional "rs-$index-$rs" 'showrs' @{ ${CALL_ARG.vs} = $index; ${CALL_ARG.rs} = "!$rs" }
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
  if (-not (Invoke-LmWrite $Title ('Remove-AdcContentRule -${cmdletParam(P.name)} {0}' -f $Name) { Remove-AdcContentRule -${cmdletParam(P.name)} $Name -${CMDLET_ARG.Force} })) { return }
  Clear-LmCache 'rules'
  if (Find-LmRule (Read-Lm 'rules' 'showrule') $Name) { Stop-LmStep "Remove-AdcContentRule answered ok, but showrule still lists '$Name'" }
  Write-LmGone removed
}

# Write-LmKeptGlobals: global settings are shared by every service of the LoadMaster.
function Write-LmKeptGlobals {
  param([string] $Title, [string[]] $Params)
  Enter-LmStep $Title
  Write-Host ('    left as they are: {0} (they serve every Virtual Service of this LoadMaster)' -f ($Params -join ' '))
}
`;

/** What -Plan, apply (the default) and -Remove do with the steps, as deploy.sh's lm_main. */
export const PS_MAIN = String.raw`switch ($script:Action) {
  'plan' {
    $script:Mode = 'plan'
    & $Steps
    if ($script:Problems.Count -gt 0) {
      [Console]::Error.WriteLine('deploy.ps1: apply would stop before any change:')
      foreach ($p in $script:Problems) { [Console]::Error.WriteLine('  ' + $p) }
    }
    Write-Host ('plan: {0} to create, {1} to change, {2} unchanged, {3} foreign' -f $script:Counts.create, $script:Counts.change, $script:Counts.same, $script:Counts.foreign)
    if ($script:Problems.Count -gt 0) { exit 1 }
    if ($script:Counts.create + $script:Counts.change -gt 0) { exit 2 }
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
    if ($script:Counts.create + $script:Counts.change -gt 0) {
      foreach ($k in @('create', 'change', 'same', 'foreign')) { $script:Counts[$k] = 0 }
      $script:Adopted = @{}
      $script:New = @{}
      $script:Mode = 'apply'
      & $Steps
    }
    Write-Host ('apply: {0} created, {1} changed, {2} unchanged' -f $script:Counts.create, $script:Counts.change, $script:Counts.same)
  }
  'remove' {
    $script:Mode = 'remove'
    & $Removal
    Write-Host ('remove: {0} removed, {1} kept, {2} not there' -f $script:Counts.removed, $script:Counts.kept, $script:Counts.absent)
  }
}
`;
