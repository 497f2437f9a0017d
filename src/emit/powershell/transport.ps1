$script:Cache = @{}
$script:Counts = @{ create = 0; change = 0; same = 0; foreign = 0; adopt = 0; removed = 0; kept = 0; absent = 0; skipped = 0 }
$script:Problems = [System.Collections.Generic.List[string]]::new()
$script:GlobalsFound = [System.Collections.Generic.List[string]]::new()
$script:Claimed = @{}
$script:New = @{}
$script:Ref = @{}
$script:Step = ''
$script:StepN = 0
$script:StepTotal = 0
$script:Writes = 0
$script:Calls = 0

# Wait-LmPace: the pause before each call after the first: the appliance drops the connection above
# 30 calls in 3 seconds, and Kemp's own module waits about 150 ms too.
function Wait-LmPace {
  if ($script:Calls -gt 0 -and $script:DelaySeconds -gt 0) { Start-Sleep -Milliseconds ([int]($script:DelaySeconds * 1000)) }
  $script:Calls++
}

# Enter-LmStep: names the step that runs now, for the progress and any failure. At a terminal, apply
# says which of the plan's steps it is on ($script:StepN of $script:StepTotal, set by $Steps).
function Enter-LmStep {
  param([string] $Title)
  $script:Step = $Title
  $script:StepN++
  if ($script:Mode -notin @('apply', 'remove')) { return }
  $counted = $script:Mode -eq 'apply' -and $script:StepTotal -gt 0 -and -not [Console]::IsOutputRedirected
  Write-Host ('==> ' + $(if ($counted) { "[$($script:StepN)/$($script:StepTotal)] " } else { '' }) + $Title)
}

# Stop-LmStep: stops the script, naming the step: one line on stderr and each detail below it, exit 1.
function Stop-LmStep {
  param([string[]] $Detail)
  [Console]::Error.WriteLine('deploy.ps1: failed at step: ' + ($script:Step -replace '[\p{Cc}]', ' '))
  foreach ($d in $Detail) { [Console]::Error.WriteLine('  ' + ($d -replace '[\p{Cc}]', ' ')) }
  exit 1
}

# The connection: on PowerShell 7 one HttpClient for the run, its certificate check compiled (tls.ps1),
# no redirect followed, no cookie kept. Windows PowerShell 5.1 makes a request per call instead.
$script:Client = $null
if ($script:Core) {
  $handler = [System.Net.Http.SocketsHttpHandler]::new()
  $handler.AllowAutoRedirect = $false
  $handler.UseCookies = $false
  $handler.ConnectTimeout = [TimeSpan]::FromSeconds($script:TimeoutSeconds)
  if ($SkipCertificateCheck -or $CaCertificate) { $handler.SslOptions.RemoteCertificateValidationCallback = [LmTls]::Callback() }
  $script:Client = [System.Net.Http.HttpClient]::new($handler)
  $script:Client.Timeout = [TimeSpan]::FromSeconds($script:TimeoutSeconds)
} elseif ([int][System.Net.ServicePointManager]::SecurityProtocol -ne 0) {
  # Windows PowerShell 5.1 only (reasoned about, not run): an older .NET may leave TLS 1.2 off.
  [System.Net.ServicePointManager]::SecurityProtocol = [System.Net.ServicePointManager]::SecurityProtocol -bor [System.Net.SecurityProtocolType]::Tls12
}
$script:LmHost = if ($LoadBalancer.Contains(':')) { '[' + $LoadBalancer + ']' } else { $LoadBalancer }

# Get-LmReason: an exception and its inner ones as one line, control characters removed.
function Get-LmReason {
  param($Exception)
  $parts = @()
  for ($e = $Exception; $e; $e = $e.InnerException) {
    if ($e -isnot [System.Management.Automation.MethodInvocationException]) { $parts += $e.Message }
  }
  if ($CaCertificate -or $SkipCertificateCheck) { if ([LmTls]::Problem) { $parts += 'certificate: ' + [LmTls]::Problem } }
  ($parts -join ' <- ') -replace '[\p{Cc}]', ' '
}

