/**
 * The CLI's body: argv in, exit status out, with a bug (anything the commands did not turn into
 * `Error: ...` themselves) reported in one line. main.ts starts it; the bundle exports it.
 */
import { processIO } from "./io.js";
import { runCli } from "./program.js";

export { processIO } from "./io.js";
export { runCli } from "./program.js";

/**
 * A reader that stops early (`helm-trivy template X | head`) closes the pipe; like a Go program
 * killed by SIGPIPE, stop quietly instead of dying on an unhandled EPIPE with a stack trace.
 */
function exitQuietlyOnClosedPipe(stream: NodeJS.WriteStream): void {
  stream.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code === "EPIPE") process.exit(0);
    throw e;
  });
}

export async function runMain(argv: readonly string[]): Promise<number> {
  exitQuietlyOnClosedPipe(process.stdout);
  exitQuietlyOnClosedPipe(process.stderr);
  try {
    return await runCli(argv, processIO());
  } catch (e) {
    process.stderr.write(`Error: ${(e as Error).message} (this is a bug in helm-trivy; please report it)\n`);
    if (argv.includes("--debug")) process.stderr.write(`${(e as Error).stack}\n`);
    return 70;
  }
}
