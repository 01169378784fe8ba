import type { GoValue } from "./value.js";

/** fmt.Sprint of one value with %v. (Placeholder: the govalue owner replaces this.) */
export function formatValue(v: GoValue): string {
  if (v === undefined) return "<no value>";
  if (v === null) return "<nil>";
  return String(v);
}
