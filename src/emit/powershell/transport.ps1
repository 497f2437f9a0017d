$script:Cache = @{}
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
