import { CALL_ARG } from '../../loadmaster/parameters.js';

/**
 * The fixed first part of deploy.sh's library: settings and credentials, one API call, reading the
 * reply, and the read cache. It holds no site value, so it is inserted as it is.
 */

/** `${` inside the raw template literal below: bash needs it, JavaScript would read it as a placeholder. */
const D = '${';

/** Settings, curl, reply reading (see the module comment). */
export const BASH_CORE = String.raw`LM_TIMEOUT=${D}LM_TIMEOUT:-30}
# The appliance drops the connection above 30 calls in 3 s; Kemp's own module waits 150 ms too.
LM_DELAY=${D}LM_DELAY:-0.15}
# A mistyped number would silently turn the wait, or the limit, off: refuse it.
if [[ ! $LM_DELAY =~ ^[0-9]+(\.[0-9]+)?$ || ! $LM_TIMEOUT =~ ^[0-9]+$ || $LM_TIMEOUT == 0 ]]; then
  printf 'deploy.sh: LM_DELAY must be seconds (e.g. 0.15) and LM_TIMEOUT whole seconds above 0\n' >&2
  exit 2
fi
LM_URL=${D}LM_URL:-}
LM_URL=${D}LM_URL%/}
LM_AUTH=''
LM_TLS=()
LM_CALLS=0
LM_WRITES=0
LM_STEP=''
LM_FLAT=''

# cfg_quote TEXT: TEXT as a double-quoted string of a curl config file.
cfg_quote() {
  local s=$1
  s=${D}s//\\/\\\\}
  s=${D}s//\"/\\\"}
  s=${D}s//$'\n'/\\n}
  s=${D}s//$'\r'/\\r}
  s=${D}s//$'\t'/\\t}
  printf '"%s"' "$s"
}

if [[ -z $LM_URL ]]; then
  printf 'deploy.sh: set LM_URL, e.g. https://lm.example.com:8443\n' >&2
  exit 2
fi
# Credentials reach curl through its config on stdin (-K -), never its command line (ps shows that).
if [[ -n ${D}LM_APIKEY:-} ]]; then
  LM_AUTH="data-urlencode = $(cfg_quote "apikey=$LM_APIKEY")"
elif [[ -n ${D}LM_USER:-} && -n ${D}LM_PASSWORD:-} ]]; then
  LM_AUTH="user = $(cfg_quote "$LM_USER:$LM_PASSWORD")"
else
  printf 'deploy.sh: set LM_USER and LM_PASSWORD, or LM_APIKEY\n' >&2
  exit 2
fi
if [[ ${D}LM_INSECURE:-0} == 1 ]]; then
  LM_TLS=(--insecure)
elif [[ $LM_URL != https://* ]]; then
  printf 'deploy.sh: LM_URL must start with https:// (only LM_INSECURE=1 allows otherwise)\n' >&2
  exit 2
elif [[ -n ${D}LM_CACERT:-} ]]; then
  LM_TLS=(--cacert "$LM_CACERT")
fi

LM_TMP=$(mktemp -d)
trap 'rm -rf "$LM_TMP"' EXIT
# Replies kept by lm_read, by key, and where each holds its Virtual Service (lm_record).
declare -A LM_CACHE=() LM_RECORD=()

# lm_step TITLE: names the step that runs now, for the progress and any failure.
lm_step() {
  LM_STEP=${D}1//[[:cntrl:]]/ }
  if [[ $LM_MODE == apply || $LM_MODE == remove ]]; then printf '==> %s\n' "$LM_STEP"; fi
}

# lm_fail DETAIL...: stops the script, naming the step.
lm_fail() {
  printf 'deploy.sh: failed at step: %s\n' "$LM_STEP" >&2
  printf '  %s\n' "$@" >&2
  exit 1
}

# lm_q MODE FLAT [AT [ELEMENT [FIELDS]]]: a question to a flat reply (see LM_XML_QUERY).
lm_q() {
  LC_ALL=C awk -v mode="$1" -v at="${D}3:-}" -v elem="${D}4:-*}" -v want="${D}5:-}" "$LM_XML_QUERY" "$2"
}

# lm_send COMMAND [NAME=VALUE...]: one GET /access/COMMAND, curl URL-encoding every value; the reply
# is read into LM_FLAT. Returns 0 for <Response stat="200">, 1 for an error answer (LM_STATUS, the
# HTTP status, and LM_ERROR); stops when there is no answer.
lm_send() {
  local command=$1 p code=0 stat api k v
  shift
  LM_ERROR=''
  local args=()
  for p in "$@"; do args+=(--data-urlencode "$p"); done
  if ((LM_CALLS > 0)) && [[ ! $LM_DELAY =~ ^0*(\.0*)?$ ]]; then sleep "$LM_DELAY"; fi
  LM_CALLS=$((LM_CALLS + 1))
  LM_FLAT=$LM_TMP/$LM_CALLS.flat
  : >"$LM_TMP/reply.xml"
  LM_STATUS=$(curl -sS -G --max-time "$LM_TIMEOUT" ${D}LM_TLS[@]+"${D}LM_TLS[@]}"} -K - \
    -o "$LM_TMP/reply.xml" -w '%{http_code}' ${D}args[@]+"${D}args[@]}"} "$LM_URL/access/$command" \
    <<<"$LM_AUTH" 2>"$LM_TMP/curl-error") || code=$?
  if ((code != 0)); then
    lm_fail "GET $command: no answer (curl exit $code)" "$(cat "$LM_TMP/curl-error")"
  fi
  # An API reply is a <Response>: its attributes are the first lines the reader prints (stat, code).
  stat='' api=0
  if LC_ALL=C awk "$LM_XML_READ" "$LM_TMP/reply.xml" >"$LM_FLAT" 2>"$LM_TMP/xml-error"; then
    while IFS=$'\t' read -r k v; do
      if [[ ${D}k,,} != /response#1[@/]* ]]; then break; fi
      api=1
      if [[ ${D}k,,} == /response#1@stat ]]; then stat=$v; fi
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
  if [[ $LM_STATUS == 200 && ($stat == 200 || ${D}stat,,} == ok) ]]; then return 0; fi
  LM_ERROR=$(lm_q value "$LM_FLAT" /Response#1/Error#1) || LM_ERROR='(the reply holds no Error element)'
  printf -v LM_ERROR '%b' "$LM_ERROR"
  LM_ERROR=${D}LM_ERROR//[[:cntrl:]]/ }
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
  if [[ -n ${D}LM_CACHE[$key]:-} ]]; then
    LM_FLAT=${D}LM_CACHE[$key]}
    return 0
  fi
  lm_call "$@"
  LM_CACHE[$key]=$LM_FLAT
}

# lm_read_optional KEY COMMAND [NAME=VALUE...]: lm_read, but an error answer returns 1 (and is kept).
lm_read_optional() {
  local key=$1
  shift
  if [[ -z ${D}LM_CACHE[$key]:-} ]]; then
    if lm_send "$@"; then LM_CACHE[$key]=$LM_FLAT; else LM_CACHE[$key]=none; fi
  fi
  LM_FLAT=${D}LM_CACHE[$key]}
  [[ $LM_FLAT != none ]]
}

# lm_forget KEY...: the next lm_read of each KEY asks the appliance again.
lm_forget() {
  local key
  for key in "$@"; do unset 'LM_CACHE[$key]'; done
}

# lm_record FLAT: LM_AT = the element holding a Virtual Service's fields in a showvs reply: <Data>
# itself (captured replies), or the <VS> inside it if it holds one.
lm_record() {
  if [[ -z ${D}LM_RECORD[$1]:-} ]]; then
    LM_RECORD[$1]=/Response#1/Success#1/Data#1/VS#1
    if ! lm_q value "$1" /Response#1/Success#1/Data#1/VS#1 >/dev/null; then
      LM_RECORD[$1]=/Response#1/Success#1/Data#1
    fi
  fi
  LM_AT=${D}LM_RECORD[$1]}
}

# lm_showvs INDEX: LM_FLAT and LM_AT for the Virtual Service or SubVS with this index.
lm_showvs() {
  lm_read "vs-$1" showvs "${CALL_ARG.vs}=$1"
  lm_record "$LM_FLAT"
}

# lm_keep_vs: after addvs or modvs, which answer with the whole Virtual Service (captured replies),
# keeps the reply as that VS's showvs. LM_REPLY_INDEX = its Index, empty when the reply holds none.
lm_keep_vs() {
  lm_record "$LM_FLAT"
  LM_REPLY_INDEX=$(lm_q value "$LM_FLAT" "$LM_AT/Index#1") || LM_REPLY_INDEX=''
  if [[ $LM_REPLY_INDEX =~ ^[0-9]+$ ]]; then
    LM_CACHE[vs-$LM_REPLY_INDEX]=$LM_FLAT
  else
    LM_REPLY_INDEX=''
  fi
}
`;
