# Invoke-LmVs: the Virtual Service at Address, found with listvs; addvs with the first stage, or its
# settings changed. Learns its Index as Ref ($null while it does not exist).
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
  $id = '{0} {1} {2}' -f $Address, $Port, $Prot
  if ($found -and -not (Test-LmOwns 'vs' $id $found.Index)) {
    if (-not $Adopt) {
      # Reported by the address check: the owned list does not name it.
      if ($script:Mode -eq 'apply') { Stop-LmStep ('{0}:{1} holds a Virtual Service that is not this site''s' -f $Address, $Port) }
      Write-LmReport foreign "$($Title): exists, not the site's"
      return
    }
    Add-LmAdopted 'vs' $id $found.Index $Title
  }
  if ($found) {
    # A service whose addvs did not answer is recorded with its Index once it is found.
    if ($script:Mode -eq 'apply') { Set-LmOwned 'vs' $id $found.Index }
    $script:Ref[$Ref] = $found.Index
    Update-LmSettings $Title $found.Index $Stages $false
    return
  }
  if ($script:Mode -eq 'apply') {
    Clear-LmCache 'listvs'
    # Recorded first: a run stopped before addvs answers leaves a service the next run knows is the site's.
    Set-LmOwned 'vs' $id 'pending'
    $reply = Add-LmVs $Title $Address $Port $Prot $Stages[0]
    if ($null -eq $reply) {
      Remove-LmOwned 'vs' $id
      Write-LmReport skipped $Title
      return
    }
    # addvs answers with the new service, its Index among the fields (captured replies); else listvs says.
    $index = Save-LmVsReply $reply
    if (-not $index) {
      $found = Find-LmVs $Address ([string]$Port) $Prot
      if (-not $found) { Stop-LmStep ('addvs answered ok, but listvs does not list {0}:{1} ({2})' -f $Address, $Port, $Prot) }
      $index = $found.Index
    }
    Set-LmOwned 'vs' $id $index
    # The reply gave the Index; the settings are read back afresh.
    Clear-LmCache "vs-$index"
    $script:Ref[$Ref] = $index
    $script:New[$index] = $true
    if (-not (Send-LmStages $Title $index $Stages 1 $false)) {
      Write-LmReport skipped $Title
      return
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
    Write-LmUnmade $Title
    return
  }
  $slots = @(Get-LmSlots (Read-LmVs $parentIndex))
  $slot = $slots | Where-Object { Test-LmSameText $Nickname $_.Name } | Select-Object -First 1
  if (-not $slot) {
    # A new SubVS is named "-" in its slot until its nickname is set (Kemp's API examples).
    $slot = $slots | Where-Object { $_.Name -in @('', '-') -and -not $script:Claimed.ContainsKey($_.Vs) } | Select-Object -First 1
    if ($slot) { $script:Claimed[$slot.Vs] = $true }
  }
  if ($slot) {
    $script:Ref[$Ref] = $slot.Vs
    $script:Ref[$Ref + '_slot'] = $slot.Rs
    Update-LmSettings $Title $slot.Vs $Stages $true
    return
  }
  # A SubVS that listvs knows but the parent's slots do not show would be made twice: stop instead.
  foreach ($vs in (Get-LmListing)) {
    if ((Get-LmText $vs 'MasterVSID') -eq $parentIndex -and (Test-LmSameText $Nickname ([string](Get-LmText $vs 'NickName')))) {
      Stop-LmStep ("listvs shows SubVS '{0}' (Index {1}) of Virtual Service {2}, but the parent's showvs shows no slot for it" -f $Nickname, (Get-LmText $vs 'Index'), $parentIndex)
    }
  }
  if ($script:Mode -eq 'apply') {
    $before = @($slots | ForEach-Object { $_.Vs })
    Clear-LmCache "vs-$parentIndex"
    $reply = Add-LmSubVs $Title $parentIndex
    if ($null -eq $reply) {
      Write-LmReport skipped $Title
      return
    }
    # The reply is the parent (captured replies): its slots, read here without another showvs.
    [void](Save-LmVsReply $reply)
    # The parent lists the new SubVS last (Kemp's engineer's script, the go client's tests): the
    # slot that was not there before is taken (the last such one, were there several); an existing
    # SubVS never is.
    $slots = @(Get-LmSlots (Read-LmVs $parentIndex))
    $new = @($slots | Where-Object { $before -notcontains $_.Vs })
    $slot = if ($new.Count -gt 0) { $new[-1] } else { $null }
    if (-not $slot -or -not $slot.Vs -or -not $slot.Rs) { Stop-LmStep 'modvs createsubvs answered ok, but the parent lists no new SubVS with its slot' }
    $script:Ref[$Ref] = $slot.Vs
    $script:Ref[$Ref + '_slot'] = $slot.Rs
    $script:Claimed[$slot.Vs] = $true
    $script:New[$slot.Vs] = $true
    $script:New['slot-' + $slot.Rs] = $true
    if (-not (Send-LmStages $Title $slot.Vs $Stages 0 $true)) {
      Write-LmReport skipped $Title
      return
    }
  }
  Write-LmReport create $Title
}
