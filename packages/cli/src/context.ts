/** What every command gets: the process edges, Helm's environment, and the output decisions. */
import {
  ExitCode,
  exitCodeOf,
  HelmTrivyError,
  type ScanProgressEvent,
  shouldColor,
  toHelmTrivyError,
} from "@helm-trivy/core";
import { type HelmEnv, readHelmEnv } from "./helm-env.js";
import { type CliIO, writeFileAtomic } from "./io.js";
import { type Progress, silentProgress, terminalProgress } from "./progress.js";
import { toolVersion } from "./version.js";

export interface CommandContext {
  io: CliIO;
  helmEnv: HelmEnv;
  version: string;
  setExitCode(code: number): void;
}

export function makeContext(io: CliIO, setExitCode: (code: number) => void): CommandContext {
  return { io, helmEnv: readHelmEnv(io.env), version: toolVersion(), setExitCode };
}

type Opts = Record<string, unknown>;

/** The per-run output decisions a command's flags make. */
export interface OutputSettings {
  progress: Progress;
  /** Colours for what goes to stdout (never into a file). */
  color: boolean;
  quiet: boolean;
  debug: boolean;
  warn(line: string): void;
  /** Prints the result: to --output-file atomically, or to stdout. */
  emit(text: string): void;
}

export function outputSettings(ctx: CommandContext, o: Opts): OutputSettings {
  const quiet = o.quiet === true;
  const progress =
    !quiet && o.progress !== false && ctx.io.stderrIsTty ? terminalProgress(ctx.io.stderr) : silentProgress;
  const file = typeof o.outputFile === "string" ? o.outputFile : undefined;
  return {
    progress,
    color: file === undefined && shouldColor(ctx.io.stdoutIsTty, ctx.io.env, o.color === false),
    quiet,
    debug: o.debug === true || ctx.helmEnv.debug,
    warn(line) {
      if (quiet) return;
      progress.done();
      ctx.io.stderr(`${line}\n`);
    },
    emit(text) {
      progress.done();
      if (file !== undefined) {
        try {
          writeFileAtomic(file, text);
        } catch (e) {
          throw new HelmTrivyError(
            `${(e as Error).message}; check that the directory exists and is writable`,
            ExitCode.Usage,
          );
        }
      } else {
        ctx.io.stdout(text);
      }
    },
  };
}

/** The scan hooks' progress for the commands that scan: trivy's warnings as warning lines, the rest to the display. */
export function scanProgressTo(out: OutputSettings): (e: ScanProgressEvent) => void {
  return (e) => {
    if (e.type === "warning") out.warn(`warning: ${e.message}`);
    else out.progress.scan(e);
  };
}

/** Runs a command body: one `Error: ...` line and the table's exit status on failure. */
export async function runCommand(
  ctx: CommandContext,
  o: Opts,
  body: (out: OutputSettings) => Promise<number>,
): Promise<void> {
  let out: OutputSettings | undefined;
  try {
    out = outputSettings(ctx, o);
    ctx.setExitCode(await body(out));
  } catch (e) {
    out?.progress.done();
    const err = toHelmTrivyError(e);
    const code = exitCodeOf(err);
    const debug = out?.debug ?? (o.debug === true || ctx.helmEnv.debug);
    const firstLine = err.message.split("\n")[0] ?? "";
    // Helm's own multi-line texts (schema violations) stay whole; its hint about --debug does
    // not apply here, where --debug prints stack traces.
    let message =
      code === ExitCode.Chart
        ? err.message.replace(/\n\nUse --debug flag to render out invalid YAML$/, "").trimEnd()
        : firstLine;
    if (code === ExitCode.Internal) message += " (this is a bug in helm-trivy; please report it with --debug output)";
    ctx.io.stderr(`Error: ${message}\n`);
    if (debug && err.stack) ctx.io.stderr(`${err.stack}\n`);
    ctx.setExitCode(code);
  }
}
