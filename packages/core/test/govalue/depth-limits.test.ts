// Deep and cyclic values end in one clear error, never in a JavaScript stack overflow.
import { describe, expect, test } from "vitest";
import { decodeJson, marshalJson, unmarshalJson } from "../../src/govalue/json.js";
import { formatValue } from "../../src/govalue/print.js";
import { GoError, type GoValue, newGoMap } from "../../src/govalue/value.js";

const nested = (n: number): string => "[".repeat(n) + "]".repeat(n);

describe("nesting limits", () => {
  test("Go's decoder accepts 10000 levels and refuses the 10001st, naming its byte", () => {
    // Expected text from the oracle: fromJsonArray over 10001 '[' gives this error.
    expect(decodeJson(nested(10000)).error).toBeUndefined();
    expect(decodeJson(nested(10001)).error).toBe("invalid character '[' exceeded max depth");
  });

  test("values 4000 levels deep print and encode", () => {
    const v = unmarshalJson(nested(4000));
    expect(marshalJson(v)).toBe(nested(4000));
    expect(formatValue(v)).toBe(nested(4000));
  });

  test("deeper values fail with a GoError instead of overflowing the stack", () => {
    const v = unmarshalJson(nested(9000));
    expect(() => marshalJson(v)).toThrow(GoError);
    expect(() => formatValue(v)).toThrow(GoError);
  });

  test("a map that contains itself is a cycle for encoding/json and an error for fmt", () => {
    const m = newGoMap();
    m.self = m as GoValue;
    expect(() => marshalJson(m)).toThrow("json: unsupported value: encountered a cycle via map[string]interface {}");
    expect(() => formatValue(m)).toThrow(GoError);
  });
});
