/**
 * fmt.Sprint / Sprintln over template values, and how text/template prints a pipeline's value.
 */
import { Printer } from "./printer.js";
import type { GoValue } from "./value.js";

/**
 * How `{{ . }}` prints a value: fmt.Sprint(v), except that no value at all (a missing key, Go's
 * invalid reflect.Value) prints `<no value>`.
 */
export function formatValue(v: GoValue): string {
  if (v === undefined) return "<no value>";
  const p = new Printer();
  p.printArg(v, "v");
  return p.buf;
}

/** fmt.Sprint: operands with %v, a space between two operands when neither is a string. */
export function sprint(...args: GoValue[]): string {
  const p = new Printer();
  let prevString = false;
  args.forEach((arg, i) => {
    const isString = typeof arg === "string";
    if (i > 0 && !isString && !prevString) p.buf += " ";
    p.printArg(arg, "v");
    prevString = isString;
  });
  return p.buf;
}

/** fmt.Sprintln: operands with %v, always space-separated, and a final newline. */
export function sprintln(...args: GoValue[]): string {
  const p = new Printer();
  args.forEach((arg, i) => {
    if (i > 0) p.buf += " ";
    p.printArg(arg, "v");
  });
  return `${p.buf}\n`;
}
