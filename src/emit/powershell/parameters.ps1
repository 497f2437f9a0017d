<#
.SYNOPSIS
Configures a Kemp LoadMaster for Microsoft Exchange 2016 as Kemp's deployment guide recommends.

.DESCRIPTION
Drives the LoadMaster's API (/access/...) itself, over HTTPS with the certificate verified; no module
is needed. What it deploys is listed in the script, in $Summary after its parameters (-Verbose
prints it). Without -Plan or -Remove it applies the site: every check first (credentials, API,
certificates, SSO domains, addresses), then only what differs is changed, parameter by parameter,
and read back; a value the LoadMaster did not keep stops the run. A second run changes nothing.
-WhatIf shows each change without making it; -Confirm asks before each one, and a change declined
is reported as skipped.

Exit codes (deploy.sh's are the same): 0 done, or nothing to do; 1 an error of any kind, a usage
mistake, no credential or a problem that stops apply (nothing was changed then) included; 2 with
-Plan: changes pending; 3 -Remove kept objects that are not the site's (each is listed, with why).

What the site owns: what it made, as recorded in the owned list (deploy.owned.tsv beside the
scripts), and what -Adopt took over; inside the site's Virtual Services, the SubVSs and real servers
the site names. Everything else is left alone.

.PARAMETER LoadBalancer
The LoadMaster's address (its web user interface and API address).

.PARAMETER LBPort
The port of the LoadMaster's API (the web user interface port), 443 unless changed.

.PARAMETER Credential
An API user of the LoadMaster (for example bal). When left out, the script takes $env:LM_USER and
$env:LM_PASSWORD, or an API key, and asks for a credential only when it has none.

.PARAMETER ApiKey
An API key of the LoadMaster, as a SecureString (Read-Host -AsSecureString). $env:LM_APIKEY is
taken when neither this nor -Credential is given.

.PARAMETER CaCertificate
A file of the CA certificate(s) that signed the LoadMaster's certificate (PEM or DER), as curl's
--cacert: the certificate is then verified against that CA instead of the system's trust store.

.PARAMETER SkipCertificateCheck
Do not verify the LoadMaster's TLS certificate at all. Verification is on unless this is given.

.PARAMETER Plan
Only read the LoadMaster and print, per object, create, change (the parameter, the LoadMaster's
value, the site's) or unchanged, and what the site does not own (foreign). Exit code 0: nothing to
do; 2: changes pending; 1: an error, or a problem that would stop the apply. With -Remove: what
-Remove would delete and keep, ending "plan: N to delete, K kept" (exit 2 when N is above 0).

.PARAMETER Remove
Delete what the site owns (the owned list names it): its Virtual Services with their SubVSs and
real servers, and its content rules that no Virtual Service left uses. A Virtual Service that also
holds a SubVS or real server the site does not name is kept, with those, and the site's objects in
it are deleted one by one (exit 3). Global settings stay. Asks once before deleting (-Force does
not ask).

.PARAMETER Adopt
Take over what exists at the site's identities without being the site's (a Virtual Service of the
site's name at its address, a content rule of its name): apply records it in the owned list and
makes it as the site has it; -Remove deletes it later. Without -Adopt, apply stops before any
change when there is such an object.

.PARAMETER Force
With -Remove: delete without asking. Without a console to ask at (pwsh -NonInteractive), -Remove
deletes nothing unless -Force is given.

.PARAMETER IncludeForeign
With -Remove: delete the site's Virtual Services whole, with the SubVSs and real servers in them
that the site does not name (each listed first).

.PARAMETER OwnedList
The owned list: the file that records what this site made on each LoadMaster. Default:
$env:LM_OWNED, else deploy.owned.tsv beside this script (deploy.sh uses the same file).

.PARAMETER Json
With -Plan: the plan as one JSON document on stdout (schemas/plan.schema.json of build-templates):
each object with its action, the parameters that differ with the LoadMaster's value and the
site's, what is not the site's, and with -Remove what would be deleted and kept. Exit codes as
-Plan.

.PARAMETER Delay
Seconds to wait between calls (default 0.15): the appliance drops the connection above 30 calls in
3 seconds.

.PARAMETER TimeoutSec
Seconds one call may take, reply included (default 30).

.PARAMETER Unexpected
Not a parameter: whatever else is on the command line lands here, and is refused (exit 1), as a
mistyped parameter name is.

.EXAMPLE
./deploy.ps1 -LoadBalancer lm.example.com -LBPort 8443 -Plan
Reads the LoadMaster and prints what apply would change; exit code 0, 2 or 1.

.EXAMPLE
./deploy.ps1 -LoadBalancer lm.example.com -LBPort 8443 -Credential (Get-Credential bal)
Applies the site: checks first, then only what differs, each change read back.

.EXAMPLE
./deploy.ps1 -LoadBalancer lm.example.com -LBPort 8443 -CaCertificate ./lm-ca.pem -Plan -Remove
Lists what -Remove would delete and keep, changing nothing; exit code 0 or 2.

.EXAMPLE
./deploy.ps1 -LoadBalancer lm.example.com -LBPort 8443 -CaCertificate ./lm-ca.pem -Remove -WhatIf
Shows each call -Remove would make, changing nothing.
#>
#Requires -Version 5.1
# The numbers are taken as text and checked below, and anything else on the command line is caught
# by Unexpected: a usage mistake then ends as deploy.sh's does, with one line saying what, not as a
# PowerShell binding error.
[CmdletBinding(SupportsShouldProcess, PositionalBinding = $false)]
param(
  [string] $LoadBalancer,
  [string] $LBPort = '443',
  [System.Management.Automation.PSCredential] $Credential,
  [securestring] $ApiKey,
  [string] $CaCertificate,
  [switch] $SkipCertificateCheck,
  [switch] $Plan,
  [switch] $Remove,
  [switch] $Adopt,
  [switch] $Force,
  [switch] $IncludeForeign,
  [switch] $Json,
  [string] $OwnedList,
  [string] $Delay = '0.15',
  [string] $TimeoutSec = '30',
  [Parameter(ValueFromRemainingArguments)] [string[]] $Unexpected
)
$ErrorActionPreference = 'Stop'
# Usage mistakes, as deploy.sh's: one line on stderr, exit 1.
function Stop-LmUsage {
  param([string] $Message)
  [Console]::Error.WriteLine('deploy.ps1: ' + $Message)
  exit 1
}
# A word of the command line that is a parameter's name is shown as it is; anything else (a password
# given by mistake looks like any word) only by its length.
if ($Unexpected) {
  $word = [string]$Unexpected[0]
  $shown = if ($word -cmatch '^--?[A-Za-z][A-Za-z0-9-]{0,30}$') { "'$word'" } else { "of $($word.Length) characters (not shown: it may be a secret)" }
  Stop-LmUsage "unknown argument $($shown): Get-Help '$PSCommandPath' lists the parameters"
}
if (-not $LoadBalancer) { Stop-LmUsage "give -LoadBalancer, the LoadMaster's address" }
if ($LoadBalancer.Contains('@')) { Stop-LmUsage '-LoadBalancer holds a user name or password (before an @): give them with -Credential instead (the value is not shown here)' }
if ($LBPort -notmatch '^[0-9]{1,5}$' -or [int]$LBPort -lt 1 -or [int]$LBPort -gt 65535) { Stop-LmUsage '-LBPort must be a port number, 1 to 65535' }
if ($Delay -notmatch '^[0-9]{1,2}(\.[0-9]+)?$' -or [double]$Delay -gt 10) { Stop-LmUsage '-Delay must be seconds from 0 to 10 (e.g. 0.15)' }
if ($TimeoutSec -notmatch '^[0-9]{1,4}$' -or [int]$TimeoutSec -lt 1 -or [int]$TimeoutSec -gt 3600) { Stop-LmUsage '-TimeoutSec must be whole seconds, 1 to 3600' }
$script:Port = [int]$LBPort
$script:DelaySeconds = [double]$Delay
$script:TimeoutSeconds = [int]$TimeoutSec
if ($Adopt -and $Remove) { Stop-LmUsage '-Adopt goes with apply or -Plan, not -Remove' }
if ($Force -and (-not $Remove -or $Plan)) { Stop-LmUsage '-Force goes with -Remove' }
if ($Json -and -not $Plan) { Stop-LmUsage '-Json goes with -Plan' }
if ($IncludeForeign -and -not $Remove) { Stop-LmUsage '-IncludeForeign goes with -Remove (or -Plan -Remove)' }
if ($CaCertificate -and $SkipCertificateCheck) { Stop-LmUsage 'give -CaCertificate or -SkipCertificateCheck, not both' }
if ($CaCertificate -and -not (Test-Path -LiteralPath $CaCertificate -PathType Leaf)) { Stop-LmUsage "no such file: -CaCertificate $CaCertificate" }
$script:Action = if ($Plan -and $Remove) { 'plan-remove' } elseif ($Plan) { 'plan' } elseif ($Remove) { 'remove' } else { 'apply' }
$script:Mode = $script:Action
$script:Cmdlet = $PSCmdlet
