# Invoke-LmRule: the content rule Name: addrule, or modrule with what differs. Rule names are global
# on the LoadMaster: a rule that differs and that a Virtual Service not the site's uses is a problem,
# found before any change, as changing it would change that service's routing.
function Invoke-LmRule {
  param([string] $Title, [string] $Name, $Params)
  Enter-LmStep $Title
  $rule = Find-LmRule (Read-Lm 'rules' 'showrule') $Name
  $show = @()
  if ($rule) {
    $diff = Compare-LmParams 'rule' $rule $Params
    if ($diff.Send.Count -eq 0) {
      Write-LmReport same $Title
      return
    }
    $show = $diff.Show
    if ($script:Mode -ne 'apply') {
      $user = Get-LmRuleUser $Name -Others
      if ($user) { Add-LmProblem ("content rule '{0}' is not as the site has it ({1}), and {2}, which is not this site's: changing the rule would change how that service routes (detach the rule from it first)" -f $Name, ($show -join ' '), $user) }
    }
  }
  if ($script:Mode -eq 'apply') {
    $reply = if ($rule) { Set-LmRule $Title $Name $diff.Send } else { Add-LmRule $Title $Name $Params }
    if ($null -eq $reply) {
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
