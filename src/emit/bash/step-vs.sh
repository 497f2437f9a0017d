# lm_vs TITLE ADDRESS PORT PROT NICKNAME PARAM... [-- PARAM...]...: the Virtual Service at ADDRESS,
# found with listvs; addvs with the first stage, or its settings changed. LM_INDEX = its Index (empty
# while it does not exist).
lm_vs() {
  local title=$1 address=$2 port=$3 prot=$4 nickname=$5
  shift 5
  lm_step "$title"
  lm_find_vs "$address" "$port" "$prot"
  if [[ -n $LM_INDEX ]] && ! lm_same_text "$nickname" "$LM_NICK"; then
    # Reported by lm_check_addresses; nothing inside it is the site's.
    if [[ $LM_MODE == apply ]]; then lm_fail "$address:$port holds a Virtual Service of another name"; fi
    LM_INDEX=''
    return 0
  fi
  if [[ -n $LM_INDEX ]] && ! lm_owns vs "$address $port $prot" "$LM_INDEX"; then
    if ((LM_ADOPT == 0)); then
      # Reported by lm_check_addresses: the owned list does not name it.
      if [[ $LM_MODE == apply ]]; then lm_fail "$address:$port holds a Virtual Service that is not this site's"; fi
      lm_report foreign "$title: exists, not the site's"
      LM_INDEX=''
      return 0
    fi
    lm_adopt vs "$address $port $prot" "$LM_INDEX" "$title"
  fi
  if [[ -n $LM_INDEX ]]; then
    # A service whose addvs did not answer is recorded with its Index once it is found.
    if [[ $LM_MODE == apply ]]; then lm_owned_set vs "$address $port $prot" "$LM_INDEX"; fi
    lm_settings "$title" "$LM_INDEX" "$@"
    return 0
  fi
  if [[ $LM_MODE != apply ]]; then
    lm_report create "$title"
    return 0
  fi
  lm_stages "$@"
  # Recorded first: a run stopped before addvs answers leaves a service the next run knows is the site's.
  lm_owned_set vs "$address $port $prot" pending
  lm_addvs "$address" "$port" "$prot" ${LM_S0[@]+"${LM_S0[@]}"}
  # addvs answers with the new VS, its Index among the fields (captured replies); else listvs says.
  lm_keep_vs
  LM_INDEX=$LM_REPLY_INDEX
  if [[ -z $LM_INDEX ]]; then
    lm_forget listvs
    lm_find_vs "$address" "$port" "$prot"
  fi
  if [[ -z $LM_INDEX ]]; then lm_fail "addvs answered ok, but listvs does not list $address:$port ($prot)"; fi
  lm_owned_set vs "$address $port $prot" "$LM_INDEX"
  # The reply gave the Index; the settings are read back afresh.
  lm_forget "vs-$LM_INDEX"
  lm_ip6 "$address"
  LM_VS_AT["$LM_IP $port ${prot,,}"]="$LM_INDEX $nickname"
  LM_NEW["$LM_INDEX"]=1
  lm_send_stages "$title" "$LM_INDEX" 1
  lm_report create "$title"
}

# lm_subvs TITLE PARENT NICKNAME PARAM... [-- PARAM...]...: the parent's SubVS named NICKNAME (its
# slot's <Name>); else a nameless one, left by an interrupted run; else a new one. LM_INDEX = its
# VSIndex, LM_SLOT = its slot's RsIndex in the parent.
lm_subvs() {
  local title=$1 parent=$2 nickname=$3 i before=()
  shift 3
  lm_step "$title"
  LM_INDEX='' LM_SLOT=''
  if [[ -z $parent ]]; then
    lm_report create "$title"
    return 0
  fi
  lm_showvs "$parent"
  lm_slots
  for i in "${!LM_SLOT_VS[@]}"; do
    if lm_same_text "$nickname" "${LM_SLOT_NAME[i]}"; then
      LM_INDEX=${LM_SLOT_VS[i]} LM_SLOT=${LM_SLOT_RS[i]}
      break
    fi
  done
  if [[ -z $LM_INDEX ]]; then
    # A new SubVS is named "-" in its slot until its nickname is set (Kemp's API examples).
    for i in "${!LM_SLOT_VS[@]}"; do
      if [[ ${LM_SLOT_NAME[i]} =~ ^-?$ && -z ${LM_CLAIMED[${LM_SLOT_VS[i]}]+set} ]]; then
        LM_INDEX=${LM_SLOT_VS[i]} LM_SLOT=${LM_SLOT_RS[i]}
        LM_CLAIMED["$LM_INDEX"]=1
        break
      fi
    done
  fi
  if [[ -n $LM_INDEX ]]; then
    lm_settings "$title" "$LM_INDEX" "$@"
    return 0
  fi
  # A SubVS that listvs knows but the parent's slots do not show would be made twice: stop instead.
  local flat=$LM_FLAT at=$LM_AT
  lm_listing
  for i in "${!LM_VS_PARENT[@]}"; do
    if [[ ${LM_VS_PARENT[$i]} == "$parent" ]] && lm_same_text "$nickname" "${LM_VS_NICK[$i]}"; then
      lm_fail "listvs shows SubVS ${nickname@Q} (Index $i) of Virtual Service $parent, but the parent's showvs shows no slot for it"
    fi
  done
  LM_FLAT=$flat LM_AT=$at
  if [[ $LM_MODE != apply ]]; then
    lm_report create "$title"
    return 0
  fi
  before=(${LM_SLOT_VS[@]+"${LM_SLOT_VS[@]}"})
  lm_forget "vs-$parent"
  lm_createsubvs "$parent"
  # The reply is the parent, listing the new SubVS last (Kemp's engineer's script, the go client's
  # tests): the slot that was not there before is taken (the last such one, were there several); an
  # existing SubVS never is.
  lm_keep_vs
  if [[ $LM_REPLY_INDEX != "$parent" ]]; then
    lm_forget "vs-$LM_REPLY_INDEX"
    lm_showvs "$parent"
  fi
  lm_slots
  for i in "${!LM_SLOT_VS[@]}"; do
    if ! lm_has "${LM_SLOT_VS[i]}" ${before[@]+"${before[@]}"}; then
      LM_INDEX=${LM_SLOT_VS[i]} LM_SLOT=${LM_SLOT_RS[i]}
    fi
  done
  if [[ -z $LM_INDEX || -z $LM_SLOT ]]; then lm_fail "createsubvs answered ok, but the parent lists no new SubVS with its slot"; fi
  LM_CLAIMED["$LM_INDEX"]=1
  LM_NEW["$LM_INDEX"]=1
  LM_NEW["slot-$LM_SLOT"]=1
  lm_stages "$@"
  lm_send_stages "$title" "$LM_INDEX" 0
  lm_report create "$title"
}
