/**
 * values.schema.json validation as Helm 4.1.4 does it (pkg/chart/common/util/jsonschema.go):
 * the root chart's schema against the final values, then each subchart's schema against the
 * values under its name, recursively; every failing chart contributes `NAME:\n` and its
 * errors, and the whole is prefixed with Helm's sentence.
 */
import type { Chart } from "../chart/model.js";
import { type GoMap, type GoValue, isGoMap } from "../govalue/value.js";
import { formatSchemaErrors, SchemaLoadError, SchemaValidator } from "./schema-validate.js";

export class SchemaValidationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SchemaValidationError";
  }
}

const decoder = new TextDecoder();

/** Go encoding/json's messages for the usual ways a schema file is broken. */
function parseSchemaJson(bytes: Uint8Array): unknown {
  const text = decoder.decode(bytes);
  try {
    return JSON.parse(text);
  } catch {
    if (text.trim() === "") return undefined;
    return new SchemaLoadError("unexpected EOF");
  }
}

/** One chart's schema against its values: the error block Helm writes, or "" when valid. */
export function validateAgainstSingleSchema(values: GoMap, schemaBytes: Uint8Array): string {
  const parsed = parseSchemaJson(schemaBytes);
  if (parsed instanceof SchemaLoadError) return parsed.message;
  if (parsed === undefined) return "EOF";
  try {
    const errs = new SchemaValidator(parsed as boolean | Record<string, never>).validate(values);
    return errs.length === 0 ? "" : `${formatSchemaErrors(errs)}\n`;
  } catch (e) {
    if (e instanceof SchemaLoadError) return e.message;
    throw e;
  }
}

function collect(chart: Chart, values: GoMap, depth: number): string {
  if (depth > 64) return "";
  let sb = "";
  if (chart.schema) {
    const err = validateAgainstSingleSchema(values, chart.schema);
    if (err !== "") sb += `${chart.metadata.name}:\n${err}`;
  }
  for (const sub of chart.dependencies) {
    const raw: GoValue = values[sub.metadata.name];
    if (raw === undefined || raw === null) continue;
    if (!isGoMap(raw)) {
      sb += `${sub.metadata.name}:\ninvalid type for values: expected object (map), got ${goTypeOf(raw)}\n`;
      continue;
    }
    sb += collect(sub, raw, depth + 1);
  }
  return sb;
}

function goTypeOf(v: GoValue): string {
  if (typeof v === "string") return "string";
  if (typeof v === "boolean") return "bool";
  if (typeof v === "number") return "float64";
  if (typeof v === "bigint") return "int64";
  if (Array.isArray(v)) return "[]interface {}";
  return "interface {}";
}

/**
 * Throws SchemaValidationError with Helm's exact text when the values break a schema of the
 * chart or of a subchart (`values don't meet the specifications of the schema(s) in the
 * following chart(s):\nNAME:\n- at '/x': ...`). `values` are the final coalesced values.
 */
export function validateValuesSchema(chart: Chart, values: GoMap): void {
  const sb = collect(chart, values, 0);
  if (sb.length > 0) {
    throw new SchemaValidationError(
      `values don't meet the specifications of the schema(s) in the following chart(s):\n${sb}`,
    );
  }
}
