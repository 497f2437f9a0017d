# Any error the script does not stop on itself ends the run as Stop-LmStep does: the step, the
# reason, exit 1; never PowerShell's error dump.
trap {
  $step = if ($script:Step) { $script:Step } else { 'the start' }
  [Console]::Error.WriteLine('deploy.ps1: failed at step: ' + $step)
  [Console]::Error.WriteLine('  ' + ($_.Exception.Message -replace '[\p{Cc}]', ' '))
  exit 1
}

# The API's credential, never printed or written: an API key (-ApiKey, else $env:LM_APIKEY) goes as
# the apikey argument of each call; a user and password (-Credential, else $env:LM_USER and
# $env:LM_PASSWORD, else asked for) as Basic authentication, encoded as UTF-8.
$script:Key = $null
$script:Basic = $null
if ($ApiKey) {
  $script:Key = [System.Net.NetworkCredential]::new('', $ApiKey).Password
} elseif (-not $Credential -and $env:LM_APIKEY) {
  $script:Key = $env:LM_APIKEY
} else {
  $user = $env:LM_USER
  $password = $env:LM_PASSWORD
  if ($Credential) {
    $user = $Credential.UserName
    $password = $Credential.GetNetworkCredential().Password
  } elseif (-not ($user -and $password)) {
    try { $asked = Get-Credential -Message 'LoadMaster API user' } catch { $asked = $null }
    if (-not $asked) { Stop-LmUsage 'give -Credential or -ApiKey, or set LM_USER and LM_PASSWORD, or LM_APIKEY' }
    $user = $asked.UserName
    $password = $asked.GetNetworkCredential().Password
  }
  $script:Basic = [Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes($user + ':' + $password))
  # Not a change of the appliance: never asked about at -Confirm, nor held back by -WhatIf.
  Remove-Variable password -Confirm:$false -WhatIf:$false
}
