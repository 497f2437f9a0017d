import { type Diagnostic, formatDiagnostic } from '../deployment/diagnostic.js';

/**
 * Warnings about a site's file (example values left in), one line each as its problems are, then a
 * line on what to do; "" when there are none.
 */
export function warningLines(warnings: readonly Diagnostic[]): string {
  if (warnings.length === 0) return '';
  const lines = warnings.map((w) => `${formatDiagnostic({ ...w, message: `warning: ${w.message}` })}\n`);
  return `${lines.join('')}(example values: the site would not work with them; --strict makes them errors)\n`;
}
