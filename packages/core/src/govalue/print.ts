/**
 * fmt.Sprint / Sprintln over template values, and how text/template prints a pipeline's value.
 */
import { Printer } from "./printer.js";
import { GoObject, type GoValue } from "./value.js";

/**
 * fmt.Sprint of one value (`%v`), except that no value at all (undefined: a missing key, Go's
 * invalid reflect.Value) prints `<no value>`. nil prints `<nil>`.
 */
export function formatValue(v: GoValue): string {
  if (v === undefined) return "<no value>";
  const p = new Printer();
  p.printArg(v, "v");
  return p.buf;
}

/**
 * How text/template writes the result of a pipeline (`{{ .x }}`): like formatValue, but a nil
 * result prints `<no value>` too, because Go unwraps the interface{} holding it into an invalid
 * value before printing (`{{ .x }}` with x: null prints `<no value>`, never `<nil>`; a nil
 * inside a list or map still prints `<nil>`).
 */
export function formatPipelineValue(v: GoValue): string {
  if (v === null) return "<no value>";
  // A struct printed straight from a field is addressable: Go calls a pointer-receiver String().
  if (v instanceof GoObject && v.stringer() === "pointer" && v.structFields() !== undefined) return v.format();
  return formatValue(v);
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
