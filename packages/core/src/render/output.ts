/**
 * `helm template`'s stdout (pkg/cmd/template.go): CRDs (with --include-crds), manifests, then
 * hooks (unless --no-hooks; test hooks dropped by --skip-tests), each as
 * `---\n# Source: PATH\nCONTENT\n`; --show-only keeps the documents whose source path matches.
 */
import { goMatch } from "../gopath/match.js";
import { goTrimSpace, splitManifests } from "./manifests.js";
import { RenderError, type RenderResult } from "./render-chart.js";

export interface TemplateOutputOptions {
  includeCrds?: boolean;
  skipTests?: boolean;
  noHooks?: boolean;
  /** `--show-only` patterns (filepath.Match against `templates/x.yaml`-style paths). */
  showOnly?: readonly string[];
}

function entry(source: string, content: string): string {
  return `---\n# Source: ${source}\n${content}\n`;
}

const SOURCE_LINE = /# Source: [^/\n]+\/(.+)/;

/** The text `helm template` prints for a render. Throws RenderError for an unmatched --show-only. */
export function formatTemplateOutput(result: RenderResult, opts: TemplateOutputOptions = {}): string {
  let manifestDoc = "";
  if (opts.includeCrds) for (const crd of result.crds) manifestDoc += entry(crd.filename, crd.content);
  for (const m of result.manifests) manifestDoc += entry(m.name, m.content);

  let out = `${goTrimSpace(manifestDoc)}\n`;
  if (!opts.noHooks) {
    for (const h of result.hooks) {
      if (opts.skipTests && h.events.includes("test")) continue;
      out += entry(h.path, h.manifest);
    }
  }
  const showOnly = opts.showOnly ?? [];
  if (showOnly.length === 0) return out;

  const docs = splitManifests(out);
  const selected: string[] = [];
  for (const raw of showOnly) {
    const f = raw.replaceAll("\\", "/");
    let missing = true;
    for (const doc of docs) {
      const m = SOURCE_LINE.exec(doc);
      if (!m) continue;
      let matched = false;
      try {
        matched = goMatch(f, m[1] as string);
      } catch {
        matched = false;
      }
      if (!matched) continue;
      selected.push(doc);
      missing = false;
    }
    if (missing) throw new RenderError(`could not find template ${f} in chart`);
  }
  return selected.map((d) => `---\n${d}\n`).join("");
}
