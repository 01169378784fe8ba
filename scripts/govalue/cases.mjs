// The govalue oracle cases: what we ask Go (through gotmpl-oracle) to print, convert or encode.
// gen-oracle-fixtures.mjs turns each into a template, runs the oracle and stores the answers.
//
// An argument is a small descriptor, so that both the template (Go side) and the test (our side)
// can build the same Go value:
//   {i: "42"}       a Go int (a template integer constant)
//   {f: "1.5"}      a float64 (`float64 "1.5"` through cast/strconv, so NaN and Inf work too)
//   {s: "text"}     a string constant
//   {b: true}       a bool constant
//   {nil: true}     nil
//   {j: "[1,2]"}    JSON data (numbers float64, or int64 when the case says numbers: "int64")
//   {missing: true} a missing map key (no value)

const i = (n) => ({ i: String(n) });
const f = (x) => ({ f: String(x) });
const s = (x) => ({ s: x });
const b = (x) => ({ b: x });
const nil = { nil: true };
const j = (x) => ({ j: typeof x === "string" ? x : JSON.stringify(x) });
const missing = { missing: true };

const cases = [];
const add = (c) => cases.push(c);

// ---- every verb over every kind of operand -------------------------------------------------
const verbs = [
  "%v",
  "%+v",
  "%#v",
  "%T",
  "%s",
  "%q",
  "%d",
  "%x",
  "%X",
  "%o",
  "%O",
  "%b",
  "%e",
  "%E",
  "%f",
  "%F",
  "%g",
  "%G",
  "%c",
  "%U",
  "%t",
];
const operands = [
  i(42),
  i(-7),
  f("3.14159"),
  f(1e6),
  f(1e21),
  f(0.000012345),
  f("NaN"),
  f("+Inf"),
  s("héllo\n"),
  b(true),
  nil,
  j([1, "a", null, true]),
  j({ b: 1, a: [1, 2], c: { d: "x" } }),
];
for (const verb of verbs) for (const op of operands) add({ kind: "printf", format: verb, args: [op] });

// ---- flags, widths, precisions ----------------------------------------------------------------
const flagged = [
  ["%5d", [i(42)]],
  ["%-5d|", [i(42)]],
  ["%05d", [i(-42)]],
  ["%+d", [i(5)]],
  ["% d", [i(5)]],
  ["%+ d", [i(5)]],
  ["%#x", [i(255)]],
  ["%#X", [i(255)]],
  ["%#o", [i(8)]],
  ["%#b", [i(5)]],
  ["%O", [i(-8)]],
  ["%.3d", [i(7)]],
  ["%8.3d|", [i(-7)]],
  ["%.0d|", [i(0)]],
  ["%5.0d|", [i(0)]],
  ["%x", [i(-255)]],
  ["%c", [i(9731)]],
  ["%q", [i(39)]],
  ["%+q", [i(9731)]],
  ["%U", [i(9731)]],
  ["%#U", [i(9731)]],
  ["%#U", [i(10)]],
  ["%c", [i(-1)]],
  ["%c", [i(1114112)]],
  ["%U", [i(-1)]],
  ["%08.3f", [f("3.14159")]],
  ["%-8.3f|", [f("3.14159")]],
  ["%+.2e", [f(12345.678)]],
  ["%10.4g|", [f("3.14159")]],
  ["%.3g", [f(1234567)]],
  ["%.10g", [f(1234567)]],
  ["%#g", [f(1)]],
  ["%#.3g", [f(1)]],
  ["%#e", [f(1)]],
  ["%#.0f", [f(3)]],
  ["%#v", [f(1)]],
  ["%#v", [f(1e6)]],
  ["%x", [f(1)]],
  ["%X", [f(-0.1)]],
  ["%.2x", [f("3.14159")]],
  ["%b", [f(1)]],
  ["%08.2f", [f(-1.5)]],
  ["%+08.2f", [f(1.5)]],
  ["% 8.2f", [f(1.5)]],
  ["%08f", [f("NaN")]],
  ["%+f", [f("NaN")]],
  ["% f", [f("+Inf")]],
  ["%8.2f|", [f("-Inf")]],
  ["%.0f", [f(0.5)]],
  ["%.0f", [f(1.5)]],
  ["%.0f", [f(2.5)]],
  ["%.1f", [f(0.05)]],
  ["%.1f", [f(0.25)]],
  ["%.2f", [f(1.005)]],
  ["%.0e", [f(2.5)]],
  ["%.1e", [f(0.125)]],
  ["%.20f", [f(0.1)]],
  ["%.30e", [f(1 / 3)]],
  ["%.3s", [s("héllo")]],
  ["%10q|", [s("a")]],
  ["%-10s|", [s("héllo")]],
  ["%#q", [s("a`b")]],
  ["%#q", [s("ab")]],
  ["%+q", [s("héllo☃")]],
  ["% x", [s("hi!")]],
  ["% #x", [s("hi!")]],
  ["%#X", [s("hi")]],
  ["%8x|", [s("hi")]],
  ["%-8x|", [s("hi")]],
  ["%.1x", [s("hi")]],
  ["%x", [s("")]],
  ["%5x|", [s("")]],
  ["%05s", [s("ab")]],
  ["%-05s|", [s("ab")]],
  ["%6.2v|", [f("3.14159")]],
  ["%5v|", [j([1, "ab"])]],
  ["%-4v|", [j({ a: 1 })]],
  ["%05v", [j([1, -2])]],
  ["%q", [j(["a", 1, null])]],
  ["%x", [j(["hi", 255])]],
  ["%d", [j({ a: "x" })]],
  ["%5t|", [b(false)]],
  ["%-6t|", [b(true)]],
  ["%q", [s("\u0000\u0007\u007f\u00a0\u2028\ufeff\ud83d\ude00")]],
  ["%+q", [s("\ud83d\ude00")]],
  ["%q", [s("tab\there")]],
  ["%#q", [s("tab\there")]],
  ["%s", [s("\\x41")]],
  ["%v", [s("%d")]],
];
for (const [format, args] of flagged) add({ kind: "printf", format, args });

