/**
 * A repository's index.yaml (Helm's repo.IndexFile): parsed lazily. The scanner finds each
 * chart's slice of the text in one pass; a chart's entries are parsed (YAML failsafe schema:
 * every scalar a string, as the string-typed Go fields read them) only when asked for,
 * validated and sorted newest first like Helm's loadIndex + SortEntries.
 */
import { parse as parseYaml, YAMLError } from "yaml";
import type { Dependency } from "../chart/model.js";
import { toGoYamlError } from "../yaml/parse-errors.js";
import { scanIndexLayout } from "./index-scan.js";
import { isSemver, sortVersionsDesc } from "./versions.js";

/** One entry of `entries.<name>`: the chart's metadata plus where to get it. */
export interface ChartVersion {
  readonly name: string;
  readonly version: string;
  readonly apiVersion: string;
  readonly appVersion?: string;
  readonly description?: string;
  readonly deprecated: boolean;
  readonly digest?: string;
  readonly created?: string;
  readonly urls: readonly string[];
  readonly dependencies: readonly Dependency[];
}

/** The index is not usable; `message` is the parser's or Helm's text. */
export class IndexParseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "IndexParseError";
  }
}

type Raw = Record<string, unknown>;

function isObj(v: unknown): v is Raw {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function str(v: unknown): string | undefined {
  if (typeof v === "string") return v;
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  return undefined;
}

function strList(v: unknown): string[] {
  return Array.isArray(v) ? v.map(str).filter((s): s is string => s !== undefined) : [];
}

function toDependency(v: unknown): Dependency | undefined {
  if (!isObj(v)) return undefined;
  const name = str(v.name);
  if (name === undefined) return undefined;
  const dep: Dependency = { name };
  const version = str(v.version);
  if (version !== undefined) dep.version = version;
  const repository = str(v.repository);
  if (repository !== undefined) dep.repository = repository;
  const alias = str(v.alias);
  if (alias !== undefined) dep.alias = alias;
  const condition = str(v.condition);
  if (condition !== undefined) dep.condition = condition;
  return dep;
}

/**
 * Helm's ChartVersion.Validate as loadIndex applies it: entries that fail are dropped
 * (Helm logs and skips them), so a broken entry never hides the good ones.
 */
function toChartVersion(v: unknown): ChartVersion | undefined {
  if (!isObj(v)) return undefined;
  const name = str(v.name) ?? "";
  const version = str(v.version) ?? "";
  if (name === "" || name.includes("/") || version === "" || !isSemver(version)) return undefined;
  const appVersion = str(v.appVersion);
  const description = str(v.description);
  const digest = str(v.digest);
  const created = str(v.created);
  return {
    name,
    version,
    apiVersion: str(v.apiVersion) || "v1",
    ...(appVersion !== undefined && { appVersion }),
    ...(description !== undefined && { description }),
    deprecated: str(v.deprecated) === "true",
    ...(digest !== undefined && digest !== "" && { digest }),
    ...(created !== undefined && { created }),
    urls: strList(v.urls),
    dependencies: Array.isArray(v.dependencies)
      ? v.dependencies.map(toDependency).filter((d): d is Dependency => d !== undefined)
      : [],
  };
}

function parseDoc(text: string): unknown {
  const t = text.trimStart();
  if (t.startsWith("{")) {
    try {
      return JSON.parse(t);
    } catch {
      // Not JSON after all: YAML flow style; the YAML parser reports.
    }
  }
  try {
    return parseYaml(text, { schema: "failsafe", uniqueKeys: false, maxAliasCount: 100 });
  } catch (e) {
    const why = e instanceof YAMLError ? toGoYamlError(e, text) : (e as Error).message.split("\n")[0];
    throw new IndexParseError(`error converting YAML to JSON: ${why}`);
  }
}

export class RepoIndex {
  readonly apiVersion: string;
  readonly generated?: string;
  private readonly cache = new Map<string, readonly ChartVersion[]>();

  private constructor(
    header: Raw,
    private readonly text: string,
    private readonly slices: ReadonlyMap<string, readonly [number, number]> | undefined,
    private fullEntries: Raw | undefined,
  ) {
    this.apiVersion = str(header.apiVersion) ?? "";
    const generated = str(header.generated);
    if (generated !== undefined) this.generated = generated;
  }

  /** Helm's loadIndex checks, lazily per chart; throws IndexParseError. */
  static parse(data: string | Uint8Array): RepoIndex {
    const text = typeof data === "string" ? data : new TextDecoder().decode(data);
    if (text.length === 0) throw new IndexParseError("empty index.yaml file");
    const layout = scanIndexLayout(text);
    let index: RepoIndex;
    if (layout) {
      const header = parseDoc(layout.header);
      index = new RepoIndex(isObj(header) ? header : {}, text, layout.charts, undefined);
    } else {
      const doc = parseDoc(text);
      if (!isObj(doc)) {
        // sigs.k8s.io/yaml hands the document to encoding/json, which names the JSON kind it met.
        const kind = Array.isArray(doc) ? "array" : typeof doc === "string" ? "string" : "value";
        if (doc !== null && doc !== undefined) {
          throw new IndexParseError(
            `error unmarshaling JSON: while decoding JSON: json: cannot unmarshal ${kind} into Go value of type repo.IndexFile`,
          );
        }
        throw new IndexParseError("no API version specified");
      }
      index = new RepoIndex(doc, text, undefined, isObj(doc.entries) ? doc.entries : {});
    }
    if (index.apiVersion === "") throw new IndexParseError("no API version specified");
    return index;
  }

  chartNames(): string[] {
    return [...(this.slices ? this.slices.keys() : Object.keys(this.fullEntries ?? {}))].sort();
  }

  has(name: string): boolean {
    return this.slices ? this.slices.has(name) : Object.hasOwn(this.fullEntries ?? {}, name);
  }

  /** Valid entries of a chart, newest first; [] if the chart is not in the index. */
  versions(name: string): readonly ChartVersion[] {
    const hit = this.cache.get(name);
    if (hit) return hit;
    const raw = this.rawEntries(name);
    const list = Array.isArray(raw) ? raw.map(toChartVersion).filter((c): c is ChartVersion => c !== undefined) : [];
    const sorted = sortVersionsDesc(list, (c) => c.version);
    this.cache.set(name, sorted);
    return sorted;
  }

  private rawEntries(name: string): unknown {
    if (this.slices) {
      const range = this.slices.get(name);
      if (!range) return undefined;
      try {
        const doc = parseYaml(this.text.slice(range[0], range[1]), { schema: "failsafe", uniqueKeys: false });
        if (isObj(doc) && Object.keys(doc).length === 1 && Object.hasOwn(doc, name)) return doc[name];
      } catch {
        // Fall through to the whole document, which reports the error where it is.
      }
      const full = parseDoc(this.text);
      this.fullEntries = isObj(full) && isObj(full.entries) ? full.entries : {};
      return this.fullEntries[name];
    }
    return this.fullEntries?.[name];
  }
}
