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

# The parameters whose element no evidence shows and a reply did not show, in the order met: not
# verifiable. $script:SendingNew while a service this run made gets its settings, or a stage is
# sent: they are sent though the appliance may never show them.
$script:Unseen = [System.Collections.Generic.List[string]]::new()
$script:SendingNew = $false

# Compare-LmParams: compares parameters (name -> value) with a node's children. Send holds what
# to send, Show "NAME: appliance's value -> site's value" lines, Miss "NAME: sent ..., found ...",
# Changes the same as parameter, appliance (its value, $null when not reported) and site (-Json);
# the last comparison's Changes are also $script:LastChanges.
function Compare-LmParams {
  param([string] $Scope, $Node, $Params)
  $fields = if ($Node) { Get-LmFields $Node } else { @{} }
  $out = [pscustomobject]@{ Send = [ordered]@{}; Show = @(); Miss = @(); Changes = [System.Collections.Generic.List[object]]::new() }
  $script:LastChanges = $out.Changes
  foreach ($name in $Params.Keys) {
    $key = '{0}:{1}' -f $Scope, $name.ToLowerInvariant()
    $spec = $LmParams[$key]
    $element = if ($spec -and $spec.Element) { $spec.Element } else { $name }
    $found = if ($fields.ContainsKey($element)) { $fields[$element] } else { $null }
    $value = [string]$Params[$name]
    # The same text is the same value however the parameter compares.
    if ($null -ne $found -and $value -ceq $found) { continue }
    if (Test-LmSame $key $value $found) { continue }
    if ($null -eq $found -and $spec -and $spec.Unconfirmed) {
      # No evidence shows where a reply holds it: not shown, it is not verifiable, not different.
      if ($script:SendingNew) { $out.Send[$name] = $value }
      elseif (-not $script:Unseen.Contains($name)) { $script:Unseen.Add($name) }
      continue
    }
    $shown = if ($null -ne $found) { "'$found'" } elseif ($spec -and $spec.ContainsKey('Absent')) { "'$($spec.Absent)'" } else { '(not reported)' }
    $out.Show += ("{0}: {1} -> '{2}'" -f $name, $shown, $value)
    $out.Miss += ("{0}: sent '{1}', found {2}" -f $name, $value, $shown)
    $known = if ($null -ne $found) { $found } elseif ($spec -and $spec.ContainsKey('Absent')) { [string]$spec.Absent } else { $null }
    $out.Changes.Add([ordered]@{ parameter = $name; appliance = $known; site = $value })
    if ($spec -and $spec.Compare -eq 'includes') { $value = Join-LmItems $value ([string]$found) }
    $out.Send[$name] = $value
  }
  $out
}
