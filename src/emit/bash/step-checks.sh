# lm_names KEY COMMAND TAIL: LM_NAMES = the texts of the elements TAIL names (cert/name), at any
# depth of COMMAND's reply.
lm_names() {
  local name
  LM_NAMES=()
  lm_read "$1" "$2"
  lm_q tail "$LM_FLAT" '' "$3"
  while IFS= read -r name; do
    printf -v name '%b' "$name"
    LM_NAMES+=("$name")
  done <"$LM_ANSWER"
}

# lm_check_certificates TITLE NAME...: before any change, every certificate the site assigns is
# installed (listcert: <cert><name>).
lm_check_certificates() {
  local want
  lm_step "$1"
  shift
  lm_names certs listcert cert/name
  for want in "$@"; do
    if ! lm_has "$want" ${LM_NAMES[@]+"${LM_NAMES[@]}"}; then
      lm_problem "certificate ${want@Q} is not installed on the LoadMaster: install it first (guide 4.1.1)"
    fi
  done
}

# lm_check_sso_domains TITLE NAME...: before any change, every SSO domain the site's ESP names exists
# (showdomain: <Domain><Name>, which the appliance writes in capitals: compared whatever the case).
lm_check_sso_domains() {
  local want name found
  lm_step "$1"
  shift
  lm_names domains showdomain Domain/Name
  for want in "$@"; do
    found=0
    for name in ${LM_NAMES[@]+"${LM_NAMES[@]}"}; do
      if [[ ${name,,} == "${want,,}" ]]; then found=1; fi
    done
    if ((found == 0)); then
      lm_problem "SSO domain ${want@Q} does not exist on the LoadMaster: create it first (guide 4.2)"
    fi
  done
}

# The site's Virtual Services found on the LoadMaster (Index -> 1), and their SubVSs' nicknames
# ("Index<US>nickname" -> 1), learnt by lm_check_addresses.
declare -A LM_SITE_VS=() LM_SITE_SUB=()

# lm_check_addresses TITLE [ADDRESS PORT PROT NICKNAME NSUB [SUBVS]...]...: before any change, each
# Virtual Service at one of the site's addresses is the site's: of the site's name, and named by the
# owned list (or taken over with --adopt). apply would otherwise change what is not the site's. The
# site's ones are kept in LM_SITE_VS, with the nicknames of the NSUB SubVSs the site has in each.
lm_check_addresses() {
  local sub
  lm_step "$1"
  shift
  while (($# >= 5)); do
    lm_find_vs "$1" "$2" "$3"
    if [[ -z $LM_INDEX ]]; then
      :
    elif ! lm_same_text "$4" "$LM_NICK"; then
      lm_problem "$1:$2 ($3) holds a Virtual Service named ${LM_NICK@Q}, not ${4@Q}: it is not this site's (delete or move it, or give this site another address)"
    elif lm_owns vs "$1 $2 $3" "$LM_INDEX" || ((LM_ADOPT == 1)); then
      LM_SITE_VS[$LM_INDEX]=1
      for sub in "${@:6:$5}"; do LM_SITE_SUB["$LM_INDEX"$'\x1f'"$sub"]=1; done
    else
      lm_problem "$1:$2 ($3) holds a Virtual Service named ${4@Q} that is not this site's: the owned list (${LM_OWNED@Q}) does not name it. apply --adopt takes it over (then it is the site's, and a removal deletes it); or delete it, or give this site another address"
    fi
    shift $((5 + $5))
  done
}
