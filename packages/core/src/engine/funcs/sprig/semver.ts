/**
 * Masterminds/semver v3 as Sprig's semver/semverCompare use it: NewVersion's loose parsing
 * (v prefix, missing minor/patch), precedence with prereleases, and constraints with
 * ^ ~ x * hyphen ranges, `,`/space (and) and `||` (or). Errors carry semver's texts.
 */
import { GoError, type GoFunc, GoObject, type GoValue } from "../../../govalue/value.js";
import { goFunc } from "./gofunc.js";
import { compileRegexp, findAll } from "./re2.js";

const semVerRegex =
  "v?([0-9]+)(\\.[0-9]+)?(\\.[0-9]+)?(-([0-9A-Za-z\\-]+(\\.[0-9A-Za-z\\-]+)*))?(\\+([0-9A-Za-z\\-]+(\\.[0-9A-Za-z\\-]+)*))?";
const cvRegex =
  "v?([0-9|x|X|\\*]+)(\\.[0-9|x|X|\\*]+)?(\\.[0-9|x|X|\\*]+)?(-([0-9A-Za-z\\-]+(\\.[0-9A-Za-z\\-]+)*))?(\\+([0-9A-Za-z\\-]+(\\.[0-9A-Za-z\\-]+)*))?";
const ops = "=||!=|>|<|>=|=>|<=|=<|~|~>|\\^";

const versionRe = () => compileRegexp(`^${semVerRegex}$`);
const constraintRe = () => compileRegexp(`^\\s*(${ops})\\s*(${cvRegex})\\s*$`);
const rangeRe = () => compileRegexp(`\\s*(${cvRegex})\\s+-\\s+(${cvRegex})\\s*`);
const findConstraintRe = () => compileRegexp(`(${ops})\\s*(${cvRegex})`);
const validConstraintRe = () =>
  compileRegexp(`^(\\s*(${ops})\\s*(${cvRegex})\\s*)((?:\\s+|,\\s*)(${ops})\\s*(${cvRegex})\\s*)*$`);

const UINT64_MAX = (1n << 64n) - 1n;

function parseUint(s: string): bigint {
  const n = BigInt(s);
  if (n > UINT64_MAX) {
    throw new GoError(`Error parsing version segment: strconv.ParseUint: parsing "${s}": value out of range`);
  }
  return n;
}

const onlyDigits = (s: string) => /^[0-9]*$/.test(s);
const onlyAllowed = (s: string) => /^[0-9A-Za-z-]*$/.test(s);

export class SemVersion extends GoObject {
  readonly goType: string;
  constructor(
    readonly major: bigint,
    readonly minor: bigint,
    readonly patch: bigint,
    readonly pre: string,
    readonly metadata: string,
    readonly original: string,
    pointer = true,
  ) {
    super();
    this.goType = pointer ? "*semver.Version" : "semver.Version";
  }

  field(): GoValue | undefined {
    return undefined;
  }

  override hasField(name: string): boolean {
    return this.method(name) !== undefined;
  }

  override method(name: string): GoFunc | undefined {
    const other = (o: GoValue): SemVersion => {
      if (o instanceof SemVersion) return o;
      throw new GoError("runtime error: invalid memory address or nil pointer dereference");
    };
    switch (name) {
      case "Major":
        return goFunc([], () => this.major);
      case "Minor":
        return goFunc([], () => this.minor);
      case "Patch":
        return goFunc([], () => this.patch);
      case "Prerelease":
        return goFunc([], () => this.pre);
      case "Metadata":
        return goFunc([], () => this.metadata);
      case "Original":
        return goFunc([], () => this.original);
      case "String":
        return goFunc([], () => this.format());
      case "Compare":
        return goFunc(["*semver.Version"], (o: GoValue) => BigInt(compareVersions(this, other(o))));
      case "LessThan":
        return goFunc(["*semver.Version"], (o: GoValue) => compareVersions(this, other(o)) < 0);
      case "GreaterThan":
        return goFunc(["*semver.Version"], (o: GoValue) => compareVersions(this, other(o)) > 0);
      case "Equal":
        return goFunc(["*semver.Version"], (o: GoValue) => compareVersions(this, other(o)) === 0);
      case "IncMajor":
        return goFunc([], () => this.next(this.major + 1n, 0n, 0n));
      case "IncMinor":
        return goFunc([], () => this.next(this.major, this.minor + 1n, 0n));
      case "IncPatch":
        return goFunc([], () => this.next(this.major, this.minor, this.pre !== "" ? this.patch : this.patch + 1n));
    }
    return undefined;
  }

