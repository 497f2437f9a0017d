# The owned list: what this site made (or adopted) on each LoadMaster, kept in deploy.owned.tsv
# beside this script (LM_OWNED names another file). No field of the appliance can carry a marker, so
# the list is how the script knows what is the site's. One line per object, tab-separated: the
# appliance (host:port), the kind (vs or rule), its identity (a Virtual Service's "address port
# protocol", a rule's name) and a Virtual Service's Index ("pending" while addvs has not answered;
# "-" for a rule). The list is data: read line by line, never run.
LM_OWNED=${LM_OWNED:-$(dirname -- "${BASH_SOURCE[0]:-.}")/deploy.owned.tsv}
# The objects of this appliance ("vs<TAB>identity" or "rule<TAB>name" -> index), and the other
# appliances' lines, written back as they are.
declare -A LM_OWN=()
LM_OWN_OTHERS=()

# lm_appliance URL: LM_APPLIANCE = its host and port, lower case (https:// without a port is 443),
# as deploy.ps1 writes -LoadBalancer and -LBPort: both scripts share the list.
lm_appliance() {
  local hostport=${1#*://} host port form='^(\[[^]]*\]|[^:]*)(:([0-9]+))?$'
  hostport=${hostport%%/*}
  hostport=${hostport##*@}
  hostport=${hostport,,}
  if [[ $hostport =~ $form ]]; then
    host=${BASH_REMATCH[1]} port=${BASH_REMATCH[3]}
  else
    host=$hostport port=''
  fi
  if [[ -z $port && $1 == http://* ]]; then port=80; fi
  LM_APPLIANCE=$host:${port:-443}
}
lm_appliance "$LM_URL"

# lm_owned_load [others]: reads the list; a line it does not understand stops the run before any
# call. With `others`, only the other appliances' lines are read again (before the list is written,
# so that a run against another appliance at the same time loses nothing).
lm_owned_load() {
  local line n=0 appliance kind id index extra key form='^(vs:([0-9]+|pending)|rule:-)$'
  LM_OWN_OTHERS=()
  if [[ ! -e $LM_OWNED ]]; then return 0; fi
  if [[ ! -f $LM_OWNED || ! -r $LM_OWNED ]]; then
    printf 'deploy.sh: %s: cannot read the owned list\n' "${LM_OWNED//[[:cntrl:]]/ }" >&2
    exit 1
  fi
  while IFS= read -r line || [[ -n $line ]]; do
    n=$((n + 1))
    line=${line%$'\r'}
    if [[ -z $line || $line == '#'* ]]; then continue; fi
    IFS=$'\t' read -r appliance kind id index extra <<<"$line"
    if [[ -z $appliance || -z $id || -n ${extra:-} ]] ||
      ! [[ $kind:$index =~ $form ]]; then
      printf 'deploy.sh: %s line %d: not a line of the owned list (appliance, vs or rule, identity, index)\n' \
        "${LM_OWNED//[[:cntrl:]]/ }" "$n" >&2
      exit 1
    fi
    if [[ $appliance != "$LM_APPLIANCE" ]]; then
      LM_OWN_OTHERS+=("$line")
    elif [[ -z ${1:-} ]]; then
      key=$kind$'\t'$id
      LM_OWN[$key]=$index
    fi
  done <"$LM_OWNED"
}
lm_owned_load

# lm_owned_writable: before the first change, the list can be written (a change it could not record
# would leave an object no later run knows as the site's).
lm_owned_writable() {
  local probe
  if ! probe=$(mktemp "$LM_OWNED.XXXXXX" 2>/dev/null); then
    lm_fail "cannot write the owned list ${LM_OWNED@Q} (its folder must be writable; LM_OWNED names another file): nothing was changed"
  fi
  rm -f -- "$probe"
}

# lm_owned_save: writes the list whole, into a new file that then replaces it.
lm_owned_save() {
  local tmp key
  lm_owned_load others
  tmp=$(mktemp "$LM_OWNED.XXXXXX") || lm_fail "cannot write the owned list ${LM_OWNED@Q}"
  {
    printf '# What this site made on each LoadMaster: deploy.sh and deploy.ps1 write it, and remove deletes\n'
    printf '# only what it lists. Keep it beside the scripts. appliance, kind, identity, index; tab-separated.\n'
    if ((${#LM_OWN_OTHERS[@]} > 0)); then printf '%s\n' "${LM_OWN_OTHERS[@]}"; fi
    for key in "${!LM_OWN[@]}"; do printf '%s\t%s\t%s\n' "$LM_APPLIANCE" "$key" "${LM_OWN[$key]}"; done | LC_ALL=C sort
  } >"$tmp" || lm_fail "cannot write the owned list ${LM_OWNED@Q}"
  mv -f -- "$tmp" "$LM_OWNED" || lm_fail "cannot write the owned list ${LM_OWNED@Q}"
}

# lm_owned_set KIND IDENTITY INDEX: records an object as the site's.
lm_owned_set() {
  local key=$1$'\t'$2
  if [[ ${LM_OWN[$key]:-} == "$3" ]]; then return 0; fi
  LM_OWN[$key]=$3
  lm_owned_save
}

# lm_owned_drop KIND IDENTITY: the object is gone.
lm_owned_drop() {
  local key=$1$'\t'$2
  if [[ -z ${LM_OWN[$key]+set} ]]; then return 0; fi
  unset 'LM_OWN[$key]'
  lm_owned_save
}

# lm_owns KIND IDENTITY INDEX: the list names the object, a Virtual Service with this Index (or one
# whose addvs did not answer: the service there is the one it made), or a rule (INDEX -).
lm_owns() {
  local key=$1$'\t'$2 index
  index=${LM_OWN[$key]:-}
  [[ -n $index && ($index == "$3" || $index == pending) ]]
}