# The most of one reply the script reads: a larger one is refused (a listvs of a few thousand
# Virtual Services is well under it).
$script:ReplyLimit = 5MB

# Read-LmReply: a reply's bytes, at most ReplyLimit of them: a reply that announces more, or sends
# more, is refused (thrown), never read whole.
function Read-LmReply {
  param([System.IO.Stream] $Stream, $Length)
  $tooLarge = 'the reply is larger than 5 MB, the most a reply is read: refused'
  if ($null -ne $Length -and $Length -gt $script:ReplyLimit) { throw [System.IO.InvalidDataException]::new($tooLarge) }
  $body = [System.IO.MemoryStream]::new()
  $buffer = [byte[]]::new(65536)
  while (($n = $Stream.Read($buffer, 0, $buffer.Length)) -gt 0) {
    if ($body.Length + $n -gt $script:ReplyLimit) { throw [System.IO.InvalidDataException]::new($tooLarge) }
    $body.Write($buffer, 0, $n)
  }
  $body.ToArray()
}

# Send-LmRequest: one GET of Uri; returns the HTTP status and the reply's bytes whatever the status,
# or throws when no reply came (refused, timed out, cut off, certificate refused).
function Send-LmRequest {
  param([string] $Uri)
  if ($script:Core) {
    $request = [System.Net.Http.HttpRequestMessage]::new([System.Net.Http.HttpMethod]::Get, $Uri)
    # An empty body: .NET sends a request without one again, unasked, when the connection closes
    # before any byte of the reply, and a change must never be made twice.
    $request.Content = [System.Net.Http.ByteArrayContent]::new([byte[]]@())
    if ($script:Basic) { $request.Headers.Authorization = [System.Net.Http.Headers.AuthenticationHeaderValue]::new('Basic', $script:Basic) }
    $reply = $script:Client.Send($request, [System.Net.Http.HttpCompletionOption]::ResponseHeadersRead)
    try { return @([int]$reply.StatusCode, (Read-LmReply $reply.Content.ReadAsStream() $reply.Content.Headers.ContentLength)) }
    finally { $reply.Dispose(); $request.Dispose() }
  }
  # Windows PowerShell 5.1 only (reasoned about, not run): HttpWebRequest, the check per request.
  $request = [System.Net.HttpWebRequest]::Create($Uri)
  $request.Method = 'GET'
  $request.AllowAutoRedirect = $false
  $request.KeepAlive = $false
  $request.Timeout = $script:TimeoutSeconds * 1000
  $request.ReadWriteTimeout = $script:TimeoutSeconds * 1000
  if ($SkipCertificateCheck -or $CaCertificate) { $request.ServerCertificateValidationCallback = [LmTls]::Callback() }
  if ($script:Basic) { $request.Headers['Authorization'] = 'Basic ' + $script:Basic }
  try { $reply = $request.GetResponse() } catch [System.Net.WebException] {
    $reply = $_.Exception.Response
    if (-not $reply) { throw }
  }
  try {
    $length = if ($reply.ContentLength -ge 0) { $reply.ContentLength } else { $null }
    return @([int]$reply.StatusCode, (Read-LmReply $reply.GetResponseStream() $length))
  } finally { $reply.Close() }
}

