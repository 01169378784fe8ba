/**
 * Trivy's JSON report (SchemaVersion 2) into our typed findings. Defensive by design: trivy
 * omits every empty field (`omitempty`), adds fields between releases, and a clean image has no
 * `Results` at all, so absence is normal and only a report that is not a report is an error.
 */
import { SEVERITIES, type Severity, type Vulnerability, zeroCounts } from "./types.js";

export interface ParsedReport {
  /** `Family Name` from Metadata.OS, e.g. `alpine 3.10.2`. */
  os?: string;
  vulnerabilities: Vulnerability[];
  counts: Record<Severity, number>;
}

export type ParseOutcome = { ok: true; report: ParsedReport } | { ok: false; error: string };

const SEVERITY_SET: ReadonlySet<string> = new Set(SEVERITIES);

type JsonObject = Record<string, unknown>;

function isObject(v: unknown): v is JsonObject {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function str(o: JsonObject, key: string): string | undefined {
  const v = o[key];
  return typeof v === "string" && v !== "" ? v : undefined;
}

function preview(text: string): string {
  const flat = text.trim().replace(/\s+/g, " ");
  return flat.length > 60 ? `${flat.slice(0, 60)}…` : flat;
}

export function parseTrivyReport(stdout: string): ParseOutcome {
  if (stdout.trim() === "") return { ok: false, error: "trivy printed no report" };
  let doc: unknown;
  try {
    doc = JSON.parse(stdout);
  } catch {
    return { ok: false, error: `trivy output is not JSON: ${JSON.stringify(preview(stdout))}` };
  }
  if (!isObject(doc)) {
    // Trivy before 0.20 printed a bare array of results; its fields differ too much to trust.
    return { ok: false, error: "trivy report is not a JSON object (trivy older than 0.20?)" };
  }
  if (doc.SchemaVersion !== 2) {
    return { ok: false, error: `unsupported trivy report SchemaVersion ${JSON.stringify(doc.SchemaVersion ?? null)}` };
  }
  const report: ParsedReport = { vulnerabilities: [], counts: zeroCounts() };
  const metadata = doc.Metadata;
  if (isObject(metadata) && isObject(metadata.OS)) {
    const family = str(metadata.OS, "Family");
    // Trivy writes Family "none" when OS detection found nothing (e.g. with --skip-files).
    if (family !== undefined && family !== "none") {
      const name = str(metadata.OS, "Name");
      report.os = name === undefined ? family : `${family} ${name}`;
    }
  }
  const results = doc.Results;
  if (results !== undefined && results !== null && !Array.isArray(results)) {
    return { ok: false, error: "trivy report Results is not a list" };
  }
  const found: Vulnerability[] = [];
  for (const result of results ?? []) {
    if (!isObject(result)) continue;
    const target = str(result, "Target");
    const vulns = result.Vulnerabilities;
    if (!Array.isArray(vulns)) continue;
    for (const v of vulns) {
      if (isObject(v)) found.push(toVulnerability(v, target));
    }
  }
  report.vulnerabilities = uniqueVulnerabilities(found);
  report.counts = countBySeverity(report.vulnerabilities);
  return { ok: true, report };
}

export function countBySeverity(vulns: readonly Vulnerability[]): Record<Severity, number> {
  const counts = zeroCounts();
  for (const v of vulns) counts[v.severity]++;
  return counts;
}

const severityRank = (s: Severity) => SEVERITIES.indexOf(s);

/**
 * One entry per (id, pkg, installed), in first-seen order: trivy reports a package found in
 * several targets of one image (two lock files, a jar twice) once per target. The entry keeps
 * every target (`targets`, `target` the first), the most severe severity among the copies
 * (trivy's severity can depend on the ecosystem's data source), and each other field from the
 * first copy that has it. Idempotent, so results read back from the cache can pass through again.
 */
export function uniqueVulnerabilities(vulns: readonly Vulnerability[]): Vulnerability[] {
  const byKey = new Map<string, Vulnerability>();
  for (const v of vulns) {
    const key = JSON.stringify([v.id, v.pkg, v.installed]);
    const seen = byKey.get(key);
    const targets = v.targets ?? (v.target !== undefined ? [v.target] : []);
    if (!seen) {
      const first: Vulnerability = { ...v };
      delete first.targets;
      delete first.target;
      if (targets.length > 0) {
        first.targets = [...new Set(targets)];
        first.target = first.targets[0] as string;
      }
      byKey.set(key, first);
      continue;
    }
    if (severityRank(v.severity) < severityRank(seen.severity)) seen.severity = v.severity;
    for (const k of ["fixed", "title", "url", "status"] as const) {
      if (seen[k] === undefined && v[k] !== undefined) seen[k] = v[k];
    }
    for (const t of targets) {
      if (!seen.targets) {
        seen.targets = [t];
        seen.target = t;
      } else if (!seen.targets.includes(t)) {
        seen.targets.push(t);
      }
    }
  }
  return [...byKey.values()];
}

function toVulnerability(v: JsonObject, target: string | undefined): Vulnerability {
  const severity = str(v, "Severity")?.toUpperCase();
  const vuln: Vulnerability = {
    id: str(v, "VulnerabilityID") ?? "",
    pkg: str(v, "PkgName") ?? "",
    installed: str(v, "InstalledVersion") ?? "",
    severity: severity !== undefined && SEVERITY_SET.has(severity) ? (severity as Severity) : "UNKNOWN",
  };
  const fixed = str(v, "FixedVersion");
  if (fixed !== undefined) vuln.fixed = fixed;
  const title = str(v, "Title");
  if (title !== undefined) vuln.title = title;
  const url = str(v, "PrimaryURL");
  if (url !== undefined) vuln.url = url;
  if (target !== undefined) vuln.target = target;
  const status = str(v, "Status");
  if (status !== undefined) vuln.status = status;
  return vuln;
}
