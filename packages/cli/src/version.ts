/** helm-trivy's own version, read from the CLI package's package.json at run time. */
import { readFileSync } from "node:fs";

export function toolVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version?: string };
    return pkg.version ?? "0.0.0";
  } catch {
    return "0.0.0";
  }
}
