# Read-LmGlobal: get of a global setting: its <Data>, where Kemp's module reads the value
# (<Data><Param>); a reply that gives it as the text of a <Success> holding no element (as some
# commands answer) is read as if it were there.
function Read-LmGlobal {
  param([string] $Param)
  $reply = Read-Lm "global-$Param" 'get' (Get-LmGlobalQuery $Param)
  $data = Get-LmData $reply
  $success = Get-LmChild $reply 'Success'
  if ($data -or -not $success) { return $data }
  $doc = [System.Xml.XmlDocument]::new()
  $data = $doc.CreateElement('Data')
  $value = $doc.CreateElement($Param)
  $value.InnerText = $success.InnerText
  [void]$data.AppendChild($value)
  $data
}

# Invoke-LmGlobal: get, then set when it differs (guide section 2).
function Invoke-LmGlobal {
  param([string] $Title, [string] $Param, [string] $Value)
  Enter-LmStep $Title
  $want = [ordered]@{ $Param = $Value }
  $data = Read-LmGlobal $Param
  if ($script:Mode -ne 'apply') {
    $found = Get-LmText $data $Param
    $shown = if ($null -eq $found) { '(not reported)' } else { "'" + ($found -replace '[\p{Cc}]', ' ') + "'" }
    $script:GlobalsFound.Add(('{0} {1}' -f $Param, $shown))
  }
  $diff = Compare-LmParams 'global' $data $want
  if ($diff.Send.Count -eq 0) {
    Write-LmReport same $Title
    return
  }
  if ($script:Mode -eq 'apply') {
    if ($null -eq (Set-LmGlobal $Title $Param $Value)) {
      Write-LmReport skipped $Title
      return
    }
    Clear-LmCache "global-$Param"
    $after = Compare-LmParams 'global' (Read-LmGlobal $Param) $want
    if ($after.Send.Count -gt 0) { Stop-LmStep (@("the LoadMaster did not keep $($Param):") + $after.Miss) }
  }
  Write-LmReport change $Title $diff.Show
}
