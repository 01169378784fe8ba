/**
 * Turns what the pipeline's stages throw into HelmTrivyError with the exit status of
 * errors.ts, keeping each stage's message (Helm's exact text where Helm has one).
 */
import { ChartLoadError } from "../chart/errors.js";
import { RenderError as EngineRenderError } from "../engine/helm.js";
import { ExitCode, HelmTrivyError } from "../errors.js";
import { KubeVersionError } from "../render/capabilities.js";
import { RenderError } from "../render/render-chart.js";
import { ShellWordsError } from "../scan/shell-words.js";
import { TrivyUnavailableError } from "../scan/trivy-version.js";
import { SchemaValidationError } from "../values/schema.js";
import { ValuesError } from "../values/set-flags.js";

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** The exit status an error deserves; Internal for anything not foreseen (a bug). */
export function exitCodeOf(e: unknown): ExitCode {
  if (e instanceof HelmTrivyError) return e.exitCode;
  if (
    e instanceof ChartLoadError ||
    e instanceof RenderError ||
    e instanceof EngineRenderError ||
    e instanceof ValuesError ||
    e instanceof SchemaValidationError ||
    e instanceof KubeVersionError
  ) {
    return ExitCode.Chart;
  }
  if (e instanceof TrivyUnavailableError) return ExitCode.Scan;
  if (e instanceof ShellWordsError) return ExitCode.Usage;
  if (e instanceof RangeError && /call stack/i.test(e.message)) return ExitCode.Chart;
  return ExitCode.Internal;
}

/** `e` as a HelmTrivyError (itself when it already is one). */
export function toHelmTrivyError(e: unknown): HelmTrivyError {
  if (e instanceof HelmTrivyError) return e;
  const code = exitCodeOf(e);
  const err = new HelmTrivyError(messageOf(e), code);
  if (e instanceof Error && e.stack) err.stack = e.stack;
  return err;
}
