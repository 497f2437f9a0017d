/**
 * One Handlebars partial per PlanStep kind, named by the kind. Each starts with the marker comment
 * `# step <n>: <title>` (test/helpers/powershell-ops.ts reads it), looks its object up, and makes
 * every change inside `$PSCmdlet.ShouldProcess(<title>, <call>)` so -WhatIf lists the whole plan.
 * Lookups run under -WhatIf too: they change nothing, and they let later steps find existing objects.
 */

/** The arguments of a cmdlet, in plan order; bool and int values are cast, the module types them. */
const ARGS = (name: string, each: string): string => `$${name} = [ordered]@{
{{#each ${each}}}
  {{ps key}} = {{#if cast}}[int]{{/if}}{{ps value}}
{{/each}}
}`;

/** Values the cmdlet cannot take go through the API (see Invoke-LmApi); `vs` is the object's index. */
const RAW = (index: string): string => `{{#if raw.length}}
  $r = Invoke-LmApi -Command 'modvs' -Step $step -Query ([ordered]@{
    vs = ${index}
{{#each raw}}
    {{ps name}} = {{ps value}}
{{/each}}
  })
  Assert-LmReply $r $step
{{/if}}`;

const HEAD = `# step {{n}}: {{comment title}}
$step = {{ps title}}`;

