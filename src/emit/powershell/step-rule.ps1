# Invoke-LmRule: the content rule Name: New-AdcContentRule, or Set-AdcContentRule with what differs.
function Invoke-LmRule {
  param([string] $Title, [string] $Name, $Params)
  Enter-LmStep $Title
  $rule = Find-LmRule (Read-Lm 'rules' 'showrule') $Name
  $show = @()
  $send = $Params
  $cmdlet = 'New-AdcContentRule'
  if ($rule) {
    $diff = Compare-LmParams 'rule' $rule $Params
    if ($diff.Send.Count -eq 0) {
      Write-LmReport same $Title
      return
    }
    $show = $diff.Show
    $send = $diff.Send
    $cmdlet = 'Set-AdcContentRule'
  }
  $ruleArgs = (Split-LmArgs 'rule' $send $false).Args
  if ($script:Mode -eq 'apply' -and (Invoke-LmRuleCmdlet $Title $cmdlet $Name $ruleArgs)) {
    Clear-LmCache 'rules'
    $rule = Find-LmRule (Read-Lm 'rules' 'showrule') $Name
    if (-not $rule) { Stop-LmStep "the LoadMaster does not list rule '$Name' after it was sent" }
    $after = Compare-LmParams 'rule' $rule $Params
    if ($after.Send.Count -gt 0) { Stop-LmStep (@("the LoadMaster did not keep what was sent to $($Title):") + $after.Miss) }
  }
  if ($show.Count -eq 0) { Write-LmReport create $Title } else { Write-LmReport change $Title $show }
}
