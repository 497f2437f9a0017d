LM_TIMEOUT=${LM_TIMEOUT:-30}
# The appliance drops the connection above 30 calls in 3 s; Kemp's own module waits 150 ms too.
LM_DELAY=${LM_DELAY:-0.15}
# A mistyped number would silently turn the wait, or the limit, off: refuse it.
if [[ ! $LM_DELAY =~ ^[0-9]+(\.[0-9]+)?$ || ! $LM_TIMEOUT =~ ^[0-9]+$ || $LM_TIMEOUT == 0 ]]; then
  printf 'deploy.sh: LM_DELAY must be seconds (e.g. 0.15) and LM_TIMEOUT whole seconds above 0\n' >&2
  exit 1
fi
LM_URL=${LM_URL:-}
LM_URL=${LM_URL%/}
LM_AUTH=''
LM_TLS=()
LM_CALLS=0
LM_WRITES=0
LM_STEP=''
LM_STEP_N=0
LM_STEP_TOTAL=0
LM_FLAT=''

# cfg_quote TEXT: TEXT as a double-quoted string of a curl config file.
cfg_quote() {
  local s=$1
  s=${s//\\/\\\\}
  s=${s//\"/\\\"}
  s=${s//$'\n'/\\n}
  s=${s//$'\r'/\\r}
  s=${s//$'\t'/\\t}
  printf '"%s"' "$s"
}

if [[ -z $LM_URL ]]; then
  printf 'deploy.sh: set LM_URL, e.g. https://lm.example.com:8443\n' >&2
  exit 1
fi
# A user name or password in the URL (https://user:pass@host) would be shown wherever the URL is:
# refused, without showing it.
if [[ $LM_URL =~ ^[^/]*//[^/]*@ ]]; then
  printf 'deploy.sh: LM_URL holds a user name or password (before an @): give them in LM_USER and LM_PASSWORD instead (the URL is not shown here)\n' >&2
  exit 1
fi
# Credentials reach curl through its config on stdin (-K -), never its command line (ps shows that).
if [[ -n ${LM_APIKEY:-} ]]; then
  LM_AUTH="data-urlencode = $(cfg_quote "apikey=$LM_APIKEY")"
elif [[ -n ${LM_USER:-} && -n ${LM_PASSWORD:-} ]]; then
  LM_AUTH="user = $(cfg_quote "$LM_USER:$LM_PASSWORD")"
else
  printf 'deploy.sh: set LM_USER and LM_PASSWORD, or LM_APIKEY\n' >&2
  exit 1
fi
if [[ ${LM_INSECURE:-0} == 1 ]]; then
  LM_TLS=(--insecure)
elif [[ $LM_URL != https://* ]]; then
  printf 'deploy.sh: LM_URL must start with https:// (only LM_INSECURE=1 allows otherwise)\n' >&2
  exit 1
elif [[ -n ${LM_CACERT:-} ]]; then
  LM_TLS=(--cacert "$LM_CACERT")
fi