// ---- argument handling: missing, extra, indexes, star -----------------------------------------
const argCases = [
  ["%d %d", [i(1)]],
  ["%d", [i(1), s("x")]],
  ["%d", [i(1), nil, f(2)]],
  ["no verbs", [i(1), b(true)]],
  ["%", []],
  ["abc%", [i(1)]],
  ["%%", []],
  ["%%%d", [i(3)]],
  ["%5%|", []],
  ["%!", []],
  ["%z", [i(1)]],
  ["%[2]d %[1]d", [i(1), i(2)]],
  ["%[3]d", [i(1), i(2)]],
  ["%[0]d", [i(1)]],
  ["%[x]d", [i(1)]],
  ["%[1]d %d", [i(1), i(2)]],
  ["%[2]*[1]d|", [i(12), i(5)]],
  ["%*d|", [i(5), i(3)]],
  ["%-*d|", [i(5), i(3)]],
  ["%*d|", [i(-5), i(3)]],
  ["%.*f", [i(2), f("3.14159")]],
  ["%*d", [s("x"), i(3)]],
  ["%.*d", [f(1), i(3)]],
  ["%.*d", [i(-1), i(3)]],
  ["%*d", [i(1000001), i(3)]],
  ["%[1]d %[1]x %[1]o", [i(64)]],
  ["%[2]d", [i(1)]],
  ["%[1]", [i(1)]],
  ["%.", [i(1)]],
  ["%3.", [i(1)]],
  ["%v %v", [nil, missing]],
  ["%s", [nil]],
  ["%d", [missing]],
  ["%T", [nil]],
  ["%T %T %T %T %T", [i(1), f(1), s(""), b(false), j([])]],
  ["%T %T", [j({}), j([1])]],
  ["%s|%v|%d", [j([]), j({}), j([])]],
  ["%ä", [i(1)]],
  ["%☃", [s("x")]],
  ["%-+#0 d", [i(5)]],
  ["%0-5d|", [i(5)]],
  ["%-05d|", [i(5)]],
  ["%v", [j([[], {}, [null]])]],
  ["%s", [j([1.5, "x", true, null])]],
  ["%#v", [j([1, "x", null, { k: [true] }])]],
  ["%+v", [j({ a: [1] })]],
  ["%v", [j({ "": 1, " ": 2, A: 3, a: 4, "☃": 5, é: 6 })]],
  ["%.2f", [j([1, 2.345])]],
  ["%e", [j({ x: 1 })]],
];
for (const [format, args] of argCases) add({ kind: "printf", format, args });

