/**
 * A chart's values.yaml as Helm's loader.LoadValues reads it: split into documents on
 * `---` lines (k8s.io/apimachinery's YAMLReader), each document a map, merged in order
 * (maps merge recursively, anything else is replaced). Numbers come out as float64.
 */
import { type GoMap, type GoValue, isGoMap, newGoMap } from "../govalue/value.js";
import { parseYaml } from "../yaml/parse.js";

const decoder = new TextDecoder();

export class ValuesFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ValuesFileError";
  }
}

/** Splits like YAMLReader.Read: a line starting with `---` ends a document. */
export function splitYamlDocuments(text: string): string[] {
  const docs: string[] = [];
  let buf = "";
  const lines = text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
  for (const line of lines) {
    if (line.startsWith("---")) {
      const trimmed = line.slice(3).trim();
      if (trimmed.length > 0 && !trimmed.startsWith("#")) {
        throw new ValuesFileError(`error reading yaml document: invalid Yaml document separator: ${trimmed}`);
      }
      if (buf.length !== 0) {
        docs.push(buf);
        buf = "";
      }
      continue;
    }
    buf += line;
  }
  if (buf.length !== 0) docs.push(buf);
  return docs;
}

/** Helm's LoadValues; error texts are those after `cannot load values.yaml: `. */
export function loadValues(data: Uint8Array | string): GoMap {
  const text = typeof data === "string" ? data : decoder.decode(data);
  let values = newGoMap();
  for (const doc of splitYamlDocuments(text)) {
    let parsed: GoValue;
    try {
      parsed = parseYaml(doc);
    } catch (e) {
      throw new ValuesFileError(`cannot unmarshal yaml document: ${(e as Error).message}`);
    }
    if (parsed === null || parsed === undefined) continue;
    if (!isGoMap(parsed)) {
      const kind = Array.isArray(parsed)
        ? "array"
        : typeof parsed === "string"
          ? "string"
          : typeof parsed === "boolean"
            ? "bool"
            : "number";
      throw new ValuesFileError(
        `cannot unmarshal yaml document: error unmarshaling JSON: while decoding JSON: json: cannot unmarshal ${kind} into Go value of type map[string]interface {}`,
      );
    }
    values = mergeMaps(values, parsed);
  }
  return values;
}

function mergeMaps(a: GoMap, b: GoMap): GoMap {
  const out = newGoMap(Object.entries(a));
  for (const k of Object.keys(b)) {
    const v = b[k] as GoValue;
    const cur = out[k];
    out[k] = isGoMap(v) && cur !== undefined && isGoMap(cur) ? mergeMaps(cur, v) : v;
  }
  return out;
}