# Invoke-LmApi: one GET /access/<command>, every name and value URL-encoded, with the script's
# credential (an API key as the apikey argument, never shown). Returns Ok, Status (HTTP, 0 when no
# reply came), Error and Response (the <Response> element). The reply is decoded as its declaration
# says (ISO-8859-1 in every captured reply) and parsed as XML; a wrong password (401) and a disabled
# API (404) answer without XML, and the LoadMaster's own <Error> text is kept whatever the status.
function Invoke-LmApi {
  param([string] $Command, $Query)
  $pairs = @(foreach ($k in $Query.Keys) { '{0}={1}' -f [uri]::EscapeDataString($k), [uri]::EscapeDataString([string]$Query[$k]) })
  if ($script:Key) { $pairs += 'apikey=' + [uri]::EscapeDataString($script:Key) }
  $uri = 'https://{0}:{1}/access/{2}?{3}' -f $script:LmHost, $script:Port, $Command, ($pairs -join '&')
  $out = [pscustomobject]@{ Ok = $false; Status = 0; Error = ''; Response = $null }
  Wait-LmPace
  try {
    $status, $bytes = Send-LmRequest $uri
  } catch {
    # A reply refused for its size came, but was not read.
    $out.Error = if ($_.Exception -is [System.IO.InvalidDataException]) { $_.Exception.Message } else { 'no answer: ' + (Get-LmReason $_.Exception) }
    return $out
  }
  $out.Status = $status
  $head = [Text.Encoding]::ASCII.GetString($bytes, 0, [Math]::Min(100, $bytes.Length))
  $encoding = if ($head -match 'encoding\s*=\s*["''](iso-?8859-1|latin-?1|windows-1252)') { [Text.Encoding]::GetEncoding(28591) } else { [Text.Encoding]::UTF8 }
  try { $out.Response = ([xml]$encoding.GetString($bytes)).DocumentElement } catch { $out.Response = $null }
  # An API reply is a <Response>; a wrong password or a disabled API answers with a page.
  if ($out.Response -and $out.Response.LocalName -ine 'Response') { $out.Response = $null }
  if (-not $out.Response) {
    $out.Error = switch ($status) {
      401 { 'authentication failed: check the credential or the API key' }
      404 { 'not found: is the API enabled on the LoadMaster, and -LoadBalancer its address?' }
      default { "a reply that is not the LoadMaster API's (HTTP $status)" }
    }
    return $out
  }
  # Kemp's module takes stat 200 or ok as success.
  $stat = [string]$out.Response.GetAttribute('stat')
  if ($status -eq 200 -and ($stat -eq '200' -or $stat -eq 'ok')) { $out.Ok = $true; return $out }
  $out.Error = ([string](Get-LmText $out.Response 'Error')) -replace '[\p{Cc}]', ' '
  if (-not $out.Error) { $out.Error = '(the reply holds no Error element)' }
  $out
}

# Read-Lm: a read that must succeed, kept as Key until Clear-LmCache, so a run reads each object
# once until it changes it. Returns the <Response> element.
function Read-Lm {
  param([string] $Key, [string] $Command, $Query = @{})
  if ($script:Cache.ContainsKey($Key)) { return $script:Cache[$Key] }
  $r = Invoke-LmApi $Command $Query
  if ($r.Status -eq 0) { Stop-LmStep ('GET {0}: {1}' -f $Command, $r.Error) }
  if (-not $r.Ok) { Stop-LmStep ('GET {0}: HTTP {1}' -f $Command, $r.Status), ('LoadMaster error: ' + $r.Error) }
  $script:Cache[$Key] = $r.Response
  $r.Response
}

# Read-LmOptional: Read-Lm, but an error answer gives $null (and is kept).
function Read-LmOptional {
  param([string] $Key, [string] $Command, $Query = @{})
  if (-not $script:Cache.ContainsKey($Key)) {
    $r = Invoke-LmApi $Command $Query
    if ($r.Status -eq 0) { Stop-LmStep ('GET {0}: {1}' -f $Command, $r.Error) }
    $script:Cache[$Key] = if ($r.Ok) { $r.Response } else { $null }
  }
  $script:Cache[$Key]
}

# Clear-LmCache: the next Read-Lm of each key asks the appliance again.
function Clear-LmCache {
  param([string[]] $Key)
  foreach ($k in $Key) { $script:Cache.Remove($k) }
}
