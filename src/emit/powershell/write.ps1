# Invoke-LmWrite: one change, only after ShouldProcess agrees (-WhatIf shows it and makes none); a
# reply other than 200 stops the script. Returns whether the change was made.
# The change runs in a scope below this one, so these names are unlike any a caller's change reads.
function Invoke-LmWrite {
  param([string] $LmWriteTarget, [string] $LmWriteAction, [scriptblock] $LmWriteChange)
  if ($script:Mode -notin @('apply', 'remove')) { Stop-LmStep "internal: $LmWriteAction while only reading" }
  if (-not $script:Cmdlet.ShouldProcess($LmWriteTarget, $LmWriteAction)) { return $false }
  Wait-LmPace
  $script:Writes++
  $lmWriteReply = & $LmWriteChange
  if (-not ($lmWriteReply -and ([string]$lmWriteReply.ReturnCode -eq '200' -or $lmWriteReply.Ok))) {
    $lmWriteError = if ($null -eq $lmWriteReply) { 'no answer' } elseif ($lmWriteReply.PSObject.Properties['Error']) { $lmWriteReply.Error } else { $lmWriteReply.Response }
    Stop-LmStep ('{0}: the LoadMaster answered: {1}' -f $LmWriteAction, $lmWriteError)
  }
  $true
}
