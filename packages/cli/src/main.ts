#!/usr/bin/env node
/** helm-trivy's entry point: argv in, exit status out. */
import { processIO } from "./io.js";
import { runCli } from "./program.js";

try {
  process.exitCode = await runCli(process.argv.slice(2), processIO());
} catch (e) {
  // Only a bug gets here: the commands turn every foreseen failure into `Error: ...` themselves.
  process.stderr.write(`Error: ${(e as Error).message} (this is a bug in helm-trivy; please report it)\n`);
  if (process.argv.includes("--debug")) process.stderr.write(`${(e as Error).stack}\n`);
  process.exitCode = 70;
}
