usage() {
  printf 'Usage: deploy.sh [plan [--remove] [--json] | apply [--adopt] | remove [--yes] [--include-foreign]]\n'
  printf '  (apply is the default; --dry-run is plan)\n'
  printf 'Configures a Kemp LoadMaster for Exchange 2016:\n'
  printf '  %s\n' "${LM_SUMMARY[@]}"
  printf 'Environment: LM_URL, LM_USER + LM_PASSWORD or LM_APIKEY, LM_CACERT, LM_INSECURE=1,\n'
  printf '  LM_TIMEOUT (default 30 s), LM_DELAY (default 0.15 s), LM_OWNED (default: deploy.owned.tsv\n'
  printf '  beside this script).\n'
  printf 'Exit codes: 0 done, or nothing to do; 1 an error of any kind, usage mistakes included;\n'
  printf '  2 plan: changes pending; 3 remove kept objects that are not the site'"'"'s.\n'
}

LM_ACTION=apply
LM_ADOPT=0
LM_YES=0
LM_INCLUDE_FOREIGN=0
LM_PLAN_REMOVE=0
LM_JSON=0
lm_usage_error() {
  printf 'deploy.sh: %s\n' "$1" >&2
  usage >&2
  exit 1
}
# lm_shown WORD: LM_SHOWN = a word of the command line as a message may show it: an option as it
# is; anything else (a password given by mistake looks like any word) by its length only.
lm_shown() {
  if [[ $1 =~ ^--?[A-Za-z][A-Za-z0-9-]{0,30}$ ]]; then
    LM_SHOWN=$1
  else
    LM_SHOWN="an argument of ${#1} characters (not shown: it may be a secret)"
  fi
}
if (($# > 0)); then
  case $1 in
    plan | --dry-run) LM_ACTION=plan ;;
    apply) LM_ACTION=apply ;;
    remove) LM_ACTION=remove ;;
    -h | --help)
      usage
      exit 0
      ;;
    --adopt) LM_ADOPT=1 ;;
    *)
      lm_shown "$1"
      lm_usage_error "unknown action $LM_SHOWN (the actions are plan, apply and remove)"
      ;;
  esac
  shift
fi
# The options each action takes.
for lm_arg in "$@"; do
  case $LM_ACTION:$lm_arg in
    plan:--remove) LM_PLAN_REMOVE=1 ;;
    plan:--json) LM_JSON=1 ;;
    plan:--adopt | apply:--adopt) LM_ADOPT=1 ;;
    remove:--yes) LM_YES=1 ;;
    remove:--include-foreign | plan:--include-foreign) LM_INCLUDE_FOREIGN=1 ;;
    *:-h | *:--help)
      usage
      exit 0
      ;;
    *)
      lm_shown "$lm_arg"
      lm_usage_error "${LM_ACTION} does not take $LM_SHOWN"
      ;;
  esac
done
unset lm_arg
if ((LM_PLAN_REMOVE == 1 && LM_ADOPT == 1)); then lm_usage_error 'plan --remove does not take --adopt'; fi
if [[ $LM_ACTION == plan ]] && ((LM_PLAN_REMOVE == 0 && LM_INCLUDE_FOREIGN == 1)); then
  lm_usage_error '--include-foreign goes with remove or plan --remove'
fi
LM_MODE=$LM_ACTION
