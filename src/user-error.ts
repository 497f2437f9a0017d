/**
 * A mistake in the user's input (a deployment file, a bundle): the CLI prints its report and exits 1,
 * with no stack trace. Kept free of imports so the CLI can recognise it without loading the stages.
 */
export class UserError extends Error {
  /** What the CLI prints: one line, unless a subclass reports several problems. */
  report(): string {
    return `build-templates: ${this.message.replace(/\s+/g, ' ')}`;
  }
}
