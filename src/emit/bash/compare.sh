LM_N_CREATE=0
LM_N_CHANGE=0
LM_N_SAME=0
LM_N_FOREIGN=0
LM_N_ADOPT=0
LM_PROBLEMS=()
LM_GLOBALS_FOUND=()
# SubVSs taken over (or made) by this run, and the Virtual Services and slots it created: nothing
# in those is foreign or attached yet, so they are not read for that.
declare -A LM_CLAIMED=() LM_NEW=()
# The parameters whose element no evidence shows and a reply did not show (name -> 1, and in the
# order met): not verifiable. LM_SENDING_NEW=1 while a service this run made gets its settings, or a
# stage is sent: they are sent though the appliance may never show them.
declare -A LM_UNSEEN=()
LM_UNSEEN_LIST=()
LM_SENDING_NEW=0
# The listing of Virtual Services (see lm_listing).
declare -A LM_VS_AT=() LM_VS_NICK=() LM_VS_PARENT=()
LM_VS_FROM=''

# lm_bool VALUE: LM_B = 1 or 0 for the ways the appliance writes a switch (Y/N in showvs, yes/no
# in get), else VALUE itself.
lm_bool() {
  case ${1,,} in
    y | yes | 1 | true | on | enabled) LM_B=1 ;;
    n | no | 0 | false | off | disabled | '') LM_B=0 ;;
    *) LM_B=$1 ;;
  esac
}

# lm_items TEXT: LM_ITEMS = the items of a list, separated by spaces, commas or line breaks.
lm_items() {
  local t=${1//[,$'\n\r\t']/ }
  read -r -a LM_ITEMS <<<"$t" || true
}

# lm_same KEY SENT FOUND PRESENT: 0 when the appliance holds SENT: FOUND if PRESENT is 1, else
# whatever an absent element stands for (LM_ABSENT; nothing known means not the same).
lm_same() {
  local key=$1 sent=$2 found=$3 a
  if [[ $4 == 0 ]]; then
    if [[ -z ${LM_ABSENT[$key]+set} ]]; then return 1; fi
    found=${LM_ABSENT[$key]}
  fi
  case ${LM_COMPARE[$key]:-text} in
    bool)
      lm_bool "$sent"
      a=$LM_B
      lm_bool "$found"
      [[ $a == "$LM_B" ]]
      ;;
    int)
      # As numbers: spaces and leading zeros aside.
      sent=${sent//[[:space:]]/}
      found=${found//[[:space:]]/}
      while [[ $sent == 0?* ]]; do sent=${sent#0}; done
      while [[ $found == 0?* ]]; do found=${found#0}; done
      [[ $sent == "$found" ]]
      ;;
    ci) [[ ${sent,,} == "${found,,}" ]] ;;
    set | includes)
      local -A held=()
      lm_items "$found"
      for a in ${LM_ITEMS[@]+"${LM_ITEMS[@]}"}; do held[$a]=1; done
      lm_items "$sent"
      for a in ${LM_ITEMS[@]+"${LM_ITEMS[@]}"}; do
        if [[ -z ${held[$a]+set} ]]; then return 1; fi
        unset 'held[$a]'
      done
      [[ ${LM_COMPARE[$key]} == includes || ${#held[@]} == 0 ]]
      ;;
    *) lm_same_text "$sent" "$found" ;;
  esac
}

# lm_same_text SENT FOUND: the same text; or FOUND is SENT's UTF-8 read as Latin-1, as from a reply
# declared ISO-8859-1 that holds UTF-8 bytes (one of the forms non-ASCII text may take).
lm_same_text() {
  if [[ $1 == "$2" ]]; then return 0; fi
  case $2 in
    *[![:ascii:]]*) ;;
    *) return 1 ;;
  esac
  local alt
  alt=$(printf '%s' "$2" | iconv -f UTF-8 -t ISO-8859-1 2>/dev/null) && [[ $alt == "$1" ]]
}

# lm_union SENT FOUND: LM_U = SENT's items, then FOUND's others (certificates added by hand stay),
# leaving out a 32-digit hex name: the appliance's own default certificate (captured showvs replies).
lm_union() {
  local a out=() seen
  lm_items "$1"
  out=(${LM_ITEMS[@]+"${LM_ITEMS[@]}"})
  seen=" $1 "
  lm_items "$2"
  for a in ${LM_ITEMS[@]+"${LM_ITEMS[@]}"}; do
    if [[ $seen != *" $a "* && ! $a =~ ^[0-9a-fA-F]{32}$ ]]; then out+=("$a"); fi
  done
  LM_U="${out[*]}"
}

# lm_diff SCOPE FLAT AT PARAM...: compares the NAME=VALUE PARAMs with the element at AT. LM_DIFF
# holds NAME=VALUE for each to send, LM_SHOW "NAME: appliance's value -> site's value" lines, LM_MISS
# "NAME: sent ..., found ..." lines (for a read-back), LM_CHANGES the same as NAME, 1 or 0 (the
# appliance's value is known), that value and the site's, separated by the unit separator (plan --json).
lm_diff() {
  local scope=$1 flat=$2 at=$3 p name value key el found shown present k v
  shift 3
  local -A fields=()
  lm_q fields "$flat" "$at"
  while IFS=$'\t' read -r k v; do
    if [[ -z ${fields[$k]+set} ]]; then fields[$k]=$v; fi
  done <"$LM_ANSWER"
  LM_DIFF=() LM_SHOW=() LM_MISS=() LM_CHANGES=()
  for p in "$@"; do
    name=${p%%=*}
    value=${p#*=}
    key=$scope:${name,,}
    el=${LM_ELEMENT[$key]:-$name}
    el=${el,,}
    present=0
    found=''
    if [[ -n ${fields[$el]+set} ]]; then
      present=1
      printf -v found '%b' "${fields[$el]}"
    fi
    if lm_same "$key" "$value" "$found" "$present"; then continue; fi
    if [[ $present == 0 && -n ${LM_UNCONFIRMED[$key]+set} ]]; then
      # No evidence shows where a reply holds it: not shown, it is not verifiable, not
      # different (unless what an absence stands for is the site's value).
      if ((LM_SENDING_NEW == 1)); then
        LM_DIFF+=("$name=$value")
      elif [[ -z ${LM_UNSEEN[$name]+set} ]]; then
        LM_UNSEEN[$name]=1
        LM_UNSEEN_LIST+=("$name")
      fi
      continue
    fi
    if [[ $present == 1 ]]; then
      shown=${found@Q}
      LM_CHANGES+=("$name"$'\x1f'1$'\x1f'"${found//$'\x1f'/ }"$'\x1f'"$value")
    elif [[ -n ${LM_ABSENT[$key]+set} ]]; then
      shown=${LM_ABSENT[$key]@Q}
      LM_CHANGES+=("$name"$'\x1f'1$'\x1f'"${LM_ABSENT[$key]}"$'\x1f'"$value")
    else
      shown='(not reported)'
      LM_CHANGES+=("$name"$'\x1f'0$'\x1f'$'\x1f'"$value")
    fi
    LM_SHOW+=("$name: $shown -> ${value@Q}")
    LM_MISS+=("$name: sent ${value@Q}, found $shown")
    if [[ ${LM_COMPARE[$key]:-} == includes ]]; then
      lm_union "$value" "$found"
      value=$LM_U
    fi
    LM_DIFF+=("$name=$value")
  done
}
