/**
 * deploy.sh's library, third part: one function per kind of PlanStep (src/model/plan.ts). Each reads
 * first; plan and the checks before apply only report; apply writes what differs and reads it back.
 * Objects are found by listing and matching (listvs, showvs, showrule), never by an error's wording.
 * It holds no site value.
 */

/** `${` inside the template literal below: bash needs it, JavaScript would read it as a placeholder. */
const D = '${';

/** Finding objects in replies. */
const FIND = String.raw`# lm_listing: listvs read into LM_VS_AT ("address port protocol" -> "Index NickName", the address as
# lm_ip6 writes it), LM_VS_NICK (Index -> NickName) and LM_VS_PARENT (Index -> MasterVSID), once per reply. listvs lists one <VS> each;
# a SubVS is one too, with no VSAddress and its parent in MasterVSID (captured replies). A missing
# Protocol is tcp, the default.
lm_listing() {
  local cols address nick prot
  lm_read listvs listvs
  if [[ $LM_VS_FROM == "$LM_FLAT" ]]; then return 0; fi
  LM_VS_AT=() LM_VS_NICK=() LM_VS_PARENT=()
  LM_VS_FROM=$LM_FLAT
  while IFS=$'\x1f' read -r -a cols; do
    printf -v nick '%b' "${D}cols[5]:-}"
    LM_VS_NICK[${D}cols[1]:-none}]=$nick
    LM_VS_PARENT[${D}cols[1]:-none}]=${D}cols[6]:-0}
    printf -v address '%b' "${D}cols[2]:-}"
    if [[ -z $address || ! ${D}cols[6]:-0} =~ ^0*$ ]]; then continue; fi
    prot=${D}cols[4],,}
    lm_ip6 "$address"
    if [[ ! -v LM_VS_AT["$LM_IP ${D}cols[3]:-} ${D}prot:-tcp}"] ]]; then
      LM_VS_AT["$LM_IP ${D}cols[3]:-} ${D}prot:-tcp}"]="${D}cols[1]:-} $nick"
    fi
  done < <(lm_q rows "$LM_FLAT" /Response#1/Success#1/Data#1 VS Index,VSAddress,VSPort,Protocol,NickName,MasterVSID)
}

# lm_find_vs ADDRESS PORT PROT: LM_INDEX and LM_NICK of the Virtual Service at this address
# (LM_INDEX empty when there is none). Virtual Services this run creates are added to the listing.
# Where listvs gives no NickName, showvs has the last word.
lm_find_vs() {
  local found
  lm_listing
  lm_ip6 "$1"
  found=${D}LM_VS_AT["$LM_IP $2 ${D}3,,}"]:-}
  LM_INDEX=${D}found%% *}
  LM_NICK=${D}found#* }
  if [[ -n $LM_INDEX && -z $LM_NICK ]]; then
    lm_showvs "$LM_INDEX"
    LM_NICK=$(lm_q value "$LM_FLAT" "$LM_AT/NickName#1") || LM_NICK=''
    printf -v LM_NICK '%b' "$LM_NICK"
  fi
}

# lm_ip6 ADDRESS: LM_IP = an IPv6 address's eight groups in full, lower case (2001:db8::1 and
# 2001:DB8:0:0:0:0:0:1 are one address); anything else as it is.
lm_ip6() {
  local a=${D}1,,} head tail g out=() h=() t=() n
  LM_IP=$a
  if [[ $a != *:* || ! $a =~ ^[0-9a-f:]+$ ]]; then return 0; fi
  if [[ $a == *::* ]]; then
    head=${D}a%%::*}
    tail=${D}a#*::}
  else
    head=$a
    tail=''
  fi
  IFS=: read -r -a h <<<"$head" || true
  IFS=: read -r -a t <<<"$tail" || true
  n=$((8 - ${D}#h[@]} - ${D}#t[@]}))
  for g in ${D}h[@]+"${D}h[@]}"}; do out+=("$g"); done
  while ((n-- > 0)); do out+=(0); done
  for g in ${D}t[@]+"${D}t[@]}"}; do out+=("$g"); done
  LM_IP=''
  for g in "${D}out[@]}"; do
    while [[ ${D}g:0:1} == 0 && ${D}#g} -gt 1 ]]; do g=${D}g:1}; done
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

# lm_slots: the SubVS slots of the Virtual Service in LM_FLAT at LM_AT: LM_SLOT_VS, LM_SLOT_RS and
# LM_SLOT_NAME (each slot's VSIndex, RsIndex and Name). A slot without a name ("-" until the SubVS
# gets a nickname, in Kemp's examples) takes the SubVS's own NickName from listvs, if it has one.
lm_slots() {
  local cols name i flat=$LM_FLAT at=$LM_AT nameless=0
  LM_SLOT_VS=() LM_SLOT_RS=() LM_SLOT_NAME=()
  while IFS=$'\x1f' read -r -a cols; do
    printf -v name '%b' "${D}cols[3]:-}"
    if [[ $name =~ ^-?$ ]]; then nameless=1; fi
    LM_SLOT_VS+=("${D}cols[1]:-}")
    LM_SLOT_RS+=("${D}cols[2]:-}")
    LM_SLOT_NAME+=("$name")
  done < <(lm_q rows "$LM_FLAT" "$LM_AT" SubVS VSIndex,RsIndex,Name)
  if ((nameless == 0)); then return 0; fi
  lm_listing
  LM_FLAT=$flat LM_AT=$at
  for i in "${D}!LM_SLOT_VS[@]}"; do
    if [[ ${D}LM_SLOT_NAME[i]} =~ ^-?$ && -n ${D}LM_VS_NICK[${D}LM_SLOT_VS[i]:-none}]:-} ]]; then
      LM_SLOT_NAME[i]=${D}LM_VS_NICK[${D}LM_SLOT_VS[i]:-none}]}
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
  while IFS=$'\x1f' read -r -a cols; do
    if [[ ${D}cols[1]:-} != "$2" || ${D}cols[2]:-} != + ]]; then continue; fi
    for rule in "${D}cols[@]:3}"; do
      printf -v rule '%b' "$rule"
      LM_RULES+=("$rule")
    done
    return 0
  done < <(lm_q rows "$LM_FLAT" "$LM_AT" SubVS 'RsIndex,MatchRules/Name*')
  if ! lm_read_optional "rs-$1-$2" showrs "vs=$1" "rs=!$2"; then return 0; fi
  while IFS=$'\x1f' read -r -a cols; do
    if [[ ${D}cols[1]:-} != + ]]; then continue; fi
    for rule in "${D}cols[@]:2}"; do
      printf -v rule '%b' "$rule"
      LM_RULES+=("$rule")
    done
    return 0
  done < <(lm_q rows "$LM_FLAT" /Response#1/Success#1/Data#1 '*' 'MatchRules/Name*')
}

# lm_rs_in FLAT AT ADDRESS PORT: LM_RS (RsIndex) and LM_RS_AT (its element) of the real server with
# this address and port among the <Rs> elements at AT; both empty when there is none.
lm_rs_in() {
  local cols address
  LM_RS='' LM_RS_AT=''
  while IFS=$'\x1f' read -r -a cols; do
    printf -v address '%b' "${D}cols[2]:-}"
    if [[ ${D}cols[3]:-} == "$4" ]] && lm_same_address "$address" "$3"; then
      LM_RS=${D}cols[1]:-}
      LM_RS_AT=${D}cols[0]}
      return 0
    fi
  done < <(lm_q rows "$1" "$2" Rs RsIndex,Addr,Port)
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
  while IFS=$'\x1f' read -r -a cols; do
    printf -v name '%b' "${D}cols[1]:-}"
    if lm_same_text "$2" "$name"; then
      LM_RULE_AT=${D}cols[0]}
      return 0
    fi
  done < <(lm_q rows "$1" /Response#1/Success#1/Data#1 '*' Name)
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
`;

