#!/usr/bin/env node
// Regenerates packages/core/test/govalue/fixtures/go-cases.json: strconv, spf13/cast and
// encoding/json calls answered by Go itself through go-oracle/main.go (Debian's Go and the same
// cast 1.5 package gotmpl-oracle is built from). Development time only:
//   node scripts/govalue/gen-go-fixtures.mjs        (GO_BIN, GOPATH_DIR to override)
// Go 1.19's json writes \b and \f as \u0008/\u000c where Helm's Go 1.25 writes \b and \f: no
// case here encodes those characters (the template fixtures, checked by Helm, cover them).
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, "../../packages/core/test/govalue/fixtures/go-cases.json");

const S = (v) => ({ t: "string", v });
const F = (v) => ({ t: "float64", v: String(v) });
const I = (v) => ({ t: "int", v: String(v) });
const B = (v) => ({ t: "bool", v });
const NIL = { t: "nil" };
const J = (v) => ({ t: "json", v: typeof v === "string" ? v : JSON.stringify(v) });

const calls = [];
const call = (fn, ...args) => calls.push({ fn, args });

// strconv.ParseFloat: Go's syntax, specials and errors.
for (const s of [
  "1",
  "-1.5",
  "+2",
  ".5",
  "5.",
  "1e3",
  "1E-3",
  "1e+3",
  "1e",
  "e1",
  "1.5e",
  "0x1p-2",
  "0X1.8P1",
  "0x1.8",
  "0x.8p1",
  "0xp1",
  "1_000",
  "1__0",
  "_1",
  "1_",
  "0x_1p0",
  "1_0.5_0",
  "Inf",
  "+Inf",
  "-inf",
  "infinity",
  "-Infinity",
  "infin",
  "NaN",
  "nan",
  "+NaN",
  "-nan",
  "1e400",
  "-1e400",
  "1e-400",
  "4.9e-324",
  "2e-324",
  "",
  " 1",
  "1 ",
  "1.2.3",
  "--1",
  "0x",
  "0b101",
  "0o17",
  "017",
  "1e+308",
  "1.7976931348623159e308",
  "123456789012345678901234567890",
  "0.1e-999999999999",
  "9007199254740993",
  "0x1fffffffffffff8p0",
]) {
  call("ParseFloat", S(s));
}

// strconv.ParseInt / ParseUint / Atoi.
for (const s of [
  "0",
  "42",
  "-42",
  "+42",
  "",
  "-",
  "+",
  "0x1F",
  "0X1f",
  "-0x10",
  "0b101",
  "0B11",
  "0o17",
  "0O17",
  "017",
  "08",
  "0_1",
  "1_000",
  "1__000",
  "_1",
  "1_",
  "0x_1F",
  "0x",
  "0b",
  "9223372036854775807",
  "9223372036854775808",
  "-9223372036854775808",
  "-9223372036854775809",
  "18446744073709551615",
  "18446744073709551616",
  "99999999999999999999x",
  "12a",
  " 1",
  "1.0",
  "0xFFFFFFFFFFFFFFFFF",
]) {
  call("ParseInt", S(s), I(0), I(64));
  call("ParseUint", S(s), I(0), I(64));
}
for (const [s, base, bits] of [
  ["ff", 16, 64],
  ["FF", 16, 8],
  ["-129", 10, 8],
  ["127", 10, 8],
  ["255", 10, 8],
  ["z", 36, 64],
  ["10", 1, 64],
  ["10", 37, 64],
  ["10", 10, 65],
  ["1_0", 10, 64],
  ["777", 8, 32],
  ["-2147483649", 10, 32],
]) {
  call("ParseInt", S(s), I(base), I(bits));
  call("ParseUint", S(s), I(base), I(bits));
}
for (const s of [
  "42",
  "-42",
  "+42",
  "",
  "x",
  "1.5",
  " 1",
  "0x10",
  "010",
  "9223372036854775807",
  "9223372036854775808",
  "-9223372036854775809",
  "99999999999999999999",
]) {
  call("Atoi", S(s));
}

// strconv.FormatFloat over formats and precisions.
const floats = [
  "0",
  "-0",
  "1",
  "-1",
  "0.1",
  "0.5",
  "1.5",
  "2.5",
  "3.5",
  "0.125",
  "0.375",
  "1e6",
  "123456789",
  "1e21",
  "1e22",
  "1e-7",
  "1.5e-7",
  "5e-324",
  "1.7976931348623157e308",
  "2.2250738585072014e-308",
  "9007199254740993",
  "1.005",
  "0.3",
  "100",
  "1234.5678",
  "-0.000123456",
  "6.02214076e23",
  "1e100",
  "33.333333333333336",
];
for (const x of floats) {
  for (const f of ["e", "E", "f", "g", "G"])
    for (const p of [-1, 0, 1, 3, 6, 17, 25]) call("FormatFloat", F(x), S(f), I(p));
  for (const f of ["b", "x", "X"]) for (const p of [-1, 0, 2, 13, 15]) call("FormatFloat", F(x), S(f), I(p));
}
for (const x of ["NaN", "+Inf", "-Inf"])
  for (const f of ["e", "f", "g", "b", "x"]) call("FormatFloat", F(x), S(f), I(-1));

