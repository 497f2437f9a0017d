LM_N_REMOVED=0
LM_N_KEPT=0
LM_N_ABSENT=0

# lm_gone OUTCOME [WHY]: counts and prints what remove did with one object.
lm_gone() {
  case $1 in
    removed)
      LM_N_REMOVED=$((LM_N_REMOVED + 1))
      printf '    removed\n'
      ;;
    kept)
      LM_N_KEPT=$((LM_N_KEPT + 1))
      printf '    kept: %s\n' "${2//[[:cntrl:]]/ }"
      ;;
    absent)
      LM_N_ABSENT=$((LM_N_ABSENT + 1))
      printf '    not there\n'
      ;;
  esac
}

# lm_remove_vs TITLE ADDRESS PORT PROT NICKNAME: the site's Virtual Service (at its address, with its
# nickname): each SubVS, then itself; listvs must then list none of them.
lm_remove_vs() {
  local title=$1 index cols subs=() i
  lm_step "$title"
  lm_find_vs "$2" "$3" "$4"
  if [[ -z $LM_INDEX ]]; then
    lm_gone absent
    return 0
  fi
  if ! lm_same_text "$5" "$LM_NICK"; then
    lm_gone kept "it is named ${LM_NICK@Q}, not ${5@Q}: it is not this site's"
    return 0
  fi
  index=$LM_INDEX
  # listvs lists each SubVS as a VS whose MasterVSID is its parent (the Python SDK tells them so);
  # the parent's slots name them too.
  lm_read listvs listvs
  lm_q rows "$LM_FLAT" /Response#1/Success#1/Data#1 VS Index,MasterVSID
  while IFS=$'\x1f' read -r -a cols; do
    if [[ ${cols[2]:-} == "$index" ]]; then subs+=("${cols[1]:-}"); fi
  done <"$LM_ANSWER"
  lm_showvs "$index"
  lm_slots
  for i in ${LM_SLOT_VS[@]+"${LM_SLOT_VS[@]}"}; do
    if ! lm_has "$i" ${subs[@]+"${subs[@]}"}; then subs+=("$i"); fi
  done
  for i in ${subs[@]+"${subs[@]}"}; do
    lm_delvs "$i"
    lm_forget "vs-$i"
  done
  lm_delvs "$index"
  lm_forget listvs "vs-$index"
  lm_read listvs listvs
  lm_q rows "$LM_FLAT" /Response#1/Success#1/Data#1 VS Index
  while IFS=$'\x1f' read -r -a cols; do
    if lm_has "${cols[1]:-}" "$index" ${subs[@]+"${subs[@]}"}; then
      lm_fail "delvs answered ok, but listvs still lists Virtual Service ${cols[1]}"
    fi
  done <"$LM_ANSWER"
  lm_gone removed
}

