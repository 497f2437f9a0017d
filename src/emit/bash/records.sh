# lm_record FLAT: LM_AT = the element holding a Virtual Service's fields in a showvs reply: <Data>
# itself (captured replies), or the <VS> inside it if it holds one.
lm_record() {
  if [[ -z ${LM_RECORD[$1]:-} ]]; then
    LM_RECORD[$1]=/Response#1/Success#1/Data#1/VS#1
    if ! lm_value "$1" /Response#1/Success#1/Data#1/VS#1; then
      LM_RECORD[$1]=/Response#1/Success#1/Data#1
    fi
  fi
  LM_AT=${LM_RECORD[$1]}
}

# lm_showvs INDEX: LM_FLAT and LM_AT for the Virtual Service or SubVS with this index.
lm_showvs() {
  lm_get_vs "$1"
  lm_record "$LM_FLAT"
}

# lm_keep_vs: after addvs or createsubvs, which answer with the whole Virtual Service (captured
# replies), keeps the reply as that VS's showvs, to learn what was made (never to read a change
# back). LM_REPLY_INDEX = its Index, empty when the reply holds none.
lm_keep_vs() {
  lm_record "$LM_FLAT"
  LM_REPLY_INDEX=''
  if lm_value "$LM_FLAT" "$LM_AT/Index#1"; then LM_REPLY_INDEX=$LM_VALUE; fi
  if [[ $LM_REPLY_INDEX =~ ^[0-9]+$ ]]; then
    LM_CACHE["vs-$LM_REPLY_INDEX"]=$LM_FLAT
  else
    LM_REPLY_INDEX=''
  fi
}
