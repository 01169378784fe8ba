/**
 * Errors the library reports to its callers, each with the exit status the CLI gives it.
 * One table for the whole tool (documented in docs/exit-codes.md), so that a script can tell a
 * vulnerable chart from a broken chart from an unreachable repository.
 */
export const ExitCode = {
  /** Everything worked; no finding at or above --fail-on. */
  Ok: 0,
  /** Findings at or above --fail-on. (`template` keeps Helm's status 1 for its errors.) */
  Findings: 1,
  /** Bad command line: unknown flag, missing argument, bad flag value. */
  Usage: 2,
  /** The chart could not be loaded or rendered: Chart.yaml, values, schema, template errors. */
  Chart: 3,
  /** One or more images could not be scanned (the others were), or trivy is missing/too old. */
  Scan: 4,
  /** Chart source errors: 10-19. */
  RepoUnknown: 10,
  AuthFailed: 11,
  NotFound: 12,
  BadArchive: 13,
  DigestMismatch: 14,
  BadIndex: 15,
  Network: 16,
  /** Anything unexpected: a bug; please report it. */
  Internal: 70,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/** An error meant for the user: a one-line message (what went wrong, what to do next) and an exit status. */
export class HelmTrivyError extends Error {
  constructor(
    message: string,
    readonly exitCode: ExitCode,
  ) {
    super(message);
    this.name = "HelmTrivyError";
  }
}
