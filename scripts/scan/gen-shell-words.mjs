#!/usr/bin/env node
// Regenerates fixtures/trivy/shell-words.json: how a real POSIX shell (SH_BIN, default /bin/sh)
// splits each input into words. Dev-time only; the tests read the committed JSON.
// Globbing is turned off (`set -f`) and inputs avoid `$` and backticks, because splitShellWords
// deliberately performs no expansion. Operators (`;`, `|`, `&`), comments (`#`) and unquoted
// newlines mean something else to a shell than to an argv string, so they are pinned by
// hand-written tests instead.
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const sh = process.env.SH_BIN ?? "/bin/sh";
const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

const inputs = [
  "",
  "   ",
  "--severity HIGH",
  "  --skip-dirs   /usr/lib  ",
  "--skip-files 'a b/c d.txt'",
  '--skip-files "a b"',
  "--format\tjson",
  "'' x",
  '""',
  "a''b",
  "a\\ b",
  "a\\\\b",
  "a\\",
  "a\\\nb",
  "'a\\b'",
  '"a\\b"',
  '"a\\"b"',
  '"a\\\\b"',
  '"a\\\nb"',
  '"it\'s"',
  "'say \"hi\"'",
  "x'y'\"z\"w",
  "--ignore-policy=/p/q.rego --vex 'my vex.json'",
  "\\'literal",
  '\\"literal',
];

const cases = inputs.map((input) => {
  const out = execFileSync(sh, ["-c", `set -f; p() { for w; do printf '%s\\0' "$w"; done; }; p ${input}`], {
    encoding: "utf8",
  });
  const words = out === "" ? [] : out.slice(0, -1).split("\0");
  return { input, words };
});

const errors = ["'unterminated", '"unterminated', "a 'b c", 'a "b\\"'];
for (const input of errors) {
  try {
    execFileSync(sh, ["-c", `set -f; p() { :; }; p ${input}`], { stdio: "pipe" });
    throw new Error(`shell accepted ${JSON.stringify(input)}`);
  } catch (e) {
    if (e instanceof Error && e.message.startsWith("shell accepted")) throw e;
  }
}

const file = join(root, "fixtures", "trivy", "shell-words.json");
writeFileSync(file, `${JSON.stringify({ generatedWith: sh, cases, errors }, null, 2)}\n`);
console.log(`wrote ${cases.length} cases and ${errors.length} error inputs to ${file}`);
