/**
 * Splits `helm template` stdout back into manifests. Helm prints each one as
 * `---\n# Source: NAME\nCONTENT\n` (pkg/action, pkg/cmd/template.go), hooks and CRDs alike.
 */
import type { RenderedManifest } from "./types.js";

const HEADER = /^---[ \t]*\r?\n# Source: ([^\r\n]*)\r?\n/gm;

/**
 * The manifests of a `helm template` output, in order. Text before the first header (or a whole
 * text without headers) is kept as a manifest with template "" so that nothing is silently lost.
 */
export function parseTemplateOutput(text: string): RenderedManifest[] {
  const out: RenderedManifest[] = [];
  const headers = [...text.matchAll(HEADER)];
  const firstStart = headers.length > 0 ? headers[0]!.index : text.length;
  const lead = text.slice(0, firstStart);
  if (lead.trim() !== "") out.push({ template: "", content: stripHelmNewline(lead) });
  headers.forEach((h, i) => {
    const start = h.index + h[0].length;
    const end = i + 1 < headers.length ? headers[i + 1]!.index : text.length;
    out.push({ template: h[1]!, content: stripHelmNewline(text.slice(start, end)) });
  });
  return out;
}

/** Helm adds one newline after each manifest's content; the content itself is what the template rendered. */
function stripHelmNewline(s: string): string {
  return s.endsWith("\n") ? s.slice(0, -1) : s;
}
