import { CALL_ARG } from '../../loadmaster/parameters.js';

/**
 * deploy.ps1's library, first part: calling the API, reading replies, comparing values and
 * reporting, as deploy.sh does (templates/bash-core.ts, bash-values.ts). Replies are read from the
 * API itself with a real XML parser ([xml]), the same documents deploy.sh reads, rather than from the
 * module's objects, whose shape no public source shows. It holds no site value.
 */
export const PS_READ = String.raw`$script:Cache = @{}
$script:Counts = @{ create = 0; change = 0; same = 0; foreign = 0; removed = 0; kept = 0; absent = 0 }
$script:Problems = [System.Collections.Generic.List[string]]::new()
$script:GlobalsFound = [System.Collections.Generic.List[string]]::new()
$script:Adopted = @{}
$script:New = @{}
$script:Ref = @{}
$script:Step = ''
$script:Writes = 0
$script:Calls = 0

# Wait-LmPace: the pause before each call after the first: the appliance drops the connection above
# 30 calls in 3 seconds, and Kemp's own module waits about 150 ms too.
function Wait-LmPace {
  if ($script:Calls -gt 0 -and $Delay -gt 0) { Start-Sleep -Milliseconds ([int]($Delay * 1000)) }
  $script:Calls++
}

# Enter-LmStep: names the step that runs now, for the progress and any failure.
function Enter-LmStep {
  param([string] $Title)
  $script:Step = $Title
  if ($script:Mode -in @('apply', 'remove')) { Write-Host ('==> ' + $Title) }
}

# Stop-LmStep: stops the script, naming the step.
function Stop-LmStep {
  param([string[]] $Detail)
  $lines = @('deploy.ps1: failed at step: ' + $script:Step) + @($Detail | ForEach-Object { '  ' + $_ })
  throw ($lines -join [Environment]::NewLine)
}

# Invoke-LmApi: one GET /access/<command>, every name and value URL-encoded, with the script's
# credential. Returns Ok, Status (HTTP), Error and Response (the <Response> element). The reply is
# decoded as its declaration says (ISO-8859-1 in every captured reply) and parsed as XML. A wrong
# password (401) and a disabled API (404) answer without XML. The LoadMaster's certificate is
# verified unless -SkipCertificateCheck is given.
function Invoke-LmApi {
  param([string] $Command, $Query)
  $pair = '{0}:{1}' -f $Credential.UserName, $Credential.GetNetworkCredential().Password
  $headers = @{ Authorization = 'Basic ' + [Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes($pair)) }
  $hostName = if ($LoadBalancer.Contains(':')) { '[' + $LoadBalancer + ']' } else { $LoadBalancer }
  $pairs = foreach ($k in $Query.Keys) { '{0}={1}' -f [uri]::EscapeDataString($k), [uri]::EscapeDataString([string]$Query[$k]) }
  $call = @{ Uri = ('https://{0}:{1}/access/{2}?{3}' -f $hostName, $LBPort, $Command, ($pairs -join '&')); Headers = $headers; UseBasicParsing = $true; TimeoutSec = 30 }
  $modern = $PSVersionTable.PSVersion.Major -ge 7
  if ($modern) { $call.SkipHttpErrorCheck = $true }
  # Windows PowerShell has no per-call switch: the process-wide callback is set for this call only.
  $saved = [System.Net.ServicePointManager]::ServerCertificateValidationCallback
  if ($SkipCertificateCheck) {
    if ($PSVersionTable.PSVersion.Major -ge 6) { $call.SkipCertificateCheck = $true }
    else { [System.Net.ServicePointManager]::ServerCertificateValidationCallback = { $true } }
  }
  $status = 0
  $text = ''
  Wait-LmPace
  try {
    $reply = Invoke-WebRequest @call
    $status = [int]$reply.StatusCode
    $bytes = $reply.RawContentStream.ToArray()
    $head = [Text.Encoding]::ASCII.GetString($bytes, 0, [Math]::Min(100, $bytes.Length))
    $encoding = if ($head -match 'encoding\s*=\s*["''](iso-?8859-1|latin-?1|windows-1252)') { [Text.Encoding]::GetEncoding(28591) } else { [Text.Encoding]::UTF8 }
    $text = $encoding.GetString($bytes)
  } catch {
    if (-not $_.Exception.Response) { Stop-LmStep ('GET {0}: no answer ({1})' -f $Command, $_.Exception.Message) }
    # Windows PowerShell throws on an error status; the body is already text in ErrorDetails.
    $status = [int]$_.Exception.Response.StatusCode
    if ($_.ErrorDetails) { $text = $_.ErrorDetails.Message }
  } finally { [System.Net.ServicePointManager]::ServerCertificateValidationCallback = $saved }
  $out = [pscustomobject]@{ Ok = $false; Status = $status; Error = ''; Response = $null }
  try { $out.Response = ([xml]$text).DocumentElement } catch { $out.Response = $null }
  # An API reply is a <Response>; a wrong password or a disabled API answers with a page.
  if ($out.Response -and $out.Response.LocalName -ine 'Response') { $out.Response = $null }
  if (-not $out.Response) {
    $out.Error = switch ($status) {
      401 { 'authentication failed: check the credential' }
      404 { 'not found: is the API enabled on the LoadMaster, and -LoadBalancer its address?' }
      default { "a reply that is not the LoadMaster API's" }
    }
    return $out
  }
  # Kemp's module takes stat 200 or ok as success.
  $stat = [string]$out.Response.GetAttribute('stat')
  if ($status -eq 200 -and ($stat -eq '200' -or $stat -eq 'ok')) { $out.Ok = $true; return $out }
  $out.Error = [string](Get-LmText $out.Response 'Error')
  if (-not $out.Error) { $out.Error = '(the reply holds no Error element)' }
  $out
}

# Read-Lm: a read that must succeed, kept as Key until Clear-LmCache, so a run reads each object
# once until it changes it. Returns the <Response> element.
function Read-Lm {
  param([string] $Key, [string] $Command, $Query = @{})
  if ($script:Cache.ContainsKey($Key)) { return $script:Cache[$Key] }
  $r = Invoke-LmApi $Command $Query
  if (-not $r.Ok) { Stop-LmStep ('GET {0}: HTTP {1}' -f $Command, $r.Status), ('LoadMaster error: ' + $r.Error) }
  $script:Cache[$Key] = $r.Response
  $r.Response
}

# Read-LmOptional: Read-Lm, but an error answer gives $null (and is kept).
function Read-LmOptional {
  param([string] $Key, [string] $Command, $Query = @{})
  if (-not $script:Cache.ContainsKey($Key)) {
    $r = Invoke-LmApi $Command $Query
    $script:Cache[$Key] = if ($r.Ok) { $r.Response } else { $null }
  }
  $script:Cache[$Key]
}

# Clear-LmCache: the next Read-Lm of each key asks the appliance again.
function Clear-LmCache {
  param([string[]] $Key)
  foreach ($k in $Key) { $script:Cache.Remove($k) }
}

# Get-LmChildren: the child elements of a node with this name, whatever its case ('*': all).
function Get-LmChildren {
  param($Node, [string] $Name)
  if (-not $Node) { return }
  foreach ($c in $Node.ChildNodes) {
    if ($c.NodeType -eq 'Element' -and ($Name -eq '*' -or $c.LocalName -ieq $Name)) { $c }
  }
}

# Get-LmText: the text of a node's first child element with this name, or $null when there is none.
function Get-LmText {
  param($Node, [string] $Name)
  $c = @(Get-LmChildren $Node $Name) | Select-Object -First 1
  if ($c) { [string]$c.InnerText } else { $null }
}

# Get-LmData: the <Data> of a reply.
function Get-LmData {
  param($Response)
  @(Get-LmChildren $Response 'Success' | ForEach-Object { Get-LmChildren $_ 'Data' }) | Select-Object -First 1
}

# Get-LmRecord: the element holding a Virtual Service's fields in a showvs reply: <Data> itself
# (captured replies), or the <VS> inside it if it holds one.
function Get-LmRecord {
  param($Response)
  $data = Get-LmData $Response
  $vs = @(Get-LmChildren $data 'VS') | Select-Object -First 1
  if ($vs) { return $vs }
  $data
}

# Get-LmTail: the texts of the elements named Child inside an element named Parent, at any depth.
function Get-LmTail {
  param($Response, [string] $Parent, [string] $Child)
  if (-not $Response) { return }
  foreach ($e in $Response.SelectNodes('.//*')) {
    if ($e.LocalName -ieq $Child -and $e.ParentNode.LocalName -ieq $Parent) { [string]$e.InnerText }
  }
}

# Read-LmVs: the record of Virtual Service or SubVS Index.
function Read-LmVs {
  param($Index)
  Get-LmRecord (Read-Lm "vs-$Index" 'showvs' @{ ${CALL_ARG.vs} = $Index })
}

# ConvertTo-LmSwitch: 1 or 0 for the ways the appliance writes a switch (Y/N, yes/no), else the value.
function ConvertTo-LmSwitch {
  param([string] $Value)
  if ($Value -match '^(y|yes|1|true|on|enabled)$') { return '1' }
  if ($Value -match '^(n|no|0|false|off|disabled|)$') { return '0' }
  $Value
}

# Split-LmItems: the items of a list, separated by spaces, commas or line breaks.
function Split-LmItems {
  param([string] $Text)
  @($Text -split '[\s,]+' | Where-Object { $_ -ne '' })
}

# Test-LmSame: whether the appliance holds Sent: Found, or for $null (an absent element) whatever
# an absent element stands for (nothing known means not the same). Exact unless the table says.
function Test-LmSame {
  param([string] $Key, [string] $Sent, $Found)
  $spec = $LmParams[$Key]
  if ($null -eq $Found) {
    if (-not ($spec -and $spec.ContainsKey('Absent'))) { return $false }
    $Found = $spec.Absent
  }
  $Found = [string]$Found
  $how = if ($spec) { $spec.Compare } else { 'text' }
  switch ($how) {
    'bool' { return (ConvertTo-LmSwitch $Sent) -ceq (ConvertTo-LmSwitch $Found) }
    'int' {
      $a = 0L
      $b = 0L
      if ([long]::TryParse($Sent.Trim(), [ref]$a) -and [long]::TryParse($Found.Trim(), [ref]$b)) { return $a -eq $b }
      return $Sent -ceq $Found
    }
    'ci' { return $Sent -ieq $Found }
    { $_ -in @('set', 'includes') } {
      $held = [System.Collections.Generic.HashSet[string]]::new([StringComparer]::Ordinal)
      foreach ($i in (Split-LmItems $Found)) { $null = $held.Add($i) }
      $sentItems = [System.Collections.Generic.HashSet[string]]::new([StringComparer]::Ordinal)
      foreach ($i in (Split-LmItems $Sent)) { $null = $sentItems.Add($i) }
      if (-not $sentItems.IsSubsetOf($held)) { return $false }
      return ($how -eq 'includes') -or $held.SetEquals($sentItems)
    }
    default { return Test-LmSameText $Sent $Found }
  }
}

# Test-LmSameText: the same text; or Found is Sent's UTF-8 read as Latin-1, as from a reply declared
# ISO-8859-1 that holds UTF-8 bytes (one of the forms non-ASCII text may take).
function Test-LmSameText {
  param([string] $Sent, [string] $Found)
  if ($Sent -ceq $Found) { return $true }
  try {
    $bytes = [Text.Encoding]::GetEncoding(28591).GetBytes($Found)
    return [Text.UTF8Encoding]::new($false, $true).GetString($bytes) -ceq $Sent
  } catch { return $false }
}

# Join-LmItems: Sent's items, then Found's others (certificates added by hand stay), leaving out a
# 32-digit hex name: the appliance's own default certificate (captured showvs replies).
function Join-LmItems {
  param([string] $Sent, [string] $Found)
  $out = [System.Collections.Generic.List[string]]::new()
  foreach ($i in (Split-LmItems $Sent)) { $out.Add($i) }
  foreach ($i in (Split-LmItems $Found)) {
    if (-not $out.Contains($i) -and $i -notmatch '^[0-9a-fA-F]{32}$') { $out.Add($i) }
  }
  $out -join ' '
}

# Compare-LmParams: compares parameters (name -> value) with a node's children. Send holds what
# to send, Show "NAME: appliance's value -> site's value" lines, Miss "NAME: sent ..., found ...".
function Compare-LmParams {
  param([string] $Scope, $Node, $Params)
  $fields = @{}
  foreach ($c in (Get-LmChildren $Node '*')) {
    if (-not $fields.ContainsKey($c.LocalName)) { $fields[$c.LocalName] = [string]$c.InnerText }
  }
  $out = [pscustomobject]@{ Send = [ordered]@{}; Show = @(); Miss = @() }
  foreach ($name in $Params.Keys) {
    $key = '{0}:{1}' -f $Scope, $name.ToLowerInvariant()
    $spec = $LmParams[$key]
    $element = if ($spec -and $spec.Element) { $spec.Element } else { $name }
    $found = if ($fields.ContainsKey($element)) { $fields[$element] } else { $null }
    $value = [string]$Params[$name]
    if (Test-LmSame $key $value $found) { continue }
    $shown = if ($null -ne $found) { "'$found'" } elseif ($spec -and $spec.ContainsKey('Absent')) { "'$($spec.Absent)'" } else { '(not reported)' }
    $out.Show += ("{0}: {1} -> '{2}'" -f $name, $shown, $value)
    $out.Miss += ("{0}: sent '{1}', found {2}" -f $name, $value, $shown)
    if ($spec -and $spec.Compare -eq 'includes') { $value = Join-LmItems $value ([string]$found) }
    $out.Send[$name] = $value
  }
  $out
}

# Write-LmReport: counts an object as create, change, same or foreign and says so: plan prints what
# would happen, apply what it did, the checks before apply print nothing.
function Write-LmReport {
  param([string] $Outcome, [string] $Object, [string[]] $Detail = @())
  $script:Counts[$Outcome]++
  $Object = $Object -replace '[\p{Cc}]', ' '
  if ($script:Mode -eq 'plan') {
    $label = @{ create = '+ create    '; change = '~ change    '; same = '= unchanged '; foreign = '! foreign   ' }[$Outcome]
    $tail = if ($Outcome -eq 'foreign') { ' (left alone)' } else { '' }
    Write-Host ('{0} {1}{2}' -f $label, $Object, $tail)
  } elseif ($script:Mode -eq 'apply') {
    $done = if ($WhatIfPreference) { @{ create = '    would be created'; change = '    would be changed' } } else { @{ create = '    created'; change = '    changed' } }
    $said = @{ create = $done.create; change = $done.change; same = '    unchanged'; foreign = ('    left alone: {0} (the site does not name it)' -f $Object) }[$Outcome]
    Write-Host $said
  } else { return }
  foreach ($line in $Detail) { Write-Host ('      ' + ($line -replace '[\p{Cc}]', ' ')) }
}

# Add-LmProblem: a reason the site cannot be applied as the LoadMaster stands. The checks before
# apply collect them and stop before any change; plan lists them.
function Add-LmProblem {
  param([string] $Text)
  $script:Problems.Add($Text)
  if ($script:Mode -eq 'plan') { Write-Host ('x problem    ' + $Text) }
  if ($script:Mode -eq 'apply') { Stop-LmStep $Text }
}

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
`;
