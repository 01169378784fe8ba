import type { GoFunc } from "../../../govalue/value.js";

/** Sprig 3.3's text function map, as Helm 4.1.4 ships it (without env/expandenv). */
export const sprigFuncs: Record<string, GoFunc> = {};
