#!/usr/bin/env node
/** helm-trivy's entry point: a thin dispatcher over the commands. */
import { Command, CommanderError } from "commander";
import { templateCommand } from "./commands/template.js";

const io = {
  stdout: (s: string) => process.stdout.write(s),
  stderr: (s: string) => process.stderr.write(s),
};

/** Commander's messages in Helm's words (`Error: unknown flag: --x`). */
function helmStyle(s: string): string {
  return s.replace(/^error: unknown option '([^']*)'/, "Error: unknown flag: $1").replace(/^error: /, "Error: ");
}

const program = new Command("helm-trivy")
  .description("Which container images does this Helm chart deploy, and what known vulnerabilities do they carry?")
  .exitOverride()
  .configureOutput({
    writeOut: (s) => process.stdout.write(s),
    // Helm's style: `Error: message`.
    writeErr: (s) => process.stderr.write(helmStyle(s)),
  });

program.addCommand(
  templateCommand(io, (code) => {
    process.exitCode = code;
  })
    .exitOverride()
    .configureOutput({
      writeOut: (s) => process.stdout.write(s),
      writeErr: (s) => process.stderr.write(helmStyle(s)),
    }),
);

try {
  await program.parseAsync(process.argv);
} catch (e) {
  if (e instanceof CommanderError) {
    process.exitCode = e.exitCode === 0 ? 0 : 1;
  } else {
    process.stderr.write(`Error: ${(e as Error).message}\n`);
    process.exitCode = 1;
  }
}
