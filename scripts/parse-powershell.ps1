# Parses each PowerShell file named on the command line with PowerShell's own parser and prints
# every syntax error as path:line:column: message. Exit 0 when every file parses, 1 otherwise.
# Used by .ci/run on the library's sources (src/emit/powershell/*.ps1) and the generated scripts.
param([Parameter(Mandatory, ValueFromRemainingArguments)] [string[]] $Path)
$failed = $false
foreach ($p in $Path) {
  $tokens = $null
  $errors = $null
  [void][System.Management.Automation.Language.Parser]::ParseFile((Resolve-Path -LiteralPath $p).ProviderPath, [ref]$tokens, [ref]$errors)
  foreach ($e in $errors) {
    $failed = $true
    [Console]::Out.WriteLine(('{0}:{1}:{2}: {3}' -f $p, $e.Extent.StartLineNumber, $e.Extent.StartColumnNumber, $e.Message))
  }
}
if ($failed) { exit 1 }
