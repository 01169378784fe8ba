/**
 * Progress on stderr while rendering and scanning: only for a terminal, never with --quiet or
 * --no-progress, so that piped or captured stderr holds errors and warnings only.
 */
import { type ImageScanResult, type ScanProgressEvent, SEVERITIES } from "@helm-trivy/core";

/** `5 vulnerabilities (1 CRITICAL, 2 HIGH, 2 LOW)`: the non-zero counts, most severe first. */
export function findingsText(r: ImageScanResult): string {
  const n = r.vulnerabilities.length;
  const counts = SEVERITIES.filter((s) => r.counts[s] > 0).map((s) => `${r.counts[s]} ${s}`);
  return `${n} vulnerabilit${n === 1 ? "y" : "ies"}${counts.length > 0 ? ` (${counts.join(", ")})` : ""}`;
}

export interface Progress {
  step(message: string): void;
  scan(event: ScanProgressEvent): void;
  /** Clears the status line before results or errors are printed. */
  done(): void;
}

export const silentProgress: Progress = { step() {}, scan() {}, done() {} };

/** One status line rewritten in place (`\r` + clear to end of line). */
export function terminalProgress(write: (s: string) => void): Progress {
  let shown = false;
  const show = (line: string) => {
    write(`\r\u001b[K${line}`);
    shown = true;
  };
  return {
    step: (message) => show(message),
    scan(e) {
      switch (e.type) {
        case "db-update":
          if (e.phase === "start") show(`Updating trivy's ${e.db} DB...`);
          break;
        case "started":
          show(`Scanning [${e.index + 1}/${e.total}] ${e.image}`);
          break;
        case "retry":
          show(`Rate limited on ${e.image}: retry ${e.attempt} in ${Math.round(e.delayMs / 1000)}s`);
          break;
        case "finished": {
          const r = e.result;
          const what = r.status === "ok" ? `${findingsText(r)}${r.cached ? " [cached]" : ""}` : "failed";
          show(`Scanned [${e.done}/${e.total}] ${e.image}: ${what}`);
          break;
        }
        case "warning":
          // Warnings are printed by the caller whatever the progress setting.
          break;
      }
    },
    done() {
      if (shown) write("\r\u001b[K");
      shown = false;
    },
  };
}
