/**
 * The command tree: `scan` (the default), `images`, `template`, `diff`. Parses argv, runs one
 * command, and returns the exit status; all output goes through the given CliIO.
 */
import { ExitCode } from "@helm-trivy/core";
import { Command, CommanderError } from "commander";
import { diffCommand } from "./commands/diff.js";
import { imagesCommand } from "./commands/images.js";
import { scanCommand } from "./commands/scan.js";
import { templateCommand } from "./commands/template.js";
import { makeContext } from "./context.js";
import type { CliIO } from "./io.js";
import { rewriteLegacyFlags } from "./legacy-args.js";

/** Commander's messages in Helm's words (`Error: unknown flag: --x`). */
function helmStyle(s: string): string {
  return s.replace(/^error: unknown option '([^']*)'/, "Error: unknown flag: $1").replace(/^error: /, "Error: ");
}

const COMMANDS = new Set(["scan", "images", "template", "diff", "help"]);

/** The first word that is not a flag: the command name, or the chart for the default command. */
function commandName(args: readonly string[]): string {
  const first = args.find((a) => !a.startsWith("-"));
  return first !== undefined && COMMANDS.has(first) ? first : "scan";
}

export async function runCli(argv: readonly string[], io: CliIO): Promise<number> {
  let exitCode = 0;
  const ctx = makeContext(io, (code) => {
    exitCode = code;
  });
  const args = rewriteLegacyFlags(argv);

  // `helm-trivy --version` alone is the tool's version; after a chart, --version is the chart's.
  if (args.length === 1 && args[0] === "--version") {
    io.stdout(`${ctx.version}\n`);
    return 0;
  }

  const output = (cmd: Command) =>
    cmd.exitOverride().configureOutput({
      writeOut: (s) => io.stdout(s),
      writeErr: (s) => io.stderr(helmStyle(s)),
      outputError: (s, write) => write(`${s.trimEnd()}\nRun with --help for usage.\n`),
    });

  const program = output(
    new Command("helm-trivy")
      .description("Which container images does this Helm chart deploy, and what known vulnerabilities do they carry?")
      .usage("[command] CHART [flags]")
      .addHelpText(
        "after",
        "\nWithout a command, CHART is scanned: helm-trivy CHART = helm-trivy scan CHART.\nhelm-trivy --version prints the tool's version.",
      ),
  );
  program.addCommand(output(scanCommand(ctx)), { isDefault: true });
  program.addCommand(output(imagesCommand(ctx)));
  program.addCommand(
    output(
      templateCommand({ stdout: (s) => io.stdout(s), stderr: (s) => io.stderr(s) }, ctx.helmEnv, (code) => {
        exitCode = code;
      }),
    ),
  );
  program.addCommand(output(diffCommand(ctx)));

  try {
    await program.parseAsync(args, { from: "user" });
  } catch (e) {
    if (!(e instanceof CommanderError)) throw e;
    if (e.exitCode === 0) return 0;
    // `template` keeps Helm's status 1 for every error; our own commands say "usage" (2).
    return commandName(args) === "template" ? 1 : ExitCode.Usage;
  }
  return exitCode;
}
