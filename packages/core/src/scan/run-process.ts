/**
 * Runs one child process from an argv array (never a shell) with a deadline. The child leads its
 * own process group so a timeout or an abort kills trivy *and* whatever it started.
 */
import { spawn } from "node:child_process";

export interface RunOptions {
  env?: NodeJS.ProcessEnv;
  /** Kill the process group after this long; 0 or absent means no deadline. */
  timeoutMs?: number;
  /** After SIGTERM, how long the group gets before SIGKILL. */
  killGraceMs?: number;
  /** Stdout beyond this is an error: a trivy report is large, but not unbounded. */
  maxStdoutBytes?: number;
  signal?: AbortSignal;
}

export interface RunOutcome {
  /** Exit code, or null when killed by a signal. */
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  /** The tail of stderr (the end is where trivy says what went wrong). */
  stderr: string;
  timedOut: boolean;
  aborted: boolean;
  stdoutOverflow: boolean;
  /** The process could not start at all (ENOENT, EACCES …). */
  spawnError?: NodeJS.ErrnoException;
}

const DEFAULT_MAX_STDOUT = 256 * 1024 * 1024;
const STDERR_TAIL = 64 * 1024;

/** Groups still running, killed if this process exits first so no trivy outlives us. */
const liveGroups = new Set<number>();
let exitHookInstalled = false;

function killGroup(pid: number, sig: NodeJS.Signals): void {
  try {
    process.kill(-pid, sig);
  } catch {
    // Already gone: nothing to kill.
  }
}

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on("exit", () => {
    for (const pid of liveGroups) killGroup(pid, "SIGKILL");
  });
}

export function runProcess(command: string, argv: readonly string[], options: RunOptions = {}): Promise<RunOutcome> {
  const maxStdout = options.maxStdoutBytes ?? DEFAULT_MAX_STDOUT;
  return new Promise((resolve) => {
    const outcome: RunOutcome = {
      code: null,
      signal: null,
      stdout: "",
      stderr: "",
      timedOut: false,
      aborted: false,
      stdoutOverflow: false,
    };
    if (options.signal?.aborted) {
      outcome.aborted = true;
      resolve(outcome);
      return;
    }
    const child = spawn(command, argv, {
      env: options.env ?? process.env,
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
      shell: false,
    });
    const out: Buffer[] = [];
    let outBytes = 0;
    let err = Buffer.alloc(0);
    let timer: NodeJS.Timeout | undefined;
    let killTimer: NodeJS.Timeout | undefined;
    let settled = false;

    const stop = () => {
      if (child.pid === undefined) return;
      const pid = child.pid;
      killGroup(pid, "SIGTERM");
      killTimer = setTimeout(() => killGroup(pid, "SIGKILL"), options.killGraceMs ?? 2000);
      killTimer.unref();
    };
    const onAbort = () => {
      outcome.aborted = true;
      stop();
    };

    if (child.pid !== undefined) {
      installExitHook();
      liveGroups.add(child.pid);
    }
    child.stdout.on("data", (chunk: Buffer) => {
      if (outcome.stdoutOverflow) return;
      outBytes += chunk.length;
      if (outBytes > maxStdout) {
        outcome.stdoutOverflow = true;
        out.length = 0;
        stop();
        return;
      }
      out.push(chunk);
    });
    child.stderr.on("data", (chunk: Buffer) => {
      err = Buffer.concat([err, chunk]);
      if (err.length > STDERR_TAIL) err = err.subarray(err.length - STDERR_TAIL);
    });
    if (options.timeoutMs && options.timeoutMs > 0) {
      timer = setTimeout(() => {
        outcome.timedOut = true;
        stop();
      }, options.timeoutMs);
    }
    options.signal?.addEventListener("abort", onAbort, { once: true });

    const finish = () => {
      if (settled) return;
      settled = true;
      if (timer) clearTimeout(timer);
      if (killTimer) clearTimeout(killTimer);
      options.signal?.removeEventListener("abort", onAbort);
      if (child.pid !== undefined) {
        liveGroups.delete(child.pid);
        // The leader is gone; make sure helpers it left in its group go too.
        if (outcome.timedOut || outcome.aborted || outcome.stdoutOverflow) killGroup(child.pid, "SIGKILL");
      }
      outcome.stdout = Buffer.concat(out).toString("utf8");
      outcome.stderr = err.toString("utf8");
      resolve(outcome);
    };
    child.on("error", (e: NodeJS.ErrnoException) => {
      outcome.spawnError = e;
      finish();
    });
    child.on("close", (code, signal) => {
      outcome.code = code;
      outcome.signal = signal;
      finish();
    });
  });
}