// ---- widths and flags inside composites, nils, odd verbs ----------------------------------------
const composite = [
  ["%5v|", [j([null, 1])]],
  ["%5v|", [nil]],
  ["%-7v|", [nil]],
  ["%5d|", [j([1, null])]],
  ["%5s|", [j({ a: null })]],
  ["%08.3v", [j([1.5, -2])]],
  ["%+v", [j([1, -1])]],
  ["%+d", [j([1, -1])]],
  ["% d", [j([1, -1])]],
  ["%x", [j([-1, 0.5])]],
  ["%#x", [j(["ab", 10])]],
  ["%q", [j({ k: "v\n" })]],
  ["%#q", [j(["a`b", "ab"])]],
  ["%.1f", [j({ a: [1.25, 1.35] })]],
  ["%t", [j([true, 1])]],
  ["%6.2f|%-6.2f|", [f(-0.005), f(0.005)]],
  ["%e", [i(5)]],
  ["%f", [b(true)]],
  ["%s", [f(-0)]],
  ["%d", [f(-0)]],
  ["%v %v", [f(-0), f("-Inf")]],
  ["%+.0e", [f(0)]],
  ["%#.0e", [f(5)]],
  ["%#x", [f(0)]],
  ["%#b", [f(2)]],
  ["%.3g|%.3G", [f(0.0001234), f(1.234e-7)]],
  ["%g", [f(1e-5)]],
  ["%g", [f(100000)]],
  ["%G", [f(1e21)]],
  ["%#g", [f(0.0001234)]],
  ["%#.2g", [f(123)]],
  ["%#v", [f(1e-7)]],
  ["%10.3e|", [f("NaN")]],
  ["%-10f|", [f("+Inf")]],
  ["%010f", [f("-Inf")]],
  ["% 010.2f", [f(3)]],
  ["%+010.2f", [f(-3)]],
  ["%-010.2f|", [f(3)]],
  ["%010s|", [j(["a"])]],
  ["%U", [j([65])]],
  ["%c", [j([65])]],
  ["%c|%c", [i(0), i(55296)]],
  ["%q", [i(1114111)]],
  ["%+q", [i(127)]],
  ["%v", [s("")]],
  ["%q", [s("")]],
  ["%#q", [s("")]],
  ["%5q|", [s("")]],
  ["%.0s|", [s("abc")]],
  ["%.10s|", [s("ab")]],
  ["%x", [s("é")]],
  ["% X", [s("é☃")]],
  ["%.2q", [s("héllo")]],
  ["%T", [j([[1]])]],
  ["%v", [j([[], [[]], {}])]],
  ["%d%%", [i(50)]],
  ["%[1]*d|", [i(4)]],
  ["%[1]*.[1]*[1]d|", [i(3)]],
  ["%[2]*[1]d|", [i(1), i(4)]],
  ["%*[2]d|", [i(4), i(1)]],
  ["%[1]d%[3]d", [i(1), i(2), i(3)]],
  ["%[5]d", [i(1)]],
  ["%[-1]d", [i(1)]],
  ["%[99999999999]d", [i(1)]],
  ["%.*s|", [i(2), s("abc")]],
  ["%.[2]*[1]s|", [s("abc"), i(1)]],
  ["%-*s|", [i(4), s("ab")]],
  ["%*s|", [b(true), s("ab")]],
  ["%9999999d", [i(1)]],
];
for (const [format, args] of composite) add({ kind: "printf", format, args });

// ---- float shortest formatting (%v and friends) over interesting values -----------------------
const floats = [
  0,
  -0,
  1,
  -1,
  0.1,
  0.2,
  0.30000000000000004,
  1.5,
  100,
  123456,
  999999,
  1e6,
  1234567,
  20240101,
  1e20,
  1e21,
  1e22,
  123456789012345680000,
  0.0001,
  0.00001,
  0.000123,
  1e-7,
  1.5e-7,
  5e-324,
  2.2250738585072014e-308,
  1.7976931348623157e308,
  "9007199254740993",
  4.35,
  0.1 + 0.7,
  3.0e-5,
  1e100,
  12345.6789,
  -0.000001,
  255.255,
  2 ** 53,
  2 ** 63,
  1 / 3,
  2 / 3,
  100000.5,
];
for (const x of floats) {
  const d = { f: Object.is(x, -0) ? "-0" : String(x) };
  for (const verb of ["%v", "%g", "%e", "%f", "%.3g", "%.3e", "%G"]) add({ kind: "printf", format: verb, args: [d] });
}

