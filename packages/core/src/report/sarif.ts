/**
 * SARIF 2.1.0 for code-scanning tools: one rule per vulnerability id, one result per (image,
 * vulnerability), located at the chart templates that bring the image. Invalid image references
 * are results too (a defect of the chart); images trivy could not scan become notifications.
 */
import type { ImageSource } from "../images/types.js";
import type { Severity, Vulnerability } from "../scan/types.js";
import type { FormatOptions, ScanReport } from "./model.js";
import { chartRelativePath, sortedVulnerabilities } from "./order.js";
import { imageKeyLine } from "./template-lines.js";

export const SARIF_SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json";
export const INVALID_REFERENCE_RULE = "helm-trivy/invalid-image-reference";
const INFORMATION_URI = "https://github.com/helm-trivy/helm-trivy";

/** GitHub's `security-severity` scale: critical >= 9, high >= 7, medium >= 4, low > 0. */
const SECURITY_SEVERITY: Record<Severity, string> = {
  CRITICAL: "9.5",
  HIGH: "8.0",
  MEDIUM: "5.5",
  LOW: "2.0",
  UNKNOWN: "0.0",
};

export type SarifLevel = "error" | "warning" | "note" | "none";

export function sarifLevel(s: Severity): SarifLevel {
  if (s === "CRITICAL" || s === "HIGH") return "error";
  if (s === "MEDIUM") return "warning";
  return "note";
}

export interface SarifOptions extends FormatOptions {
  /**
   * Where the chart's files are, relative to the repository root, when the chart is a local
   * directory: locations become `ROOT/templates/x.yaml` so code scanning can show them.
   */
  artifactRoot?: string;
  /**
   * The source text of a template by its full name (`demo/templates/x.yaml`), to locate each
   * finding at the line of the `image:` key that brings the image (line 1 when unknown).
   */
  templateText?: (template: string) => string | undefined;
}

interface SarifRule {
  id: string;
  name: string;
  shortDescription: { text: string };
  fullDescription: { text: string };
  helpUri?: string;
  help: { text: string; markdown: string };
  defaultConfiguration: { level: SarifLevel };
  properties: Record<string, unknown>;
}

