import { CLI, type CommandSpec, commandWord, type OptionSpec } from './definition.js';

/**
 * Shell completion from the one definition of the command line (definition.ts). Each shell's script
 * is thin: it hands the words typed so far to `build-templates __complete`, which answers with the
 * candidates, one a line, or with `@files EXT...` / `@dirs` for the shell to complete paths itself.
 * Through `npx build-templates` too: the scripts find the command's words wherever they start.
 */

/** The options a command takes, as typed. */
const optionsOf = (c: CommandSpec): string[] => [...c.options.map((o) => `--${o.name}`), '--help'];

/** What an option's value may be: a kind of path, or nothing to offer. */
function valuesOf(o: OptionSpec): string[] {
  if (o.name === 'deployment') return ['@files yaml yml json'];
  if (o.name === 'out') return ['@dirs'];
  return /\bFILE\b/.test(o.describe) ? ['@files'] : [];
}

/** What the word being typed may be, from the words before it: candidates, or a kind of path. */
export function completions(words: readonly string[]): string[] {
  const current = words.at(-1) ?? '';
  const before = words.slice(0, -1);
  const last = before.at(-1) ?? '';
  if (before.includes(CLI.completion.name))
    return ['bash', 'zsh', 'fish'].filter((s) => s.startsWith(current));
  const named = CLI.commands.find((c) => commandWord(c) !== '' && before.includes(commandWord(c)));
  const command = named ?? CLI.commands[0];
  if (!command) return [];
  // The value of an option that takes one.
  const valued = command.options.find((o) => o.type === 'string' && `--${o.name}` === last);
  if (valued) return valuesOf(valued);
  if (current.startsWith('-')) return optionsOf(command).filter((o) => o.startsWith(current));
  if (!named && !before.some((w) => w.startsWith('-'))) {
    const words = [...CLI.commands.map(commandWord).filter((w) => w !== ''), CLI.completion.name];
    const matching = words.filter((w) => w.startsWith(current));
    if (matching.length > 0) return matching;
  }
  if (named?.run === 'validate') return ['@files yaml yml json'];
  if (named?.run === 'inspect') return ['@files tmpl'];
  // The simulator takes no operand.
  if (named && named.run === null) return [];
  return ['@files'];
}

/**
 * bash's script: the words after the command's own name (after `npx build-templates` too) go to
 * `__complete`; paths are bash's own (`compgen`), filtered by the extensions asked for.
 */
const BASH_FUNCTION = `_build_templates() {
  local i e start=-1 line cands=() kind
  for ((i = 0; i < COMP_CWORD; i++)); do
    case \${COMP_WORDS[i]##*/} in build-templates | build-templates.cmd) start=$i ;; esac
  done
  if ((start < 0)); then return 0; fi
  COMPREPLY=()
  while IFS= read -r line; do cands+=("$line"); done < <(
    if command -v build-templates >/dev/null 2>&1; then
      build-templates __complete -- "\${COMP_WORDS[@]:start+1:COMP_CWORD-start}"
    else
      npx --no-install build-templates __complete -- "\${COMP_WORDS[@]:start+1:COMP_CWORD-start}"
    fi 2>/dev/null
  )
  local cur=\${COMP_WORDS[COMP_CWORD]}
  case \${cands[0]-} in
    @dirs) mapfile -t COMPREPLY < <(compgen -d -- "$cur") ;;
    @files*)
      kind=\${cands[0]#@files}
      if [[ -z $kind ]]; then
        mapfile -t COMPREPLY < <(compgen -f -- "$cur")
      else
        mapfile -t COMPREPLY < <(compgen -d -- "$cur")
        while IFS= read -r line; do
          for e in $kind; do [[ $line == *."$e" ]] && COMPREPLY+=("$line"); done
        done < <(compgen -f -- "$cur")
      fi
      ;;
    *) COMPREPLY=("\${cands[@]}") ;;
  esac
}
complete -o filenames -F _build_templates build-templates
# Through npx: its words are completed only when they run build-templates.
_build_templates_npx() {
  if [[ \${COMP_WORDS[1]-} == build-templates ]]; then
    _build_templates
  else
    mapfile -t COMPREPLY < <(compgen -f -- "\${COMP_WORDS[COMP_CWORD]}")
  fi
}
complete -o filenames -F _build_templates_npx npx
`;

const FISH = `# build-templates completion for fish. Save it where fish reads it at each start (so that
# npx build-templates completes too): npx build-templates completion fish > ~/.config/fish/conf.d/build-templates.fish
function __build_templates_complete
    set -l words (commandline -opc) (commandline -ct)
    set -l i (contains -i -- build-templates $words)
    test -n "$i"; or return
    set -l args $words[(math $i + 1)..-1]
    set -l cands
    if type -q build-templates
        set cands (build-templates __complete -- $args 2>/dev/null)
    else
        set cands (npx --no-install build-templates __complete -- $args 2>/dev/null)
    end
    set -l cur (commandline -ct)
    switch "$cands[1]"
        case '@dirs'
            __fish_complete_directories $cur
        case '@files*'
            set -l exts (string split ' ' -- (string replace -r '^@files ?' '' -- $cands[1]))
            for f in (__fish_complete_path $cur)
                set -l name (string split -f1 \\t -- $f)
                if test -d $name; or test -z "$exts[1]"
                    echo $name
                else if contains -- (string replace -r '.*\\.' '' -- $name) $exts
                    echo $name
                end
            end
        case '*'
            printf '%s\\n' $cands
    end
end
complete -c build-templates -f -a '(__build_templates_complete)'
complete -c npx -f -n 'contains -- build-templates (commandline -opc)' -a '(__build_templates_complete)'
`;

const ZSH = `# build-templates completion for zsh. Save it (npx build-templates completion zsh > ~/.build-templates.zsh)
# and add to ~/.zshrc, after compinit: source ~/.build-templates.zsh
_build_templates() {
  local -a cands args
  local i=\${words[(I)build-templates]}
  (( i > 0 )) || return 1
  args=("\${(@)words[i+1,CURRENT]}")
  if (( $+commands[build-templates] )); then
    cands=("\${(@f)$(build-templates __complete -- "\${args[@]}" 2>/dev/null)}")
  else
    cands=("\${(@f)$(npx --no-install build-templates __complete -- "\${args[@]}" 2>/dev/null)}")
  fi
  case $cands[1] in
    @dirs) _files -/ ;;
    @files) _files ;;
    @files\\ *) local exts=\${cands[1]#@files }; _files -g "*.(\${exts// /|})" ;;
    *) compadd -- "\${cands[@]}" ;;
  esac
}
# Through npx: its words are completed only when they run build-templates.
_build_templates_npx() {
  if [[ \${words[2]-} == build-templates ]]; then _build_templates; else _files; fi
}
compdef _build_templates build-templates
compdef _build_templates_npx npx
`;

/** The completion script for a shell. */
export function completionScript(shell: 'bash' | 'zsh' | 'fish'): string {
  if (shell === 'fish') return FISH;
  if (shell === 'zsh') return ZSH;
  return `# build-templates completion for bash. Save it (npx build-templates completion bash > ~/.build-templates.bash)\n# and add to ~/.bashrc: source ~/.build-templates.bash\n${BASH_FUNCTION}`;
}
