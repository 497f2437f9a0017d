#Requires -Version 5.1
#Requires -Modules Kemp.LoadBalancer.Powershell
<#
.SYNOPSIS
Configures a Kemp LoadMaster for Microsoft Exchange 2016 as Kemp's deployment guide recommends.

.DESCRIPTION
Uses Kemp's Kemp.LoadBalancer.Powershell module. What it deploys is listed in $Summary below.
Without -Plan or -Remove it applies the site: every check first (credentials, API, certificates, SSO
domains, addresses), then only what differs is changed, parameter by parameter, and read back; a
value the LoadMaster did not keep stops the run. A second run changes nothing. -WhatIf shows each
change without making it.

.PARAMETER LoadBalancer
The LoadMaster's address (its web user interface and API address).

.PARAMETER LBPort
The port of the LoadMaster's API (the web user interface port), 443 unless changed.

.PARAMETER Credential
An API user of the LoadMaster (for example bal). When left out, the script asks for it.

.PARAMETER SkipCertificateCheck
Do not verify the LoadMaster's TLS certificate on the script's own API calls (a self-signed
certificate). Verification is on unless this is given; the module's cmdlets never verify it.

.PARAMETER Plan
Only read the LoadMaster and print, per object, create, change (the parameter, the LoadMaster's
value, the site's) or unchanged, and what the site does not name (foreign). Exit code 0: nothing to
do; 2: changes pending; 1: an error, or a problem that would stop the apply.

.PARAMETER Remove
Delete what the site owns: its Virtual Services (with their SubVSs and real servers) and the content
rules no other Virtual Service uses. Global settings stay.

.PARAMETER Delay
Seconds to wait between calls (default 0.15): the appliance drops the connection above 30 calls in
3 seconds.
#>
[CmdletBinding(SupportsShouldProcess)]
param(
  [Parameter(Mandatory)] [string] $LoadBalancer,
  [ValidateRange(3, 65530)] [int] $LBPort = 443,
  [System.Management.Automation.PSCredential] $Credential,
  [switch] $SkipCertificateCheck,
  [switch] $Plan,
  [switch] $Remove,
  [ValidateRange(0, 10)] [double] $Delay = 0.15
)
$ErrorActionPreference = 'Stop'
if ($Plan -and $Remove) { throw 'deploy.ps1: give -Plan or -Remove, not both' }
$script:Action = if ($Plan) { 'plan' } elseif ($Remove) { 'remove' } else { 'apply' }
$script:Mode = $script:Action
$script:Cmdlet = $PSCmdlet
Import-Module Kemp.LoadBalancer.Powershell
# Windows PowerShell 5.1 on an older .NET may leave TLS 1.2 off for the script's own calls to the API;
# where .NET chooses the protocols itself (SystemDefault, 0) it is left to choose.
if ([int][System.Net.ServicePointManager]::SecurityProtocol -ne 0) {
  [System.Net.ServicePointManager]::SecurityProtocol = [System.Net.ServicePointManager]::SecurityProtocol -bor [System.Net.SecurityProtocolType]::Tls12
}
