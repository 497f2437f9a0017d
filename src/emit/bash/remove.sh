LM_N_REMOVED=0
LM_N_KEPT=0
LM_N_ABSENT=0
# What the removal deletes whole (a Virtual Service and its SubVSs: Index -> 1), and the Virtual
# Services it keeps with what is not the site's, deleting the site's SubVSs in them one by one
# (Index -> 1) and those SubVSs (VSIndex -> 1): plan --remove looks past them for a rule's users.
declare -A LM_DOOMED=() LM_PARTIAL=() LM_DOOMED_SUB=()

# lm_gone OUTCOME OBJECT [WHY]: counts one object of the removal and says so: removed (plan --remove:
# to delete), kept (and why) or absent. The checks before remove print nothing.
lm_gone() {
  local object=${2//[[:cntrl:]]/ } why=${3:-}
  why=${why//[[:cntrl:]]/ }
  case $1 in
    removed) LM_N_REMOVED=$((LM_N_REMOVED + 1)) ;;
    kept) LM_N_KEPT=$((LM_N_KEPT + 1)) ;;
    absent) LM_N_ABSENT=$((LM_N_ABSENT + 1)) ;;
  esac
  if [[ $LM_MODE == preview && $LM_JSON == 1 ]]; then
    lm_json_object "$1" "$object" "$why"
    return 0
  fi
  case $LM_MODE:$1 in
    preview:removed) printf -- '- delete     %s\n' "$object" ;;
    preview:kept) printf '! keep       %s: %s\n' "$object" "$why" ;;
    preview:absent) printf '  not there  %s\n' "$object" ;;
    remove:removed) printf '    removed: %s\n' "$object" ;;
    remove:kept) printf '    kept: %s: %s\n' "$object" "$why" ;;
    remove:absent) printf '    not there\n' ;;
  esac
}

# lm_gone_with OBJECT...: what --include-foreign deletes with a Virtual Service, said under it.
lm_gone_with() {
  local object
  if [[ $LM_MODE != preview && $LM_MODE != remove ]]; then return 0; fi
  if [[ $LM_JSON == 1 ]]; then
    for object in "$@"; do lm_json_object with "${object//[[:cntrl:]]/ }"; done
    return 0
  fi
  for object in "$@"; do printf '      with it, not the site'"'"'s: %s\n' "${object//[[:cntrl:]]/ }"; done
}

