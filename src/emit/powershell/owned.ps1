# The owned list: what this site made (or adopted) on each LoadMaster, kept in deploy.owned.tsv
# beside this script (-OwnedList, else $env:LM_OWNED, names another file). No field of the appliance
# can carry a marker, so the list is how the script knows what is the site's. One line per object,
# tab-separated: the appliance (host:port), the kind (vs or rule), its identity (a Virtual Service's
# "address port protocol", a rule's name) and a Virtual Service's Index ("pending" while addvs has
# not answered; "-" for a rule). deploy.sh reads and writes the same list. It is data: never run.
$script:OwnedPath = if ($OwnedList) { $OwnedList } elseif ($env:LM_OWNED) { $env:LM_OWNED } elseif ($PSScriptRoot) { Join-Path $PSScriptRoot 'deploy.owned.tsv' } else { Join-Path (Get-Location).ProviderPath 'deploy.owned.tsv' }
# The appliance as deploy.sh writes it from LM_URL: host (an IPv6 address in brackets) and port, lower case.
$script:Appliance = ('{0}:{1}' -f $script:LmHost, $script:Port).ToLowerInvariant()
# This appliance's objects ("vs<TAB>identity" or "rule<TAB>name" -> index), and the other
# appliances' lines, written back as they are.
$script:Own = [System.Collections.Generic.Dictionary[string, string]]::new([StringComparer]::Ordinal)
$script:OwnOthers = [System.Collections.Generic.List[string]]::new()

# Stop-LmOwned: the list cannot be read: one line on stderr (the list's path, then Message), exit 1.
function Stop-LmOwned {
  param([string] $Message)
  [Console]::Error.WriteLine(('deploy.ps1: {0}{1}' -f $script:OwnedPath, $Message) -replace '[\p{Cc}]', ' ')
  exit 1
}

# Read-LmOwned: reads the list; a line it does not understand stops the run before any call. With
# -Others, only the other appliances' lines are read again (before the list is written, so that a
# run against another appliance at the same time loses nothing).
function Read-LmOwned {
  param([switch] $Others)
  $script:OwnOthers.Clear()
  if (-not (Test-Path -LiteralPath $script:OwnedPath)) { return }
  if (-not (Test-Path -LiteralPath $script:OwnedPath -PathType Leaf)) { Stop-LmOwned ': cannot read the owned list' }
  $n = 0
  foreach ($line in [System.IO.File]::ReadAllLines($script:OwnedPath)) {
    $n++
    if (-not $line -or $line.StartsWith('#')) { continue }
    $f = $line.Split("`t")
    if ($f.Count -ne 4 -or -not $f[0] -or -not $f[2] -or ('{0}:{1}' -f $f[1], $f[3]) -cnotmatch '^(vs:([0-9]+|pending)|rule:-)$') {
      Stop-LmOwned " line $($n): not a line of the owned list (appliance, vs or rule, identity, index)"
    }
    if ($f[0] -cne $script:Appliance) { $script:OwnOthers.Add($line) } elseif (-not $Others) { $script:Own[$f[1] + "`t" + $f[2]] = $f[3] }
  }
}
Read-LmOwned

# New-LmOwnedTemp: a new empty file beside the list, for a whole new list (or to learn that the
# folder can be written).
function New-LmOwnedTemp {
  $path = '{0}.{1}' -f $script:OwnedPath, [guid]::NewGuid().ToString('N').Substring(0, 6)
  try {
    [System.IO.File]::WriteAllText($path, '')
  } catch {
    return $null
  }
  $path
}

# Test-LmOwnedWritable: before the first change, the list can be written (a change it could not
# record would leave an object no later run knows as the site's).
function Test-LmOwnedWritable {
  $probe = New-LmOwnedTemp
  if (-not $probe) { Stop-LmStep "cannot write the owned list '$($script:OwnedPath)' (its folder must be writable; -OwnedList names another file): nothing was changed" }
  [System.IO.File]::Delete($probe)
}

# Save-LmOwned: writes the list whole, into a new file that then replaces it.
function Save-LmOwned {
  Read-LmOwned -Others
  $mine = [string[]]@(foreach ($k in $script:Own.Keys) { "$($script:Appliance)`t$k`t$($script:Own[$k])" })
  [Array]::Sort($mine, [StringComparer]::Ordinal)
  $text = "# What this site made on each LoadMaster: deploy.sh and deploy.ps1 write it, and remove deletes`n" +
  "# only what it lists. Keep it beside the scripts. appliance, kind, identity, index; tab-separated.`n" +
  (-join @(foreach ($line in @($script:OwnOthers) + $mine) { $line + "`n" }))
  $tmp = New-LmOwnedTemp
  if (-not $tmp) { Stop-LmStep "cannot write the owned list '$($script:OwnedPath)'" }
  [System.IO.File]::WriteAllText($tmp, $text, [System.Text.UTF8Encoding]::new($false))
  if ($script:Core) {
    [System.IO.File]::Move($tmp, $script:OwnedPath, $true)
  } else {
    # Windows PowerShell 5.1 only (reasoned about, not run): its File.Move cannot replace a file.
    if (Test-Path -LiteralPath $script:OwnedPath) { [System.IO.File]::Replace($tmp, $script:OwnedPath, $null) } else { [System.IO.File]::Move($tmp, $script:OwnedPath) }
  }
}

# Set-LmOwned: records an object as the site's.
function Set-LmOwned {
  param([string] $Kind, [string] $Id, [string] $Index)
  $key = $Kind + "`t" + $Id
  # -WhatIf changes nothing, the list included.
  if ($WhatIfPreference -or ($script:Own.ContainsKey($key) -and $script:Own[$key] -ceq $Index)) { return }
  $script:Own[$key] = $Index
  Save-LmOwned
}

# Remove-LmOwned: the object is gone.
function Remove-LmOwned {
  param([string] $Kind, [string] $Id)
  if (-not $WhatIfPreference -and $script:Own.Remove($Kind + "`t" + $Id)) { Save-LmOwned }
}

# Test-LmOwns: the list names the object: a Virtual Service with this Index (or one whose addvs did
# not answer: the service there is the one it made), or a rule (its index is always -).
function Test-LmOwns {
  param([string] $Kind, [string] $Id, [string] $Index = '-')
  $recorded = $null
  if (-not $script:Own.TryGetValue($Kind + "`t" + $Id, [ref]$recorded)) { return $false }
  $recorded -ceq $Index -or $recorded -ceq 'pending'
}

# Add-LmAdopted: an object at the site's identity that the list does not name, taken over with
# -Adopt: -Plan says so, apply records it in the list, and from then on it is the site's.
function Add-LmAdopted {
  param([string] $Kind, [string] $Id, [string] $Index, [string] $Title)
  $script:Counts.adopt++
  if ($script:Mode -eq 'plan' -and $Json) { Add-LmJsonObject adopt $Title }
  elseif ($script:Mode -eq 'plan') { Write-Host ("+ adopt      {0} (exists, not the site's until apply -Adopt)" -f ($Title -replace '[\p{Cc}]', ' ')) }
  if ($script:Mode -eq 'apply') {
    Set-LmOwned $Kind $Id $Index
    Write-Host $(if ($WhatIfPreference) { '    would be adopted (-WhatIf): the owned list is not written' } else { '    adopted: the owned list names it now' })
  }
}
