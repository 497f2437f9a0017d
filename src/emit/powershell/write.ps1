# Format-LmCall: a call as the log shows it: the command, then name=value, the API key never.
function Format-LmCall {
  param([string] $Command, $Query)
  (@($Command) + @(foreach ($k in $Query.Keys) { '{0}={1}' -f $k, $Query[$k] })) -join ' '
}

# Invoke-LmWrite: one change, only after ShouldProcess agrees (-WhatIf shows it and makes none,
# -Confirm answered No declines it). Returns the reply's <Response>, or $null when the change was
# held back (the caller reports it as skipped). An error answer stops the script with the
# LoadMaster's text; no answer at all stops it too, saying the change may have been made (it is
# never sent twice: a rerun reads what is there first).
function Invoke-LmWrite {
  param([string] $What, [string] $Command, $Query)
  $action = Format-LmCall $Command $Query
  if ($script:Mode -notin @('apply', 'remove')) { Stop-LmStep "internal: $action while only reading" }
  if (-not $script:Cmdlet.ShouldProcess($What, $action)) { return $null }
  $script:Writes++
  $r = Invoke-LmApi $Command $Query
  if ($r.Status -eq 0) { Stop-LmStep ('GET {0}: {1}' -f $Command, $r.Error), 'the change may or may not have been made: run -Plan to see what the LoadMaster holds' }
  if (-not $r.Ok) { Stop-LmStep ('GET {0}: HTTP {1}' -f $Command, $r.Status), ('LoadMaster error: ' + $r.Error) }
  $r.Response
}

# Join-LmQuery: a call's arguments: First's, then Params' (a table of parameters to send).
function Join-LmQuery {
  param($First, $Params)
  $query = [ordered]@{}
  foreach ($k in $First.Keys) { $query[$k] = $First[$k] }
  if ($Params) { foreach ($k in $Params.Keys) { $query[$k] = [string]$Params[$k] } }
  $query
}