  private next(major: bigint, minor: bigint, patch: bigint): SemVersion {
    const prefix = this.original.startsWith("v") ? "v" : "";
    const s = `${major}.${minor}.${patch}`;
    return new SemVersion(major, minor, patch, "", "", prefix + s, false);
  }

  format(): string {
    let s = `${this.major}.${this.minor}.${this.patch}`;
    if (this.pre !== "") s += `-${this.pre}`;
    if (this.metadata !== "") s += `+${this.metadata}`;
    return s;
  }
}

/** semver.NewVersion. */
export function newVersion(v: string): SemVersion {
  const m = findAll(versionRe(), v, 1)[0];
  if (!m) throw new GoError("invalid semantic version");
  const pre = m[5] ?? "";
  const metadata = m[8] ?? "";
  const major = parseUint(m[1]);
  const minor = m[2] ? parseUint(m[2].slice(1)) : 0n;
  const patch = m[3] ? parseUint(m[3].slice(1)) : 0n;
  if (pre !== "") {
    for (const p of pre.split(".")) {
      if (onlyDigits(p)) {
        if (p.length > 1 && p[0] === "0") throw new GoError("version segment starts with 0");
      } else if (!onlyAllowed(p)) throw new GoError("invalid prerelease string");
    }
  }
  if (metadata !== "") {
    for (const p of metadata.split(".")) if (!onlyAllowed(p)) throw new GoError("invalid metadata string");
  }
  return new SemVersion(major, minor, patch, pre, metadata, v);
}

function cmp(a: bigint, b: bigint): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function comparePrePart(s: string, o: string): number {
  if (s === o) return 0;
  if (s === "") return o !== "" ? -1 : 1;
  if (o === "") return 1;
  const sNum = /^[0-9]+$/.test(s) && BigInt(s) <= UINT64_MAX;
  const oNum = /^[0-9]+$/.test(o) && BigInt(o) <= UINT64_MAX;
  if (!oNum && !sNum) return s > o ? 1 : -1;
  if (!oNum) return -1;
  if (!sNum) return 1;
  return BigInt(s) > BigInt(o) ? 1 : -1;
}

function comparePrerelease(v: string, o: string): number {
  const a = v.split(".");
  const b = o.split(".");
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = comparePrePart(a[i] ?? "", b[i] ?? "");
    if (d !== 0) return d;
  }
  return 0;
}

export function compareVersions(v: SemVersion, o: SemVersion): number {
  const d = cmp(v.major, o.major) || cmp(v.minor, o.minor) || cmp(v.patch, o.patch);
  if (d !== 0) return d;
  if (v.pre === "" && o.pre === "") return 0;
  if (v.pre === "") return 1;
  if (o.pre === "") return -1;
  return comparePrerelease(v.pre, o.pre);
}

interface Constraint {
  con: SemVersion;
  op: string;
  minorDirty: boolean;
  patchDirty: boolean;
  dirty: boolean;
}

const isX = (x: string | undefined) => x === "x" || x === "*" || x === "X";

