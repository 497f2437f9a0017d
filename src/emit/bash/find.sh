# lm_listing: listvs read into LM_VS_AT ("address port protocol" -> "Index NickName", the address as
# lm_ip6 writes it), LM_VS_NICK (Index -> NickName) and LM_VS_PARENT (Index -> MasterVSID), once per reply. listvs lists one <VS> each;
# a SubVS is one too, with no VSAddress and its parent in MasterVSID (captured replies). A missing
# Protocol is tcp, the default.
lm_listing() {
  local cols address nick prot
  lm_read listvs listvs
  if [[ $LM_VS_FROM == "$LM_FLAT" ]]; then return 0; fi
  LM_VS_AT=() LM_VS_NICK=() LM_VS_PARENT=()
  LM_VS_FROM=$LM_FLAT
  lm_q rows "$LM_FLAT" /Response#1/Success#1/Data#1 VS Index,VSAddress,VSPort,Protocol,NickName,MasterVSID
  while IFS=$'\x1f' read -r -a cols; do
    if [[ ! ${cols[1]:-} =~ ^[0-9]+$ ]]; then
      lm_fail "listvs lists a Virtual Service without an Index (the API names each by it): its objects cannot be told apart"
    fi
    printf -v nick '%b' "${cols[5]:-}"
    LM_VS_NICK[${cols[1]:-none}]=$nick
    LM_VS_PARENT[${cols[1]:-none}]=${cols[6]:-0}
    printf -v address '%b' "${cols[2]:-}"
    if [[ -z $address || ! ${cols[6]:-0} =~ ^0*$ ]]; then continue; fi
    prot=${cols[4],,}
    lm_ip6 "$address"
    if [[ -z ${LM_VS_AT["$LM_IP ${cols[3]:-} ${prot:-tcp}"]+set} ]]; then
      LM_VS_AT["$LM_IP ${cols[3]:-} ${prot:-tcp}"]="${cols[1]:-} $nick"
    fi
  done <"$LM_ANSWER"
}

