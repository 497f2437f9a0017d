/**
 * The operations of a generated deploy.ps1, in order: each step's title, read from its marker comment
 * `# step <n>: <title>` (src/emit/powershell/steps.ps1.hbs). Compare with the bash script's.
 */
export function powershellOperations(script: string): string[] {
  return [...script.matchAll(/^ *# step \d+: (.*)$/gm)].map((m) => m[1] ?? '');
}
