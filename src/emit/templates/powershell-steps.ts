/**
 * deploy.ps1's library, second part: one function per kind of PlanStep, each as deploy.sh's
 * (templates/bash-steps.ts): it reads first; plan and the checks before apply only report; apply
 * changes through Kemp's cmdlets only what differs, then reads it back. It holds no site value.
 */

/** Finding objects in replies. */
const FIND = String.raw`# Test-LmSameAddress: the same address, however an IPv6 address is written.
function Test-LmSameAddress {
  param([string] $A, [string] $B)
  if ($A -ceq $B) { return $true }
  $x = $null
  $y = $null
  [System.Net.IPAddress]::TryParse($A, [ref]$x) -and [System.Net.IPAddress]::TryParse($B, [ref]$y) -and $x.Equals($y)
}

# Find-LmVs: the Virtual Service at this address, port and protocol in listvs: its Index and
# NickName, or $null. listvs lists one <VS> each; a SubVS is one too, with no VSAddress and its
# parent in MasterVSID (captured replies). A missing Protocol is tcp, the default.
function Find-LmVs {
  param([string] $Address, [string] $Port, [string] $Prot)
  foreach ($vs in (Get-LmChildren (Get-LmData (Read-Lm 'listvs' 'listvs')) 'VS')) {
    $at = Get-LmText $vs 'VSAddress'
    $protocol = [string](Get-LmText $vs 'Protocol')
    if (-not $protocol) { $protocol = 'tcp' }
    if (-not $at -or (Get-LmText $vs 'VSPort') -ne $Port -or $protocol -ine $Prot) { continue }
    if ([string](Get-LmText $vs 'MasterVSID') -notmatch '^0*$') { continue }
    if (-not (Test-LmSameAddress $at $Address)) { continue }
    $index = [string](Get-LmText $vs 'Index')
    $nick = [string](Get-LmText $vs 'NickName')
    # Where listvs gives no NickName, showvs has the last word.
    if (-not $nick) { $nick = [string](Get-LmText (Read-LmVs $index) 'NickName') }
    return [pscustomobject]@{ Index = $index; Nickname = $nick }
  }
  $null
}

# Get-LmSlots: the SubVS slots of a Virtual Service's record: VSIndex, RsIndex, Name and the node.
# A slot without a name ("-" until the SubVS gets a nickname, in Kemp's examples) takes the SubVS's
# own NickName from listvs, if it has one.
function Get-LmSlots {
  param($Record)
  foreach ($s in (Get-LmChildren $Record 'SubVS')) {
    $vs = [string](Get-LmText $s 'VSIndex')
    $name = [string](Get-LmText $s 'Name')
    if ($name -in @('', '-')) {
      $own = @(Get-LmChildren (Get-LmData (Read-Lm 'listvs' 'listvs')) 'VS' | Where-Object { (Get-LmText $_ 'Index') -eq $vs }) | Select-Object -First 1
      $nick = [string](Get-LmText $own 'NickName')
      if ($nick) { $name = $nick }
    }
    [pscustomobject]@{ Vs = $vs; Rs = [string](Get-LmText $s 'RsIndex'); Name = $name; Node = $s }
  }
}

# Get-LmMatchRules: the rule names in a node's <MatchRules> (one <Name> each); $null when it has none.
function Get-LmMatchRules {
  param($Node)
  $list = @(Get-LmChildren $Node 'MatchRules')
  if ($list.Count -eq 0) { return $null }
  $names = @(Get-LmChildren $list[0] 'Name' | ForEach-Object { [string]$_.InnerText })
  # A list written as text ("r1 r2") gives its words.
  if ($names.Count -eq 0) { $names = @(Split-LmItems ([string]$list[0].InnerText)) }
  ,$names
}

# Get-LmSlotRules: the rules attached to the parent's slot: its <MatchRules> in showvs (captured
# listvs), else in showrs (the go client reads them there). A slot lists MatchRules once a rule is
# attached: none listed is none attached.
function Get-LmSlotRules {
  param([string] $Parent, [string] $Slot)
  $node = @(Get-LmSlots (Read-LmVs $Parent) | Where-Object { $_.Rs -eq $Slot }) | Select-Object -First 1
  if ($node) {
    $rules = Get-LmMatchRules $node.Node
    if ($null -ne $rules) { return $rules }
  }
  $reply = Read-LmOptional "rs-$Parent-$Slot" 'showrs' @{ vs = $Parent; rs = "!$Slot" }
  foreach ($e in (Get-LmChildren (Get-LmData $reply) '*')) {
    $rules = Get-LmMatchRules $e
    if ($null -ne $rules) { return $rules }
  }
  @()
}

# Find-LmRs: the <Rs> with this address and port under a node, or $null.
function Find-LmRs {
  param($Node, [string] $Address, [string] $Port)
  foreach ($rs in (Get-LmChildren $Node 'Rs')) {
    if ((Get-LmText $rs 'Port') -eq $Port -and (Test-LmSameAddress (Get-LmText $rs 'Addr') $Address)) { return $rs }
  }
  $null
}

# Find-LmRule: the element of the rule named Name in a rule listing: one element per rule under
# <Data>, named for its type (MatchContentRule, ...); $null when there is none.
function Find-LmRule {
  param($Response, [string] $Name)
  @(Get-LmChildren (Get-LmData $Response) '*' | Where-Object { Test-LmSameText $Name (Get-LmText $_ 'Name') }) | Select-Object -First 1
}

# Test-LmAccepts: whether the module's cmdlet takes the value (its ValidateSet or ValidateRange).
function Test-LmAccepts {
  param($Spec, [string] $Value)
  if ($Spec.ContainsKey('Allowed')) { return $Spec['Allowed'] -contains $Value }
  if ($Spec.ContainsKey('Min')) {
    $n = 0L
    return [long]::TryParse($Value, [ref]$n) -and $n -ge $Spec.Min -and $n -le $Spec.Max
  }
  $true
}

# Split-LmArgs: parameters as cmdlet arguments (the module's names; switches and numbers cast, as
# it binds them), and the ones a cmdlet cannot take (Raw): out of its range (ServerInit 6 for POP3,
# StartTLSMode 4 and 6) or missing from Set-AdcSubVirtualService.
function Split-LmArgs {
  param([string] $Scope, $Params, [bool] $SubVs)
  $out = [pscustomobject]@{ Args = @{}; Raw = [ordered]@{} }
  foreach ($name in $Params.Keys) {
    $spec = $LmParams['{0}:{1}' -f $Scope, $name.ToLowerInvariant()]
    $value = [string]$Params[$name]
    if ($spec -and $spec.Cmdlet -and -not ($SubVs -and $spec.ParentOnly) -and (Test-LmAccepts $spec $value)) {
      $out.Args[$spec.Cmdlet] = if ($spec.Cast) { [int]$value } elseif ($spec.Cmdlet -eq 'CertFile') { [string[]](Split-LmItems $value) } else { $value }
    } else {
      $out.Raw[$name] = $value
    }
  }
  $out
}

# Format-LmCall: a cmdlet call as text, for -WhatIf and the messages.
function Format-LmCall {
  param([string] $Cmdlet, $Arguments)
  $parts = foreach ($k in $Arguments.Keys) { '-{0} {1}' -f $k, ($Arguments[$k] -join ' ') }
  (@($Cmdlet) + @($parts)) -join ' '
}

# Join-LmStages: a service's stages as one set of parameters.
function Join-LmStages {
  param([object[]] $Stages)
  $all = [ordered]@{}
  foreach ($s in $Stages) { foreach ($k in $s.Keys) { $all[$k] = $s[$k] } }
  $all
}
`;

