/**
 * A copy of the stand-in trivy (fixtures/trivy) in a temp dir with this package's extra canned
 * reports beside its own, so the CLI tests can scan images the shared fixtures do not describe.
 */
import { cpSync, mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { repoRoot } from "./helpers.js";

export function standInWithReports(): string {
  const dir = mkdtempSync(join(tmpdir(), "helm-trivy-stand-in-"));
  cpSync(join(repoRoot, "fixtures/trivy"), dir, { recursive: true });
  const extra = join(repoRoot, "packages/cli/test/fixtures/trivy-reports");
  for (const f of readdirSync(extra)) cpSync(join(extra, f), join(dir, "reports", f));
  return join(dir, "trivy");
}
