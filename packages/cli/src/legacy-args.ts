/**
 * The original helm-trivy (a Go program) took Go-style single-dash flags: `-json`,
 * `-trivyargs '...'`, `-version 1.2.3`, `-values f.yaml`, `-set a=b`, `-debug`, `-nocache`,
 * `-nopull`. They keep working: each is rewritten to its double-dash form before parsing.
 */
const RENAMES: Record<string, string> = {
  "-json": "--json",
  "-debug": "--debug",
  "-trivyargs": "--trivyargs",
  "-version": "--version",
  "-values": "--values",
  "-set": "--set",
  "-nocache": "--no-cache",
};

/** `-nopull` pulled trivy's docker image; we run a local trivy, so it means nothing now. */
const DROPPED = new Set(["-nopull"]);

export function rewriteLegacyFlags(args: readonly string[]): string[] {
  const out: string[] = [];
  for (const a of args) {
    if (a === "--") {
      out.push(...args.slice(args.indexOf(a)));
      break;
    }
    const eq = a.indexOf("=");
    const name = eq > 0 ? a.slice(0, eq) : a;
    if (DROPPED.has(name)) continue;
    const renamed = RENAMES[name];
    out.push(renamed ? renamed + (eq > 0 ? a.slice(eq) : "") : a);
  }
  return out;
}
