# lm_rule TITLE NAME PARAM...: the content rule NAME: addrule, or modrule with what differs. Rule
# names are global on the LoadMaster: a rule that differs and that a Virtual Service not the site's
# uses is a problem, found before any change, as changing it would change that service's routing; a
# rule of the name that the owned list does not name is not the site's (--adopt takes it over).
lm_rule() {
  local title=$1 name=$2 shown diff conflict
  shift 2
  lm_step "$title"
  lm_find_rule "$name"
  if [[ -n $LM_RULE_AT ]]; then
    lm_diff rule "$LM_FLAT" "$LM_RULE_AT" "$@"
    shown=(${LM_SHOW[@]+"${LM_SHOW[@]}"}) diff=(${LM_DIFF[@]+"${LM_DIFF[@]}"})
    conflict=0
    if ((${#diff[@]} > 0)) && [[ $LM_MODE != apply ]] && lm_rule_users "$name" others; then
      conflict=1
      lm_problem "content rule ${name@Q} is not as the site has it (${shown[*]}), and $LM_WHY, which is not this site's: changing the rule would change how that service routes (detach the rule from it first)"
    fi
    if ! lm_owns rule "$name" - && ((LM_ADOPT == 0)); then
      if [[ $LM_MODE == apply ]]; then lm_fail "content rule ${name@Q} is not this site's"; fi
      lm_report foreign "$title: exists, not the site's"
      if ((conflict == 0)); then
        lm_problem "content rule ${name@Q} exists and is not this site's: the owned list (${LM_OWNED@Q}) does not name it. apply --adopt takes it over (and changes it to the site's, if it differs); or give the site's rules names of their own (contentRules in the site file)"
      fi
      return 0
    fi
    if ! lm_owns rule "$name" -; then lm_adopt rule "$name" - "$title"; fi
    if ((${#diff[@]} == 0)); then
      lm_report same "$title"
      return 0
    fi
    if [[ $LM_MODE == apply ]]; then lm_rule_change "$name" "${diff[@]}" -- "$@"; fi
  else
    shown=()
    if [[ $LM_MODE == apply ]]; then
      # Recorded first: a rule made by a run stopped before addrule answers is still the site's.
      lm_owned_set rule "$name" -
      lm_addrule "$name" "$@"
    fi
  fi
  if [[ $LM_MODE == apply ]]; then
    # Read back afresh, not from the write's reply: a value the LoadMaster rewrites afterwards shows.
    lm_forget rules
    lm_find_rule "$name"
    if [[ -z $LM_RULE_AT ]]; then lm_fail "the LoadMaster does not list rule ${name@Q} after it was sent"; fi
    lm_diff rule "$LM_FLAT" "$LM_RULE_AT" "$@"
    if ((${#LM_DIFF[@]} > 0)); then lm_fail "the LoadMaster did not keep what was sent to $title:" "${LM_MISS[@]}"; fi
  fi
  if ((${#shown[@]} == 0)); then lm_report create "$title"; else lm_report change "$title" "${shown[@]}"; fi
}

# lm_rule_change NAME PARAM... -- SITE...: modrule with the PARAMs that differ, and always the rule's
# pattern, from SITE (the site's parameters): "Unless modifying/adding an AddHeaderRule, the pattern
# parameter must be supplied" (Kemp's RESTful API documentation).
lm_rule_change() {
  local name=$1 p send=() pattern=()
  shift
  while (($# > 0)) && [[ $1 != -- ]]; do
    if [[ ${1%%=*} != "$LM_PATTERN" ]]; then send+=("$1"); fi
    shift
  done
  for p in "${@:2}"; do
    if [[ ${p%%=*} == "$LM_PATTERN" ]]; then pattern=("$p"); fi
  done
  lm_modrule "$name" ${pattern[@]+"${pattern[@]}"} ${send[@]+"${send[@]}"}
}
