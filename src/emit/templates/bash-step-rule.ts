import { P } from '../../loadmaster/parameters.js';

/** deploy.sh's library: the step for a content rule (addrule or modrule). It holds no site value. */

/** `${` inside the template literal below: bash needs it, JavaScript would read it as a placeholder. */
const D = '${';

export const BASH_STEP_RULE = String.raw`# lm_rule TITLE NAME PARAM...: the content rule NAME: addrule, or modrule with what differs.
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
    if [[ $LM_MODE == apply ]]; then lm_write modrule "${P.name}=$name" "${D}LM_DIFF[@]}"; fi
  else
    shown=()
    if [[ $LM_MODE == apply ]]; then lm_write addrule "${P.name}=$name" "$@"; fi
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
`;