function posixJoin(root: string | undefined, rel: string): string {
  if (!root || root === ".") return rel;
  const clean = root.replaceAll("\\", "/").replace(/^\.\//, "").replace(/\/+$/, "");
  return clean === "" ? rel : `${clean}/${rel}`;
}

function ruleFor(v: Vulnerability): SarifRule {
  const text = v.title ?? v.id;
  const rule: SarifRule = {
    id: v.id,
    name: "ContainerImageVulnerability",
    shortDescription: { text },
    fullDescription: { text },
    help: {
      text: `Vulnerability ${v.id}\nSeverity: ${v.severity}\nPackage: ${v.pkg}${v.url ? `\nLink: ${v.url}` : ""}`,
      markdown: `**Vulnerability ${v.id}**\n\n| Severity | Package | Fixed Version | Link |\n| --- | --- | --- | --- |\n| ${v.severity} | ${v.pkg} | ${v.fixed ?? ""} | ${v.url ? `[${v.id}](${v.url})` : ""} |`,
    },
    defaultConfiguration: { level: sarifLevel(v.severity) },
    properties: {
      tags: ["vulnerability", "security", v.severity],
      precision: "very-high",
      "security-severity": SECURITY_SEVERITY[v.severity],
    },
  };
  if (v.url) rule.helpUri = v.url;
  return rule;
}

/** Where an image is named in the rendered manifests: `Deployment/release-name-x spec...image`. */
function renderedAt(s: ImageSource): string {
  return `${s.kind}/${s.name} ${s.path}`;
}

/**
 * One location per (template, line): the line of the key that writes the image in the template
 * source when it is unambiguous (else line 1), with the rendered resource paths found there as
 * logical locations.
 */
function locationsFor(sources: readonly ImageSource[], options: SarifOptions) {
  const byPlace = new Map<string, { uri: string; line: number; sources: ImageSource[] }>();
  for (const s of sources) {
    const text = options.templateText?.(s.template);
    const line = (text !== undefined ? imageKeyLine(text, s) : undefined) ?? 1;
    const uri = posixJoin(options.artifactRoot, chartRelativePath(s.template));
    const key = `${uri}\u0000${line}`;
    const place = byPlace.get(key);
    if (place) place.sources.push(s);
    else byPlace.set(key, { uri, line, sources: [s] });
  }
  return [...byPlace.values()].map((p) => {
    const logical = [...new Map(p.sources.map((s) => [renderedAt(s), s])).values()];
    return {
      physicalLocation: { artifactLocation: { uri: p.uri }, region: { startLine: p.line } },
      logicalLocations: logical.map((s) => ({
        name: s.path,
        fullyQualifiedName: `${s.template}:${s.kind}/${s.name}/${s.path}`,
        kind: "element",
      })),
      message: { text: `rendered at ${logical.map(renderedAt).join(", ")}` },
    };
  });
}

export function reportToSarif(report: ScanReport, options: SarifOptions = {}): Record<string, unknown> {
  const rules: SarifRule[] = [];
  const ruleIndex = new Map<string, number>();
  const indexOf = (v: Vulnerability): number => {
    let i = ruleIndex.get(v.id);
    if (i === undefined) {
      i = rules.length;
      rules.push(ruleFor(v));
      ruleIndex.set(v.id, i);
    }
    return i;
  };

  const results: Record<string, unknown>[] = [];
  for (const img of report.images) {
    const locations = locationsFor(img.sources, options);
    const rendered = [...new Set(img.sources.map((s) => `${renderedAt(s)} (${chartRelativePath(s.template)})`))];
    for (const v of sortedVulnerabilities(img.result.vulnerabilities)) {
      const lines = [
        `Image: ${img.image}`,
        `Package: ${v.pkg}`,
        `Installed Version: ${v.installed}`,
        `Vulnerability ${v.id}`,
        `Severity: ${v.severity}`,
        `Fixed Version: ${v.fixed ?? "none"}`,
      ];
      if (v.url) lines.push(`Link: ${v.url}`);
      for (const r of rendered) lines.push(`Rendered at: ${r}`);
      results.push({
        ruleId: v.id,
        ruleIndex: indexOf(v),
        level: sarifLevel(v.severity),
        message: { text: lines.join("\n") },
        locations,
        partialFingerprints: { "helmTrivy/v1": `${img.image}|${v.id}|${v.pkg}|${v.installed}` },
        properties: {
          image: img.image,
          package: v.pkg,
          installedVersion: v.installed,
          ...(v.fixed ? { fixedVersion: v.fixed } : {}),
        },
      });
    }
  }

  if (report.invalid.length > 0) {
    const i = rules.length;
    rules.push({
      id: INVALID_REFERENCE_RULE,
      name: "InvalidImageReference",
      shortDescription: { text: "Invalid container image reference" },
      fullDescription: {
        text: "A value in an image position is not a valid image reference; it cannot be pulled or scanned.",
      },
      help: {
        text: "Fix the values that compose the image reference (registry, repository, tag, digest).",
        markdown: "Fix the values that compose the image reference (registry, repository, tag, digest).",
      },
      defaultConfiguration: { level: "error" },
      properties: { tags: ["correctness"], precision: "high" },
    });
    for (const e of report.invalid) {
      results.push({
        ruleId: INVALID_REFERENCE_RULE,
        ruleIndex: i,
        level: "error",
        message: {
          text: `Invalid image reference ${JSON.stringify(e.raw)}: ${e.reason}${e.hint ? ` (${e.hint})` : ""}`,
        },
        locations: locationsFor(e.sources, options),
      });
    }
  }

  const notifications = report.images
    .filter((img) => img.result.status === "error")
    .map((img) => ({
      level: "error",
      message: { text: `${img.image}: ${img.result.error ?? "scan failed"}` },
      locations: locationsFor(img.sources, options),
    }));

  return {
    $schema: SARIF_SCHEMA_URI,
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "helm-trivy",
            version: options.toolVersion ?? "0.0.0",
            informationUri: INFORMATION_URI,
            rules,
          },
        },
        invocations: [{ executionSuccessful: report.summary.failed === 0, toolExecutionNotifications: notifications }],
        results,
        properties: {
          chart: { ...report.chart },
          ...(report.trivyVersion ? { trivyVersion: report.trivyVersion } : {}),
        },
      },
    ],
  };
}

export function formatSarif(report: ScanReport, options: SarifOptions = {}): string {
  return `${JSON.stringify(reportToSarif(report, options), null, 2)}\n`;
}
