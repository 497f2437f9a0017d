# lm_unseen_note: LM_NOTE = what the summary line adds when a value was not verifiable, and the line
# that says so is printed.
lm_unseen_note() {
  LM_NOTE=''
  if ((${#LM_UNSEEN_LIST[@]} == 0)); then return 0; fi
  local IFS=,
  LM_NOTE="; not verifiable: the appliance does not show ${LM_UNSEEN_LIST[*]}"
  LM_NOTE=${LM_NOTE//,/, }
  printf 'deploy.sh: not verifiable: the appliance does not show %s (no evidence says where a reply holds them; what the site sets there is sent once, when the service is made, never again)\n' "${LM_NOTE#*show }"
}

# lm_main: runs the action named on the command line.
lm_main() {
  local line value
  case $LM_ACTION in
    plan)
      if ((LM_PLAN_REMOVE == 1)); then
        LM_MODE=preview
        lm_removal
        if ((LM_JSON == 1)); then
          lm_json_document remove "{\"delete\":$LM_N_REMOVED,\"keep\":$LM_N_KEPT,\"absent\":$LM_N_ABSENT}"
        else
          printf 'plan: %d to delete, %d kept\n' "$LM_N_REMOVED" "$LM_N_KEPT"
        fi
        if ((LM_N_REMOVED > 0)); then exit 2; fi
        exit 0
      fi
      lm_steps
      if ((${#LM_PROBLEMS[@]} > 0)); then
        printf 'deploy.sh: apply would stop before any change:\n' >&2
        printf '  %s\n' "${LM_PROBLEMS[@]}" >&2
      fi
      if ((LM_JSON == 1)); then
        lm_json_document apply "{\"create\":$LM_N_CREATE,\"change\":$LM_N_CHANGE,\"unchanged\":$LM_N_SAME,\"foreign\":$LM_N_FOREIGN,\"adopt\":$LM_N_ADOPT}"
      else
        lm_unseen_note
        printf 'plan: %d to create, %d to change, %d unchanged, %d foreign%s\n' \
          "$LM_N_CREATE" "$LM_N_CHANGE" "$LM_N_SAME" "$LM_N_FOREIGN" "$LM_NOTE"
      fi
      if ((${#LM_PROBLEMS[@]} > 0)); then exit 1; fi
      if ((LM_N_CREATE + LM_N_CHANGE + LM_N_ADOPT > 0)); then exit 2; fi
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
      if ((LM_N_CREATE + LM_N_CHANGE + LM_N_ADOPT > 0)); then
        lm_owned_writable
        LM_N_CREATE=0 LM_N_CHANGE=0 LM_N_SAME=0 LM_N_FOREIGN=0 LM_N_ADOPT=0
        LM_CLAIMED=() LM_NEW=()
        LM_MODE=apply
        lm_steps
      fi
      lm_unseen_note
      printf 'apply: %d created, %d changed, %d unchanged%s\n' "$LM_N_CREATE" "$LM_N_CHANGE" "$LM_N_SAME" "$LM_NOTE"
      ;;
    remove)
      # remove asks before it deletes: at a terminal, for a typed yes; without one, --yes must say so.
      if ((LM_YES == 0)) && [[ ! -t 0 ]]; then
        printf 'deploy.sh: remove deletes only after a yes typed at a terminal, and there is none:\n' >&2
        printf '  give --yes to delete without the question (plan --remove lists what it would delete).\n' >&2
        printf '  Nothing was deleted.\n' >&2
        exit 1
      fi
      # Every read first, deleting nothing; the list is shown when the question is asked.
      LM_MODE=check
      if ((LM_YES == 0)); then LM_MODE=preview; fi
      lm_removal
      if ((LM_YES == 0 && LM_N_REMOVED > 0)); then
        printf 'Delete the %d objects listed "- delete"? Type yes to go on: ' "$LM_N_REMOVED"
        read -r line || line=''
        if [[ $line != yes ]]; then
          printf 'deploy.sh: nothing was deleted\n' >&2
          exit 1
        fi
      fi
      if ((LM_N_REMOVED > 0)); then lm_owned_writable; fi
      LM_N_REMOVED=0 LM_N_KEPT=0 LM_N_ABSENT=0
      LM_DOOMED=() LM_PARTIAL=() LM_DOOMED_SUB=()
      LM_MODE=remove
      lm_removal
      printf 'remove: %d removed, %d kept, %d not there\n' "$LM_N_REMOVED" "$LM_N_KEPT" "$LM_N_ABSENT"
      if ((LM_N_KEPT > 0)); then exit 3; fi
      ;;
  esac
}
