/**
 * The fixed first part of deploy.sh: arguments, settings and credentials, one API call, XML reading.
 * It holds no site value, so it is inserted as it is.
 */

/** `${` inside the raw template literal below: bash needs it, JavaScript would read it as a placeholder. */
const D = '${';

/** Arguments, environment, curl and reply handling (see the module comment). */
export const BASH_CORE = String.raw`LM_DRY_RUN=0
case $# in
  0) ;;
  1)
    case $1 in
      --dry-run) LM_DRY_RUN=1 ;;
      -h | --help)
        usage
        exit 0
        ;;
      *)
        usage >&2
        exit 2
        ;;
    esac
    ;;
  *)
    usage >&2
    exit 2
    ;;
esac

LM_TIMEOUT=${D}LM_TIMEOUT:-30}
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
LM_STEP=''
LM_INDEX=''
LM_SLOT=''

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

if [[ $LM_DRY_RUN == 0 ]]; then
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
else
  printf '# dry run: each call is printed, none is sent\n'
fi

LM_TMP=$(mktemp -d)
trap 'rm -rf "$LM_TMP"' EXIT
LM_REPLY=$LM_TMP/reply

# xml_find FILE BLOCK OUT [KEY VALUE [KEY2 VALUE2]]: the text of child OUT of the first <BLOCK>
# element whose children KEY (and KEY2) have exactly these texts; with LAST=1, of the last one.
# Replies are small and flat inside a block, so splitting on "<" is enough; entities are decoded.
xml_find() {
  if [[ ! -s $1 ]]; then return 0; fi
  XK1=${D}4:-} XV1=${D}5:-} XK2=${D}6:-} XV2=${D}7:-} awk -v B="$2" -v O="$3" -v last="${D}LAST:-0}" '
    # Numeric character references of ASCII (&#39;, &#x27;); others are left as written.
    function numeric(s,   out, n, ref) {
      out = ""
      while (match(s, /&#[xX]?[0-9A-Fa-f]+;/)) {
        ref = substr(s, RSTART + 2, RLENGTH - 3)
        n = (ref ~ /^[xX]/) ? hex(substr(ref, 2)) : (ref ~ /^[0-9]+$/ ? ref + 0 : -1)
        out = out substr(s, 1, RSTART - 1) ((n > 0 && n < 128) ? sprintf("%c", n) : substr(s, RSTART, RLENGTH))
        s = substr(s, RSTART + RLENGTH)
      }
      return out s
    }
    function hex(h,   i, n) {
      n = 0
      for (i = 1; i <= length(h); i++) n = n * 16 + index("0123456789abcdef", tolower(substr(h, i, 1))) - 1
      return n
    }
    function decode(s) {
      gsub(/&lt;/, "<", s); gsub(/&gt;/, ">", s); gsub(/&quot;/, "\"", s)
      gsub(/&apos;/, "'"'"'", s); s = numeric(s); gsub(/&amp;/, "\\&", s)
      return s
    }
    # Compared as strings: awk would take "080" and "80" from the environment as equal numbers.
    function ok(k, v) { return k == "" || ((k in f) && (f[k] "") == (v "")) }
    BEGIN { RS = "<"; k1 = ENVIRON["XK1"]; v1 = ENVIRON["XV1"]; k2 = ENVIRON["XK2"]; v2 = ENVIRON["XV2"] }
    {
      i = index($0, ">"); tag = substr($0, 1, i - 1); text = substr($0, i + 1)
      if (tag ~ /\/$/) { tag = substr(tag, 1, length(tag) - 1); text = "" }
      sub(/[ \t\r\n].*/, "", tag)
      if (tag == B) { inside = 1; split("", f); next }
      if (inside && tag == "/" B) {
        inside = 0
        if (ok(k1, v1) && ok(k2, v2)) { found = 1; hit = f[O]; if (!last) exit }
        next
      }
      if (inside && tag != "" && substr(tag, 1, 1) != "/") f[tag] = decode(text)
    }
    END { if (found) printf "%s\n", hit }
  ' "$1"
}

# lm_step TITLE: names the step that runs now, for the progress and any failure.
lm_step() {
  LM_STEP=${D}1//[[:cntrl:]]/ }
  printf '==> %s\n' "$LM_STEP"
}

# lm_fail DETAIL...: stops the script, naming the step.
lm_fail() {
  printf 'deploy.sh: failed at step: %s\n' "$LM_STEP" >&2
  printf '  %s\n' "$@" >&2
  exit 1
}

# lm_send COMMAND [NAME=VALUE...]: one GET /access/COMMAND; curl URL-encodes every value. Returns 0
# for <Response stat="200" code="ok">, 1 for an error reply (LM_STATUS, LM_ERROR); stops on no answer.
lm_send() {
  local command=$1 p value code=0
  shift
  : >"$LM_REPLY"
  LM_STATUS='' LM_ERROR=''
  if [[ $LM_DRY_RUN == 1 ]]; then
    printf 'GET %s\n' "$command"
    # Each value as a bash word (single quotes, or $'...' for control characters): exact and on one line.
    for p in "$@"; do
      value=${D}p#*=}
      printf '  %s=%s\n' "${D}p%%=*}" "${D}value@Q}"
    done
    return 0
  fi
  local args=()
  for p in "$@"; do args+=(--data-urlencode "$p"); done
  if ((LM_CALLS > 0)); then sleep "$LM_DELAY"; fi
  LM_CALLS=$((LM_CALLS + 1))
  LM_STATUS=$(curl -sS -G --max-time "$LM_TIMEOUT" ${D}LM_TLS[@]+"${D}LM_TLS[@]}"} -K - \
    -o "$LM_REPLY" -w '%{http_code}' ${D}args[@]+"${D}args[@]}"} "$LM_URL/access/$command" \
    <<<"$LM_AUTH" 2>"$LM_TMP/curl-error") || code=$?
  if ((code != 0)); then
    lm_fail "GET $command: no answer (curl exit $code)" "$(cat "$LM_TMP/curl-error")"
  fi
  if [[ $LM_STATUS == 200 ]] && grep -q '<Response stat="200" code="ok"' "$LM_REPLY"; then
    return 0
  fi
  LM_ERROR=$(xml_find "$LM_REPLY" Response Error)
  if [[ -z $LM_ERROR ]]; then LM_ERROR='(the reply holds no Error element)'; fi
  return 1
}

# lm_call COMMAND [NAME=VALUE...]: a call that must succeed.
lm_call() {
  lm_send "$@" || lm_fail "GET $1: HTTP $LM_STATUS" "LoadMaster error: $LM_ERROR"
}

# lm_find COMMAND [NAME=VALUE...]: a lookup; 1 when the object does not exist (always, in a dry run).
lm_find() {
  if lm_send "$@"; then
    [[ $LM_DRY_RUN == 0 ]]
    return
  fi
  # The appliance's answer for a missing object (LOADMASTER-API.md section 1: <Error>Unknown VS</Error>).
  case $LM_ERROR in
    'Unknown VS'* | 'Unknown rule'*) return 1 ;;
    *) lm_fail "GET $1: HTTP $LM_STATUS" "LoadMaster error: $LM_ERROR" ;;
  esac
}

# lm_learn WHAT VALUE PLACEHOLDER: VALUE read from a reply, which must be there (a dry run has none).
lm_learn() {
  if [[ $LM_DRY_RUN == 1 ]]; then
    printf '%s\n' "$3"
  elif [[ -z $2 ]]; then
    lm_fail "the LoadMaster's reply holds no $1"
  else
    printf '%s\n' "$2"
  fi
}
`;
