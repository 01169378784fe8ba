/**
 * The few pieces of Go's fmt/strconv that YAML messages and number texts need:
 * strconv.FormatFloat(f, 'g', -1, 32|64) and fmt's %#v for the values go-yaml decodes.
 */

/** Shortest decimal digits and exponent of f (f finite, > 0), as strconv finds them. */
function shortestDigits(f: number, bits: 32 | 64): { digits: string; exp: number } {
  let exp: string;
  let mant: string;
  if (bits === 64) {
    [mant, exp] = f.toExponential().split("e") as [string, string];
  } else {
    const f32 = Math.fround(f);
    let s = f32.toExponential();
    for (let p = 1; p <= 9; p++) {
      const t = f32.toExponential(p - 1);
      if (Math.fround(Number(t)) === f32) {
        s = t;
        break;
      }
    }
    [mant, exp] = s.split("e") as [string, string];
  }
  return { digits: mant.replace(".", "").replace(/0+$/, "") || "0", exp: Number(exp) };
}

/** strconv.FormatFloat(f, 'g', -1, bits). */
export function formatFloatG(f: number, bits: 32 | 64 = 64): string {
  if (Number.isNaN(f)) return "NaN";
  if (f === Number.POSITIVE_INFINITY) return "+Inf";
  if (f === Number.NEGATIVE_INFINITY) return "-Inf";
  if (f === 0) return Object.is(f, -0) ? "-0" : "0";
  const sign = f < 0 ? "-" : "";
  const { digits, exp } = shortestDigits(Math.abs(f), bits);
  // strconv's %g with the shortest digits decides on %e with a fixed precision of 6.
  const eprec = 6;
  if (exp < -4 || exp >= eprec) {
    const m = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    const e = Math.abs(exp);
    return `${sign}${m}e${exp < 0 ? "-" : "+"}${e < 10 ? `0${e}` : e}`;
  }
  if (exp < 0) return `${sign}0.${"0".repeat(-exp - 1)}${digits}`;
  if (digits.length <= exp + 1) return `${sign}${digits}${"0".repeat(exp + 1 - digits.length)}`;
  return `${sign}${digits.slice(0, exp + 1)}.${digits.slice(exp + 1)}`;
}

/** Go's strconv.Quote for the printable-ASCII-and-common-escapes cases go-yaml messages show. */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0) as number;
    if (ch === '"' || ch === "\\") out += `\\${ch}`;
    else if (ch === "\n") out += "\\n";
    else if (ch === "\t") out += "\\t";
    else if (ch === "\r") out += "\\r";
    else if (c < 0x20 || c === 0x7f) out += `\\x${c.toString(16).padStart(2, "0")}`;
    else out += ch;
  }
  return `${out}"`;
}