# lm_remove_vs TITLE ADDRESS PORT PROT NICKNAME NSUB [SUBVS RULE]... NOWN [ADDRESS PORT]...
# [ADDRESS PORT]...: the site's Virtual Service, if the owned list names it: its SubVSs are the NSUB
# names, each with the rule on its slot, its own real servers the NOWN pairs, each SubVS's real
# servers the pairs after them. Deleted whole (each SubVS, then itself) when it holds nothing else,
# or with --include-foreign; otherwise what is the site's in it is deleted one by one, and it is
# kept with the rest (a SubVS of the site's with a real server or a rule on its slot that the site
# does not name is kept too).
lm_remove_vs() {
  local title=$1 address=$2 port=$3 prot=$4 nickname=$5 n index i sub name label attached alien=() mine=()
  local -A rule=()
  shift 5
  n=$1
  shift
  local subs=()
  for ((i = 0; i < n; i++)); do
    subs+=("$1")
    rule[$1]=$2
    shift 2
  done
  n=$1
  shift
  local own=("${@:1:2*n}")
  shift $((2 * n))
  local served=("$@") foreign=() doomed_subs=() kept_subs=() doomed_rs=()
  lm_step "$title"
  lm_find_vs "$address" "$port" "$prot"
  if [[ -z $LM_INDEX ]]; then
    if [[ $LM_MODE == remove ]]; then lm_owned_drop vs "$address $port $prot"; fi
    lm_gone absent "$title"
    return 0
  fi
  if ! lm_same_text "$nickname" "$LM_NICK"; then
    lm_gone kept "$title" "it is named ${LM_NICK@Q}, not ${nickname@Q}: not the site's"
    return 0
  fi
  if ! lm_owns vs "$address $port $prot" "$LM_INDEX"; then
    lm_gone kept "$title" "not the site's: the owned list does not name it (apply --adopt takes it over)"
    return 0
  fi
  index=$LM_INDEX
  lm_members "$index"
  for i in "${!LM_MEMBER_VS[@]}"; do
    sub=${LM_MEMBER_VS[i]} name=${LM_MEMBER_NAME[i]}
    label="SubVS ${name@Q} of $title"
    if [[ ! $name =~ ^-?$ ]] && ! lm_has "$name" ${subs[@]+"${subs[@]}"}; then
      foreign+=("SubVS ${name@Q} in $title")
      continue
    fi
    # The site's SubVS (a nameless one is left by an interrupted apply): whose are its real servers,
    # and the rules on its slot?
    lm_showvs "$sub"
    lm_servers_of "$sub" "$label" ${served[@]+"${served[@]}"}
    alien=(${LM_ALIEN[@]+"${LM_ALIEN[@]}"}) mine=(${LM_MINE[@]+"${LM_MINE[@]}"})
    lm_sub_rules "$index" "$sub"
    for attached in ${LM_RULES[@]+"${LM_RULES[@]}"}; do
      if [[ -z $name || -z ${rule[$name]+set} || $attached != "${rule[$name]}" ]]; then
        alien+=("rule ${attached@Q} on $label")
      fi
    done
    if ((${#alien[@]} == 0)); then
      doomed_subs+=("$sub"$'\t'"$label")
    else
      foreign+=("${alien[@]}")
      kept_subs+=("$label")
      doomed_rs+=(${mine[@]+"${mine[@]}"})
    fi
  done
  lm_showvs "$index"
  lm_servers_of "$index" "$title" ${own[@]+"${own[@]}"}
  foreign+=(${LM_ALIEN[@]+"${LM_ALIEN[@]}"})
  doomed_rs+=(${LM_MINE[@]+"${LM_MINE[@]}"})
  if ((${#foreign[@]} == 0 || LM_INCLUDE_FOREIGN == 1)); then
    LM_DOOMED[$index]=1
    if [[ $LM_MODE == remove ]]; then lm_delete_vs "$index" ${LM_MEMBER_VS[@]+"${LM_MEMBER_VS[@]}"}; fi
    if [[ $LM_MODE == remove ]]; then lm_owned_drop vs "$address $port $prot"; fi
    lm_gone removed "$title"
    lm_gone_with ${foreign[@]+"${foreign[@]}"}
    return 0
  fi
  LM_PARTIAL[$index]=1
  for label in "${foreign[@]}"; do lm_gone kept "$label" "not the site's"; done
  for i in ${doomed_subs[@]+"${doomed_subs[@]}"}; do
    sub=${i%%$'\t'*}
    LM_DOOMED_SUB[$sub]=1
    if [[ $LM_MODE == remove ]]; then lm_delete_vs "$sub"; fi
    lm_gone removed "${i#*$'\t'}"
  done
  for i in ${doomed_rs[@]+"${doomed_rs[@]}"}; do
    IFS=$'\t' read -r sub n label <<<"$i"
    if [[ $LM_MODE == remove ]]; then lm_delete_rs "$sub" "$n"; fi
    lm_gone removed "$label"
  done
  for label in ${kept_subs[@]+"${kept_subs[@]}"}; do lm_gone kept "$label" "it holds what is not the site's"; done
  lm_gone kept "$title" "it holds what is not the site's (--include-foreign deletes it whole)"
}

# lm_sub_rules PARENT SUBVS: LM_RULES = the rules on the slot of SubVS SUBVS in Virtual Service
# PARENT (none when the parent lists no slot for it).
lm_sub_rules() {
  local i vs=() rs=()
  LM_RULES=()
  lm_showvs "$1"
  lm_slots
  vs=(${LM_SLOT_VS[@]+"${LM_SLOT_VS[@]}"})
  rs=(${LM_SLOT_RS[@]+"${LM_SLOT_RS[@]}"})
  for i in "${!vs[@]}"; do
    if [[ ${vs[i]} == "$2" && -n ${rs[i]} ]]; then
      lm_slot_rules "$1" "${rs[i]}"
      return 0
    fi
  done
}

# lm_members INDEX: LM_MEMBER_VS and LM_MEMBER_NAME = every SubVS of Virtual Service INDEX: the slots
# of its showvs, and the Virtual Services listvs lists with it as MasterVSID (the Python SDK tells
# SubVSs so).
lm_members() {
  local i
  lm_showvs "$1"
  lm_slots
  LM_MEMBER_VS=(${LM_SLOT_VS[@]+"${LM_SLOT_VS[@]}"})
  LM_MEMBER_NAME=(${LM_SLOT_NAME[@]+"${LM_SLOT_NAME[@]}"})
  lm_listing
  for i in "${!LM_VS_PARENT[@]}"; do
    if [[ ${LM_VS_PARENT[$i]} == "$1" ]] && ! lm_has "$i" ${LM_MEMBER_VS[@]+"${LM_MEMBER_VS[@]}"}; then
      LM_MEMBER_VS+=("$i")
      LM_MEMBER_NAME+=("${LM_VS_NICK[$i]:-}")
    fi
  done
}

# lm_servers_of INDEX LABEL [ADDRESS PORT]...: the real servers of the Virtual Service or SubVS whose
# showvs is LM_FLAT: LM_MINE = the site's ("INDEX<TAB>RsIndex<TAB>what"), those among the pairs;
# LM_ALIEN = what the others are.
lm_servers_of() {
  local index=$1 label=$2 cols address
  shift 2
  LM_MINE=() LM_ALIEN=()
  lm_q rows "$LM_FLAT" "$LM_AT" Rs RsIndex,Addr,Port
  while IFS=$'\x1f' read -r -a cols; do
    printf -v address '%b' "${cols[2]:-}"
    if lm_expected_rs "$address" "${cols[3]:-}" "$@"; then
      LM_MINE+=("$index"$'\t'"${cols[1]:-}"$'\t'"real server $address:${cols[3]:-} in $label")
    else
      LM_ALIEN+=("real server $address:${cols[3]:-} in $label")
    fi
  done <"$LM_ANSWER"
}

# lm_delete_vs INDEX [SUBVS]...: delvs of each SubVS, then of INDEX; listvs must then list none.
lm_delete_vs() {
  local cols i
  for i in "${@:2}" "$1"; do
    lm_delvs "$i"
    lm_forget "vs-$i"
  done
  lm_forget listvs
  lm_read listvs listvs
  lm_q rows "$LM_FLAT" /Response#1/Success#1/Data#1 VS Index
  while IFS=$'\x1f' read -r -a cols; do
    if lm_has "${cols[1]:-}" "$@"; then
      lm_fail "delvs answered ok, but listvs still lists Virtual Service ${cols[1]}"
    fi
  done <"$LM_ANSWER"
  lm_forget_parents
}

# lm_delete_rs VS RSINDEX: delrs; VS's showvs must then list no such real server.
lm_delete_rs() {
  local cols
  lm_delrs "$1" "$2"
  lm_forget "vs-$1" "rs-$1-$2" listvs
  lm_showvs "$1"
  lm_q rows "$LM_FLAT" "$LM_AT" Rs RsIndex
  while IFS=$'\x1f' read -r -a cols; do
    if [[ ${cols[1]:-} == "$2" ]]; then lm_fail "delrs answered ok, but Virtual Service $1 still lists real server $2"; fi
  done <"$LM_ANSWER"
}

# lm_forget_parents: every Virtual Service read is read again (a SubVS deleted changes its parent's
# slots).
lm_forget_parents() {
  local key
  for key in "${!LM_CACHE[@]}"; do
    if [[ $key == vs-* || $key == rs-* ]]; then unset 'LM_CACHE[$key]'; fi
  done
}

# lm_rule_names FLAT AT NAME: LM_FOUND=1 when a rule list under AT names NAME; LM_NAMED = how many
# names the lists hold, LM_MOST = the largest rule counter there (NRules, Nrules, ...), LM_UNNAMED=1
# when it counts more, or when AT counts none itself and lists a real server that shows neither a
# counter nor a list (the go client reads a real server's rules with showrs: such an entry does not
# say it has none); LM_MEMBERS = the real servers and SubVS slots listed directly in AT.
lm_rule_names() {
  local lines=() line most silent
  lm_q names "$1" "$2"
  mapfile -t lines <"$LM_ANSWER"
  silent=${lines[-1]#\?}
  LM_MEMBERS=${lines[-2]#+}
  most=${lines[-3]#\#}
  lines=("${lines[@]:0:${#lines[@]}-3}")
  LM_FOUND=0 LM_UNNAMED=0 LM_MOST=$most LM_NAMED=${#lines[@]}
  for line in ${lines[@]+"${lines[@]}"}; do
    printf -v line '%b' "$line"
    if [[ $line == "$3" ]]; then LM_FOUND=1; fi
  done
  if ((most > LM_NAMED || silent > 0)); then LM_UNNAMED=1; fi
}

# lm_member_rules INDEX NAME [after]: the rules of each real server and SubVS slot of Virtual Service
# INDEX, asked of showrs (the go client reads them there), when its showvs counts rules it does not
# name or lists a real server without its rules; each showrs has the last word on its member. With
# `after`, a SubVS the removal deletes is not a user (its names are still counted). Updates LM_FOUND
# and LM_UNNAMED.
lm_member_rules() {
  local index=$1 after=${3:-} cols members=() subs=() i most=$LM_MOST named=0
  lm_showvs "$index"
  lm_q rows "$LM_FLAT" "$LM_AT" '*' RsIndex,VSIndex
  while IFS=$'\x1f' read -r -a cols; do
    members+=("${cols[1]:-}")
    subs+=("${cols[2]:-}")
  done <"$LM_ANSWER"
  for i in "${!members[@]}"; do
    if [[ -z ${members[i]} ]] || ! lm_get_rs "$index" "${members[i]}"; then continue; fi
    lm_rule_names "$LM_FLAT" /Response#1/Success#1/Data#1 "$2"
    if ((LM_FOUND == 1)); then
      if [[ $after != after || -z ${subs[i]} || -z ${LM_DOOMED_SUB[${subs[i]}]+set} ]]; then return 0; fi
    fi
    named=$((named + LM_NAMED))
  done
  LM_FOUND=0 LM_UNNAMED=0
  if ((most > named)); then LM_UNNAMED=1; fi
}

# lm_rule_users NAME [others | after]: 0 when a Virtual Service on the LoadMaster uses the rule (LM_WHY
# says which), or counts rules it does not name, even in its showvs and its members' showrs; 1 when
# none uses it. With `others`, of the site's own Virtual Services (LM_SITE_VS) only the SubVSs the
# site does not name are looked at; with `after`, the LoadMaster as the removal leaves it: what it
# deletes whole is not looked at, and in what it keeps, only the slots it keeps. listvs lists each
# Virtual Service's real servers and slots with their rules (captured replies); where an entry lists
# none, or counts more than it names, or lists a real server without its rules, its showvs is read,
# then its members' showrs.
lm_rule_users() {
  local listing cols parent
  lm_listing
  listing=$LM_FLAT
  lm_q rows "$listing" /Response#1/Success#1/Data#1 VS Index
  while IFS=$'\x1f' read -r -a cols; do
    parent=${LM_VS_PARENT[${cols[1]:-none}]:-none}
    if [[ ${2:-} == others ]]; then
      if [[ -n ${LM_SITE_VS[$parent]+set} ]]; then continue; fi
      if [[ -n ${LM_SITE_VS[${cols[1]:-none}]+set} ]]; then
        if lm_foreign_slot_uses "${cols[1]}" "$1"; then return 0; fi
        continue
      fi
    fi
    if [[ ${2:-} == after ]]; then
      if [[ -n ${LM_DOOMED[${cols[1]:-none}]+set} || -n ${LM_DOOMED[$parent]+set} ]]; then continue; fi
      if [[ -n ${LM_DOOMED_SUB[${cols[1]:-none}]+set} ]]; then continue; fi
      if [[ -n ${LM_PARTIAL[${cols[1]:-none}]+set} ]]; then
        if lm_kept_slot_uses "${cols[1]}" "$1"; then return 0; fi
        continue
      fi
    fi
    lm_rule_names "$listing" "${cols[0]}" "$1"
    if ((LM_FOUND == 0 && (LM_UNNAMED == 1 || LM_MEMBERS == 0))); then
      lm_showvs "${cols[1]:-}"
      lm_rule_names "$LM_FLAT" "$LM_AT" "$1"
      if ((LM_FOUND == 0 && LM_UNNAMED == 1)); then lm_member_rules "${cols[1]:-}" "$1"; fi
    fi
    if lm_user_why "${cols[1]:-}"; then return 0; fi
  done <"$LM_ANSWER"
  return 1
}

# lm_user_why INDEX: 0, with LM_WHY saying why, when the last look at Virtual Service INDEX found the
# rule (LM_FOUND) or rules the LoadMaster does not name (LM_UNNAMED); 1 otherwise.
lm_user_why() {
  if ((LM_FOUND == 1)); then
    LM_WHY="Virtual Service $1 uses it"
    return 0
  fi
  if ((LM_UNNAMED == 1)); then
    LM_WHY="Virtual Service $1 counts rules the LoadMaster does not name: it may use this one"
    return 0
  fi
  return 1
}

# lm_foreign_slot_uses INDEX NAME: 0 when a SubVS slot of the site's Virtual Service INDEX whose SubVS
# the site does not name (LM_SITE_SUB) lists the rule (LM_WHY says which).
lm_foreign_slot_uses() {
  local i vs=() rs=() names=()
  lm_showvs "$1"
  lm_slots
  vs=(${LM_SLOT_VS[@]+"${LM_SLOT_VS[@]}"})
  rs=(${LM_SLOT_RS[@]+"${LM_SLOT_RS[@]}"})
  names=(${LM_SLOT_NAME[@]+"${LM_SLOT_NAME[@]}"})
  for i in "${!rs[@]}"; do
    if [[ -n ${LM_SITE_SUB["$1"$'\x1f'"${names[i]}"]+set} || -z ${rs[i]} ]]; then continue; fi
    lm_slot_rules "$1" "${rs[i]}"
    if lm_has "$2" ${LM_RULES[@]+"${LM_RULES[@]}"}; then
      LM_WHY="SubVS ${names[i]@Q} (Virtual Service ${vs[i]}) in Virtual Service $1 uses it"
      return 0
    fi
  done
  return 1
}

# lm_kept_slot_uses INDEX NAME: 0 when a real server or SubVS slot that the removal keeps in
# Virtual Service INDEX lists the rule, or the Virtual Service counts rules that neither its showvs
# nor its members' showrs name (LM_WHY says which), as lm_rule_users would find once the removal is
# done.
lm_kept_slot_uses() {
  local cols rule
  lm_showvs "$1"
  lm_q rows "$LM_FLAT" "$LM_AT" '*' "$LM_SLOT_COLUMNS"
  while IFS=$'\x1f' read -r -a cols; do
    if [[ -n ${cols[1]:-} && -n ${LM_DOOMED_SUB[${cols[1]}]+set} ]]; then continue; fi
    for rule in "${cols[@]:5}"; do
      printf -v rule '%b' "$rule"
      if [[ $rule == "$2" ]]; then
        LM_WHY="Virtual Service $1 uses it"
        return 0
      fi
    done
  done <"$LM_ANSWER"
  lm_rule_names "$LM_FLAT" "$LM_AT" "$2"
  if ((LM_UNNAMED == 0)); then return 1; fi
  lm_member_rules "$1" "$2" after
  lm_user_why "$1"
}

# lm_remove_rule TITLE NAME: the site's content rule, if the owned list names it, unless a Virtual
# Service still uses it (the removal's plan looks past what the removal deletes). Deleting a rule
# detaches it from everything it is attached to (Kemp's CLI documentation), so its users are looked
# for first.
lm_remove_rule() {
  local title=$1 name=$2 users=after
  lm_step "$title"
  if [[ $LM_MODE == remove ]]; then users=''; fi
  lm_find_rule "$name"
  if [[ -z $LM_RULE_AT ]]; then
    if [[ $LM_MODE == remove ]]; then lm_owned_drop rule "$name"; fi
    lm_gone absent "$title"
    return 0
  fi
  if ! lm_owns rule "$name" -; then
    lm_gone kept "$title" "not the site's: the owned list does not name it (apply --adopt takes it over)"
    return 0
  fi
  if lm_rule_users "$name" "$users"; then
    lm_gone kept "$title" "$LM_WHY"
    return 0
  fi
  if [[ $LM_MODE == remove ]]; then
    lm_delrule "$name"
    lm_forget rules
    lm_find_rule "$name"
    if [[ -n $LM_RULE_AT ]]; then lm_fail "delrule answered ok, but showrule still lists ${name@Q}"; fi
    lm_owned_drop rule "$name"
  fi
  lm_gone removed "$title"
}

# lm_keep_globals TITLE PARAM...: global settings are shared by every service of the LoadMaster.
lm_keep_globals() {
  lm_step "$1"
  shift
  case $LM_MODE:$LM_JSON in
    preview:0) printf '  left alone %s: %s (they serve every Virtual Service of this LoadMaster)\n' "$LM_STEP" "$*" ;;
    remove:*) printf '    left as they are: %s (they serve every Virtual Service of this LoadMaster)\n' "$*" ;;
  esac
}