/** Settings of a VS or SubVS, written stage by stage and read back. */
const SETTINGS = String.raw`# Assert-LmKept: reads Virtual Service Index back; stops if a value sent was not kept.
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
    if ($diff.Send.Contains('nickname')) { Clear-LmCache 'listvs' }
    $split = Split-LmArgs 'vs' $diff.Send $SubVs
    $vsArgs = $split.Args
    if ($vsArgs.Count -gt 0) {
      $cmdlet = if ($SubVs) { 'Set-AdcSubVirtualService' } else { 'Set-AdcVirtualService' }
      $target = if ($SubVs) { @{ SubVSIndex = [int]$Index } } else { @{ VSIndex = [int]$Index } }
      if (-not (Invoke-LmWrite $What (Format-LmCall $cmdlet $vsArgs) { & $cmdlet @target @vsArgs })) { return }
    }
    if ($split.Raw.Count -gt 0) {
      $query = [ordered]@{ vs = $Index }
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
`;

/** One function per step kind. */
const STEPS = String.raw`# Invoke-LmCheckCertificates: before any change, every certificate the site assigns is installed
# (listcert: <cert><name>).
function Invoke-LmCheckCertificates {
  param([string] $Title, [string[]] $Names)
  Enter-LmStep $Title
  $installed = @(Get-LmTail (Read-Lm 'certs' 'listcert') 'cert' 'name')
  foreach ($n in $Names) {
    if ($installed -cnotcontains $n) { Add-LmProblem ("certificate '{0}' is not installed on the LoadMaster: install it first (guide 4.1.1)" -f $n) }
  }
}

# Invoke-LmCheckSsoDomains: before any change, every SSO domain the site's ESP names exists
# (showdomain: <Domain><Name>, which the appliance writes in capitals).
function Invoke-LmCheckSsoDomains {
  param([string] $Title, [string[]] $Names)
  Enter-LmStep $Title
  $domains = @(Get-LmTail (Read-Lm 'domains' 'showdomain') 'Domain' 'Name')
  foreach ($n in $Names) {
    if ($domains -notcontains $n) { Add-LmProblem ("SSO domain '{0}' does not exist on the LoadMaster: create it first (guide 4.2)" -f $n) }
  }
}

# Invoke-LmCheckAddresses: before any change, no Virtual Service of another name holds one of the
# site's addresses: apply would otherwise change it.
function Invoke-LmCheckAddresses {
  param([string] $Title, [object[]] $Services)
  Enter-LmStep $Title
  foreach ($s in $Services) {
    $found = Find-LmVs $s.Address ([string]$s.Port) $s.Prot
    if ($found -and -not (Test-LmSameText $s.Nickname $found.Nickname)) {
      Add-LmProblem ("{0}:{1} ({2}) holds a Virtual Service named '{3}', not '{4}': it is not this site's (delete or move it, or give this site another address)" -f $s.Address, $s.Port, $s.Prot, $found.Nickname, $s.Nickname)
    }
  }
}

# Invoke-LmGlobal: get, then Set-LmParameter when it differs (guide section 2).
function Invoke-LmGlobal {
  param([string] $Title, [string] $Param, [string] $Value)
  Enter-LmStep $Title
  $want = [ordered]@{ $Param = $Value }
  $data = Get-LmData (Read-Lm "global-$Param" 'get' @{ param = $Param })
  if ($script:Mode -ne 'apply') {
    $found = Get-LmText $data $Param
    $script:GlobalsFound.Add(('{0} {1}' -f $Param, $(if ($null -eq $found) { '(not reported)' } else { "'$found'" })))
  }
  $diff = Compare-LmParams 'global' $data $want
  if ($diff.Send.Count -eq 0) {
    Write-LmReport same $Title
    return
  }
  if ($script:Mode -eq 'apply' -and (Invoke-LmWrite $Title ('Set-LmParameter -Param {0} -Value {1}' -f $Param, $Value) { Set-LmParameter -Param $Param -Value $Value })) {
    Clear-LmCache "global-$Param"
    $after = Compare-LmParams 'global' (Get-LmData (Read-Lm "global-$Param" 'get' @{ param = $Param })) $want
    if ($after.Send.Count -gt 0) { Stop-LmStep (@("the LoadMaster did not keep $($Param):") + $after.Miss) }
  }
  Write-LmReport change $Title $diff.Show
}

# Invoke-LmRule: the content rule Name: New-AdcContentRule, or Set-AdcContentRule with what differs.
function Invoke-LmRule {
  param([string] $Title, [string] $Name, $Params)
  Enter-LmStep $Title
  $rule = Find-LmRule (Read-Lm 'rules' 'showrule') $Name
  $show = @()
  $send = $Params
  $cmdlet = 'New-AdcContentRule'
  if ($rule) {
    $diff = Compare-LmParams 'rule' $rule $Params
    if ($diff.Send.Count -eq 0) {
      Write-LmReport same $Title
      return
    }
    $show = $diff.Show
    $send = $diff.Send
    $cmdlet = 'Set-AdcContentRule'
  }
  $ruleArgs = (Split-LmArgs 'rule' $send $false).Args
  if ($script:Mode -eq 'apply' -and (Invoke-LmWrite $Title (Format-LmCall $cmdlet $ruleArgs) { & $cmdlet -RuleName $Name @ruleArgs })) {
    Clear-LmCache 'rules'
    $rule = Find-LmRule (Read-Lm 'rules' 'showrule') $Name
    if (-not $rule) { Stop-LmStep "the LoadMaster does not list rule '$Name' after it was sent" }
    $after = Compare-LmParams 'rule' $rule $Params
    if ($after.Send.Count -gt 0) { Stop-LmStep (@("the LoadMaster did not keep what was sent to $($Title):") + $after.Miss) }
  }
  if ($show.Count -eq 0) { Write-LmReport create $Title } else { Write-LmReport change $Title $show }
}

# Invoke-LmVs: the Virtual Service at Address, found with listvs; New-AdcVirtualService with the
# first stage, or its settings changed. Learns its Index as Ref ($null while it does not exist).
function Invoke-LmVs {
  param([string] $Title, [string] $Ref, [string] $Address, [int] $Port, [string] $Prot, [string] $Nickname, [object[]] $Stages)
  Enter-LmStep $Title
  $script:Ref[$Ref] = $null
  $found = Find-LmVs $Address ([string]$Port) $Prot
  if ($found -and -not (Test-LmSameText $Nickname $found.Nickname)) {
    # Reported by the address check; nothing inside it is the site's.
    if ($script:Mode -eq 'apply') { Stop-LmStep ('{0}:{1} holds a Virtual Service of another name' -f $Address, $Port) }
    return
  }
  if ($found) {
    $script:Ref[$Ref] = $found.Index
    Update-LmSettings $Title $found.Index $Stages $false
    return
  }
  if ($script:Mode -eq 'apply') {
    $vsArgs = (Split-LmArgs 'vs' $Stages[0] $false).Args
    Clear-LmCache 'listvs'
    if (Invoke-LmWrite $Title (Format-LmCall 'New-AdcVirtualService' $vsArgs) { New-AdcVirtualService -VirtualService $Address -VSPort $Port -VSProtocol $Prot @vsArgs }) {
      $found = Find-LmVs $Address ([string]$Port) $Prot
      if (-not $found) { Stop-LmStep ('New-AdcVirtualService answered ok, but listvs does not list {0}:{1} ({2})' -f $Address, $Port, $Prot) }
      $script:Ref[$Ref] = $found.Index
      $script:New[$found.Index] = $true
      # From the first stage on: what the cmdlet could not take goes now, and everything is read back.
      Send-LmStages $Title $found.Index $Stages $false 0
    }
  }
  Write-LmReport create $Title
}

# Invoke-LmSubVs: the parent's SubVS named Nickname (its slot's <Name>); else a nameless one, left by
# an interrupted run; else a new one. Learns its VSIndex as Ref and its slot's RsIndex as Ref_slot.
function Invoke-LmSubVs {
  param([string] $Title, [string] $Ref, [string] $Parent, [string] $Nickname, [object[]] $Stages)
  Enter-LmStep $Title
  $script:Ref[$Ref] = $null
  $script:Ref[$Ref + '_slot'] = $null
  $parentIndex = $script:Ref[$Parent]
  if ($null -eq $parentIndex) {
    Write-LmReport create $Title
    return
  }
  $slots = @(Get-LmSlots (Read-LmVs $parentIndex))
  $slot = $slots | Where-Object { Test-LmSameText $Nickname $_.Name } | Select-Object -First 1
  if (-not $slot) {
    # A new SubVS is named "-" in its slot until its nickname is set (Kemp's API examples).
    $slot = $slots | Where-Object { $_.Name -in @('', '-') -and -not $script:Adopted.ContainsKey($_.Vs) } | Select-Object -First 1
    if ($slot) { $script:Adopted[$slot.Vs] = $true }
  }
  if ($slot) {
    $script:Ref[$Ref] = $slot.Vs
    $script:Ref[$Ref + '_slot'] = $slot.Rs
    Update-LmSettings $Title $slot.Vs $Stages $true
    return
  }
  # A SubVS that listvs knows but the parent's slots do not show would be made twice: stop instead.
  foreach ($vs in (Get-LmChildren (Get-LmData (Read-Lm 'listvs' 'listvs')) 'VS')) {
    if ((Get-LmText $vs 'MasterVSID') -eq $parentIndex -and (Test-LmSameText $Nickname ([string](Get-LmText $vs 'NickName')))) {
      Stop-LmStep ("listvs shows SubVS '{0}' (Index {1}) of Virtual Service {2}, but the parent's showvs shows no slot for it" -f $Nickname, (Get-LmText $vs 'Index'), $parentIndex)
    }
  }
  if ($script:Mode -eq 'apply') {
    $before = @($slots | ForEach-Object { $_.Vs })
    Clear-LmCache "vs-$parentIndex", 'listvs'
    if (Invoke-LmWrite $Title ('New-AdcSubVirtualService -VSIndex {0}' -f $parentIndex) { New-AdcSubVirtualService -VSIndex ([int]$parentIndex) }) {
      # The parent lists the new SubVS last (Kemp's engineer's script, the go client's tests): the
      # slot that was not there before is taken (the last such one, were there several); an
      # existing SubVS never is.
      $slots = @(Get-LmSlots (Read-LmVs $parentIndex))
      $new = @($slots | Where-Object { $before -notcontains $_.Vs })
      $slot = if ($new.Count -gt 0) { $new[-1] } else { $null }
      if (-not $slot -or -not $slot.Vs -or -not $slot.Rs) { Stop-LmStep 'New-AdcSubVirtualService answered ok, but the parent lists no new SubVS with its slot' }
      $script:Ref[$Ref] = $slot.Vs
      $script:Ref[$Ref + '_slot'] = $slot.Rs
      $script:Adopted[$slot.Vs] = $true
      $script:New[$slot.Vs] = $true
      $script:New['slot-' + $slot.Rs] = $true
      Send-LmStages $Title $slot.Vs $Stages $true 0
    }
  }
  Write-LmReport create $Title
}

# Invoke-LmRealServer: the real server in the VS learnt as Vs: New-AdcRealServer, or Set-AdcRealServer
# for its weight.
function Invoke-LmRealServer {
  param([string] $Title, [string] $Vs, [string] $Address, [int] $Port, $Weight)
  Enter-LmStep $Title
  $index = $script:Ref[$Vs]
  if ($null -eq $index) {
    Write-LmReport create $Title
    return
  }
  $params = [ordered]@{}
  if ($null -ne $Weight) { $params['weight'] = [string]$Weight }
  $rs = Find-LmRs (Read-LmVs $index) $Address ([string]$Port)
  $show = @()
  $done = $false
  if ($rs) {
    $diff = Compare-LmParams 'rs' $rs $params
    if ($diff.Send.Count -eq 0) {
      Write-LmReport same $Title
      return
    }
    $show = $diff.Show
    $rsArgs = (Split-LmArgs 'rs' $diff.Send $false).Args
    $rsIndex = [int](Get-LmText $rs 'RsIndex')
    if ($script:Mode -eq 'apply') { $done = Invoke-LmWrite $Title (Format-LmCall 'Set-AdcRealServer' $rsArgs) { Set-AdcRealServer -VSIndex ([int]$index) -RSIndex $rsIndex @rsArgs } }
  } elseif ($script:Mode -eq 'apply') {
    $rsArgs = (Split-LmArgs 'rs' $params $false).Args
    $done = Invoke-LmWrite $Title (Format-LmCall 'New-AdcRealServer' $rsArgs) { New-AdcRealServer -VSIndex ([int]$index) -RealServer $Address -RealServerPort $Port @rsArgs }
  }
  if ($done) {
    Clear-LmCache "vs-$index"
    $rs = Find-LmRs (Read-LmVs $index) $Address ([string]$Port)
    if (-not $rs) { Stop-LmStep ('the LoadMaster does not list real server {0}:{1} after it was sent' -f $Address, $Port) }
    $after = Compare-LmParams 'rs' $rs $params
    if ($after.Send.Count -gt 0) { Stop-LmStep (@("the LoadMaster did not keep what was sent to $($Title):") + $after.Miss) }
  }
  if ($show.Count -eq 0) { Write-LmReport create $Title } else { Write-LmReport change $Title $show }
}

# Invoke-LmAttachRule: New-AdcRealServerRule on the SubVS's slot, unless it lists the rule.
function Invoke-LmAttachRule {
  param([string] $Title, [string] $Parent, [string] $SubVs, [string] $Rule)
  Enter-LmStep $Title
  $parentIndex = $script:Ref[$Parent]
  $slot = $script:Ref[$SubVs + '_slot']
  if ([string]::IsNullOrEmpty($parentIndex) -or [string]::IsNullOrEmpty($slot)) {
    Write-LmReport create $Title
    return
  }
  $rules = if ($script:New.ContainsKey('slot-' + $slot)) { @() } else { @(Get-LmSlotRules $parentIndex $slot) }
  if ($rules -ccontains $Rule) {
    Write-LmReport same $Title
    return
  }
  # The rule goes on the SubVS's slot in its parent: -RSIndex is the slot, not the SubVS's own index.
  if ($script:Mode -eq 'apply' -and (Invoke-LmWrite $Title ('New-AdcRealServerRule -RuleName {0}' -f $Rule) { New-AdcRealServerRule -VSIndex ([int]$parentIndex) -RSIndex ([int]$slot) -RuleName $Rule })) {
    Clear-LmCache "vs-$parentIndex", "rs-$parentIndex-$slot"
    if (@(Get-LmSlotRules $parentIndex $slot) -cnotcontains $Rule) { Stop-LmStep "the LoadMaster does not list rule '$Rule' on the SubVS's slot after it was attached" }
  }
  Write-LmReport create $Title
}

# Find-LmForeign: real servers, SubVSs and attached rules in the VS learnt as Vs that the site does
# not name: reported, never changed.
function Find-LmForeign {
  param([string] $Title, [string] $Within, [string] $Vs, [object[]] $Slots = @(), [object[]] $Servers = @())
  Enter-LmStep $Title
  $index = $script:Ref[$Vs]
  if ($null -eq $index -or $script:New.ContainsKey($index)) { return }
  $record = Read-LmVs $index
  foreach ($s in (Get-LmSlots $record)) {
    $expected = $Slots | Where-Object { $_.Nickname -ceq $s.Name } | Select-Object -First 1
    if ($expected) {
      $rules = Get-LmMatchRules $s.Node
      if ($null -ne $rules) {
        foreach ($r in $rules) {
          if ($r -cne $expected.Rule) { Write-LmReport foreign ("rule '{0}' on SubVS '{1}' of {2}" -f $r, $s.Name, $Within) }
        }
      }
    } elseif (-not ($s.Name -in @('', '-') -and $script:Adopted.ContainsKey($s.Vs))) {
      Write-LmReport foreign ("SubVS '{0}' in {1}" -f $s.Name, $Within)
    }
  }
  foreach ($rs in (Get-LmChildren $record 'Rs')) {
    $address = Get-LmText $rs 'Addr'
    $port = Get-LmText $rs 'Port'
    $known = $Servers | Where-Object { [string]$_.Port -eq $port -and (Test-LmSameAddress $_.Address $address) }
    if (-not $known) { Write-LmReport foreign ('real server {0}:{1} in {2}' -f $address, $port, $Within) }
  }
}
`;

/** The step functions (see the module comment). */
export const PS_STEPS = `${FIND}\n${SETTINGS}\n${STEPS}`;
