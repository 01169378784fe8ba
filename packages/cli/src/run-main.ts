/**
 * The CLI's body: argv in, exit status out, with a bug (anything the commands did not turn into
 * `Error: ...` themselves) reported in one line. main.ts starts it; the bundle exports it.
 */
import { processIO } from "./io.js";
import { runCli } from "./program.js";

export { processIO } from "./io.js";
export { runCli } from "./program.js";

export async function runMain(argv: readonly string[]): Promise<number> {
  try {
    return await runCli(argv, processIO());
  } catch (e) {
    process.stderr.write(`Error: ${(e as Error).message} (this is a bug in helm-trivy; please report it)\n`);
    if (argv.includes("--debug")) process.stderr.write(`${(e as Error).stack}\n`);
    return 70;
  }
}
