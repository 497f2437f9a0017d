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

# The site's Virtual Services found on the LoadMaster (Index -> $true), learnt by
# Invoke-LmCheckAddresses.
$script:SiteVs = @{}

# Invoke-LmCheckAddresses: before any change, no Virtual Service of another name holds one of the
# site's addresses: apply would otherwise change it. The site's own ones found there are kept in
# $script:SiteVs.
function Invoke-LmCheckAddresses {
  param([string] $Title, [object[]] $Services)
  Enter-LmStep $Title
  foreach ($s in $Services) {
    $found = Find-LmVs $s.Address ([string]$s.Port) $s.Prot
    if ($found -and (Test-LmSameText $s.Nickname $found.Nickname)) { $script:SiteVs[[string]$found.Index] = $true }
    if ($found -and -not (Test-LmSameText $s.Nickname $found.Nickname)) {
      Add-LmProblem ("{0}:{1} ({2}) holds a Virtual Service named '{3}', not '{4}': it is not this site's (delete or move it, or give this site another address)" -f $s.Address, $s.Port, $s.Prot, $found.Nickname, $s.Nickname)
    }
  }
}
