# lm_realserver TITLE VS ADDRESS PORT [PARAM...]: the real server in VS: addrs, or modrs for its
# PARAMs (its weight).
lm_realserver() {
  local title=$1 vs=$2 address=$3 port=$4 params=() shown
  shift 4
  params=("$@")
  lm_step "$title"
  if [[ -z $vs ]]; then
    lm_report create "$title"
    return 0
  fi
  lm_find_rs "$vs" "$address" "$port"
  if [[ -n $LM_RS ]]; then
    lm_diff rs "$LM_FLAT" "$LM_RS_AT" ${params[@]+"${params[@]}"}
    if ((${#LM_DIFF[@]} == 0)); then
      lm_report same "$title"
      return 0
    fi
    shown=("${LM_SHOW[@]}")
    if [[ $LM_MODE == apply ]]; then lm_modrs "$vs" "$LM_RS" "${LM_DIFF[@]}"; fi
  else
    shown=()
    if [[ $LM_MODE == apply ]]; then
      lm_addrs "$vs" "$address" "$port" ${params[@]+"${params[@]}"}
    fi
  fi
  if [[ $LM_MODE == apply ]]; then
    # Read back afresh, not from the write's reply: a value the LoadMaster rewrites afterwards shows.
    lm_forget "vs-$vs"
    lm_find_rs "$vs" "$address" "$port"
    if [[ -z $LM_RS ]]; then lm_fail "the LoadMaster does not list real server $address:$port after it was sent"; fi
    lm_diff rs "$LM_FLAT" "$LM_RS_AT" ${params[@]+"${params[@]}"}
    if ((${#LM_DIFF[@]} > 0)); then lm_fail "the LoadMaster did not keep what was sent to $title:" "${LM_MISS[@]}"; fi
  fi
  if ((${#shown[@]} == 0)); then lm_report create "$title"; else lm_report change "$title" "${shown[@]}"; fi
}

# lm_attach_rule TITLE PARENT SLOT RULE: addrsrule on the SubVS's slot, unless it lists the rule.
lm_attach_rule() {
  local title=$1 parent=$2 slot=$3 rule=$4
  lm_step "$title"
  if [[ -z $parent || -z $slot ]]; then
    lm_report create "$title"
    return 0
  fi
  LM_RULES=()
  if [[ -z ${LM_NEW[slot-$slot]+set} ]]; then lm_slot_rules "$parent" "$slot"; fi
  if lm_has "$rule" ${LM_RULES[@]+"${LM_RULES[@]}"}; then
    lm_report same "$title"
    return 0
  fi
  if [[ $LM_MODE == apply ]]; then
    # The rule goes on the SubVS's slot in its parent: rs=!<RsIndex>, not the SubVS's own index.
    lm_addrsrule "$parent" "$slot" "$rule"
    lm_forget "vs-$parent" "rs-$parent-$slot"
    lm_slot_rules "$parent" "$slot"
    if ! lm_has "$rule" ${LM_RULES[@]+"${LM_RULES[@]}"}; then
      lm_fail "the LoadMaster does not list rule ${rule@Q} on the SubVS's slot after it was attached"
    fi
  fi
  lm_report create "$title"
}

# lm_foreign TITLE WITHIN VS NSLOTS [NICKNAME RULE]... [ADDRESS PORT]...: real servers, SubVSs and
# attached rules in VS that the site does not name: reported, never changed.
lm_foreign() {
  local title=$1 within=$2 vs=$3 n=$4 i cols name rule address
  shift 4
  lm_step "$title"
  if [[ -z $vs || -n ${LM_NEW[$vs]+set} ]]; then return 0; fi
  local -A slot=()
  for ((i = 0; i < n; i++)); do
    slot[$1]=$2
    shift 2
  done
  lm_showvs "$vs"
  lm_q rows "$LM_FLAT" "$LM_AT" SubVS "$LM_SLOT_COLUMNS"
  while IFS=$'\x1f' read -r -a cols; do
    printf -v name '%b' "${cols[3]:-}"
    if [[ -n ${slot[$name]+set} ]]; then
      for rule in "${cols[@]:5}"; do
        printf -v rule '%b' "$rule"
        if [[ $rule != "${slot[$name]}" ]]; then lm_report foreign "rule ${rule@Q} on SubVS ${name@Q} of $within"; fi
      done
    elif [[ ! ($name =~ ^-?$ && -n ${LM_CLAIMED[${cols[1]:-0}]+set}) ]]; then
      lm_report foreign "SubVS ${name@Q} in $within"
    fi
  done <"$LM_ANSWER"
  lm_q rows "$LM_FLAT" "$LM_AT" Rs RsIndex,Addr,Port
  while IFS=$'\x1f' read -r -a cols; do
    printf -v address '%b' "${cols[2]:-}"
    if ! lm_expected_rs "$address" "${cols[3]:-}" "$@"; then
      lm_report foreign "real server $address:${cols[3]:-} in $within"
    fi
  done <"$LM_ANSWER"
}

# lm_expected_rs ADDRESS PORT [ADDRESS PORT]...: the first pair is among the others.
lm_expected_rs() {
  local address=$1 port=$2
  shift 2
  while (($# >= 2)); do
    if [[ $2 == "$port" ]] && lm_same_address "$1" "$address"; then return 0; fi
    shift 2
  done
  return 1
}
