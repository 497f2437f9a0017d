/**
 * The fixed second part of deploy.sh: one function per kind of PlanStep, each converging as
 * src/model/plan.ts says (find, then change or create). It holds no site value.
 */

/** `${` inside the template literal below: bash needs it, JavaScript would read it as a placeholder. */
const D = '${';

/** The step functions (see the module comment). */
export const BASH_STEPS = `# lm_global TITLE PARAM VALUE: guide section 2; setting a global twice is harmless.
lm_global() {
  lm_step "$1"
  lm_call set "param=$2" "value=$3"
}

# lm_certificates TITLE NAME...: stops before any change if a certificate the plan assigns is missing.
lm_certificates() {
  lm_step "$1"
  shift
  lm_call listcert
  local name missing=()
  for name in "$@"; do
    if [[ $LM_DRY_RUN == 0 && -z $(xml_find "$LM_REPLY" cert name name "$name") ]]; then
      missing+=("$name")
    fi
  done
  if ((${D}#missing[@]} > 0)); then lm_fail "certificates not installed: ${D}missing[*]}"; fi
}

# lm_rule TITLE NAME PARAM...: showrule, then modrule or addrule.
lm_rule() {
  lm_step "$1"
  local name=$2
  shift 2
  if lm_find showrule "name=$name"; then
    lm_call modrule "name=$name" "$@"
  else
    lm_call addrule "name=$name" "$@"
  fi
}

# lm_vs TITLE REF ADDRESS PORT PROT PARAM...: showvs, then modvs or addvs; LM_INDEX = its Index.
lm_vs() {
  lm_step "$1"
  local ref=$2 vs=$3 port=$4 prot=$5 found
  shift 5
  if lm_find showvs "vs=$vs" "port=$port" "prot=$prot"; then
    found=$(xml_find "$LM_REPLY" Data Index)
    LM_INDEX=$(lm_learn 'VS Index' "$found" "<$ref>") || exit 1
    lm_call modvs "vs=$LM_INDEX" "$@"
  else
    lm_call addvs "vs=$vs" "port=$port" "prot=$prot" "$@"
    found=$(xml_find "$LM_REPLY" Data Index)
    LM_INDEX=$(lm_learn 'VS Index' "$found" "<$ref>") || exit 1
  fi
}

# lm_pick_subvs KEY VALUE: LM_INDEX/LM_SLOT of the parent's matching <SubVS> in the last reply.
lm_pick_subvs() {
  LM_INDEX=$(xml_find "$LM_REPLY" SubVS VSIndex "$1" "$2")
  LM_SLOT=$(xml_find "$LM_REPLY" SubVS RsIndex "$1" "$2")
  [[ -n $LM_INDEX && -n $LM_SLOT ]]
}

# lm_subvs TITLE REF PARENT NICKNAME PARAM...: the parent's SubVS named NICKNAME; else a nameless
# one (left by an interrupted run); else a new one (createsubvs= lists it last). Then modvs.
lm_subvs() {
  lm_step "$1"
  local ref=$2 parent=$3 name=$4
  shift 4
  lm_call showvs "vs=$parent"
  if ! lm_pick_subvs Name "$name" && ! lm_pick_subvs Name '' && ! lm_pick_subvs Name '-'; then
    lm_call modvs "vs=$parent" 'createsubvs='
    LM_INDEX=$(LAST=1 xml_find "$LM_REPLY" SubVS VSIndex)
    LM_SLOT=$(LAST=1 xml_find "$LM_REPLY" SubVS RsIndex)
    LM_INDEX=$(lm_learn 'new SubVS VSIndex' "$LM_INDEX" "<$ref>") || exit 1
    LM_SLOT=$(lm_learn 'new SubVS RsIndex' "$LM_SLOT" "<${D}ref}_slot>") || exit 1
  fi
  lm_call modvs "vs=$LM_INDEX" "$@"
}

# lm_realserver TITLE VS ADDRESS PORT [WEIGHT]: showvs; modrs if the <Rs> is there, else addrs.
lm_realserver() {
  lm_step "$1"
  local vs=$2 address=$3 port=$4 weight=${D}5:-} rs
  local extra=()
  if [[ -n $weight ]]; then extra=("weight=$weight"); fi
  lm_call showvs "vs=$vs"
  rs=$(xml_find "$LM_REPLY" Rs RsIndex Addr "$address" Port "$port")
  if [[ -z $rs ]]; then
    lm_call addrs "vs=$vs" "rs=$address" "rsport=$port" ${D}extra[@]+"${D}extra[@]}"}
  elif [[ -n $weight ]]; then
    lm_call modrs "vs=$vs" "rs=!$rs" "weight=$weight"
  fi
}

# lm_attach_rule TITLE PARENT SLOT RULE: addrsrule on the SubVS's slot unless <MatchRules> has it.
lm_attach_rule() {
  lm_step "$1"
  local parent=$2 slot=$3 rule=$4 rules
  lm_call showvs "vs=$parent"
  rules=$(xml_find "$LM_REPLY" SubVS MatchRules RsIndex "$slot")
  if [[ " $rules " != *" $rule "* ]]; then
    lm_call addrsrule "vs=$parent" "rs=!$slot" "rule=$rule"
  fi
}
`;