# lm_rule_names FLAT AT NAME: LM_FOUND=1 when a rule list under AT names NAME; LM_NAMED = how many
# names the lists hold, LM_MOST = the largest rule counter there (NRules, Nrules, ...), LM_UNNAMED=1
# when it counts more; LM_MEMBERS = the real servers and SubVS slots listed directly in AT.
lm_rule_names() {
  local lines=() line most
  lm_q names "$1" "$2"
  mapfile -t lines <"$LM_ANSWER"
  LM_MEMBERS=${lines[-1]#+}
  most=${lines[-2]#\#}
  lines=("${lines[@]:0:${#lines[@]}-2}")
  LM_FOUND=0 LM_UNNAMED=0 LM_MOST=$most LM_NAMED=${#lines[@]}
  for line in ${lines[@]+"${lines[@]}"}; do
    printf -v line '%b' "$line"
    if [[ $line == "$3" ]]; then LM_FOUND=1; fi
  done
  if ((most > LM_NAMED)); then LM_UNNAMED=1; fi
}

# lm_member_rules INDEX NAME: the rules of each real server and SubVS slot of Virtual Service INDEX,
# asked of showrs (the go client reads them there), when its showvs counts rules it does not name.
# Updates LM_FOUND and LM_UNNAMED.
lm_member_rules() {
  local index=$1 cols members=() rs most=$LM_MOST named=0
  lm_showvs "$index"
  lm_q rows "$LM_FLAT" "$LM_AT" '*' RsIndex
  while IFS=$'\x1f' read -r -a cols; do
    members+=("${cols[1]:-}")
  done <"$LM_ANSWER"
  for rs in ${members[@]+"${members[@]}"}; do
    if [[ -z $rs ]] || ! lm_get_rs "$index" "$rs"; then continue; fi
    lm_rule_names "$LM_FLAT" /Response#1/Success#1/Data#1 "$2"
    if ((LM_FOUND == 1)); then return 0; fi
    named=$((named + LM_NAMED))
  done
  LM_FOUND=0 LM_UNNAMED=0
  if ((most > named)); then LM_UNNAMED=1; fi
}

# lm_rule_users NAME [others]: 0 when a Virtual Service on the LoadMaster uses the rule (LM_WHY says
# which), or counts rules it does not name, even in its showvs and its members' showrs; 1 when none
# uses it. With `others`, the site's own Virtual Services (LM_SITE_VS) and their SubVSs are not
# looked at. listvs lists each Virtual Service's real servers and slots with their rules (captured
# replies); where an entry lists none, or counts more than it names, its showvs is read.
lm_rule_users() {
  local listing cols parent
  lm_listing
  listing=$LM_FLAT
  lm_q rows "$listing" /Response#1/Success#1/Data#1 VS Index
  while IFS=$'\x1f' read -r -a cols; do
    if [[ ${2:-} == others ]]; then
      parent=${LM_VS_PARENT[${cols[1]:-none}]:-none}
      if [[ -n ${LM_SITE_VS[${cols[1]:-none}]+set} || -n ${LM_SITE_VS[$parent]+set} ]]; then continue; fi
    fi
    lm_rule_names "$listing" "${cols[0]}" "$1"
    if ((LM_FOUND == 0 && (LM_UNNAMED == 1 || LM_MEMBERS == 0))); then
      lm_showvs "${cols[1]:-}"
      lm_rule_names "$LM_FLAT" "$LM_AT" "$1"
      if ((LM_FOUND == 0 && LM_UNNAMED == 1)); then lm_member_rules "${cols[1]:-}" "$1"; fi
    fi
    if ((LM_FOUND == 1)); then
      LM_WHY="Virtual Service ${cols[1]:-} uses it"
      return 0
    fi
    if ((LM_UNNAMED == 1)); then
      LM_WHY="Virtual Service ${cols[1]:-} counts rules the LoadMaster does not name: it may use this one"
      return 0
    fi
  done <"$LM_ANSWER"
  return 1
}

# lm_remove_rule TITLE NAME: the site's content rule, unless a Virtual Service still uses it. Deleting
# a rule detaches it from everything it is attached to (Kemp's CLI documentation), so its users are
# looked for first.
lm_remove_rule() {
  local title=$1 name=$2
  lm_step "$title"
  lm_find_rule "$name"
  if [[ -z $LM_RULE_AT ]]; then
    lm_gone absent
    return 0
  fi
  if lm_rule_users "$name"; then
    lm_gone kept "$LM_WHY"
    return 0
  fi
  lm_delrule "$name"
  lm_forget rules
  lm_find_rule "$name"
  if [[ -n $LM_RULE_AT ]]; then lm_fail "delrule answered ok, but showrule still lists ${name@Q}"; fi
  lm_gone removed
}

# lm_keep_globals TITLE PARAM...: global settings are shared by every service of the LoadMaster.
lm_keep_globals() {
  lm_step "$1"
  shift
  printf '    left as they are: %s (they serve every Virtual Service of this LoadMaster)\n' "$*"
}
