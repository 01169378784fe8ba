import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { built, mainJs, repoRoot } from "./helpers.js";

/** A chart whose render is ~1 MB, far more than a pipe buffer holds. */
function bigChart(): string {
  const dir = mkdtempSync(join(tmpdir(), "helm-trivy-bigchart-"));
  mkdirSync(join(dir, "templates"));
  writeFileSync(join(dir, "Chart.yaml"), "apiVersion: v2\nname: big\nversion: 1.0.0\n");
  writeFileSync(
    join(dir, "templates", "cm.yaml"),
    'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: big\ndata:\n{{- range until 20000 }}\n  k{{ . }}: {{ repeat 40 "x" | quote }}\n{{- end }}\n',
  );
  return dir;
}

/**
 * `helm-trivy template X | head -1`: the reader closes the pipe after its first line. The CLI
 * must stop quietly (no EPIPE stack trace on stderr), the way helm does under SIGPIPE.
 */
function runIntoClosingReader(args: string[]): Promise<{ status: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [mainJs, ...args], { cwd: repoRoot, stdio: ["ignore", "pipe", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (d) => {
      stderr += d;
    });
    child.stdout.once("data", () => child.stdout.destroy());
    child.on("close", (status) => resolve({ status, stderr }));
  });
}

describe.skipIf(!built)("a reader that closes stdout early", () => {
  it("template output into a closed pipe ends quietly with status 0", async () => {
    const r = await runIntoClosingReader(["template", bigChart()]);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
  });

  it("--help into a closed pipe ends quietly", async () => {
    const r = await runIntoClosingReader(["--help"]);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
  });
});
