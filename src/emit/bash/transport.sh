LM_TMP=$(mktemp -d)
# The most of one reply the script reads: a larger one is refused (a listvs of a few thousand
# Virtual Services is well under it).
LM_REPLY_LIMIT=$((5 * 1024 * 1024))
trap 'rm -rf "$LM_TMP"' EXIT
# Replies kept by lm_read, by key, where each holds its Virtual Service (lm_record), and the answers
# to questions asked of them (lm_q).
declare -A LM_CACHE=() LM_RECORD=() LM_ANSWERS=()

# lm_step TITLE: names the step that runs now, for the progress and any failure. At a terminal,
# apply says which of the plan's steps it is on (LM_STEP_N of LM_STEP_TOTAL, set by lm_steps).
lm_step() {
  LM_STEP=${1//[[:cntrl:]]/ }
  LM_STEP_N=$((LM_STEP_N + 1))
  if [[ $LM_MODE != apply && $LM_MODE != remove ]]; then return 0; fi
  if [[ -t 1 && $LM_MODE == apply ]] && ((LM_STEP_TOTAL > 0)); then
    printf '==> [%d/%d] %s\n' "$LM_STEP_N" "$LM_STEP_TOTAL" "$LM_STEP"
  else
    printf '==> %s\n' "$LM_STEP"
  fi
}

# lm_fail DETAIL...: stops the script, naming the step.
lm_fail() {
  local line
  printf 'deploy.sh: failed at step: %s\n' "$LM_STEP" >&2
  for line in "$@"; do printf '  %s\n' "${line//[[:cntrl:]]/ }" >&2; done
  exit 1
}

# lm_q MODE FLAT [AT [ELEMENT [FIELDS]]]: a question to a flat reply (see LM_XML_QUERY); LM_ANSWER is
# the file that holds the answer. A reply's flat file is never written again, so each answer is kept:
# the same question asked again (each real server of a Virtual Service asks its list of real servers)
# starts no awk.
lm_q() {
  local key=$1$'\t'$2$'\t'${3:-}$'\t'${4:-*}$'\t'${5:-}
  LM_ANSWER=${LM_ANSWERS[$key]:-}
  if [[ -n $LM_ANSWER ]]; then return 0; fi
  LM_ANSWER=$LM_TMP/answer-${#LM_ANSWERS[@]}
  LC_ALL=C awk -v mode="$1" -v at="${3:-}" -v elem="${4:-*}" -v want="${5:-}" "$LM_XML_QUERY" "$2" \
    >"$LM_ANSWER" || lm_fail "internal: the question '$1' to a reply failed"
  LM_ANSWERS[$key]=$LM_ANSWER
}

# lm_value FLAT PATH: LM_VALUE = the value on the line of PATH in a flat reply (element names in any
# case; the value still escaped, for printf %b); returns 1 when there is no such line. Bash alone,
# bytes only: most replies are asked this, and an awk for each would add a process to most calls.
lm_value() {
  local LC_ALL=C text low key before
  LM_VALUE=''
  IFS= read -r -d '' text <"$1" || :
  text=$'\n'$text
  low=${text,,}
  key=$'\n'${2,,}$'\t'
  if [[ $low != *"$key"* ]]; then return 1; fi
  before=${low%%"$key"*}
  text=${text:${#before}+${#key}}
  LM_VALUE=${text%%$'\n'*}
}

# lm_send COMMAND [NAME=VALUE...]: one GET /access/COMMAND, curl URL-encoding every value; the reply
# is read into LM_FLAT. Returns 0 for <Response stat="200">, 1 for an error answer (LM_STATUS, the
# HTTP status, and LM_ERROR); stops when there is no answer.
lm_send() {
  local command=$1 p code=0 stat api k v got size
  shift
  LM_ERROR=''
  local args=()
  for p in "$@"; do args+=(--data-urlencode "$p"); done
  if ((LM_CALLS > 0)) && [[ ! $LM_DELAY =~ ^0*(\.0*)?$ ]]; then sleep "$LM_DELAY"; fi
  LM_CALLS=$((LM_CALLS + 1))
  LM_FLAT=$LM_TMP/$LM_CALLS.flat
  : >"$LM_TMP/reply.xml"
  got=$(curl -sS -G --max-time "$LM_TIMEOUT" --max-filesize "$LM_REPLY_LIMIT" ${LM_TLS[@]+"${LM_TLS[@]}"} \
    -K - -o "$LM_TMP/reply.xml" -w '%{http_code} %{size_download}' ${args[@]+"${args[@]}"} \
    "$LM_URL/access/$command" <<<"$LM_AUTH" 2>"$LM_TMP/curl-error") || code=$?
  LM_STATUS=${got%% *}
  size=${got#* }
  # curl refuses a reply whose announced length is over the limit (exit 63); one that announces none
  # is measured once it is in (curl counts its bytes).
  if ((code == 63)) || { [[ $size =~ ^[0-9]+$ ]] && ((size > LM_REPLY_LIMIT)); }; then
    lm_fail "GET $command: the reply is larger than 5 MB, the most a reply is read: refused"
  fi
  if ((code != 0)); then
    lm_fail "GET $command: no answer (curl exit $code)" "$(cat "$LM_TMP/curl-error")"
  fi
  # An API reply is a <Response>: its attributes are the first lines the reader prints (stat, code).
  stat='' api=0
  if LC_ALL=C awk "$LM_XML_READ" "$LM_TMP/reply.xml" >"$LM_FLAT" 2>"$LM_TMP/xml-error"; then
    while IFS=$'\t' read -r k v; do
      if [[ ${k,,} != /response#1[@/]* ]]; then break; fi
      api=1
      if [[ ${k,,} == /response#1@stat ]]; then stat=$v; fi
      if [[ $k != *@* ]]; then break; fi
    done <"$LM_FLAT"
  fi
  if ((api == 0)); then
    : >"$LM_FLAT"
    # Kemp's module and Python SDK read these statuses without a body: 401 credentials, 404 API off.
    case $LM_STATUS in
      401) LM_ERROR='authentication failed: check LM_USER and LM_PASSWORD, or LM_APIKEY' ;;
      404) LM_ERROR='not found: is the API enabled on the LoadMaster, and LM_URL its address?' ;;
      *) LM_ERROR="a reply that is not the LoadMaster API's ($(head -c 200 "$LM_TMP/xml-error"))" ;;
    esac
    return 1
  fi
  # Kemp's module takes stat 200 or ok as success.
  if [[ $LM_STATUS == 200 && ($stat == 200 || ${stat,,} == ok) ]]; then return 0; fi
  if lm_value "$LM_FLAT" /Response#1/Error#1; then
    printf -v LM_ERROR '%b' "$LM_VALUE"
  else
    LM_ERROR='(the reply holds no Error element)'
  fi
  LM_ERROR=${LM_ERROR//[[:cntrl:]]/ }
  return 1
}

# lm_call COMMAND [NAME=VALUE...]: a call that must succeed.
lm_call() {
  lm_send "$@" || lm_fail "GET $1: HTTP $LM_STATUS" "LoadMaster error: $LM_ERROR"
}

# lm_write COMMAND [NAME=VALUE...]: a call that changes the appliance; only apply and remove make one.
lm_write() {
  if [[ $LM_MODE != apply && $LM_MODE != remove ]]; then lm_fail "internal: $1 while only reading"; fi
  LM_WRITES=$((LM_WRITES + 1))
  lm_call "$@"
}

# lm_read KEY COMMAND [NAME=VALUE...]: a read that must succeed, kept as KEY until lm_forget KEY, so
# a run reads each object once until it changes it. LM_FLAT is the reply.
lm_read() {
  local key=$1
  shift
  if [[ -n ${LM_CACHE[$key]:-} ]]; then
    LM_FLAT=${LM_CACHE[$key]}
    return 0
  fi
  lm_call "$@"
  LM_CACHE[$key]=$LM_FLAT
}

# lm_read_optional KEY COMMAND [NAME=VALUE...]: lm_read, but an error answer returns 1 (and is kept).
lm_read_optional() {
  local key=$1
  shift
  if [[ -z ${LM_CACHE[$key]:-} ]]; then
    if lm_send "$@"; then LM_CACHE[$key]=$LM_FLAT; else LM_CACHE[$key]=none; fi
  fi
  LM_FLAT=${LM_CACHE[$key]}
  [[ $LM_FLAT != none ]]
}

# lm_forget KEY...: the next lm_read of each KEY asks the appliance again.
lm_forget() {
  local key
  for key in "$@"; do unset 'LM_CACHE[$key]'; done
}
