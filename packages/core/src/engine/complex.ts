/**
 * Go's complex128, which only template constants such as `1i` or `2+3i` can produce. The value
 * model has no complex type, so it is a GoObject that prints as Go prints one: `(1+2i)`.
 */
import { formatFloat } from "../govalue/strconv.js";
import { GoObject, type GoValue } from "../govalue/value.js";

export class Complex extends GoObject {
  readonly goType = "complex128";
  constructor(
    readonly re: number,
    readonly im: number,
  ) {
    super();
  }
  field(_name: string): GoValue | undefined {
    return undefined;
  }
  format(): string {
    const im = formatFloat(this.im, "g", -1);
    const sign = im.startsWith("-") || im.startsWith("+") ? "" : "+";
    return `(${formatFloat(this.re, "g", -1)}${sign}${im}i)`;
  }
}