function parseConstraint(c: string): Constraint {
  if (c.length === 0) {
    return {
      con: new SemVersion(0n, 0n, 0n, "", "", "0.0.0"),
      op: "",
      minorDirty: false,
      patchDirty: false,
      dirty: true,
    };
  }
  const m = findAll(constraintRe(), c, 1)[0];
  if (!m) throw new GoError(`improper constraint: ${c}`);
  // Groups: 1 op, 2 version, 3 major, 4 .minor, 5 .patch, 6 -pre (with dash)
  let ver = m[2];
  let minorDirty = false;
  let patchDirty = false;
  let dirty = false;
  const pre = m[6] ?? "";
  const minor = m[4] ?? "";
  const patch = m[5] ?? "";
  if (isX(m[3]) || !m[3]) {
    ver = `0.0.0${pre}`;
    dirty = true;
  } else if (isX(minor.replace(/^\./, "")) || minor === "") {
    minorDirty = true;
    dirty = true;
    ver = `${m[3]}.0.0${pre}`;
  } else if (isX(patch.replace(/^\./, "")) || patch === "") {
    dirty = true;
    patchDirty = true;
    ver = `${m[3]}${minor}.0${pre}`;
  }
  let con: SemVersion;
  try {
    con = newVersion(ver);
  } catch {
    throw new GoError("constraint Parser Error");
  }
  return { con, op: m[1], minorDirty, patchDirty, dirty };
}

function tilde(v: SemVersion, c: Constraint): boolean {
  if (compareVersions(v, c.con) < 0) return false;
  if (c.con.major === 0n && c.con.minor === 0n && c.con.patch === 0n && !c.minorDirty && !c.patchDirty) return true;
  if (v.major !== c.con.major) return false;
  if (v.minor !== c.con.minor && !c.minorDirty) return false;
  return true;
}

function check(v: SemVersion, c: Constraint): boolean {
  const preBlocked = v.pre !== "" && c.con.pre === "";
  switch (c.op) {
    case "":
    case "=":
      if (preBlocked) return false;
      return c.dirty ? tilde(v, c) : compareVersions(v, c.con) === 0;
    case "!=":
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
    case ">":
      if (preBlocked) return false;
      if (!c.dirty) return compareVersions(v, c.con) === 1;
      if (v.major > c.con.major) return true;
      if (v.major < c.con.major) return false;
      if (c.minorDirty) return false;
      if (c.patchDirty) return v.minor > c.con.minor;
      return compareVersions(v, c.con) === 1;
    case "<":
      if (preBlocked) return false;
      return compareVersions(v, c.con) < 0;
    case ">=":
    case "=>":
      if (preBlocked) return false;
      return compareVersions(v, c.con) >= 0;
    case "<=":
    case "=<":
      if (preBlocked) return false;
      if (!c.dirty) return compareVersions(v, c.con) <= 0;
      if (v.major > c.con.major) return false;
      if (v.major === c.con.major && v.minor > c.con.minor && !c.minorDirty) return false;
      return true;
    case "~":
    case "~>":
      if (preBlocked) return false;
      return tilde(v, c);
    case "^": {
      if (preBlocked) return false;
      if (compareVersions(v, c.con) < 0) return false;
      if (c.con.major > 0n || c.minorDirty) return v.major === c.con.major;
      if (c.con.major === 0n && v.major > 0n) return false;
      if (c.con.minor > 0n || c.patchDirty) return v.minor === c.con.minor;
      if (c.con.minor === 0n && v.minor > 0n) return false;
      return c.con.patch === v.patch;
    }
  }
  return false;
}

/** semver.NewConstraint: hyphen ranges rewritten, `||` alternatives of `,`/space conjunctions. */
export function newConstraint(c: string): Constraint[][] {
  let rewritten = c;
  for (const m of findAll(rangeRe(), c, -1)) {
    // semver 3.2.1+ ends the rewrite with a space, so a following constraint stays separate.
    rewritten = rewritten.replace(m[0], `>= ${m[1]}, <= ${m[11]} `);
  }
  return rewritten.split("||").map((part) => {
    if (findAll(validConstraintRe(), part, 1).length === 0) throw new GoError(`improper constraint: ${part}`);
    const found = findAll(findConstraintRe(), part, -1).map((m) => m[0]);
    const list = found.length > 0 ? found : [part];
    return list.map(parseConstraint);
  });
}

export function semverCompare(constraint: string, version: string): boolean {
  const cs = newConstraint(constraint);
  const v = newVersion(version);
  return cs.some((and) => and.every((c) => check(v, c)));
}

export const semverFuncs: Record<string, GoFunc> = {
  semver: goFunc(["string"], newVersion),
  semverCompare: goFunc(["string", "string"], semverCompare),
};
