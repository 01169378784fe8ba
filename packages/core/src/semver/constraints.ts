/**
 * Masterminds/semver v3's Constraints as Helm 4.1.4 uses them (kubeVersion, `--version`
 * ranges, Sprig's semverCompare): hyphen ranges, `||` alternatives of `,`/space
 * conjunctions, `^ ~ x X *` wildcards, and "a prerelease only satisfies a constraint that
 * names one". Error texts are the library's.
 */
import { comparePrerelease, compareVersions, parseVersion, SemverError, type Version } from "./version.js";

export interface Constraint {
  readonly op: string;
  readonly con: Version;
  readonly minorDirty: boolean;
  readonly patchDirty: boolean;
  readonly dirty: boolean;
}

/** Alternatives (`||`), each a conjunction. */
export type Constraints = readonly (readonly Constraint[])[];

// The library's patterns, with Go's `\s` ([\t\n\f\r ]) spelt out: JS's `\s` also takes
// \v and Unicode spaces. The operators keep Go's order: Go's regexp prefers the leftmost
// alternative as a backtracking engine does, so JS finds the same matches.
const S = String.raw`[\t\n\f\r ]`;
const CV = String.raw`v?([0-9|x|X|\*]+)(\.[0-9|x|X|\*]+)?(\.[0-9|x|X|\*]+)?(-([0-9A-Za-z\-]+(\.[0-9A-Za-z\-]+)*))?(\+([0-9A-Za-z\-]+(\.[0-9A-Za-z\-]+)*))?`;
const OPS = String.raw`=||!=|>|<|>=|=>|<=|=<|~|~>|\^`;
const CONSTRAINT_RE = new RegExp(`^${S}*(${OPS})${S}*(${CV})${S}*$`);
const RANGE_RE = new RegExp(`${S}*(${CV})${S}+-${S}+(${CV})${S}*`, "g");
const FIND_RE = new RegExp(`(${OPS})${S}*(${CV})`, "g");
const VALID_RE = new RegExp(`^(${S}*(${OPS})${S}*(${CV})${S}*)((?:${S}+|,${S}*)(${OPS})${S}*(${CV})${S}*)*$`);

const isX = (x: string | undefined) => x === "x" || x === "*" || x === "X";

function parseConstraint(c: string): Constraint {
  if (c.length === 0) {
    return { op: "", con: parseVersion("0.0.0"), minorDirty: false, patchDirty: false, dirty: true };
  }
  const m = CONSTRAINT_RE.exec(c);
  if (!m) throw new SemverError(`improper constraint: ${c}`);
  // Groups: 1 op, 2 version, 3 major, 4 .minor, 5 .patch, 6 -pre (with dash)
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
  let con: Version;
  try {
    con = parseVersion(ver);
  } catch {
    throw new SemverError("constraint Parser Error");
  }
  return { op, con, minorDirty, patchDirty, dirty };
}

/** semver.NewConstraint; throws SemverError. */
export function parseConstraints(c: string): Constraints {
  let rewritten = c;
  for (const m of c.matchAll(RANGE_RE)) {
    // Like Go's strings.Replace(o, match, t, 1); semver 3.2.1+ ends the rewrite with a
    // space, so a following constraint stays separate.
    rewritten = rewritten.replace(m[0], () => `>= ${m[1]}, <= ${m[11]} `);
  }
  return rewritten.split("||").map((part) => {
    if (!VALID_RE.test(part)) throw new SemverError(`improper constraint: ${part}`);
    const found = [...part.matchAll(FIND_RE)].map((m) => m[0]);
    return (found.length > 0 ? found : [part]).map(parseConstraint);
  });
}

/** semver.NewConstraint where only success matters. */
export function tryParseConstraints(c: string): Constraints | SemverError {
  try {
    return parseConstraints(c);
  } catch (e) {
    if (e instanceof SemverError) return e;
    throw e;
  }
}

/** Constraints.Check. */
export function satisfies(v: Version, cs: Constraints): boolean {
  return cs.some((and) => and.every((c) => check(v, c)));
}

function tilde(v: Version, c: Constraint): boolean {
  if (compareVersions(v, c.con) < 0) return false;
  if (c.con.major === 0n && c.con.minor === 0n && c.con.patch === 0n && !c.minorDirty && !c.patchDirty) return true;
  if (v.major !== c.con.major) return false;
  if (v.minor !== c.con.minor && !c.minorDirty) return false;
  return true;
}

function caret(v: Version, c: Constraint): boolean {
  if (compareVersions(v, c.con) < 0) return false;
  if (c.con.major > 0n || c.minorDirty) return v.major === c.con.major;
  if (c.con.major === 0n && v.major > 0n) return false;
  if (c.con.minor > 0n || c.patchDirty) return v.minor === c.con.minor;
  if (c.con.minor === 0n && v.minor > 0n) return false;
  return c.con.patch === v.patch;
}

function notEqual(v: Version, c: Constraint, preBlocked: boolean): boolean {
  if (c.dirty) {
    if (preBlocked) return false;
    if (c.con.major !== v.major) return true;
    if (c.con.minor !== v.minor && !c.minorDirty) return true;
    if (c.minorDirty) return false;
    if (c.con.patch !== v.patch && !c.patchDirty) return true;
    if (c.patchDirty) {
      if (v.pre !== "" || c.con.pre !== "") return comparePrerelease(v.pre, c.con.pre) !== 0;
      return false;
    }
  }
  return compareVersions(v, c.con) !== 0;
}

function check(v: Version, c: Constraint): boolean {
  // A prerelease version only matches constraints that mention a prerelease.
  const preBlocked = v.pre !== "" && c.con.pre === "";
  switch (c.op) {
    case "":
    case "=":
      if (preBlocked) return false;
      return c.dirty ? tilde(v, c) : compareVersions(v, c.con) === 0;
    case "!=":
      return notEqual(v, c, preBlocked);
    case ">":
      if (preBlocked) return false;
      if (!c.dirty) return compareVersions(v, c.con) > 0;
      if (v.major > c.con.major) return true;
      if (v.major < c.con.major) return false;
      if (c.minorDirty) return false;
      if (c.patchDirty) return v.minor > c.con.minor;
      return compareVersions(v, c.con) > 0;
    case "<":
      return !preBlocked && compareVersions(v, c.con) < 0;
    case ">=":
    case "=>":
      return !preBlocked && compareVersions(v, c.con) >= 0;
    case "<=":
    case "=<":
      if (preBlocked) return false;
      if (!c.dirty) return compareVersions(v, c.con) <= 0;
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