/** Partials by PlanStep kind. */
export const PS_STEPS: Readonly<Record<string, string>> = {
  global: `${HEAD}
if ($PSCmdlet.ShouldProcess($step, ('Set-LmParameter -Param {0} -Value {1}' -f {{ps param}}, {{ps value}}))) {
  $r = Set-LmParameter -Param {{ps param}} -Value {{ps value}}
  Assert-LmReply $r $step
}
`,
  // Read only: stops before any change when a certificate the plan assigns is not installed.
  certificates: `${HEAD}
foreach ($cert in @(
{{#each names}}
  {{ps this}}
{{/each}}
)) {
  $r = Get-TlsCertificate -CertName $cert
  if (-not ($r -and $r.ReturnCode -eq 200)) { throw ('{0}: certificate {1} is not installed on the LoadMaster' -f $step, $cert) }
}
`,
  rule: `${HEAD}
${ARGS('ruleArgs', 'args')}
$r = Get-AdcContentRule -RuleName {{ps name}}
$found = Test-LmFound $r $step
$cmdlet = if ($found) { 'Set-AdcContentRule' } else { 'New-AdcContentRule' }
if ($PSCmdlet.ShouldProcess($step, (Format-LmCall $cmdlet $ruleArgs))) {
  $r = & $cmdlet -RuleName {{ps name}} @ruleArgs
  Assert-LmReply $r $step
}
`,
  vs: `${HEAD}
${ARGS('vsArgs', 'args')}
$r = Get-AdcVirtualService -VirtualService {{ps address}} -VSPort {{ps port}} -VSProtocol {{ps prot}}
$ref[{{ps ref}}] = if (Test-LmFound $r $step) { $r.Data.VS.Index } else { $null }
$cmdlet = if ($null -ne $ref[{{ps ref}}]) { 'Set-AdcVirtualService' } else { 'New-AdcVirtualService' }
if ($PSCmdlet.ShouldProcess($step, (Format-LmCall $cmdlet $vsArgs))) {
  if ($null -ne $ref[{{ps ref}}]) {
    $r = Set-AdcVirtualService -VSIndex $ref[{{ps ref}}] @vsArgs
    Assert-LmReply $r $step
  } else {
    $r = New-AdcVirtualService -VirtualService {{ps address}} -VSPort {{ps port}} -VSProtocol {{ps prot}} @vsArgs
    Assert-LmReply $r $step
    $ref[{{ps ref}}] = $r.Data.VS.Index
  }
${RAW('$ref[{{ps ref}}]')}
}
`,
  subvs: `${HEAD}
${ARGS('subArgs', 'args')}
$sub = $null
if ($null -ne $ref[{{ps parent}}]) {
  $r = Get-AdcVirtualService -VSIndex $ref[{{ps parent}}]
  Assert-LmReply $r $step
  $subs = @($r.Data.VS.SubVS) | Where-Object { $_ }
  $sub = $subs | Where-Object { $_.Name -eq {{ps nickname}} } | Select-Object -First 1
  # A SubVS left nameless by an interrupted run is taken over, not duplicated (as deploy.sh does).
  if (-not $sub) { $sub = $subs | Where-Object { [string]$_.Name -in @('', '-') } | Select-Object -First 1 }
}
if ($sub) { $ref[{{ps ref}}] = $sub.VSIndex; $ref[{{ps slotRef}}] = $sub.RsIndex }
$cmdlet = if ($sub) { 'Set-AdcSubVirtualService' } else { 'New-AdcSubVirtualService, then Set-AdcSubVirtualService' }
if ($PSCmdlet.ShouldProcess($step, (Format-LmCall $cmdlet $subArgs))) {
  if (-not $sub) {
    $r = New-AdcSubVirtualService -VSIndex $ref[{{ps parent}}]
    Assert-LmReply $r $step
    # The LoadMaster answers with the parent; the new SubVS is its last <SubVS> (api-facts §13).
    $sub = @($r.Data.VS.SubVS)[-1]
    $ref[{{ps ref}}] = $sub.VSIndex
    $ref[{{ps slotRef}}] = $sub.RsIndex
  }
  $r = Set-AdcSubVirtualService -SubVSIndex $ref[{{ps ref}}] @subArgs
  Assert-LmReply $r $step
${RAW('$ref[{{ps ref}}]')}
}
`,
  realserver: `${HEAD}
${ARGS('rsArgs', 'args')}
$rs = $null
if ($null -ne $ref[{{ps vs}}]) {
  $r = Get-AdcVirtualService -VSIndex $ref[{{ps vs}}]
  Assert-LmReply $r $step
  $rs = @($r.Data.VS.Rs) | Where-Object { $_ -and $_.Addr -eq {{ps address}} -and [string]$_.Port -eq {{ps port}} } | Select-Object -First 1
}
$cmdlet = if ($rs) { 'Set-AdcRealServer' } else { 'New-AdcRealServer' }
if ($PSCmdlet.ShouldProcess($step, (Format-LmCall $cmdlet $rsArgs))) {
  if (-not $rs) {
    $r = New-AdcRealServer -VSIndex $ref[{{ps vs}}] -RealServer {{ps address}} -RealServerPort {{ps port}} @rsArgs
    Assert-LmReply $r $step
  } elseif ($rsArgs.Count -gt 0) {
    $r = Set-AdcRealServer -VSIndex $ref[{{ps vs}}] -RSIndex $rs.RsIndex @rsArgs
    Assert-LmReply $r $step
  }
}
`,
  'attach-rule': `${HEAD}
$attached = $false
if ($null -ne $ref[{{ps parent}}] -and $null -ne $ref[{{ps slotRef}}]) {
  $r = Get-AdcVirtualService -VSIndex $ref[{{ps parent}}]
  Assert-LmReply $r $step
  $slot = @($r.Data.VS.SubVS) | Where-Object { $_ -and [string]$_.RsIndex -eq [string]$ref[{{ps slotRef}}] } | Select-Object -First 1
  $attached = $slot -and (@(([string]$slot.MatchRules) -split '\\s+') -contains {{ps rule}})
}
if (-not $attached -and $PSCmdlet.ShouldProcess($step, ('New-AdcRealServerRule -RuleName {0}' -f {{ps rule}}))) {
  # The rule goes on the SubVS's slot in its parent: rs=!<RsIndex>, not the SubVS's own index.
  $r = New-AdcRealServerRule -VSIndex $ref[{{ps parent}}] -RSIndex $ref[{{ps slotRef}}] -RuleName {{ps rule}}
  Assert-LmReply $r $step
}
`,
};
