/**
 * How santhosh-tekuri/jsonschema v6 prints values in its messages. Its messages go through
 * golang.org/x/text's message printer, which groups digits (`1,000`) and writes large or small
 * numbers as `1.0000005×10⁰⁶` (exponent < -4 or >= 6, two exponent digits); strings are Go-quoted then shown in single quotes.
 */

const SUPERSCRIPT: Record<string, string> = {
  "0": "⁰",
  "1": "¹",
  "2": "²",
  "3": "³",
  "4": "⁴",
  "5": "⁵",
  "6": "⁶",
  "7": "⁷",
  "8": "⁸",
  "9": "⁹",
  "-": "⁻",
};

function group(intPart: string): string {
  return intPart.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/** A float64 as the x/text printer's %v shows it. */
export function formatSchemaNumber(n: number): string {
  if (Number.isNaN(n)) return "NaN";
  if (!Number.isFinite(n)) return n > 0 ? "+Inf" : "-Inf";
  if (n === 0) return "0";
  const neg = n < 0 ? "-" : "";
  const [mant, e] = Math.abs(n).toExponential().split("e") as [string, string];
  const exp = Number(e);
  if (exp < -4 || exp >= 6) {
    const digits = `${exp < 0 ? "-" : ""}${String(Math.abs(exp)).padStart(2, "0")}`;
    const sup = digits
      .split("")
      .map((c) => SUPERSCRIPT[c] ?? c)
      .join("");
    return `${neg}${mant}×10${sup}`;
  }
  const [i, f] = Math.abs(n).toString().split(".") as [string, string | undefined];
  return `${neg}${group(i)}${f ? `.${f}` : ""}`;
}

/** The library's quote(): Go %q, then `\"` unescaped and `'` escaped, in single quotes. */
export function quoteSchemaString(s: string): string {
  let out = "";
  for (const ch of s) {
    const c = ch.codePointAt(0) as number;
    if (ch === "\\") out += "\\\\";
    else if (ch === "'") out += "\\'";
    else if (ch === "\n") out += "\\n";
    else if (ch === "\t") out += "\\t";
    else if (ch === "\r") out += "\\r";
    else if (c < 0x20 || c === 0x7f) out += `\\x${c.toString(16).padStart(2, "0")}`;
    else out += ch;
  }
  return `'${out}'`;
}
