/**
 * Errors of chart loading. The message is exactly the text Helm prints after `Error: `, so
 * callers print `Error: ${e.message}` and nothing else (no stack, one line).
 */
export class ChartLoadError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "ChartLoadError";
  }
}

/** Helm's chart.ValidationError: its Error() prefixes `validation: `. */
export class ChartValidationError extends ChartLoadError {
  constructor(detail: string) {
    super(`validation: ${detail}`);
    this.name = "ChartValidationError";
  }
}

/** Prefixes a load error with context, like Go's errors.Wrap. */
export function wrapLoadError(e: unknown, context: string): ChartLoadError {
  const msg = e instanceof Error ? e.message : String(e);
  return new ChartLoadError(`${context}: ${msg}`);
}
