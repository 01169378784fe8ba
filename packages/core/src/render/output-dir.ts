/**
 * `helm template --output-dir DIR` (Helm 4.1.4, pkg/action install.go renderResources and
 * pkg/cmd/template.go): instead of printing, every document goes to `DIR/<source path>` as
 * `---\n# Source: PATH\nCONTENT\n`, in print order (CRDs with --include-crds, manifests, hooks).
 * This module only plans the writes; the CLI performs them once the whole render succeeded.
 */
import type { RenderResult } from "./render-chart.js";

/**
 * How a planned write opens its file, as Helm decides it:
 * - `create`: create or truncate (the first CRD/manifest of a path in this run, even over an
 *   existing file from an earlier run);
 * - `append`: a later CRD/manifest of a path already written in this run;
 * - `append-if-exists`: hooks, which Helm appends whenever the file exists on disk at that
 *   moment (so a second run into the same DIR appends its hooks to the old files: Helm's quirk).
 */
export type OutputDirWriteMode = "create" | "append" | "append-if-exists";

export interface OutputDirWrite {
  /** `DIR + "/" + source path`, joined like Go's strings.Join (no cleaning: `o/` gives `o//x`). */
  readonly path: string;
  readonly content: string;
  readonly mode: OutputDirWriteMode;
  /**
   * Whether an I/O error of this write gets Helm's debug hint: CRDs and manifests are written
   * inside the install action, whose errors `helm template` suffixes; hooks are written by the
   * command itself, without it.
   */
  readonly debugHint: boolean;
}

export interface OutputDirOptions {
  includeCrds?: boolean;
  skipTests?: boolean;
  noHooks?: boolean;
}

function document(source: string, content: string): string {
  return `---\n# Source: ${source}\n${content}\n`;
}

/** The writes `helm template --output-dir dir` makes for a successful render, in order. */
export function planOutputDir(result: RenderResult, dir: string, opts: OutputDirOptions = {}): OutputDirWrite[] {
  const writes: OutputDirWrite[] = [];
  const written = new Set<string>();
  const add = (source: string, content: string): void => {
    writes.push({
      path: `${dir}/${source}`,
      content: document(source, content),
      mode: written.has(source) ? "append" : "create",
      debugHint: true,
    });
    written.add(source);
  };
  if (opts.includeCrds) for (const crd of result.crds) add(crd.filename, crd.content);
  for (const m of result.manifests) add(m.name, m.content);
  if (!opts.noHooks) {
    for (const h of result.hooks) {
      if (opts.skipTests && h.events.includes("test")) continue;
      writes.push({
        path: `${dir}/${h.path}`,
        content: document(h.path, h.manifest),
        mode: "append-if-exists",
        debugHint: false,
      });
    }
  }
  return writes;
}

/**
 * What `helm template --output-dir` prints on stdout after its `wrote PATH` lines: the
 * (empty) manifest buffer plus a newline. With --show-only the buffer holds no document, so
 * Helm fails on the first pattern after writing every file: that error text, or undefined.
 */
export function outputDirShowOnlyError(showOnly: readonly string[]): string | undefined {
  const first = showOnly[0];
  if (first === undefined) return undefined;
  return `could not find template ${first.replaceAll("\\", "/")} in chart`;
}
