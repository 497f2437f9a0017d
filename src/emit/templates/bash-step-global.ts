import { CALL_ARG } from '../../loadmaster/parameters.js';

/** deploy.sh's library: the step for a global setting (get, then set). It holds no site value. */

/** `${` inside the template literal below: bash needs it, JavaScript would read it as a placeholder. */
const D = '${';

export const BASH_STEP_GLOBAL = String.raw`# lm_global TITLE PARAM VALUE: get, then set when it differs (guide section 2).
lm_global() {
  local title=$1 param=$2 value=$3 found
  lm_step "$title"
  lm_read "global-$param" get "${CALL_ARG.param}=$param"
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
    lm_write set "${CALL_ARG.param}=$param" "${CALL_ARG.value}=$value"
    lm_forget "global-$param"
    lm_read "global-$param" get "${CALL_ARG.param}=$param"
    lm_diff global "$LM_FLAT" /Response#1/Success#1/Data#1 "$param=$value"
    if ((${D}#LM_DIFF[@]} > 0)); then lm_fail "the LoadMaster did not keep $param:" "${D}LM_MISS[@]}"; fi
  fi
  lm_report change "$title" "${D}shown[@]}"
}
`;
