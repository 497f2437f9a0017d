# Invoke-LmCheckCertificates: before any change, every certificate the site assigns is installed
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

# The site's Virtual Services found on the LoadMaster (Index -> the nicknames of the site's SubVSs
# in it), learnt by Invoke-LmCheckAddresses.
$script:SiteVs = @{}

# Invoke-LmCheckAddresses: before any change, each Virtual Service at one of the site's addresses is
# the site's: of the site's name, and named by the owned list (or taken over with -Adopt). apply
# would otherwise change what is not the site's. The site's ones are kept in $script:SiteVs, with
# the nicknames of the SubVSs the site has in each.
function Invoke-LmCheckAddresses {
  param([string] $Title, [object[]] $Services)
  Enter-LmStep $Title
  foreach ($s in $Services) {
    $found = Find-LmVs $s.Address ([string]$s.Port) $s.Prot
    if (-not $found) { continue }
    if (-not (Test-LmSameText $s.Nickname $found.Nickname)) {
      Add-LmProblem ("{0}:{1} ({2}) holds a Virtual Service named '{3}', not '{4}': it is not this site's (delete or move it, or give this site another address)" -f $s.Address, $s.Port, $s.Prot, $found.Nickname, $s.Nickname)
    } elseif ($Adopt -or (Test-LmOwns 'vs' ('{0} {1} {2}' -f $s.Address, $s.Port, $s.Prot) $found.Index)) {
      $script:SiteVs[[string]$found.Index] = @($s.SubVs)
    } else {
      Add-LmProblem ("{0}:{1} ({2}) holds a Virtual Service named '{3}' that is not this site's: the owned list ('{4}') does not name it. apply -Adopt takes it over (then it is the site's, and a removal deletes it); or delete it, or give this site another address" -f $s.Address, $s.Port, $s.Prot, $s.Nickname, $script:OwnedPath)
    }
  }
}
