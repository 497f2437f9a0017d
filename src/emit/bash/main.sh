# lm_main: runs the action named on the command line.
lm_main() {
  local line value
  case $LM_ACTION in
    plan)
      lm_steps
      if ((${#LM_PROBLEMS[@]} > 0)); then
        printf 'deploy.sh: apply would stop before any change:\n' >&2
        printf '  %s\n' "${LM_PROBLEMS[@]}" >&2
      fi
      printf 'plan: %d to create, %d to change, %d unchanged, %d foreign\n' \
        "$LM_N_CREATE" "$LM_N_CHANGE" "$LM_N_SAME" "$LM_N_FOREIGN"
      if ((${#LM_PROBLEMS[@]} > 0)); then exit 1; fi
      if ((LM_N_CREATE + LM_N_CHANGE > 0)); then exit 2; fi
      exit 0
      ;;
    apply)
      # Every read and check first, writing nothing: a problem stops the run before any change.
      LM_MODE=check
      printf 'deploy.sh: reading the LoadMaster before any change\n'
      lm_steps
      if ((${#LM_PROBLEMS[@]} > 0)); then
        LM_STEP='the checks before any change'
        lm_fail 'nothing was changed:' "${LM_PROBLEMS[@]}"
      fi
      if ((${#LM_GLOBALS_FOUND[@]} > 0)); then
        printf 'deploy.sh: global settings before this run (for a roll-back):\n'
        for line in "${LM_GLOBALS_FOUND[@]}"; do
          value=${line#*=}
          printf '  %s %s\n' "${line%%=*}" "${value@Q}"
        done
      fi
      if ((LM_N_CREATE + LM_N_CHANGE > 0)); then
        LM_N_CREATE=0 LM_N_CHANGE=0 LM_N_SAME=0 LM_N_FOREIGN=0
        LM_ADOPTED=() LM_NEW=()
        LM_MODE=apply
        lm_steps
      fi
      printf 'apply: %d created, %d changed, %d unchanged\n' "$LM_N_CREATE" "$LM_N_CHANGE" "$LM_N_SAME"
      ;;
    remove)
      lm_removal
      printf 'remove: %d removed, %d kept, %d not there\n' "$LM_N_REMOVED" "$LM_N_KEPT" "$LM_N_ABSENT"
      ;;
  esac
}
