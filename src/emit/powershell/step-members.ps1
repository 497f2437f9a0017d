# Invoke-LmRealServer: the real server in the VS learnt as Vs: addrs, or modrs for its Params (its
# weight).
function Invoke-LmRealServer {
  param([string] $Title, [string] $Vs, [string] $Address, [int] $Port, $Params = [ordered]@{})
  Enter-LmStep $Title
  $index = $script:Ref[$Vs]
  if ($null -eq $index) {
    Write-LmUnmade $Title
    return
  }
  $rs = Find-LmRs (Read-LmVs $index) $Address ([string]$Port)
  $show = @()
  $reply = $null
  if ($rs) {
    $diff = Compare-LmParams 'rs' $rs $Params
    if ($diff.Send.Count -eq 0) {
      Write-LmReport same $Title
      return
    }
    $show = $diff.Show
    if ($script:Mode -eq 'apply') { $reply = Set-LmRs $Title $index (Get-LmText $rs 'RsIndex') $diff.Send }
  } elseif ($script:Mode -eq 'apply') {
    $reply = Add-LmRs $Title $index $Address $Port $Params
  }
  if ($script:Mode -eq 'apply' -and $null -eq $reply) {
    Write-LmReport skipped $Title
    return
  }
  if ($reply) {
    Clear-LmCache "vs-$index"
    $rs = Find-LmRs (Read-LmVs $index) $Address ([string]$Port)
    if (-not $rs) { Stop-LmStep ('the LoadMaster does not list real server {0}:{1} after it was sent' -f $Address, $Port) }
    $after = Compare-LmParams 'rs' $rs $Params
    if ($after.Send.Count -gt 0) { Stop-LmStep (@("the LoadMaster did not keep what was sent to $($Title):") + $after.Miss) }
  }
  if ($show.Count -eq 0) { Write-LmReport create $Title } else { Write-LmReport change $Title $show }
}

# Invoke-LmAttachRule: addrsrule on the SubVS's slot, unless it lists the rule.
function Invoke-LmAttachRule {
  param([string] $Title, [string] $Parent, [string] $SubVs, [string] $Rule)
  Enter-LmStep $Title
  $parentIndex = $script:Ref[$Parent]
  $slot = $script:Ref[$SubVs + '_slot']
  if ([string]::IsNullOrEmpty($parentIndex) -or [string]::IsNullOrEmpty($slot)) {
    Write-LmUnmade $Title
    return
  }
  $rules = if ($script:New.ContainsKey('slot-' + $slot)) { @() } else { @(Get-LmSlotRules $parentIndex $slot) }
  if ($rules -ccontains $Rule) {
    Write-LmReport same $Title
    return
  }
  # The rule goes on the SubVS's slot in its parent: rs=!<RsIndex>, not the SubVS's own index.
  if ($script:Mode -eq 'apply') {
    if ($null -eq (Add-LmSlotRule $Title $parentIndex $slot $Rule)) {
      Write-LmReport skipped $Title
      return
    }
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
    } elseif (-not ($s.Name -in @('', '-') -and $script:Claimed.ContainsKey($s.Vs))) {
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