// ---- Sprint, Sprintln and template printing ---------------------------------------------------
const printArgs = [
  [s("a"), i(1), i(2), s("b")],
  [i(1), i(2)],
  [s("a"), s("b")],
  [f(1.5), s("x"), f(2)],
  [nil, nil],
  [missing],
  [j([1, 2]), j({ a: 1 })],
  [b(true), b(false)],
  [s(""), i(1), s("")],
  [],
];
for (const args of printArgs) {
  add({ kind: "print", args });
  add({ kind: "println", args });
}
const values = [
  missing,
  j(null),
  i(7),
  f(1e6),
  f(2.5),
  f("-Inf"),
  s("text"),
  b(false),
  j({ a: null, b: [], c: {}, d: [null, [1, [2]]], e: "x y" }),
  j([{ b: 2, a: 1 }, "s", 1e21, 0.000001]),
  j({ z: 1, y: { x: { w: "deep" } } }),
  j([]),
  j({}),
];
for (const v of values) add({ kind: "value", args: [v] });

// ---- int64 data (how --set and Go code see integers) -------------------------------------------
const int64Data = [[1, 2, 3], { a: 10, b: -2, c: 2.5 }, "[9007199254740993]", { n: 1000000 }];
for (const d of int64Data) {
  add({ kind: "value", numbers: "int64", args: [j(d)] });
  add({ kind: "printf", numbers: "int64", format: "%d|%v|%x", args: [j(d), j(d), j(d)] });
  add({ kind: "json", numbers: "int64", args: [j(d)] });
}

// ---- truthiness -----------------------------------------------------------------------------
for (const v of [
  missing,
  i(0),
  i(1),
  f(0),
  f(-0),
  f(0.5),
  f("NaN"),
  s(""),
  s("0"),
  s("false"),
  b(false),
  b(true),
  j([]),
  j([0]),
  j({}),
  j({ a: null }),
  j(null),
]) {
  add({ kind: "truth", args: [v] });
}

// ---- type and kind names ----------------------------------------------------------------------
for (const v of [nil, i(1), f(1), s("x"), b(true), j([1]), j({ a: 1 }), j([])]) {
  add({ kind: "typeOf", args: [v] });
  add({ kind: "kindOf", args: [v] });
}

// ---- spf13/cast conversions as Sprig uses them -------------------------------------------------
const castOps = [
  s("42"),
  s("-42"),
  s("0x10"),
  s("0X1f"),
  s("010"),
  s("08"),
  s("0b101"),
  s("0o17"),
  s("1_000"),
  s("1.0"),
  s("1.00"),
  s("1.5"),
  s(" 5"),
  s("5 "),
  s(""),
  s("abc"),
  s("+7"),
  s("1e3"),
  s("9223372036854775807"),
  s("9223372036854775808"),
  s("-9223372036854775808"),
  s(".5"),
  s("1."),
  s("Inf"),
  s("-inf"),
  s("nan"),
  s("NaN"),
  s("0x1p-2"),
  s("1_0.5"),
  s("_1"),
  s("true"),
  f(3.99),
  f(-3.99),
  f(1e19),
  f(-1e19),
  f("NaN"),
  f(0.5),
  i(7),
  b(true),
  b(false),
  nil,
  j([1]),
  j({ a: 1 }),
];
for (const v of castOps) {
  for (const fn of ["int64", "int", "float64"]) add({ kind: "cast", fn, args: [v] });
}
for (const v of [s("42"), s("-1"), s("x"), s("1.5"), s(" 1"), s("0x10"), s("010"), s("99999999999999999999"), s("")]) {
  add({ kind: "cast", fn: "atoi", args: [v] });
}
for (const v of [s("x"), i(1), f(1.5), f(1e6), b(true), nil, j([1, "a"]), j({ a: 1 })]) {
  add({ kind: "cast", fn: "toString", args: [v] });
}

// ---- encoding/json ------------------------------------------------------------------------------
const jsonValues = [
  s('<a href="x">&\'</a>'),
  s("\u2028\u2029\u0000\u001f\u007f\ud83d\ude00é"),
  s('tab\t nl\n cr\r bs\\ q" bsp\b ff\f'),
  f(1e20),
  f(1e21),
  f(1e-6),
  f(1e-7),
  f(0.1),
  f(-0),
  f(123456789),
  f(1.5e300),
  f(5e-324),
  f(100),
  f(0.000001234),
  f("NaN"),
  f("+Inf"),
  f("-Inf"),
  i(42),
  i(-1),
  b(true),
  nil,
  j({ b: 1, a: [1, "x", null, true, { z: {}, y: [] }], "<": ">" }),
  j([]),
  j({}),
  j({ "\u00e9": 1, e: 2, E: 3, "": 4 }),
  j([[[]]]),
];
for (const v of jsonValues) {
  add({ kind: "json", args: [v] });
  add({ kind: "rawJson", args: [v] });
  add({ kind: "prettyJson", args: [v] });
}

