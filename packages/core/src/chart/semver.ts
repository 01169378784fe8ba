/**
 * The parts of Masterminds/semver v3 the loader needs: `NewVersion` (Chart.yaml's version
 * must parse) and `NewConstraint(...).Check` (Chart.yaml's kubeVersion). Semantics follow
 * that library, quirks included: partial versions (`1`, `1.2`), a leading `v`, wildcard
 * constraints, hyphen ranges, and "a prerelease only satisfies a constraint that names one".
 */

export interface SemVersion {
  readonly major: bigint;
  readonly minor: bigint;
  readonly patch: bigint;
  readonly pre: string;
  readonly metadata: string;
  readonly original: string;
}

const VERSION_RE =
  /^v?([0-9]+)(\.[0-9]+)?(\.[0-9]+)?(-([0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*))?(\+([0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*))?$/;

const MAX_U64 = (1n << 64n) - 1n;

/** Masterminds' NewVersion; returns an error text instead of throwing. */
export function parseSemver(v: string): SemVersion | string {
  const m = VERSION_RE.exec(v);
  if (!m) return "Invalid Semantic Version";
  const seg = (s: string | undefined): bigint | string => {
    const n = BigInt((s ?? "0").replace(/^\./, "") || "0");
    return n > MAX_U64 ? `Error parsing version segment: ${s}` : n;
  };
  const major = seg(m[1]);
  const minor = seg(m[2]);
  const patch = seg(m[3]);
  if (typeof major === "string") return major;
  if (typeof minor === "string") return minor;
  if (typeof patch === "string") return patch;
  const pre = m[5] ?? "";
  const metadata = m[8] ?? "";
  if (pre !== "") {
    for (const p of pre.split(".")) {
      if (/^[0-9]+$/.test(p) && p.length > 1 && p.startsWith("0")) return "Version segment starts with 0";
    }
  }
  return { major, minor, patch, pre, metadata, original: v };
}

export function isValidSemver(v: string): boolean {
  return typeof parseSemver(v) !== "string";
}

function cmpBig(a: bigint, b: bigint): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Masterminds' Version.Compare (metadata ignored). */
export function compareSemver(a: SemVersion, b: SemVersion): number {
  return (
    cmpBig(a.major, b.major) || cmpBig(a.minor, b.minor) || cmpBig(a.patch, b.patch) || comparePrerelease(a.pre, b.pre)
  );
}

function comparePrerelease(a: string, b: string): number {
  if (a === b) return 0;
  if (a === "") return 1;
  if (b === "") return -1;
  const x = a.split(".");
  const y = b.split(".");
  const n = Math.max(x.length, y.length);
  for (let i = 0; i < n; i++) {
    const p = x[i] ?? "";
    const q = y[i] ?? "";
    const c = comparePrePart(p, q);
    if (c !== 0) return c;
  }
  return 0;
}

function comparePrePart(a: string, b: string): number {
  if (a === b) return 0;
  if (a === "") return b !== "" ? -1 : 1;
  if (b === "") return a !== "" ? 1 : -1;
  const an = /^[0-9]+$/.test(a);
  const bn = /^[0-9]+$/.test(b);
  if (an && bn) return cmpBig(BigInt(a), BigInt(b));
  if (an) return -1;
  if (bn) return 1;
  return a > b ? 1 : -1;
}

interface Constraint {
  readonly op: string;
  readonly con: SemVersion;
  readonly minorDirty: boolean;
  readonly patchDirty: boolean;
  readonly dirty: boolean;
}

const CV = String.raw`v?([0-9|x|X|\*]+)(\.[0-9|x|X|\*]+)?(\.[0-9|x|X|\*]+)?(-([0-9A-Za-z\-]+(\.[0-9A-Za-z\-]+)*))?(\+([0-9A-Za-z\-]+(\.[0-9A-Za-z\-]+)*))?`;
// Longest operators first so that JS alternation picks what Go's backtracking ends with.
const OPS = ["!=", ">=", "=>", "<=", "=<", "~>", "=", ">", "<", "~", "^", ""].map((o) => o.replace(/[\^]/g, "\\^"));
const OPS_RE = OPS.join("|");
const CONSTRAINT_RE = new RegExp(String.raw`^\s*(${OPS_RE})\s*(${CV})\s*$`);
const RANGE_RE = new RegExp(String.raw`\s*(${CV})\s+-\s+(${CV})\s*`, "g");
const FIND_RE = new RegExp(String.raw`(${OPS_RE})\s*(${CV})`, "g");
const VALID_RE = new RegExp(String.raw`^(\s*(${OPS_RE})\s*(${CV})\s*)((?:\s+|,\s*)(${OPS_RE})\s*(${CV})\s*)*$`);

const isX = (s: string) => s === "x" || s === "X" || s === "*";

function parseConstraint(c: string): Constraint | string {
  if (c.length === 0) {
    const con = parseSemver("0.0.0") as SemVersion;
    return { op: "", con, minorDirty: false, patchDirty: false, dirty: true };
  }
  const m = CONSTRAINT_RE.exec(c);
  if (!m) return `improper constraint: ${c}`;
  const op = m[1] ?? "";
  const major = m[3] ?? "";
  const minor = m[4] ?? "";
  const patch = m[5] ?? "";
  const pre = m[6] ?? "";
  let ver = m[2] ?? "";
  let minorDirty = false;
  let patchDirty = false;
  let dirty = false;
  if (isX(major) || major === "") {
    ver = `0.0.0${pre}`;
    dirty = true;
  } else if (isX(minor.replace(/^\./, "")) || minor === "") {
    minorDirty = true;
    dirty = true;
    ver = `${major}.0.0${pre}`;
  } else if (isX(patch.replace(/^\./, "")) || patch === "") {
    dirty = true;
    patchDirty = true;
    ver = `${major}${minor}.0${pre}`;
  }
  const con = parseSemver(ver);
  if (typeof con === "string") return "constraint Parser Error";
  return { op, con, minorDirty, patchDirty, dirty };
}

/** Masterminds' NewConstraint: or-groups of and-ed constraints, or an error text. */
export function parseConstraints(input: string): Constraint[][] | string {
  const c = input.replace(RANGE_RE, (_all, lo: string, ...rest: unknown[]) => `>= ${lo}, <= ${rest[9] as string} `);
  const groups: Constraint[][] = [];
  for (const part of c.split("||")) {
    if (!VALID_RE.test(part)) return `improper constraint: ${part}`;
    const found = part.match(FIND_RE) ?? [part];
    const group: Constraint[] = [];
    for (const s of found) {
      const pc = parseConstraint(s);
      if (typeof pc === "string") return pc;
      group.push(pc);
    }
    groups.push(group);
  }
  return groups;
}

/** Constraints.Check. */
export function satisfies(v: SemVersion, groups: Constraint[][]): boolean {
  return groups.some((g) => g.every((c) => check(v, c)));
}

function check(v: SemVersion, c: Constraint): boolean {
  // A prerelease version only matches constraints that mention a prerelease.
  const preBlocked = v.pre !== "" && c.con.pre === "";
  const cmp = compareSemver(v, c.con);
  switch (c.op) {
    case "":
    case "=":
      if (preBlocked) return false;
      return c.dirty ? tilde(v, c) : cmp === 0;
    case "!=":
      return notEqual(v, c);
    case ">":
      if (preBlocked) return false;
      if (!c.dirty) return cmp > 0;
      if (v.major > c.con.major) return true;
      if (v.major < c.con.major) return false;
      if (c.minorDirty) return false;
      if (c.patchDirty) return v.minor > c.con.minor;
      return cmp > 0;
    case "<":
      return !preBlocked && cmp < 0;
    case ">=":
    case "=>":
      return !preBlocked && cmp >= 0;
    case "<=":
    case "=<":
      if (preBlocked) return false;
      if (!c.dirty) return cmp <= 0;
      if (v.major > c.con.major) return false;
      if (v.major === c.con.major && v.minor > c.con.minor && !c.minorDirty) return false;
      return true;
    case "~":
    case "~>":
      return !preBlocked && tilde(v, c);
    case "^":
      return !preBlocked && caret(v, c);
    default:
      return false;
  }
}

function notEqual(v: SemVersion, c: Constraint): boolean {
  if (c.dirty) {
    if (v.pre !== "" && c.con.pre === "") return false;
    if (c.con.major !== v.major) return true;
    if (c.con.minor !== v.minor && !c.minorDirty) return true;
    if (c.minorDirty) return false;
    if (c.con.patch !== v.patch && !c.patchDirty) return true;
    if (c.patchDirty) {
      if (v.pre !== "" || c.con.pre !== "") return comparePrerelease(v.pre, c.con.pre) !== 0;
      return false;
    }
  }
  return compareSemver(v, c.con) !== 0;
}

function tilde(v: SemVersion, c: Constraint): boolean {
  if (compareSemver(v, c.con) < 0) return false;
  if (c.con.major === 0n && c.con.minor === 0n && c.con.patch === 0n && !c.minorDirty && !c.patchDirty) return true;
  if (v.major !== c.con.major) return false;
  if (v.minor !== c.con.minor && !c.minorDirty) return false;
  return true;
}

function caret(v: SemVersion, c: Constraint): boolean {
  if (compareSemver(v, c.con) < 0) return false;
  if (c.con.major > 0n || c.minorDirty) return v.major === c.con.major;
  if (c.con.major === 0n && v.major > 0n) return false;
  if (c.con.minor > 0n || c.patchDirty) return v.minor === c.con.minor;
  if (c.con.minor === 0n && v.minor > 0n) return false;
  return c.con.patch === v.patch;
}
