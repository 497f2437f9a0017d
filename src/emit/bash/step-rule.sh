# lm_rule TITLE NAME PARAM...: the content rule NAME: addrule, or modrule with what differs. Rule
# names are global on the LoadMaster: a rule that differs and that a Virtual Service not the site's
# uses is a problem, found before any change, as changing it would change that service's routing.
lm_rule() {
  local title=$1 name=$2 shown diff
  shift 2
  lm_step "$title"
  lm_find_rule "$name"
  if [[ -n $LM_RULE_AT ]]; then
    lm_diff rule "$LM_FLAT" "$LM_RULE_AT" "$@"
    if ((${#LM_DIFF[@]} == 0)); then
      lm_report same "$title"
      return 0
    fi
    shown=("${LM_SHOW[@]}") diff=("${LM_DIFF[@]}")
    if [[ $LM_MODE != apply ]] && lm_rule_users "$name" others; then
      lm_problem "content rule ${name@Q} is not as the site has it (${shown[*]}), and $LM_WHY, which is not this site's: changing the rule would change how that service routes (detach the rule from it first)"
    fi
    if [[ $LM_MODE == apply ]]; then lm_modrule "$name" "${diff[@]}"; fi
  else
    shown=()
    if [[ $LM_MODE == apply ]]; then lm_addrule "$name" "$@"; fi
  fi
  if [[ $LM_MODE == apply ]]; then
    lm_forget rules
    # addrule and modrule answer with the rule (Kemp's examples); else it is read again.
    lm_rule_in "$LM_FLAT" "$name"
    if [[ -z $LM_RULE_AT ]]; then lm_find_rule "$name"; fi
    if [[ -z $LM_RULE_AT ]]; then lm_fail "the LoadMaster does not list rule ${name@Q} after it was sent"; fi
    lm_diff rule "$LM_FLAT" "$LM_RULE_AT" "$@"
    if ((${#LM_DIFF[@]} > 0)); then lm_fail "the LoadMaster did not keep what was sent to $title:" "${LM_MISS[@]}"; fi
  fi
  if ((${#shown[@]} == 0)); then lm_report create "$title"; else lm_report change "$title" "${shown[@]}"; fi
}
