# lm_stages PARAM... [-- PARAM...]...: LM_S0, LM_S1, LM_S2 = the parameters of each call.
lm_stages() {
  local p n=0
  LM_S0=() LM_S1=() LM_S2=()
  for p in "$@"; do
    if [[ $p == -- ]]; then
      n=$((n + 1))
      continue
    fi
    case $n in
      0) LM_S0+=("$p") ;;
      1) LM_S1+=("$p") ;;
      *) LM_S2+=("$p") ;;
    esac
  done
}

# lm_verify WHAT INDEX PARAM...: reads Virtual Service INDEX back; stops if a value sent was not kept
# (one the reply does not show, where no evidence says it would, is not verifiable: LM_UNSEEN).
lm_verify() {
  local what=$1 index=$2 LM_SENDING_NEW=0
  shift 2
  lm_showvs "$index"
  lm_diff vs "$LM_FLAT" "$LM_AT" "$@"
  if ((${#LM_MISS[@]} > 0)); then
    lm_fail "the LoadMaster did not keep what was sent to $what:" "${LM_MISS[@]}"
  fi
}

# lm_send_stages WHAT INDEX FROM: sends stages FROM.. (LM_S*) to Virtual Service INDEX, each one's
# parameters that differ, in a call of its own, and reads each back: ESP is enabled in steps, as
# Kemp's engineer does it (basic settings; ESPEnabled with its modes, hosts and directories; then
# the SSO domain and logoff), the service held disabled in between (lm_hold).
lm_send_stages() {
  local what=$1 index=$2 i send
  LM_SENDING_NEW=0
  if [[ -n ${LM_NEW[$index]+set} ]]; then LM_SENDING_NEW=1; fi
  for ((i = $3; i < 3; i++)); do
    local -n stage=LM_S$i
    if ((${#stage[@]} == 0)); then continue; fi
    lm_showvs "$index"
    lm_diff vs "$LM_FLAT" "$LM_AT" "${stage[@]}"
    if ((${#LM_DIFF[@]} == 0)); then continue; fi
    # A stage that is sent carries the values a reply never shows as well: a run stopped after
    # this stage's first call made the service, or before it ended, leaves them unknown.
    if ((LM_SENDING_NEW == 0)); then
      LM_SENDING_NEW=1
      lm_diff vs "$LM_FLAT" "$LM_AT" "${stage[@]}"
      LM_SENDING_NEW=0
    fi
    send=("${LM_DIFF[@]}")
    # Held off while ESP waits for its SSO domain: a service already serving would ask for logons it
    # cannot check, and one this run makes, left half set by a stop, is what tells the next run to
    # finish it (it shows disabled, where the SSO fields do not show at all).
    if ((i == 1 && ${#LM_S2[@]} > 0)); then lm_hold "$what" "$index" "${send[@]}"; fi
    lm_modvs "$index" "${send[@]}"
    # Read back afresh, not from the write's reply: a value the LoadMaster rewrites afterwards shows.
    lm_forget "vs-$index"
    lm_verify "$what" "$index" "${stage[@]}"
  done
  lm_verify "$what" "$index" ${LM_S0[@]+"${LM_S0[@]}"} ${LM_S1[@]+"${LM_S1[@]}"} ${LM_S2[@]+"${LM_S2[@]}"}
  LM_SENDING_NEW=0
}

# lm_settings WHAT INDEX PARAM... [-- PARAM...]...: the settings of an existing VS or SubVS: same, or
# changed parameter by parameter.
lm_settings() {
  local what=$1 index=$2 shown
  shift 2
  lm_stages "$@"
  lm_showvs "$index"
  lm_diff vs "$LM_FLAT" "$LM_AT" ${LM_S0[@]+"${LM_S0[@]}"} ${LM_S1[@]+"${LM_S1[@]}"} ${LM_S2[@]+"${LM_S2[@]}"}
  if ((${#LM_SHOW[@]} == 0)); then
    lm_report same "$what"
    return 0
  fi
  shown=("${LM_SHOW[@]}")
  if [[ $LM_MODE == apply ]]; then lm_send_stages "$what" "$index" 0; fi
  lm_report change "$what" "${shown[@]}"
}
