# The reply reader (see lm_send): an awk program that reads one reply of the LoadMaster (bytes) and
# prints it flat, one line per element and per attribute, so bash can look values up without
# guessing at the layout. Written for POSIX awk (mawk, gawk and busybox awk run it the same) under
# LC_ALL=C, so every string is bytes.
#
#   /Response#1@stat<TAB>200
#   /Response#1/Success#1/Data#1/SubVS#2/MatchRules#1/Name#1<TAB>OWA
#
# A path names every element with its position among its same-named siblings; an element's line
# holds its own character data (text and CDATA, references decoded), printed when the element
# closes; an attribute's line is printed when its element opens. Text is UTF-8 whatever the reply
# declares: the appliance declares ISO-8859-1 (LoadMaster replies captured in the Python SDK's tests
# and in mathlu/loadmaster-go-client's test_data), so each byte of a Latin-1 reply is converted.
# In a value, a backslash is written `\\` and every control character `\0ooo` (printf %b reads both
# back), so a line never holds a raw tab or newline of the data. Line ends and attribute whitespace
# are normalised as XML 1.0 (2.11, 3.3.3) says. Anything not well formed (a tag left open, an
# unknown entity, a DOCTYPE, text outside the root) exits 3 with a reason on stderr: the script then
# stops rather than act on a reply it could not read. The elements of a <Success> other than <Data>
# are read as inside a <Data> (`/Response#1/Success#1/Data#1/VS#1`), so that a list given without
# the <Data> every captured reply has is read as a list, not as an empty reply.
LM_XML_READ=$(
  cat <<'LM_AWK'
function fail(why) { if (!bad) printf "%s\n", why > "/dev/stderr"; bad = 1; exit 3 }
function eol(s) { gsub(/\r\n/, "\n", s); gsub(/\r/, "\n", s); return s }
# Latin-1 bytes to UTF-8: each byte 0x80-0xFF is one character.
function latin(s,   out, i, b) {
  if (!latin1 || s !~ /[\200-\377]/) return s
  out = ""
  for (i = 1; i <= length(s); i++) {
    b = ord[substr(s, i, 1)]
    out = out (b < 128 ? substr(s, i, 1) : sprintf("%c%c", 192 + int(b / 64), 128 + b % 64))
  }
  return out
}
function utf8(n) {
  if (n < 1 || n > 1114111 || (n >= 55296 && n < 57344) || n == 65534 || n == 65535) fail("xml: invalid character reference")
  if (n < 128) return sprintf("%c", n)
  if (n < 2048) return sprintf("%c%c", 192 + int(n / 64), 128 + n % 64)
  if (n < 65536) return sprintf("%c%c%c", 224 + int(n / 4096), 128 + int(n / 64) % 64, 128 + n % 64)
  return sprintf("%c%c%c%c", 240 + int(n / 262144), 128 + int(n / 4096) % 64, 128 + int(n / 64) % 64, 128 + n % 64)
}
function hex(h,   i, n) {
  n = 0
  for (i = 1; i <= length(h); i++) n = n * 16 + index("0123456789abcdef", tolower(substr(h, i, 1))) - 1
  return n
}
# The five predefined entities and numeric character references; any other is an error.
function refs(s,   out, i, j, r) {
  if (index(s, "&") == 0) return s
  out = ""
  while ((i = index(s, "&")) > 0) {
    out = out substr(s, 1, i - 1)
    s = substr(s, i + 1)
    j = index(s, ";")
    if (j == 0) fail("xml: unterminated reference")
    r = substr(s, 1, j - 1)
    s = substr(s, j + 1)
    if (r == "lt") out = out "<"
    else if (r == "gt") out = out ">"
    else if (r == "amp") out = out "&"
    else if (r == "quot") out = out "\""
    else if (r == "apos") out = out "'"
    else if (r ~ /^#x[0-9A-Fa-f]+$/ && length(r) < 10) out = out utf8(hex(substr(r, 3)))
    else if (r ~ /^#[0-9]+$/ && length(r) < 10) out = out utf8(substr(r, 2) + 0)
    else fail("xml: unknown entity &" r ";")
  }
  return out s
}
# A value on one line: backslash and control characters escaped for printf %b.
function esc(s,   out, i, c) {
  if (s !~ /[\\\001-\037\177]/) return s
  out = ""
  for (i = 1; i <= length(s); i++) {
    c = substr(s, i, 1)
    if (c == "\\") out = out "\\\\"
    else if (ord[c] < 32 || ord[c] == 127) out = out sprintf("\\0%03o", ord[c])
    else out = out c
  }
  return out
}
function chars(s) {
  if (s == "") return
  if (d == 0) { if (s !~ /^[ \t\r\n]*$/) fail("xml: text outside the root element"); return }
  txt[d] = txt[d] refs(latin(eol(s)))
}
function name_ok(n) { return n ~ /^[A-Za-z_:\200-\377][-A-Za-z0-9._:\200-\377]*$/ }
function open(n, attrs,   k, a, q, j, v, seen, up) {
  if (!name_ok(n)) fail("xml: bad element name")
  if (d == 0 && root) fail("xml: a second root element")
  root = 1
  # An element of <Success> other than <Data> is read as inside a <Data>: a list may come without it.
  up = (d == 2 && tolower(name[1]) == "response" && tolower(name[2]) == "success" && tolower(n) != "data") ? path[2] "/Data#1" : path[d]
  k = up SUBSEP n
  d++
  path[d] = up "/" n "#" (++count[k])
  name[d] = n
  txt[d] = ""
  while (1) {
    sub(/^[ \t\r\n]+/, "", attrs)
    if (attrs == "") return
    if (!match(attrs, /^[^ \t\r\n=]+/)) fail("xml: bad attribute")
    a = substr(attrs, 1, RLENGTH)
    attrs = substr(attrs, RLENGTH + 1)
    if (!name_ok(a) || (a in seen)) fail("xml: bad or repeated attribute " a)
    seen[a] = 1
    if (!match(attrs, /^[ \t\r\n]*=[ \t\r\n]*/)) fail("xml: attribute without a value")
    attrs = substr(attrs, RLENGTH + 1)
    q = substr(attrs, 1, 1)
    if (q != "\"" && q != "'") fail("xml: unquoted attribute")
    j = index(substr(attrs, 2), q)
    if (j == 0) fail("xml: unterminated attribute")
    v = eol(substr(attrs, 2, j - 1))
    attrs = substr(attrs, j + 2)
    if (attrs != "" && attrs !~ /^[ \t\r\n]/) fail("xml: attributes run together")
    gsub(/[\t\n]/, " ", v)
    printf "%s@%s\t%s\n", path[d], a, esc(refs(latin(v)))
  }
}
function shut(n) {
  if (d == 0 || name[d] != n) fail("xml: </" n "> does not close the open element")
  printf "%s\t%s\n", path[d], esc(txt[d])
  d--
}
# The end of a tag: the first ">" outside quotes.
function tag_end(s,   i, c, q) {
  i = index(s, ">")
  if (i == 0 || substr(s, 1, i) !~ /["']/) return i
  q = ""
  for (i = 1; i <= length(s); i++) {
    c = substr(s, i, 1)
    if (q != "") { if (c == q) q = "" }
    else if (c == "\"" || c == "'") q = c
    else if (c == ">") return i
  }
  return 0
}
function declaration(s,   e) {
  if (!match(s, /encoding[ \t\r\n]*=[ \t\r\n]*["'][^"']*["']/)) return
  e = substr(s, RSTART, RLENGTH)
  sub(/^encoding[ \t\r\n]*=[ \t\r\n]*["']/, "", e)
  e = tolower(substr(e, 1, length(e) - 1))
  if (e ~ /^(iso-?8859-1|iso_8859-1|latin-?1|l1|cp819|ibm819|windows-1252|cp1252)$/) latin1 = 1
  else if (e !~ /^(utf-?8|us-ascii|ascii)$/) fail("xml: the reply is in " e ", which this script cannot read")
}
BEGIN { RS = "<"; d = 0; path[0] = ""; for (i = 1; i < 256; i++) ord[sprintf("%c", i)] = i }
NR == 1 {
  # Before the first "<": nothing but a UTF-8 byte order mark.
  if ($0 != "" && $0 != "\357\273\277") fail("xml: the reply does not start with XML")
  next
}
{
  rec = (pend != "") ? pend "<" $0 : $0
  pend = ""
  if (substr(rec, 1, 3) == "!--") {
    i = index(substr(rec, 4), "-->")
    if (i == 0) { pend = rec; next }
    chars(substr(rec, i + 6))
    next
  }
  if (substr(rec, 1, 8) == "![CDATA[") {
    i = index(substr(rec, 9), "]]>")
    if (i == 0) { pend = rec; next }
    if (d == 0) fail("xml: CDATA outside the root element")
    txt[d] = txt[d] latin(eol(substr(rec, 9, i - 1)))
    chars(substr(rec, i + 11))
    next
  }
  if (substr(rec, 1, 1) == "?") {
    i = index(rec, "?>")
    if (i == 0) { pend = rec; next }
    if (NR == 2 && rec ~ /^\?xml[ \t\r\n]/) declaration(substr(rec, 1, i - 1))
    chars(substr(rec, i + 2))
    next
  }
  if (substr(rec, 1, 1) == "!") fail("xml: a DOCTYPE or declaration, which replies never hold")
  i = tag_end(rec)
  if (i == 0) fail("xml: unterminated tag")
  t = substr(rec, 1, i - 1)
  rest = substr(rec, i + 1)
  if (substr(t, 1, 1) == "/") {
    t = substr(t, 2)
    sub(/[ \t\r\n]+$/, "", t)
    shut(t)
  } else {
    empty = (substr(t, length(t)) == "/")
    if (empty) t = substr(t, 1, length(t) - 1)
    match(t, /^[^ \t\r\n]*/)
    n = substr(t, 1, RLENGTH)
    open(n, substr(t, RLENGTH + 1))
    if (empty) shut(n)
  }
  chars(rest)
}
END {
  if (bad) exit 3
  if (pend != "") fail("xml: unterminated comment, CDATA or declaration")
  if (d > 0) fail("xml: <" name[d] "> is never closed")
  if (!root) fail("xml: no element")
}
LM_AWK
)
# Questions to a read reply (see lm_q), asked of the reader's flat lines; element names match
# whatever their case, values stay escaped (bash decodes them with printf %b). Run as
# `awk -v mode=M -v at=PATH -v elem=NAME -v want=F1,F2,... PROGRAM FLAT`:
# - `fields`: `name<TAB>value` for each child of `at` (names lower case, the first of each name);
# - `rows`: one line per child of `at` named `elem` (`*`: any), its path then the values of the
#   children named in `want`, separated by the unit separator (\037). A last field written
#   `List/Item*` prints `+` (the list is there) or `-` (it is not), then every `Item` in it, or
#   the words of the list's own text when it holds no `Item`;
# - `tail`: the value of every element whose path ends in `elem` (`Domain/Name`), at any depth;
# - `names`: every `Name` inside an element under `at` whose name ends in `Rules`, then the largest
#   rule counter there (`NRules`, `Nrules`, `NRequestRules`, ...) as `#<count>`, then the number of
#   real servers and SubVS slots directly in `at` as `+<count>`, then, when `at` has no rule counter
#   of its own, the number of its real servers that show neither a counter nor a list as `?<count>`.
LM_XML_QUERY=$(
  cat <<'LM_AWK'
BEGIN {
  FS = "\n"; US = sprintf("%c", 31); at = tolower(at); nw = split(want, w, ",")
  # tail: a path ending in elem's names, each with its position.
  tail = tolower(elem); gsub(/\//, "#[0-9]+/", tail); tail = "/" tail "#[0-9]+$"
}
{
  i = index($0, "\t")
  p = tolower(substr($0, 1, i - 1))
  v[p] = substr($0, i + 1)
  if (mode == "rows" && index(p, at "/") == 1) {
    rest = substr(p, length(at) + 2)
    if (rest ~ /^[^\/@#]+#[0-9]+$/ && (elem == "*" || rest ~ ("^" tolower(elem) "#"))) row[++rows] = substr($0, 1, i - 1)
  }
  if (mode == "fields" && index(p, at "/") == 1) {
    rest = substr(p, length(at) + 2)
    if (rest ~ /^[^\/@#]+#1$/) printf "%s\t%s\n", substr(rest, 1, length(rest) - 2), v[p]
  }
  if (mode == "tail" && p ~ tail) printf "%s\n", v[p]
  if (mode == "names" && (at == "" || index(p, at "/") == 1)) {
    if (p ~ /rules#[0-9]+\/name#[0-9]+$/) printf "%s\n", v[p]
    else if (p ~ /\/n[a-z]*rules#[0-9]+$/ && v[p] ~ /^[0-9]+$/ && v[p] + 0 > most) most = v[p] + 0
    rest = substr(p, length(at) + 1)
    if (rest ~ /^\/(rs|subvs)#[0-9]+$/) members++
    if (rest ~ /^\/rs#[0-9]+$/) server[rest] = 1
    if (rest ~ /^\/rs#[0-9]+\/[a-z]*rules#[0-9]+$/) told[substr(rest, 1, index(substr(rest, 2), "/"))] = 1
    if (rest ~ /^\/n[a-z]*rules#[0-9]+$/) counted = 1
  }
}
END {
  if (mode == "names") {
    for (m in server) if (!counted && !(m in told)) silent++
    printf "#%d\n+%d\n?%d\n", most, members, silent
  }
  for (r = 1; r <= rows; r++) {
    line = row[r]
    lr = tolower(row[r])
    for (f = 1; f <= nw; f++) {
      if (w[f] ~ /\*$/) {
        split(substr(w[f], 1, length(w[f]) - 1), li, "/")
        list = lr "/" tolower(li[1]) "#1"
        line = line US ((list in v) ? "+" : "-")
        for (k = 1; (list "/" tolower(li[2]) "#" k) in v; k++) line = line US v[list "/" tolower(li[2]) "#" k]
        # A list written as text ("r1 r2") gives its words.
        if (k == 1 && (list in v)) {
          t = v[list]
          gsub(/\\0(011|012|015)/, " ", t)
          n = split(t, words, /[ ,]+/)
          for (k = 1; k <= n; k++) if (words[k] != "") line = line US words[k]
        }
      } else {
        line = line US v[lr "/" tolower(w[f]) "#1"]
      }
    }
    printf "%s\n", line
  }
}
LM_AWK
)
