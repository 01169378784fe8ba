/**
 * Masterminds/semver v3's Version as Helm 4.1.4 uses it: NewVersion's loose parsing (a
 * leading `v`, missing minor/patch), Compare's precedence (metadata ignored, a prerelease
 * below its release) and the library's error texts. Chart.yaml versions, kubeVersion,
 * repository/OCI version selection and Sprig's `semver`/`semverCompare` all read this one.
 */

/** A Masterminds error; the message is the library's text. */
export class SemverError extends Error {
  override readonly name = "SemverError";
}

export interface Version {
  readonly major: bigint;
  readonly minor: bigint;
  readonly patch: bigint;
  /** Without the leading `-`. */
  readonly pre: string;
  /** Without the leading `+`. */
  readonly metadata: string;
  /** The text parsed, as Version.Original returns it. */
  readonly original: string;
}

const VERSION_RE =
  /^v?([0-9]+)(\.[0-9]+)?(\.[0-9]+)?(-([0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*))?(\+([0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*))?$/;

const UINT64_MAX = (1n << 64n) - 1n;

function parseUint(s: string): bigint {
  const n = BigInt(s);
  if (n > UINT64_MAX) {
    throw new SemverError(`Error parsing version segment: strconv.ParseUint: parsing "${s}": value out of range`);
  }
  return n;
}

const onlyDigits = (s: string) => /^[0-9]*$/.test(s);
const onlyAllowed = (s: string) => /^[0-9A-Za-z-]*$/.test(s);

/** semver.NewVersion; throws SemverError. */
export function parseVersion(v: string): Version {
  const m = VERSION_RE.exec(v);
  if (!m) throw new SemverError("invalid semantic version");
  const pre = m[5] ?? "";
  const metadata = m[8] ?? "";
  const major = parseUint(m[1] ?? "0");
  const minor = m[2] ? parseUint(m[2].slice(1)) : 0n;
  const patch = m[3] ? parseUint(m[3].slice(1)) : 0n;
  if (pre !== "") {
    for (const p of pre.split(".")) {
      if (onlyDigits(p)) {
        if (p.length > 1 && p[0] === "0") throw new SemverError("version segment starts with 0");
      } else if (!onlyAllowed(p)) throw new SemverError("invalid prerelease string");
    }
  }
  if (metadata !== "") {
    for (const p of metadata.split(".")) if (!onlyAllowed(p)) throw new SemverError("invalid metadata string");
  }
  return { major, minor, patch, pre, metadata, original: v };
}

/** semver.NewVersion where only success matters (Helm's `err == nil` checks). */
export function tryParseVersion(v: string): Version | undefined {
  try {
    return parseVersion(v);
  } catch (e) {
    if (e instanceof SemverError) return undefined;
    throw e;
  }
}

export function isValidVersion(v: string): boolean {
  return tryParseVersion(v) !== undefined;
}

/** Version.String: the canonical form, without a `v`. */
export function formatVersion(v: Version): string {
  let s = `${v.major}.${v.minor}.${v.patch}`;
  if (v.pre !== "") s += `-${v.pre}`;
  if (v.metadata !== "") s += `+${v.metadata}`;
  return s;
}

function cmp(a: bigint, b: bigint): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

// A part that does not fit a uint64 compares as text, like Masterminds' ParseUint fallback.
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

/** Dot-separated prerelease comparison (both non-empty, or both compared part by part). */
export function comparePrerelease(v: string, o: string): number {
  const a = v.split(".");
  const b = o.split(".");
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = comparePrePart(a[i] ?? "", b[i] ?? "");
    if (d !== 0) return d;
  }
  return 0;
}

/** Version.Compare: -1, 0 or 1. */
export function compareVersions(v: Version, o: Version): number {
  const d = cmp(v.major, o.major) || cmp(v.minor, o.minor) || cmp(v.patch, o.patch);
  if (d !== 0) return d;
  if (v.pre === "" && o.pre === "") return 0;
  if (v.pre === "") return 1;
  if (o.pre === "") return -1;
  return comparePrerelease(v.pre, o.pre);
}