/** Settings of a VS or SubVS, written stage by stage and read back. */
const SETTINGS = String.raw`# lm_stages PARAM... [-- PARAM...]...: LM_S0, LM_S1, LM_S2 = the parameters of each call.
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

# lm_verify WHAT INDEX PARAM...: reads Virtual Service INDEX back; stops if a value sent was not kept.
lm_verify() {
  local what=$1 index=$2
  shift 2
  lm_showvs "$index"
  lm_diff vs "$LM_FLAT" "$LM_AT" "$@"
  if ((${D}#LM_DIFF[@]} > 0)); then
    lm_fail "the LoadMaster did not keep what was sent to $what:" "${D}LM_MISS[@]}"
  fi
}

# lm_send_stages WHAT INDEX FROM: sends stages FROM.. (LM_S*) to Virtual Service INDEX, each one's
# parameters that differ, in a call of its own, and reads each back: ESP is enabled in steps, as
# Kemp's engineer does it (basic settings; ESPEnabled with its modes, hosts and directories; then
# the SSO domain and logoff).
lm_send_stages() {
  local what=$1 index=$2 i
  for ((i = $3; i < 3; i++)); do
    local -n stage=LM_S$i
    if ((${D}#stage[@]} == 0)); then continue; fi
    lm_showvs "$index"
    lm_diff vs "$LM_FLAT" "$LM_AT" "${D}stage[@]}"
    if ((${D}#LM_DIFF[@]} == 0)); then continue; fi
    lm_write modvs "vs=$index" "${D}LM_DIFF[@]}"
    lm_forget "vs-$index"
    lm_keep_vs
    lm_verify "$what" "$index" "${D}stage[@]}"
  done
  lm_verify "$what" "$index" ${D}LM_S0[@]+"${D}LM_S0[@]}"} ${D}LM_S1[@]+"${D}LM_S1[@]}"} ${D}LM_S2[@]+"${D}LM_S2[@]}"}
}

# lm_settings WHAT INDEX PARAM... [-- PARAM...]...: the settings of an existing VS or SubVS: same, or
# changed parameter by parameter.
lm_settings() {
  local what=$1 index=$2 shown
  shift 2
  lm_stages "$@"
  lm_showvs "$index"
  lm_diff vs "$LM_FLAT" "$LM_AT" ${D}LM_S0[@]+"${D}LM_S0[@]}"} ${D}LM_S1[@]+"${D}LM_S1[@]}"} ${D}LM_S2[@]+"${D}LM_S2[@]}"}
  if ((${D}#LM_SHOW[@]} == 0)); then
    lm_report same "$what"
    return 0
  fi
  shown=("${D}LM_SHOW[@]}")
  if [[ $LM_MODE == apply ]]; then lm_send_stages "$what" "$index" 0; fi
  lm_report change "$what" "${D}shown[@]}"
}
`;

