# plan --json: the plan as one JSON document on stdout (schemas/plan.schema.json), for monitoring.
LM_JSON_OBJECTS=()

# lm_json_text TEXT: LM_J = TEXT as a JSON string; control characters other than tab, line feed and
# carriage return become spaces, as in every line the script prints.
lm_json_text() {
  local s=${1//\\/\\\\}
  s=${s//\"/\\\"}
  s=${s//$'\n'/\\n}
  s=${s//$'\r'/\\r}
  s=${s//$'\t'/\\t}
  LM_J="\"${s//[[:cntrl:]]/ }\""
}

# lm_json_object OUTCOME OBJECT [WHY]: one object of the plan (create, change with LM_CHANGES, same,
# foreign, adopt) or of the removal's plan (removed, kept with WHY, absent, with: deleted with a
# service though not the site's).
lm_json_object() {
  local action=$1 item c name known found rest sep=''
  case $1 in
    same) action=unchanged ;;
    removed | with) action=delete ;;
    kept) action=keep ;;
  esac
  lm_json_text "$2"
  item="{\"action\":\"$action\",\"object\":$LM_J"
  if [[ $1 == with ]]; then item+=',"foreign":true'; fi
  if [[ -n ${3:-} ]]; then
    lm_json_text "$3"
    item+=",\"why\":$LM_J"
  fi
  if [[ $1 == change ]]; then
    item+=',"changes":['
    for c in ${LM_CHANGES[@]+"${LM_CHANGES[@]}"}; do
      name=${c%%$'\x1f'*} rest=${c#*$'\x1f'}
      known=${rest%%$'\x1f'*} rest=${rest#*$'\x1f'}
      found=${rest%%$'\x1f'*}
      lm_json_text "$name"
      item+="$sep{\"parameter\":$LM_J,\"appliance\":"
      if [[ $known == 1 ]]; then
        lm_json_text "$found"
        item+=$LM_J
      else
        item+=null
      fi
      lm_json_text "${rest#*$'\x1f'}"
      item+=",\"site\":$LM_J}"
      sep=,
    done
    item+=']'
  fi
  LM_JSON_OBJECTS+=("$item}")
}

# lm_json_document KIND COUNTS: prints the document: the kind of plan (apply or remove), the
# appliance, its objects, the problems that stop apply, the parameters not verifiable, and COUNTS (a
# JSON object).
lm_json_document() {
  local p sep=''
  lm_json_text "$LM_APPLIANCE"
  printf '{"plan":"%s","appliance":%s,"objects":[' "$1" "$LM_J"
  if ((${#LM_JSON_OBJECTS[@]} > 0)); then
    (
      IFS=,
      printf '%s' "${LM_JSON_OBJECTS[*]}"
    )
  fi
  printf '],"problems":['
  for p in ${LM_PROBLEMS[@]+"${LM_PROBLEMS[@]}"}; do
    lm_json_text "$p"
    printf '%s%s' "$sep" "$LM_J"
    sep=,
  done
  printf '],"notVerifiable":['
  sep=''
  for p in ${LM_UNSEEN_LIST[@]+"${LM_UNSEEN_LIST[@]}"}; do
    lm_json_text "$p"
    printf '%s%s' "$sep" "$LM_J"
    sep=,
  done
  printf '],"counts":%s}\n' "$2"
}
