/** Sprig's JSON functions (defaults.go); Helm overrides toJson/fromJson, the rest are Sprig's. */
import { decodeJson, marshalJson, marshalJsonIndent, unmarshalJson } from "../../../govalue/json.js";
import { GoError, type GoFunc, type GoValue } from "../../../govalue/value.js";
import { goFunc } from "./gofunc.js";

const orEmpty = (f: () => string): string => {
  try {
    return f();
  } catch (e) {
    if (e instanceof GoError) return "";
    throw e;
  }
};

const toJson = (v: GoValue) => marshalJson(v ?? null);
const toPrettyJson = (v: GoValue) => marshalJsonIndent(v ?? null, "", "  ");
const toRawJson = (v: GoValue) => marshalJson(v ?? null, { escapeHTML: false });

export const jsonFuncs: Record<string, GoFunc> = {
  toJson: goFunc(["interface {}"], (v: GoValue) => orEmpty(() => toJson(v))),
  mustToJson: goFunc(["interface {}"], toJson),
  toPrettyJson: goFunc(["interface {}"], (v: GoValue) => orEmpty(() => toPrettyJson(v))),
  mustToPrettyJson: goFunc(["interface {}"], toPrettyJson),
  // Sprig's toRawJson panics on a marshal error, which reads as the error itself.
  toRawJson: goFunc(["interface {}"], toRawJson),
  mustToRawJson: goFunc(["interface {}"], toRawJson),
  fromJson: goFunc(["string"], (s: string) => decodeJson(s).value ?? null),
  mustFromJson: goFunc(["string"], (s: string) => unmarshalJson(s)),
};
