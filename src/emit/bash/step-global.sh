# lm_global_read PARAM: get of a global setting, its value where Kemp's module reads it
# (<Data><PARAM>); a reply that gives it as the text of a <Success> holding no element (as some
# commands answer) is read as if it were there.
lm_global_read() {
  local text
  lm_get_global "$1"
  if lm_value "$LM_FLAT" "/Response#1/Success#1/Data#1/$1#1" || ! lm_value "$LM_FLAT" /Response#1/Success#1; then
    return 0
  fi
  IFS= read -r -d '' text <"$LM_FLAT" || :
  if [[ $'\n'${text,,} == *$'\n/response#1/success#1/'* ]]; then return 0; fi
  text=$LM_FLAT.global
  { cat -- "$LM_FLAT" && printf '/Response#1/Success#1/Data#1/%s#1\t%s\n' "$1" "$LM_VALUE"; } >"$text"
  LM_FLAT=$text
  LM_CACHE[global-$1]=$text
}

# lm_global TITLE PARAM VALUE: get, then set when it differs (guide section 2).
lm_global() {
  local title=$1 param=$2 value=$3 found
  lm_step "$title"
  lm_global_read "$param"
  if [[ $LM_MODE != apply ]]; then
    found='(not reported)'
    if lm_value "$LM_FLAT" "/Response#1/Success#1/Data#1/$param#1"; then printf -v found '%b' "$LM_VALUE"; fi
    LM_GLOBALS_FOUND+=("$param=$found")
  fi
  lm_diff global "$LM_FLAT" /Response#1/Success#1/Data#1 "$param=$value"
  if ((${#LM_DIFF[@]} == 0)); then
    lm_report same "$title"
    return 0
  fi
  local shown=("${LM_SHOW[@]}")
  if [[ $LM_MODE == apply ]]; then
    lm_set_global "$param" "$value"
    lm_forget "global-$param"
    lm_global_read "$param"
    lm_diff global "$LM_FLAT" /Response#1/Success#1/Data#1 "$param=$value"
    if ((${#LM_DIFF[@]} > 0)); then lm_fail "the LoadMaster did not keep $param:" "${LM_MISS[@]}"; fi
  fi
  lm_report change "$title" "${shown[@]}"
}