const jsonTexts = [
  '{"a":1,"b":[1,2.5,"x",null,true,false],"c":{"d":{}}}',
  '{"n":1e400}',
  '{"n":-0}',
  '{"n":1E+2,"m":0.1e-2}',
  '{"s":"\\u00e9\\ud83d\\ude00\\n\\/"}',
  '{"s":"\\ud800"}',
  " { } ",
  '{"a":1}x',
  '{"a":1,}',
  "{",
  "",
  "x",
  "[1,2]",
  '"str"',
  "{'a':1}",
  '{"a":01}',
  '{"a":1.}',
  '{"a":-}',
  '{"a":tru}',
  '{"a" 1}',
  '{"a":"\t"}',
  '{"a":"\\x"}',
  '{"a":[1 2]}',
  '{"a":1}{"b":2}',
  '{"a":1e}',
  '{"a":.5}',
  '{"a":+1}',
  '{"a":"x',
  '{"a":nul}',
  '{"a":1,"a":2}',
  '{"a":{"b":1},"a":{"c":2}}',
  '{"a":123456789012345678901234567890}',
  "\ufeff{}",
  '{"a":"\u0001"}',
];
for (const t of jsonTexts) add({ kind: "fromJson", args: [s(t)] });
for (const t of ["[1,2]", "[]", '[{"a":1}]', "{}", "[1,", "1", "[1]]"]) add({ kind: "fromJsonArray", args: [s(t)] });
// Go's decoder allows 10000 nested containers.
add({ kind: "fromJsonArray", args: [s(`${"[".repeat(10001)}${"]".repeat(10001)}`)] });

export { cases };

// ---- cases only Helm can answer: []byte operands come from .Files.GetBytes -----------------------
const bytes = (text) => ({ bytes: Buffer.from(text, "utf8").toString("base64") });
const rawBytes = (arr) => ({ bytes: Buffer.from(arr).toString("base64") });
const list = (...xs) => ({ list: xs });
const helmCases = [];
const hi = bytes("hi");
for (const verb of [
  "%v",
  "%s",
  "%q",
  "%x",
  "%X",
  "% x",
  "%#x",
  "%#v",
  "%T",
  "%d",
  "%c",
  "%5v",
  "%.1s",
  "%o",
  "%t",
  "%+q",
]) {
  helmCases.push({ kind: "printf", format: verb, args: [hi] });
  helmCases.push({ kind: "printf", format: verb, args: [list(hi, s("x"))] });
}
helmCases.push({
  kind: "printf",
  format: "%x|%v|%d",
  args: [rawBytes([0, 255, 128]), rawBytes([0, 255, 128]), rawBytes([])],
});
helmCases.push({ kind: "printf", format: "%s|%v|%x", args: [bytes(""), bytes(""), bytes("")] });
for (const v of [hi, list(hi), bytes("")]) {
  helmCases.push({ kind: "value", args: [v] });
  helmCases.push({ kind: "print", args: [v, v] });
  helmCases.push({ kind: "truth", args: [v] });
  helmCases.push({ kind: "typeOf", args: [v] });
  helmCases.push({ kind: "kindOf", args: [v] });
  helmCases.push({ kind: "json", args: [v] });
  helmCases.push({ kind: "prettyJson", args: [v] });
  helmCases.push({ kind: "cast", fn: "toString", args: [v] });
}
helmCases.push({ kind: "json", args: [rawBytes([0, 255, 128, 62, 63])] });
// Sprig 3.3 / Helm 4 functions the oracle lacks, over the same operands.
for (const v of [f(1e6), i(3), s("x"), j({ a: [1, 2] }), j([]), nil]) {
  helmCases.push({ kind: "value", args: [list(v, v)] });
}

// A struct (Helm 4's common.KubeVersion): String() has a pointer receiver, so a template printing
// the field directly gets String(), while printf's copy prints the fields.
const kube = { kubeVersion: true };
for (const verb of ["%v", "%s", "%q", "%x", "%X", "%10v", "%-10s", "%T", "%.3s", "%#v", "%+v", "%d", "%t"]) {
  helmCases.push({ kind: "printf", format: verb, args: [kube] });
}
helmCases.push({ kind: "value", args: [kube] });
helmCases.push({ kind: "value", args: [list(kube, i(1))] });
helmCases.push({ kind: "print", args: [kube, kube] });
helmCases.push({ kind: "printf", format: "%s", args: [list(kube)] });
helmCases.push({ kind: "truth", args: [kube] });
helmCases.push({ kind: "typeOf", args: [kube] });
helmCases.push({ kind: "kindOf", args: [kube] });

export { helmCases };
