# Test-LmAccepts: whether the module's cmdlet takes the value (its ValidateSet or ValidateRange).
function Test-LmAccepts {
  param($Spec, [string] $Value)
  if ($Spec.ContainsKey('Allowed')) { return $Spec['Allowed'] -contains $Value }
  if ($Spec.ContainsKey('Min')) {
    $n = 0L
    return [long]::TryParse($Value, [ref]$n) -and $n -ge $Spec.Min -and $n -le $Spec.Max
  }
  $true
}

# Split-LmArgs: parameters as cmdlet arguments (the module's names; switches and numbers cast, as
# it binds them), and the ones a cmdlet cannot take (Raw): out of its range (ServerInit 6 for POP3,
# StartTLSMode 4 and 6) or missing from Set-AdcSubVirtualService.
function Split-LmArgs {
  param([string] $Scope, $Params, [bool] $SubVs)
  $out = [pscustomobject]@{ Args = @{}; Raw = [ordered]@{} }
  foreach ($name in $Params.Keys) {
    $spec = $LmParams['{0}:{1}' -f $Scope, $name.ToLowerInvariant()]
    $value = [string]$Params[$name]
    if ($spec -and $spec.Cmdlet -and -not ($SubVs -and $spec.ParentOnly) -and (Test-LmAccepts $spec $value)) {
      $out.Args[$spec.Cmdlet] = if ($spec.Cast) { [int]$value } elseif ($spec.List) { [string[]](Split-LmItems $value) } else { $value }
    } else {
      $out.Raw[$name] = $value
    }
  }
  $out
}

# Format-LmCall: a cmdlet call as text, for -WhatIf and the messages.
function Format-LmCall {
  param([string] $Cmdlet, $Arguments)
  $parts = foreach ($k in $Arguments.Keys) { '-{0} {1}' -f $k, ($Arguments[$k] -join ' ') }
  (@($Cmdlet) + @($parts)) -join ' '
}

# Join-LmStages: a service's stages as one set of parameters.
function Join-LmStages {
  param([object[]] $Stages)
  $all = [ordered]@{}
  foreach ($s in $Stages) { foreach ($k in $s.Keys) { $all[$k] = $s[$k] } }
  $all
}