/** One function per step kind. */
const STEPS = String.raw`# lm_names KEY COMMAND TAIL: LM_NAMES = the texts of the elements TAIL names (cert/name), at any
# depth of COMMAND's reply.
lm_names() {
  local name
  LM_NAMES=()
  lm_read "$1" "$2"
  while IFS= read -r name; do
    printf -v name '%b' "$name"
    LM_NAMES+=("$name")
  done < <(lm_q tail "$LM_FLAT" '' "$3")
}

# lm_check_certificates TITLE NAME...: before any change, every certificate the site assigns is
# installed (listcert: <cert><name>).
lm_check_certificates() {
  local want
  lm_step "$1"
  shift
  lm_names certs listcert cert/name
  for want in "$@"; do
    if ! lm_has "$want" ${D}LM_NAMES[@]+"${D}LM_NAMES[@]}"}; then
      lm_problem "certificate ${D}want@Q} is not installed on the LoadMaster: install it first (guide 4.1.1)"
    fi
  done
}

# lm_check_sso_domains TITLE NAME...: before any change, every SSO domain the site's ESP names exists
# (showdomain: <Domain><Name>, which the appliance writes in capitals: compared whatever the case).
lm_check_sso_domains() {
  local want name found
  lm_step "$1"
  shift
  lm_names domains showdomain Domain/Name
  for want in "$@"; do
    found=0
    for name in ${D}LM_NAMES[@]+"${D}LM_NAMES[@]}"}; do
      if [[ ${D}name,,} == "${D}want,,}" ]]; then found=1; fi
    done
    if ((found == 0)); then
      lm_problem "SSO domain ${D}want@Q} does not exist on the LoadMaster: create it first (guide 4.2)"
    fi
  done
}

# lm_check_addresses TITLE [ADDRESS PORT PROT NICKNAME]...: before any change, no Virtual Service of
# another name holds one of the site's addresses: apply would otherwise change it.
lm_check_addresses() {
  lm_step "$1"
  shift
  while (($# >= 4)); do
    lm_find_vs "$1" "$2" "$3"
    if [[ -n $LM_INDEX ]] && ! lm_same_text "$4" "$LM_NICK"; then
      lm_problem "$1:$2 ($3) holds a Virtual Service named ${D}LM_NICK@Q}, not ${D}4@Q}: it is not this site's (delete or move it, or give this site another address)"
    fi
    shift 4
  done
}

# lm_global TITLE PARAM VALUE: get, then set when it differs (guide section 2).
lm_global() {
  local title=$1 param=$2 value=$3 found
  lm_step "$title"
  lm_read "global-$param" get "param=$param"
  if [[ $LM_MODE != apply ]]; then
    found=$(lm_q value "$LM_FLAT" "/Response#1/Success#1/Data#1/$param#1") || found='(not reported)'
    printf -v found '%b' "$found"
    LM_GLOBALS_FOUND+=("$param=$found")
  fi
  lm_diff global "$LM_FLAT" /Response#1/Success#1/Data#1 "$param=$value"
  if ((${D}#LM_DIFF[@]} == 0)); then
    lm_report same "$title"
    return 0
  fi
  local shown=("${D}LM_SHOW[@]}")
  if [[ $LM_MODE == apply ]]; then
    lm_write set "param=$param" "value=$value"
    lm_forget "global-$param"
    lm_read "global-$param" get "param=$param"
    lm_diff global "$LM_FLAT" /Response#1/Success#1/Data#1 "$param=$value"
    if ((${D}#LM_DIFF[@]} > 0)); then lm_fail "the LoadMaster did not keep $param:" "${D}LM_MISS[@]}"; fi
  fi
  lm_report change "$title" "${D}shown[@]}"
}

# lm_rule TITLE NAME PARAM...: the content rule NAME: addrule, or modrule with what differs.
lm_rule() {
  local title=$1 name=$2 shown
  shift 2
  lm_step "$title"
  lm_find_rule "$name"
  if [[ -n $LM_RULE_AT ]]; then
    lm_diff rule "$LM_FLAT" "$LM_RULE_AT" "$@"
    if ((${D}#LM_DIFF[@]} == 0)); then
      lm_report same "$title"
      return 0
    fi
    shown=("${D}LM_SHOW[@]}")
    if [[ $LM_MODE == apply ]]; then lm_write modrule "name=$name" "${D}LM_DIFF[@]}"; fi
  else
    shown=()
    if [[ $LM_MODE == apply ]]; then lm_write addrule "name=$name" "$@"; fi
  fi
  if [[ $LM_MODE == apply ]]; then
    lm_forget rules
    # addrule and modrule answer with the rule (Kemp's examples); else it is read again.
    lm_rule_in "$LM_FLAT" "$name"
    if [[ -z $LM_RULE_AT ]]; then lm_find_rule "$name"; fi
    if [[ -z $LM_RULE_AT ]]; then lm_fail "the LoadMaster does not list rule ${D}name@Q} after it was sent"; fi
    lm_diff rule "$LM_FLAT" "$LM_RULE_AT" "$@"
    if ((${D}#LM_DIFF[@]} > 0)); then lm_fail "the LoadMaster did not keep what was sent to $title:" "${D}LM_MISS[@]}"; fi
  fi
  if ((${D}#shown[@]} == 0)); then lm_report create "$title"; else lm_report change "$title" "${D}shown[@]}"; fi
}

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
  if [[ -n $LM_INDEX ]]; then
    lm_settings "$title" "$LM_INDEX" "$@"
    return 0
  fi
  if [[ $LM_MODE != apply ]]; then
    lm_report create "$title"
    return 0
  fi
  lm_stages "$@"
  lm_write addvs "vs=$address" "port=$port" "prot=$prot" ${D}LM_S0[@]+"${D}LM_S0[@]}"}
  # addvs answers with the new VS, its Index among the fields (captured replies); else listvs says.
  lm_keep_vs
  LM_INDEX=$LM_REPLY_INDEX
  if [[ -z $LM_INDEX ]]; then
    lm_forget listvs
    lm_find_vs "$address" "$port" "$prot"
  fi
  if [[ -z $LM_INDEX ]]; then lm_fail "addvs answered ok, but listvs does not list $address:$port ($prot)"; fi
  lm_ip6 "$address"
  LM_VS_AT["$LM_IP $port ${D}prot,,}"]="$LM_INDEX $nickname"
  LM_NEW[$LM_INDEX]=1
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
  for i in "${D}!LM_SLOT_VS[@]}"; do
    if lm_same_text "$nickname" "${D}LM_SLOT_NAME[i]}"; then
      LM_INDEX=${D}LM_SLOT_VS[i]} LM_SLOT=${D}LM_SLOT_RS[i]}
      break
    fi
  done
  if [[ -z $LM_INDEX ]]; then
    # A new SubVS is named "-" in its slot until its nickname is set (Kemp's API examples).
    for i in "${D}!LM_SLOT_VS[@]}"; do
      if [[ ${D}LM_SLOT_NAME[i]} =~ ^-?$ && ! -v LM_ADOPTED[${D}LM_SLOT_VS[i]}] ]]; then
        LM_INDEX=${D}LM_SLOT_VS[i]} LM_SLOT=${D}LM_SLOT_RS[i]}
        LM_ADOPTED[$LM_INDEX]=1
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
  for i in "${D}!LM_VS_PARENT[@]}"; do
    if [[ ${D}LM_VS_PARENT[$i]} == "$parent" ]] && lm_same_text "$nickname" "${D}LM_VS_NICK[$i]}"; then
      lm_fail "listvs shows SubVS ${D}nickname@Q} (Index $i) of Virtual Service $parent, but the parent's showvs shows no slot for it"
    fi
  done
  LM_FLAT=$flat LM_AT=$at
  if [[ $LM_MODE != apply ]]; then
    lm_report create "$title"
    return 0
  fi
  before=(${D}LM_SLOT_VS[@]+"${D}LM_SLOT_VS[@]}"})
  lm_forget "vs-$parent"
  lm_write modvs "vs=$parent" createsubvs=
  # The reply is the parent, listing the new SubVS last (Kemp's engineer's script, the go client's
  # tests): the slot that was not there before is taken (the last such one, were there several); an
  # existing SubVS never is.
  lm_keep_vs
  if [[ $LM_REPLY_INDEX != "$parent" ]]; then
    lm_forget "vs-$LM_REPLY_INDEX"
    lm_showvs "$parent"
  fi
  lm_slots
  for i in "${D}!LM_SLOT_VS[@]}"; do
    if ! lm_has "${D}LM_SLOT_VS[i]}" ${D}before[@]+"${D}before[@]}"}; then
      LM_INDEX=${D}LM_SLOT_VS[i]} LM_SLOT=${D}LM_SLOT_RS[i]}
    fi
  done
  if [[ -z $LM_INDEX || -z $LM_SLOT ]]; then lm_fail "createsubvs answered ok, but the parent lists no new SubVS with its slot"; fi
  LM_ADOPTED[$LM_INDEX]=1
  LM_NEW[$LM_INDEX]=1
  LM_NEW[slot-$LM_SLOT]=1
  lm_stages "$@"
  lm_send_stages "$title" "$LM_INDEX" 0
  lm_report create "$title"
}

# lm_realserver TITLE VS ADDRESS PORT [WEIGHT]: the real server in VS: addrs, or modrs for its weight.
lm_realserver() {
  local title=$1 vs=$2 address=$3 port=$4 params=() shown
  lm_step "$title"
  if [[ -n ${D}5:-} ]]; then params=("weight=$5"); fi
  if [[ -z $vs ]]; then
    lm_report create "$title"
    return 0
  fi
  lm_find_rs "$vs" "$address" "$port"
  if [[ -n $LM_RS ]]; then
    lm_diff rs "$LM_FLAT" "$LM_RS_AT" ${D}params[@]+"${D}params[@]}"}
    if ((${D}#LM_DIFF[@]} == 0)); then
      lm_report same "$title"
      return 0
    fi
    shown=("${D}LM_SHOW[@]}")
    if [[ $LM_MODE == apply ]]; then lm_write modrs "vs=$vs" "rs=!$LM_RS" "${D}LM_DIFF[@]}"; fi
  else
    shown=()
    if [[ $LM_MODE == apply ]]; then
      lm_write addrs "vs=$vs" "rs=$address" "rsport=$port" ${D}params[@]+"${D}params[@]}"}
    fi
  fi
  if [[ $LM_MODE == apply ]]; then
    lm_forget "vs-$vs"
    # addrs answers with the real server (<Data><Rs>, captured replies); modrs with no data.
    lm_rs_in "$LM_FLAT" /Response#1/Success#1/Data#1 "$address" "$port"
    if [[ -z $LM_RS ]]; then lm_find_rs "$vs" "$address" "$port"; fi
    if [[ -z $LM_RS ]]; then lm_fail "the LoadMaster does not list real server $address:$port after it was sent"; fi
    lm_diff rs "$LM_FLAT" "$LM_RS_AT" ${D}params[@]+"${D}params[@]}"}
    if ((${D}#LM_DIFF[@]} > 0)); then lm_fail "the LoadMaster did not keep what was sent to $title:" "${D}LM_MISS[@]}"; fi
  fi
  if ((${D}#shown[@]} == 0)); then lm_report create "$title"; else lm_report change "$title" "${D}shown[@]}"; fi
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
  if [[ ! -v LM_NEW[slot-$slot] ]]; then lm_slot_rules "$parent" "$slot"; fi
  if lm_has "$rule" ${D}LM_RULES[@]+"${D}LM_RULES[@]}"}; then
    lm_report same "$title"
    return 0
  fi
  if [[ $LM_MODE == apply ]]; then
    # The rule goes on the SubVS's slot in its parent: rs=!<RsIndex>, not the SubVS's own index.
    lm_write addrsrule "vs=$parent" "rs=!$slot" "rule=$rule"
    lm_forget "vs-$parent" "rs-$parent-$slot"
    lm_slot_rules "$parent" "$slot"
    if ! lm_has "$rule" ${D}LM_RULES[@]+"${D}LM_RULES[@]}"}; then
      lm_fail "the LoadMaster does not list rule ${D}rule@Q} on the SubVS's slot after it was attached"
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
  if [[ -z $vs || -v LM_NEW[$vs] ]]; then return 0; fi
  local -A slot=()
  for ((i = 0; i < n; i++)); do
    slot[$1]=$2
    shift 2
  done
  lm_showvs "$vs"
  while IFS=$'\x1f' read -r -a cols; do
    printf -v name '%b' "${D}cols[2]:-}"
    if [[ -v slot[$name] ]]; then
      for rule in "${D}cols[@]:4}"; do
        printf -v rule '%b' "$rule"
        if [[ $rule != "${D}slot[$name]}" ]]; then lm_report foreign "rule ${D}rule@Q} on SubVS ${D}name@Q} of $within"; fi
      done
    elif [[ ! ($name =~ ^-?$ && -v LM_ADOPTED[${D}cols[1]:-0}]) ]]; then
      lm_report foreign "SubVS ${D}name@Q} in $within"
    fi
  done < <(lm_q rows "$LM_FLAT" "$LM_AT" SubVS 'VSIndex,Name,MatchRules/Name*')
  while IFS=$'\x1f' read -r -a cols; do
    printf -v address '%b' "${D}cols[1]:-}"
    if ! lm_expected_rs "$address" "${D}cols[2]:-}" "$@"; then
      lm_report foreign "real server $address:${D}cols[2]:-} in $within"
    fi
  done < <(lm_q rows "$LM_FLAT" "$LM_AT" Rs Addr,Port)
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
`;

/** The step functions (see the module comment). */
export const BASH_STEPS = `${FIND}\n${SETTINGS}\n${STEPS}`;
