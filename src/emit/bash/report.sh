# lm_report OUTCOME OBJECT [DETAIL...]: counts an object as create, change, same or foreign and says
# so: plan prints what would happen, apply what it did, the checks before apply print nothing.
lm_report() {
  local outcome=$1 object=$2 line
  shift 2
  case $outcome in
    create) LM_N_CREATE=$((LM_N_CREATE + 1)) ;;
    change) LM_N_CHANGE=$((LM_N_CHANGE + 1)) ;;
    same) LM_N_SAME=$((LM_N_SAME + 1)) ;;
    foreign) LM_N_FOREIGN=$((LM_N_FOREIGN + 1)) ;;
  esac
  object=${object//[[:cntrl:]]/ }
  if [[ $LM_MODE == plan && $LM_JSON == 1 ]]; then
    lm_json_object "$outcome" "$object"
    return 0
  fi
  if [[ $LM_MODE == plan ]]; then
    case $outcome in
      create) printf '+ create     %s\n' "$object" ;;
      change) printf '~ change     %s\n' "$object" ;;
      same) printf '= unchanged  %s\n' "$object" ;;
      foreign) printf '! foreign    %s (left alone)\n' "$object" ;;
    esac
  elif [[ $LM_MODE == apply ]]; then
    case $outcome in
      create) printf '    created\n' ;;
      change) printf '    changed\n' ;;
      same) printf '    unchanged\n' ;;
      foreign) printf '    left alone: %s (the site does not name it)\n' "$object" ;;
    esac
  else
    return 0
  fi
  for line in "$@"; do printf '      %s\n' "${line//[[:cntrl:]]/ }"; done
}

# lm_problem TEXT: a reason the site cannot be applied as the LoadMaster stands. The checks before
# apply collect them and stop before any change; plan lists them.
lm_problem() {
  LM_PROBLEMS+=("$1")
  case $LM_MODE:$LM_JSON in
    plan:0) printf 'x problem    %s\n' "$1" ;;
    apply:*) lm_fail "$1" ;;
  esac
}

# lm_adopt KIND IDENTITY INDEX TITLE: an object at the site's identity that the owned list does not
# name, taken over with --adopt: plan says so, apply records it in the list, and from then on it is
# the site's.
lm_adopt() {
  LM_N_ADOPT=$((LM_N_ADOPT + 1))
  case $LM_MODE:$LM_JSON in
    plan:1) lm_json_object adopt "${4//[[:cntrl:]]/ }" ;;
    plan:0) printf '+ adopt      %s (exists, not the site'"'"'s until apply --adopt)\n' "${4//[[:cntrl:]]/ }" ;;
    apply:*)
      lm_owned_set "$1" "$2" "$3"
      printf '    adopted: the owned list names it now\n'
      ;;
  esac
}
