# Test-LmSameAddress: the same address, however an IPv6 address is written.
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
  foreach ($vs in (Get-LmListing)) {
    $f = Get-LmFields $vs
    $at = $f.VSAddress
    $protocol = [string]$f.Protocol
    if (-not $protocol) { $protocol = 'tcp' }
    if (-not $at -or $f.VSPort -ne $Port -or $protocol -ine $Prot) { continue }
    if ([string]$f.MasterVSID -notmatch '^0*$') { continue }
    if (-not (Test-LmSameAddress $at $Address)) { continue }
    $index = [string]$f.Index
    $nick = [string]$f.NickName
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
      $own = @(Get-LmListing | Where-Object { (Get-LmText $_ 'Index') -eq $vs }) | Select-Object -First 1
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
  $reply = Read-LmOptional "rs-$Parent-$Slot" 'showrs' (Get-LmRsQuery $Parent $Slot)
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
