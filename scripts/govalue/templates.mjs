// Turns a case of cases.mjs into a Go template over its operands (see cases.mjs for the
// operand descriptors); shared by the oracle and the Helm fixture generators.

/** A Go interpreted string literal for s (JSON's escapes are all valid Go escapes). */
export const goString = (s) => JSON.stringify(s);

function argExpr(a, k, data, files) {
  if ("i" in a) return a.i.startsWith("-") ? `(${a.i})` : a.i;
  if ("f" in a) return `(float64 ${goString(a.f)})`;
  if ("s" in a) return goString(a.s);
  if ("b" in a) return String(a.b);
  if ("nil" in a) return "nil";
  if ("missing" in a) return ".nope";
  if ("kubeVersion" in a) return ".Capabilities.KubeVersion"; // a struct with a pointer-receiver String()
  if ("bytes" in a) {
    // []byte exists only through Helm's .Files.GetBytes: a chart file per operand.
    const name = `files/b${Object.keys(files).length}`;
    files[name] = Buffer.from(a.bytes, "base64");
    return `(.Files.GetBytes ${goString(name)})`;
  }
  if ("list" in a) return `(list ${a.list.map((e, n) => argExpr(e, `${k}_${n}`, data, files)).join(" ")})`;
  if ("j" in a) {
    data[`a${k}`] = a.j; // raw JSON text: int64 cases need digits JS numbers cannot hold
    return `.a${k}`;
  }
  throw new Error(`bad arg ${JSON.stringify(a)}`);
}

/**
 * The template text of a case. `data` receives JSON operands (raw text by name), `files`
 * receives chart files for []byte operands (Helm only).
 */
export function templateOf(c, data, files = {}) {
  const args = c.args.map((a, k) => argExpr(a, k, data, files));
  const one = args[0];
  switch (c.kind) {
    case "printf":
      return `{{ printf ${[goString(c.format), ...args].join(" ")} }}`;
    case "print":
    case "println":
      return `{{ ${[c.kind, ...args].join(" ")} }}`;
    case "value":
      return `{{ ${one} }}`;
    case "truth":
      return `{{ if ${one} }}T{{ else }}F{{ end }}`;
    case "typeOf":
    case "kindOf":
      return `{{ ${c.kind} ${one} }}`;
    case "cast":
      return `{{ ${c.fn} ${one} }}`;
    case "json":
      return `{{ mustToJson ${one} }}`;
    case "rawJson":
      return `{{ mustToRawJson ${one} }}`;
    case "prettyJson":
      return `{{ mustToPrettyJson ${one} }}`;
    case "fromJson":
    case "fromJsonArray":
      return `{{ ${c.kind} ${one} | printf "%#v" }}`;
  }
  throw new Error(`bad kind ${c.kind}`);
}
