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

# The site's Virtual Services found on the LoadMaster (Index -> 1), learnt by lm_check_addresses.
declare -A LM_SITE_VS=()

# lm_check_addresses TITLE [ADDRESS PORT PROT NICKNAME]...: before any change, no Virtual Service of
# another name holds one of the site's addresses: apply would otherwise change it. The site's own
# ones found there are kept in LM_SITE_VS.
lm_check_addresses() {
  lm_step "$1"
  shift
  while (($# >= 4)); do
    lm_find_vs "$1" "$2" "$3"
    if [[ -n $LM_INDEX ]] && lm_same_text "$4" "$LM_NICK"; then LM_SITE_VS[$LM_INDEX]=1; fi
    if [[ -n $LM_INDEX ]] && ! lm_same_text "$4" "$LM_NICK"; then
      lm_problem "$1:$2 ($3) holds a Virtual Service named ${LM_NICK@Q}, not ${4@Q}: it is not this site's (delete or move it, or give this site another address)"
    fi
    shift 4
  done
}
