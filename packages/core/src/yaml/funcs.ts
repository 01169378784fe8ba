import type { GoFunc } from "../govalue/value.js";

/** Helm's encoding functions: toYaml, fromYaml, toJson, fromJson, toToml, fromToml, ... */
export const encodingFuncs: Record<string, GoFunc> = {};
