# Invoke-LmRule: the content rule Name: addrule, or modrule with what differs. Rule names are global
# on the LoadMaster: a rule that differs and that a Virtual Service not the site's uses is a problem,
# found before any change, as changing it would change that service's routing; a rule of the name
# that the owned list does not name is not the site's (-Adopt takes it over).
function Invoke-LmRule {
  param([string] $Title, [string] $Name, $Params)
  Enter-LmStep $Title
  $rule = Find-LmRule (Read-Lm 'rules' 'showrule') $Name
  $show = @()
  if ($rule) {
    $diff = Compare-LmParams 'rule' $rule $Params
    $show = $diff.Show
    $conflict = $false
    if ($diff.Send.Count -gt 0 -and $script:Mode -ne 'apply') {
      $user = Get-LmRuleUser $Name -Others
      if ($user) {
        $conflict = $true
        Add-LmProblem ("content rule '{0}' is not as the site has it ({1}), and {2}, which is not this site's: changing the rule would change how that service routes (detach the rule from it first)" -f $Name, ($show -join ' '), $user)
      }
    }
    if (-not (Test-LmOwns 'rule' $Name)) {
      if (-not $Adopt) {
        if ($script:Mode -eq 'apply') { Stop-LmStep "content rule '$Name' is not this site's" }
        Write-LmReport foreign "$($Title): exists, not the site's"
        if (-not $conflict) { Add-LmProblem ("content rule '{0}' exists and is not this site's: the owned list ('{1}') does not name it. apply -Adopt takes it over (and changes it to the site's, if it differs); or give the site's rules names of their own (contentRules in the site file)" -f $Name, $script:OwnedPath) }
        return
      }
      Add-LmAdopted 'rule' $Name '-' $Title
    }
    if ($diff.Send.Count -eq 0) {
      Write-LmReport same $Title
      return
    }
  } elseif ($script:Mode -eq 'apply') {
    # Recorded first: a rule made by a run stopped before addrule answers is still the site's.
    Set-LmOwned 'rule' $Name '-'
  }
  if ($script:Mode -eq 'apply') {
    $reply = if ($rule) { Set-LmRule $Title $Name $diff.Send $Params } else { Add-LmRule $Title $Name $Params }
    if ($null -eq $reply) {
      if (-not $rule) { Remove-LmOwned 'rule' $Name }
      Write-LmReport skipped $Title
      return
    }
    Clear-LmCache 'rules'
    $rule = Find-LmRule (Read-Lm 'rules' 'showrule') $Name
    if (-not $rule) { Stop-LmStep "the LoadMaster does not list rule '$Name' after it was sent" }
    $after = Compare-LmParams 'rule' $rule $Params
    if ($after.Send.Count -gt 0) { Stop-LmStep (@("the LoadMaster did not keep what was sent to $($Title):") + $after.Miss) }
  }
  if ($show.Count -eq 0) { Write-LmReport create $Title } else { Write-LmReport change $Title $show }
}
