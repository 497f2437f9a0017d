usage() {
  printf 'Usage: deploy.sh [plan | apply | remove]   (--dry-run is plan; apply is the default)\n'
  printf 'Configures a Kemp LoadMaster for Exchange 2016:\n'
  printf '  %s\n' "${LM_SUMMARY[@]}"
  printf 'Environment: LM_URL, LM_USER + LM_PASSWORD or LM_APIKEY, LM_CACERT, LM_INSECURE=1,\n'
  printf '  LM_TIMEOUT (default 30 s), LM_DELAY (default 0.15 s).\n'
  printf 'Exit codes: 0 done, or nothing to do; 1 an error of any kind, usage mistakes included;\n'
  printf '  2 plan: changes pending.\n'
}

LM_ACTION=apply
case $# in
  0) ;;
  1)
    case $1 in
      plan | --dry-run) LM_ACTION=plan ;;
      apply) LM_ACTION=apply ;;
      remove) LM_ACTION=remove ;;
      -h | --help)
        usage
        exit 0
        ;;
      *)
        usage >&2
        exit 1
        ;;
    esac
    ;;
  *)
    usage >&2
    exit 1
    ;;
esac
LM_MODE=$LM_ACTION
