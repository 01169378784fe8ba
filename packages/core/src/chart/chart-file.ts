/**
 * Chart.yaml, requirements.yaml, Chart.lock and requirements.lock: their Go struct layouts
 * (pkg/chart/v2 Metadata, Dependency, Maintainer, Lock) and Metadata.Validate with Helm's
 * messages.
 */

import { basePath } from "../gopath/path.js";
import { quote } from "../govalue/strconv.js";
import type { GoValue } from "../govalue/value.js";
import { isValidVersion } from "../semver/version.js";
import { ChartValidationError } from "./errors.js";
import { type DecodedStruct, decodeStruct, type GoFieldType, type GoStructSpec } from "./go-json-decode.js";
import type { Dependency, Lock, Maintainer, Metadata } from "./model.js";

const str: GoFieldType = { kind: "string" };
const bool: GoFieldType = { kind: "bool" };
const strings: GoFieldType = { kind: "slice", elem: str };

const maintainerSpec: GoStructSpec = {
  name: "Maintainer",
  qualified: "v2.Maintainer",
  fields: { name: str, email: str, url: str },
};

const dependencySpec: GoStructSpec = {
  name: "Dependency",
  qualified: "v2.Dependency",
  fields: {
    name: str,
    version: str,
    repository: str,
    condition: str,
    tags: strings,
    enabled: bool,
    "import-values": { kind: "slice", elem: { kind: "any" } },
    alias: str,
  },
};

const dependencies: GoFieldType = { kind: "slice", elem: { kind: "struct", spec: dependencySpec } };

export const metadataSpec: GoStructSpec = {
  name: "Metadata",
  qualified: "v2.Metadata",
  fields: {
    name: str,
    home: str,
    sources: strings,
    version: str,
    description: str,
    keywords: strings,
    maintainers: { kind: "slice", elem: { kind: "struct", spec: maintainerSpec } },
    icon: str,
    apiVersion: str,
    condition: str,
    tags: str,
    appVersion: str,
    deprecated: bool,
    annotations: { kind: "map", elem: str },
    kubeVersion: str,
    dependencies,
    type: str,
  },
};

export const lockSpec: GoStructSpec = {
  name: "Lock",
  qualified: "v2.Lock",
  fields: { generated: { kind: "time" }, digest: str, dependencies },
};

/** Decodes Chart.yaml (or requirements.yaml on top of it) into metadata fields. */
export function decodeMetadata(doc: GoValue, into: DecodedStruct = {}): DecodedStruct {
  return decodeStruct(doc, metadataSpec, into);
}

export function decodeLock(doc: GoValue): Lock {
  const d = decodeStruct(doc, lockSpec);
  const lock: Lock = { dependencies: toDependencies(d.dependencies) ?? [] };
  if (typeof d.generated === "string") lock.generated = d.generated;
  if (typeof d.digest === "string") lock.digest = d.digest;
  return lock;
}

/**
 * Turns decoded fields into the Metadata model. Null list entries stay `null` (Helm
 * reports them in validation), so the arrays are typed loosely until validated.
 */
export function toMetadata(d: DecodedStruct): Metadata {
  const md: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(d)) {
    if (v === undefined || v === null) continue;
    if (k === "dependencies") md[k] = toDependencies(v);
    else if (k === "maintainers") md[k] = (v as (DecodedStruct | null)[]).map((m) => (m === null ? null : { ...m }));
    else md[k] = v;
  }
  if (md.name === undefined) md.name = "";
  if (md.version === undefined) md.version = "";
  if (md.apiVersion === undefined) md.apiVersion = "";
  return md as unknown as Metadata;
}

function toDependencies(v: unknown): Dependency[] | undefined {
  if (!Array.isArray(v)) return undefined;
  return v.map((d) => (d === null ? (null as unknown as Dependency) : ({ ...(d as object) } as Dependency)));
}

const aliasNameFormat = /^[a-zA-Z0-9_-]+$/;

/**
 * Helm's Metadata.Validate: sanitizes strings in place (whitespace becomes a space,
 * non-printable characters are dropped) and throws ChartValidationError with Helm's text.
 */
export function validateMetadata(md: Metadata): void {
  const m = md as unknown as Record<string, unknown>;
  for (const k of ["name", "description", "home", "icon", "condition", "tags", "appVersion", "kubeVersion"]) {
    if (typeof m[k] === "string") m[k] = sanitizeString(m[k] as string);
  }
  if (md.sources) md.sources = md.sources.map(sanitizeString);
  if (md.keywords) md.keywords = md.keywords.map(sanitizeString);

  if (!md.apiVersion) throw new ChartValidationError("chart.metadata.apiVersion is required");
  if (!md.name) throw new ChartValidationError("chart.metadata.name is required");
  if (md.name !== basePath(md.name)) throw new ChartValidationError(`chart.metadata.name ${quote(md.name)} is invalid`);
  if (!md.version) throw new ChartValidationError("chart.metadata.version is required");
  if (!isValidVersion(md.version)) {
    throw new ChartValidationError(`chart.metadata.version ${quote(md.version)} is invalid`);
  }
  if (md.type !== undefined && md.type !== "" && md.type !== "application" && md.type !== "library") {
    throw new ChartValidationError("chart.metadata.type must be application or library");
  }
  for (const mt of md.maintainers ?? []) {
    if (mt === null) throw new ChartValidationError("maintainers must not contain empty or null nodes");
    sanitizeMaintainer(mt);
  }
  const seen = new Set<string>();
  for (const dep of md.dependencies ?? []) {
    validateDependency(dep);
    const key = dep.alias ? dep.alias : dep.name;
    if (seen.has(key)) throw new ChartValidationError(`more than one dependency with name or alias ${quote(key)}`);
    seen.add(key);
  }
}

function sanitizeMaintainer(mt: Maintainer): void {
  if (mt.name !== undefined) mt.name = sanitizeString(mt.name);
  if (mt.email !== undefined) mt.email = sanitizeString(mt.email);
  if (mt.url !== undefined) mt.url = sanitizeString(mt.url);
}

/** Helm's Dependency.Validate. */
export function validateDependency(dep: Dependency | null): void {
  if (dep === null) throw new ChartValidationError("dependencies must not contain empty or null nodes");
  dep.name = sanitizeString(dep.name ?? "");
  if (dep.version !== undefined) dep.version = sanitizeString(dep.version);
  if (dep.repository !== undefined) dep.repository = sanitizeString(dep.repository);
  if (dep.condition !== undefined) dep.condition = sanitizeString(dep.condition);
  if (dep.tags) dep.tags = dep.tags.map(sanitizeString);
  if (dep.alias && !aliasNameFormat.test(dep.alias)) {
    throw new ChartValidationError(`dependency ${quote(dep.name)} has disallowed characters in the alias`);
  }
}

const GO_SPACE = /[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/u;
const GO_PRINT = /[\p{L}\p{M}\p{N}\p{P}\p{S}]/u;

/** Helm's sanitizeString: unicode.IsSpace -> ' ', keep unicode.IsPrint, drop the rest. */
export function sanitizeString(s: string): string {
  let out = "";
  for (const ch of s) {
    if (GO_SPACE.test(ch)) out += " ";
    else if (GO_PRINT.test(ch)) out += ch;
  }
  return out;
}
