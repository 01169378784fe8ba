/**
 * Helm's check, before it builds dependencies from a lock file, that the lock still matches
 * Chart.yaml (downloader.Manager.Build with resolver.HashReq): the lock's `digest` is the
 * sha256 of the JSON of [Chart.yaml's dependencies, the lock's dependencies], each entry
 * encoded as Go encodes Helm's chart.Dependency struct.
 */
import { createHash } from "node:crypto";
import type { Chart, Dependency } from "../chart/model.js";
import { ExitCode, HelmTrivyError } from "../errors.js";
import { jsonString, marshalJson } from "../govalue/json.js";
import type { GoValue } from "../govalue/value.js";

/** encoding/json of a chart.Dependency: its fields in struct order, `omitempty` where Helm has it. */
function dependencyJson(d: Dependency): string {
  const parts = [`"name":${jsonString(d.name ?? "")}`];
  if (d.version) parts.push(`"version":${jsonString(d.version)}`);
  parts.push(`"repository":${jsonString(d.repository ?? "")}`);
  if (d.condition) parts.push(`"condition":${jsonString(d.condition)}`);
  if (d.tags && d.tags.length > 0) parts.push(`"tags":[${d.tags.map((t) => jsonString(t)).join(",")}]`);
  if (d.enabled) parts.push(`"enabled":true`);
  const iv = d["import-values"];
  if (iv && iv.length > 0) parts.push(`"import-values":${marshalJson(iv as GoValue)}`);
  if (d.alias) parts.push(`"alias":${jsonString(d.alias)}`);
  return `{${parts.join(",")}}`;
}

function listJson(list: readonly Dependency[] | undefined): string {
  return list === undefined ? "null" : `[${list.map(dependencyJson).join(",")}]`;
}

/** resolver.HashReq: `sha256:<hex>` of the JSON pair [requirements, locked]. */
export function hashRequirements(req: readonly Dependency[] | undefined, locked: readonly Dependency[] | undefined) {
  const data = `[${listJson(req)},${listJson(locked)}]`;
  return `sha256:${createHash("sha256").update(data).digest("hex")}`;
}

/**
 * Throws Helm's error when the chart has a lock whose digest no longer matches its
 * dependencies. Helm skips the check for apiVersion v1 charts (Helm 2's tooling hashed
 * differently) and without a lock (it resolves afresh then).
 */
export function checkLockInSync(chart: Chart): void {
  const lock = chart.lock;
  if (!lock || chart.metadata.apiVersion === "v1") return;
  if (hashRequirements(chart.metadata.dependencies, lock.dependencies) === lock.digest) return;
  throw new HelmTrivyError(
    "the lock file (Chart.lock) is out of sync with the dependencies file (Chart.yaml). Please update the dependencies",
    ExitCode.Chart,
  );
}
