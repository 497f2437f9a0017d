# lm_global TITLE PARAM VALUE: get, then set when it differs (guide section 2).
lm_global() {
  local title=$1 param=$2 value=$3 found
  lm_step "$title"
  lm_get_global "$param"
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
    lm_get_global "$param"
    lm_diff global "$LM_FLAT" /Response#1/Success#1/Data#1 "$param=$value"
    if ((${#LM_DIFF[@]} > 0)); then lm_fail "the LoadMaster did not keep $param:" "${LM_MISS[@]}"; fi
  fi
  lm_report change "$title" "${shown[@]}"
}
