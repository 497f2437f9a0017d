# lm_rule TITLE NAME PARAM...: the content rule NAME: addrule, or modrule with what differs.
lm_rule() {
  local title=$1 name=$2 shown
  shift 2
  lm_step "$title"
  lm_find_rule "$name"
  if [[ -n $LM_RULE_AT ]]; then
    lm_diff rule "$LM_FLAT" "$LM_RULE_AT" "$@"
    if ((${#LM_DIFF[@]} == 0)); then
      lm_report same "$title"
      return 0
    fi
    shown=("${LM_SHOW[@]}")
    if [[ $LM_MODE == apply ]]; then lm_modrule "$name" "${LM_DIFF[@]}"; fi
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