// float32 values (YAML's float32 fields and messages print them so).
for (const x of [
  ...floats,
  "0.2",
  "16777217",
  "3.4028235e38",
  "1e-45",
  "1.17549435e-38",
  "0.3333333333",
  "7.038531e-26",
]) {
  for (const f of ["g", "e", "f"]) for (const p of [-1, 3]) call("FormatFloat32", F(x), S(f), I(p));
  call("FormatFloat32", F(x), S("b"), I(-1));
  call("FormatFloat32", F(x), S("x"), I(-1));
}

// strconv quoting.
for (const s of [
  "",
  "abc",
  'a"b',
  "a\\b",
  "a'b",
  "a`b",
  "\u0000\u0001\u0007\u0008\u0009\u000a\u000b\u000c\u000d\u001b\u007f",
  "é☃\u00a0\u00ad\u200b\u2028\ufeff\ufffd",
  "\ud83d\ude00",
  "\u{10ffff}",
  "tab\tonly",
  "\u0085",
]) {
  call("Quote", S(s));
  call("QuoteToASCII", S(s));
  call("CanBackquote", S(s));
}
for (const r of [97, 39, 34, 92, 10, 0, 127, 233, 9731, 128512, 0xd800, 0x110000, -1, 0xfeff, 0xad])
  call("QuoteRune", I(r));

// spf13/cast 1.5.
const castOperands = [
  S("1"),
  S("0"),
  S("t"),
  S("T"),
  S("TRUE"),
  S("True"),
  S("tRuE"),
  S("yes"),
  S("f"),
  S("FALSE"),
  S(""),
  S("2"),
  S("0x10"),
  S("010"),
  S("08"),
  S("1.0"),
  S("1.50"),
  S("-1.0"),
  S("1e3"),
  S(" 1"),
  S("abc"),
  S("1_000"),
  I(0),
  I(1),
  I(-5),
  F(0),
  F(1.5),
  F(-2.7),
  F("1e6"),
  F("1e21"),
  F("0.1"),
  F("NaN"),
  F("+Inf"),
  F("1e19"),
  B(true),
  B(false),
  NIL,
  J([1, "a"]),
  J({ a: 1 }),
  J("[]"),
];
for (const v of castOperands)
  for (const fn of ["ToBoolE", "ToStringE", "ToInt64E", "ToIntE", "ToFloat64E"]) call(fn, v);

// encoding/json decoding errors and results.
const texts = [
  "",
  " ",
  "x",
  "nul",
  "nulll",
  "tru",
  "t",
  "falsy",
  "1",
  "-",
  "-x",
  "01",
  "1.",
  "1.x",
  "1e",
  "1e+",
  "1ex",
  ".5",
  "+1",
  "1 2",
  "[1 2]",
  "[1,]",
  "[,1]",
  "[1",
  "[",
  "]",
  "{",
  "}",
  "{1:2}",
  '{"a"}',
  '{"a":}',
  '{"a":1',
  '{"a":1,}',
  '{"a":1 "b":2}',
  '{"a" 1}',
  "{'a':1}",
  '"abc',
  '"a\\',
  '"\\x"',
  '"\\u12"',
  '"\\u12g4"',
  '"\t"',
  '"\u0001"',
  '"\u007f"',
  '"é"',
  '"\\ud83d\\ude00"',
  '"\\ud83d"',
  '"\\ude00\\ud83d"',
  '"\\ud83dx"',
  "\ufeff1",
  "é",
  "[1]x",
  "{}{}",
  "1e400",
  '{"a":1e400,"b":2}',
  "[1e400,2]",
  "[-0, 0.0, 1E2, 123456789012345678901]",
  '{"b":1,"a":{"c":[true,false,null]}}',
  '{"a":1,"a":2}',
  '{"__proto__":1,"constructor":2}',
  "null",
  '"str"',
  "[]",
  "{}",
  "true",
];
for (const t of texts) {
  call("Unmarshal", S(t));
  call("UnmarshalMap", S(t));
  call("UnmarshalSlice", S(t));
}

// encoding/json MarshalIndent prefixes and indents.
for (const v of [J({ a: [1, { b: null }], c: {}, d: [] }), J([]), J({}), J("1"), J([[1, 2], "x"]), S("<&>")]) {
  for (const [p, ind] of [
    ["", ""],
    ["", "  "],
    ["> ", "\t"],
    ["#", ""],
    ["", "--"],
  ])
    call("MarshalIndent", v, S(p), S(ind));
}

const goBin = process.env.GO_BIN ?? "go";
const cache = mkdtempSync(join(tmpdir(), "govalue-gocache-"));
try {
  const res = execFileSync(goBin, ["run", join(here, "go-oracle", "main.go")], {
    input: JSON.stringify(calls),
    env: { ...process.env, GO111MODULE: "off", GOPATH: process.env.GOPATH_DIR ?? "/usr/share/gocode", GOCACHE: cache },
    maxBuffer: 1 << 28,
  });
  const lines = res.toString("utf8").trim().split("\n");
  if (lines.length !== calls.length) throw new Error(`go-oracle answered ${lines.length} of ${calls.length} calls`);
  const fixtures = calls.map((c, n) => ({ ...c, expect: JSON.parse(lines[n]) }));
  writeFileSync(out, `${JSON.stringify(fixtures, null, 1)}\n`);
  console.log(`wrote ${fixtures.length} cases to ${out}`);
} finally {
  rmSync(cache, { recursive: true, force: true });
}
