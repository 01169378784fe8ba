/**
 * YAML as go-yaml v2 decodes it into `interface{}`, before sigs.k8s.io/yaml turns it into
 * JSON: integers stay integers (bigint here), floats are numbers, timestamps stay strings.
 * The loader needs this typed view because sigs.k8s.io/yaml converts a scalar differently
 * depending on the Go field it lands in (an int into a `string` field becomes "1", a float
 * becomes strconv.FormatFloat(f, 'g', -1, 32)).
 *
 * The YAML module's parseYaml (go-yaml v2 semantics) decides whether the text parses and
 * gives go-yaml's error texts; it returns float64 numbers only, so the typed tree itself is
 * built here with the `yaml` package (the only place in chart/ using it). Plain scalars are
 * typed by the YAML module's resolveScalar (go-yaml v2's table), not by the package's YAML 1.1
 * schema, which differs (it reads a bare `.` as NaN, go-yaml as the string ".").
 */
import { parseAllDocuments, type ScalarTag, type Tags } from "yaml";
import { formatFloat } from "../govalue/strconv.js";
import { type GoMap, type GoValue, isGoMap, newGoMap } from "../govalue/value.js";
import { parseYaml } from "../yaml/parse.js";
import { resolveScalar } from "../yaml/resolve.js";

const TIMESTAMP_TAG = "tag:yaml.org,2002:timestamp";
const BINARY_TAG = "tag:yaml.org,2002:binary";

/**
 * Every untagged plain scalar but the merge key `<<` (left to the schema's merge tag): typed
 * as go-yaml v2 types it when decoding into interface{} (timestamps stay text).
 */
const goYamlPlainScalar: ScalarTag = {
  tag: "tag:yaml.org,2002:go-yaml-v2-plain",
  default: true,
  test: /^(?!<<$)[\s\S]*$/,
  resolve(source: string): unknown {
    const r = resolveScalar(source);
    switch (r.tag) {
      case "null":
        return null;
      case "bool":
      case "int":
      case "float":
        return r.value;
      default:
        return source;
    }
  },
};

const options = {
  version: "1.1" as const,
  schema: "yaml-1.1",
  merge: true,
  intAsBigInt: true,
  uniqueKeys: false,
  maxAliasCount: 10_000,
  // go-yaml v2 keeps timestamps and !!binary as strings when decoding into interface{}.
  customTags: (tags: Tags) => [
    goYamlPlainScalar,
    ...tags.filter((t) => typeof t !== "object" || (t.tag !== TIMESTAMP_TAG && t.tag !== BINARY_TAG)),
  ],
};

/** Error text in the shape sigs.k8s.io/yaml gives (`error converting YAML to JSON: yaml: ...`). */
export class YamlSyntaxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "YamlSyntaxError";
  }
}

/** Parses one YAML document (the first, like go-yaml's Unmarshal) into a typed tree. */
export function parseTypedYaml(text: string): GoValue {
  try {
    parseYaml(text);
  } catch (e) {
    throw new YamlSyntaxError((e as Error).message);
  }
  let js: unknown;
  try {
    const docs = parseAllDocuments(text, options);
    const list = Array.isArray(docs) ? docs : [docs];
    const first = list[0];
    if (first === undefined) return null;
    const err = first.errors[0];
    if (err) throw new YamlSyntaxError(yamlErrorText(err.message, err.linePos?.[0]?.line));
    js = first.toJS({ maxAliasCount: 10_000 });
  } catch (e) {
    if (e instanceof YamlSyntaxError) throw e;
    throw new YamlSyntaxError(`error converting YAML to JSON: yaml: ${(e as Error).message.split("\n")[0]}`);
  }
  return toTyped(js, 0);
}

function yamlErrorText(message: string, line: number | undefined): string {
  const first = message.split("\n")[0] ?? message;
  const where = line !== undefined ? `line ${line}: ` : "";
  return `error converting YAML to JSON: yaml: ${where}${first.replace(/ at line \d+, column \d+:?$/, "")}`;
}

const MAX_DEPTH = 10_000;

function toTyped(v: unknown, depth: number): GoValue {
  if (depth > MAX_DEPTH) throw new YamlSyntaxError("error converting YAML to JSON: yaml: exceeded max depth");
  if (v === undefined || v === null) return null;
  if (typeof v === "string" || typeof v === "boolean" || typeof v === "number" || typeof v === "bigint") return v;
  if (Array.isArray(v)) return v.map((x) => toTyped(x, depth + 1));
  if (v instanceof Map) {
    const m = newGoMap();
    for (const [k, x] of v) m[jsonKey(k)] = toTyped(x, depth + 1);
    return m;
  }
  if (v instanceof Uint8Array) return new TextDecoder().decode(v);
  if (v instanceof Date) return v.toISOString();
  if (typeof v === "object") {
    const m = newGoMap();
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) m[k] = toTyped(x, depth + 1);
    return m;
  }
  return String(v);
}

/** sigs.k8s.io/yaml's key conversion: non-string keys become their Go text. */
function jsonKey(k: unknown): string {
  if (typeof k === "string") return k;
  if (typeof k === "bigint") return k.toString();
  if (typeof k === "number") return formatFloat(k, "g", -1, 64);
  if (typeof k === "boolean") return k ? "true" : "false";
  if (k === null || k === undefined) return "null";
  return String(k);
}

/** Converts a typed tree to what json.Unmarshal into interface{} gives: every number a float64. */
export function typedToJsonValue(v: GoValue): GoValue {
  if (typeof v === "bigint") return Number(v);
  if (Array.isArray(v)) return v.map(typedToJsonValue);
  if (isGoMap(v)) {
    const m: GoMap = newGoMap();
    for (const k of Object.keys(v)) m[k] = typedToJsonValue(v[k]);
    return m;
  }
  return v;
}
