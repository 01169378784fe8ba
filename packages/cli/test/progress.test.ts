/**
 * Progress on stderr only on a terminal: the built binary under a pseudo-terminal (util-linux
 * `script`), stdout redirected to a file so that what `script` captures is stderr alone.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { built, demoChart, freshCacheHome, mainJs, run, stubTrivy } from "./helpers.js";

const hasScript = spawnSync("script", ["--version"], { encoding: "utf8" }).status === 0;
if (!hasScript) console.warn("skipping the terminal progress tests: util-linux `script` is not installed");

const sh = (s: string) => `'${s.replaceAll("'", `'\\''`)}'`;

/** Runs the CLI with stderr on a pseudo-terminal; returns what it wrote there, and its stdout. */
function onTerminal(args: string[]): { status: number | null; stderr: string; stdout: string } {
  const home = freshCacheHome();
  const out = join(mkdtempSync(join(tmpdir(), "helm-trivy-pty-")), "stdout.txt");
  const command = `${[process.execPath, mainJs, ...args].map(sh).join(" ")} > ${sh(out)}`;
  // -e: script exits with the command's status.
  const r = spawnSync("script", ["-qec", command, "/dev/null"], {
    encoding: "utf8",
    env: { PATH: process.env.PATH, HOME: home, XDG_CACHE_HOME: home, TERM: "xterm" },
    timeout: 60_000,
  });
  return { status: r.status, stderr: r.stdout, stdout: readFileSync(out, "utf8") };
}

/** The status lines as a terminal would have shown them one after the other. */
const statusLines = (stderr: string) =>
  stderr
    .split("\r")
    .map((l) => l.replace("\u001b[K", "").trim())
    .filter((l) => l !== "");

describe.skipIf(!built || !hasScript)("progress on a terminal", () => {
  const scan = [demoChart, "--trivy-path", stubTrivy, "--no-cache"];

  it("one status line per step and per image, with the counts of each image", () => {
    const r = onTerminal(scan);
    expect(r.status).toBe(0);
    const lines = statusLines(r.stderr);
    expect(lines[0]).toBe(`Rendering ${demoChart}...`);
    expect(lines).toContain("demo 1.2.0: 4 image(s) to scan");
    const scanned = lines.filter((l) => l.startsWith("Scanned "));
    expect(scanned.map((l) => l.replace(/^Scanned \[\d\/4\] /, "")).sort()).toEqual([
      "registry.example/apps/debian-app:2.3.0: 5 vulnerabilities (1 CRITICAL, 1 HIGH, 1 LOW, 2 UNKNOWN)",
      "registry.example/apps/node-app:1.4.2: 1 vulnerability (1 HIGH)",
      "registry.example/library/alpine:3.19.1: 4 vulnerabilities (1 CRITICAL, 1 HIGH, 1 MEDIUM, 1 LOW)",
      "registry.example/tools/os-only:5.4: 0 vulnerabilities",
    ]);
    expect(lines.filter((l) => /^Scanning \[[1-4]\/4\] /.test(l))).toHaveLength(4);
    // Every [n/4] of "Scanned" appears once: the counter counts finished images.
    expect(scanned.map((l) => l.match(/\[(\d)\/4\]/)![1]).sort()).toEqual(["1", "2", "3", "4"]);
    // The status line is cleared at the end, before the report is printed (stdout: the file).
    expect(r.stderr.endsWith("\r\u001b[K")).toBe(true);
    expect(r.stdout.split("\n")[0]).toBe(`demo 1.2.0 (${demoChart})`);
    expect(r.stdout).not.toContain("Scanning");
  });

  it.each([["--quiet"], ["--no-progress"]])("none with %s", (flag) => {
    const r = onTerminal([...scan, flag]);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe("");
    expect(r.stdout).toContain("4 images, 4 scanned");
  });

  it("none when stderr is not a terminal", () => {
    const r = run(scan, { cacheHome: freshCacheHome() });
    expect(r.status).toBe(0);
    expect(r.stderr).toBe("");
  });

  it("the images command shows its render step too, and keeps stdout clean", () => {
    const r = onTerminal(["images", demoChart, "-o", "json"]);
    expect(r.status).toBe(0);
    expect(statusLines(r.stderr)[0]).toBe(`Rendering ${demoChart}...`);
    expect(JSON.parse(r.stdout)).toHaveLength(4);
  });
});
