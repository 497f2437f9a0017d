#!/usr/bin/env bash
# Checks the deployment scripts as sources and as generated: shellcheck (every severity) on each bash
# source of src/emit/bash/ (its .shellcheckrc says what a file cannot see alone) and, with nothing
# disabled, on every fixture's generated deploy.sh (the goldens, which the tests hold equal to what
# the compiler makes); PowerShell's own parser on each source of src/emit/powershell/ and on every
# fixture's deploy.ps1. Prints each finding as path:line:column and exits 1 on any. PowerShell 7 is
# `pwsh` on PATH, or $PWSH.
set -uo pipefail
cd "$(dirname "$0")/.." || exit 2

pwsh=${PWSH:-$(command -v pwsh || printf '%s' "$HOME/.dotnet/tools/pwsh")}
if [[ ! -x $pwsh ]]; then
  printf 'check-sources: PowerShell 7 (pwsh) is not installed: dotnet tool install --global PowerShell --version 7.6.10\n' >&2
  exit 2
fi

status=0
shellcheck -S style --format=gcc src/emit/bash/*.sh || status=1
# From the repository's root, where no .shellcheckrc applies: every check.
shellcheck -S style --format=gcc fixtures/deployments/*/expected/deploy.sh || status=1
"$pwsh" -NoProfile -NonInteractive -File scripts/parse-powershell.ps1 \
  src/emit/powershell/*.ps1 fixtures/deployments/*/expected/deploy.ps1 || status=1
if ((status == 0)); then
  printf 'check-sources: shellcheck and the PowerShell parser find nothing in the script sources\n'
fi
exit "$status"