# lm_find_vs ADDRESS PORT PROT: LM_INDEX and LM_NICK of the Virtual Service at this address
# (LM_INDEX empty when there is none). Virtual Services this run creates are added to the listing.
# Where listvs gives no NickName, showvs has the last word.
lm_find_vs() {
  local found
  lm_listing
  lm_ip6 "$1"
  found=${LM_VS_AT["$LM_IP $2 ${3,,}"]:-}
  LM_INDEX=${found%% *}
  LM_NICK=${found#* }
  if [[ -n $LM_INDEX && -z $LM_NICK ]]; then
    lm_showvs "$LM_INDEX"
    LM_NICK=''
    if lm_value "$LM_FLAT" "$LM_AT/NickName#1"; then printf -v LM_NICK '%b' "$LM_VALUE"; fi
  fi
}

# lm_ip6 ADDRESS: LM_IP = an IPv6 address's eight groups in full, lower case (2001:db8::1 and
# 2001:DB8:0:0:0:0:0:1 are one address); anything else as it is.
lm_ip6() {
  local a=${1,,} head tail g out=() h=() t=() n
  LM_IP=$a
  if [[ $a != *:* || ! $a =~ ^[0-9a-f:]+$ ]]; then return 0; fi
  if [[ $a == *::* ]]; then
    head=${a%%::*}
    tail=${a#*::}
  else
    head=$a
    tail=''
  fi
  IFS=: read -r -a h <<<"$head" || true
  IFS=: read -r -a t <<<"$tail" || true
  n=$((8 - ${#h[@]} - ${#t[@]}))
  for g in ${h[@]+"${h[@]}"}; do out+=("$g"); done
  while ((n-- > 0)); do out+=(0); done
  for g in ${t[@]+"${t[@]}"}; do out+=("$g"); done
  LM_IP=''
  for g in "${out[@]}"; do
    while [[ ${g:0:1} == 0 && ${#g} -gt 1 ]]; do g=${g:1}; done
    LM_IP+=$g:
  done
}

# lm_same_address A B: the same address, however an IPv6 address is written.
lm_same_address() {
  if [[ $1 == "$2" ]]; then return 0; fi
  local a
  lm_ip6 "$1"
  a=$LM_IP
  lm_ip6 "$2"
  [[ $a == "$LM_IP" ]]
}

# What is asked of the SubVS slots of a Virtual Service, in one question whoever asks (lm_slots,
# lm_slot_rules, the look for what the site does not name), so that it is asked once: each slot's
# path, VSIndex, RsIndex and Name, then + or - and the names in its MatchRules.
LM_SLOT_COLUMNS='VSIndex,RsIndex,Name,MatchRules/Name*'

# lm_slots: the SubVS slots of the Virtual Service in LM_FLAT at LM_AT: LM_SLOT_VS, LM_SLOT_RS and
# LM_SLOT_NAME (each slot's VSIndex, RsIndex and Name). A slot without a name ("-" until the SubVS
# gets a nickname, in Kemp's examples) takes the SubVS's own NickName from listvs, if it has one.
lm_slots() {
  local cols name i flat=$LM_FLAT at=$LM_AT nameless=0
  LM_SLOT_VS=() LM_SLOT_RS=() LM_SLOT_NAME=()
  lm_q rows "$LM_FLAT" "$LM_AT" SubVS "$LM_SLOT_COLUMNS"
  while IFS=$'\x1f' read -r -a cols; do
    printf -v name '%b' "${cols[3]:-}"
    if [[ $name =~ ^-?$ ]]; then nameless=1; fi
    LM_SLOT_VS+=("${cols[1]:-}")
    LM_SLOT_RS+=("${cols[2]:-}")
    LM_SLOT_NAME+=("$name")
  done <"$LM_ANSWER"
  if ((nameless == 0)); then return 0; fi
  lm_listing
  LM_FLAT=$flat LM_AT=$at
  for i in "${!LM_SLOT_VS[@]}"; do
    if [[ ${LM_SLOT_NAME[i]} =~ ^-?$ && -n ${LM_VS_NICK[${LM_SLOT_VS[i]:-none}]:-} ]]; then
      LM_SLOT_NAME[i]=${LM_VS_NICK[${LM_SLOT_VS[i]:-none}]}
    fi
  done
}

# lm_slot_rules PARENT SLOT: LM_RULES = the rules attached to the parent's slot RsIndex SLOT: its
# <MatchRules><Name> in showvs (captured listvs), else in showrs (the go client reads them there).
# A slot lists MatchRules once a rule is attached: none listed is none attached.
lm_slot_rules() {
  local cols rule
  LM_RULES=()
  lm_showvs "$1"
  lm_q rows "$LM_FLAT" "$LM_AT" SubVS "$LM_SLOT_COLUMNS"
  while IFS=$'\x1f' read -r -a cols; do
    if [[ ${cols[2]:-} != "$2" || ${cols[4]:-} != + ]]; then continue; fi
    for rule in "${cols[@]:5}"; do
      printf -v rule '%b' "$rule"
      LM_RULES+=("$rule")
    done
    return 0
  done <"$LM_ANSWER"
  if ! lm_get_rs "$1" "$2"; then return 0; fi
  lm_q rows "$LM_FLAT" /Response#1/Success#1/Data#1 '*' 'MatchRules/Name*'
  while IFS=$'\x1f' read -r -a cols; do
    if [[ ${cols[1]:-} != + ]]; then continue; fi
    for rule in "${cols[@]:2}"; do
      printf -v rule '%b' "$rule"
      LM_RULES+=("$rule")
    done
    return 0
  done <"$LM_ANSWER"
}

# lm_rs_in FLAT AT ADDRESS PORT: LM_RS (RsIndex) and LM_RS_AT (its element) of the real server with
# this address and port among the <Rs> elements at AT; both empty when there is none.
lm_rs_in() {
  local cols address
  LM_RS='' LM_RS_AT=''
  lm_q rows "$1" "$2" Rs RsIndex,Addr,Port
  while IFS=$'\x1f' read -r -a cols; do
    printf -v address '%b' "${cols[2]:-}"
    if [[ ${cols[3]:-} == "$4" ]] && lm_same_address "$address" "$3"; then
      LM_RS=${cols[1]:-}
      LM_RS_AT=${cols[0]}
      return 0
    fi
  done <"$LM_ANSWER"
}

# lm_find_rs VS ADDRESS PORT: lm_rs_in for Virtual Service VS's showvs.
lm_find_rs() {
  lm_showvs "$1"
  lm_rs_in "$LM_FLAT" "$LM_AT" "$2" "$3"
}

# lm_rule_in FLAT NAME: LM_RULE_AT = the element of the rule named NAME in a rule listing: one
# element per rule under <Data>, named for its type (MatchContentRule, ...); empty when there is none.
lm_rule_in() {
  local cols name
  LM_RULE_AT=''
  lm_q rows "$1" /Response#1/Success#1/Data#1 '*' Name
  while IFS=$'\x1f' read -r -a cols; do
    printf -v name '%b' "${cols[1]:-}"
    if lm_same_text "$2" "$name"; then
      LM_RULE_AT=${cols[0]}
      return 0
    fi
  done <"$LM_ANSWER"
}

# lm_find_rule NAME: lm_rule_in for showrule's list of every rule.
lm_find_rule() {
  lm_read rules showrule
  lm_rule_in "$LM_FLAT" "$1"
}

# lm_has NEEDLE ITEM...: NEEDLE is one of the ITEMs.
lm_has() {
  local needle=$1 item
  shift
  for item in "$@"; do
    if [[ $item == "$needle" ]]; then return 0; fi
  done
  return 1
}
