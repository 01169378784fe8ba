/**
 * Version listing and selection over chart/semver.ts (Masterminds semver v3), shared by
 * repository indexes and OCI tags: Helm's ChartVersions sort and IndexFile.Get /
 * registry.GetTagMatchingVersionOrConstraint selection rules.
 */
import { compareSemver, parseConstraints, parseSemver, type SemVersion, satisfies } from "../chart/semver.js";

/** `--devel` without `--version` means this constraint (Helm's cmd/helm). */
export const develConstraint = ">0.0.0-0";

/** The version string Helm looks for, given `--version` and `--devel`. */
export function effectiveVersion(version: string | undefined, devel: boolean | undefined): string {
  const v = (version ?? "").trim();
  return v === "" && devel ? develConstraint : v;
}

/** Newest first; strings that are not semver go last, in their original order. */
export function sortVersionsDesc<T>(items: readonly T[], versionOf: (t: T) => string): T[] {
  const keyed = items.map((item, i) => ({ item, i, v: parseSemver(versionOf(item)) }));
  keyed.sort((a, b) => {
    const av = typeof a.v === "string" ? undefined : a.v;
    const bv = typeof b.v === "string" ? undefined : b.v;
    if (!av && !bv) return a.i - b.i;
    if (!av) return 1;
    if (!bv) return -1;
    return compareSemver(bv, av) || a.i - b.i;
  });
  return keyed.map((k) => k.item);
}

export type Selection<T> = { readonly found: T } | { readonly error: string };

/**
 * Picks from items sorted newest first: an exact string match of `version` wins, else the
 * first that satisfies it as a constraint ("" = "*": newest stable).
 * The error is Masterminds' constraint parse error, or "" when nothing matched.
 */
export function selectVersion<T>(sortedDesc: readonly T[], version: string, versionOf: (t: T) => string): Selection<T> {
  if (version !== "") {
    for (const item of sortedDesc) if (versionOf(item) === version) return { found: item };
  }
  const groups = parseConstraints(version === "" ? "*" : version);
  if (typeof groups === "string") return { error: groups };
  for (const item of sortedDesc) {
    const v = parseSemver(versionOf(item));
    if (typeof v === "string") continue;
    if (satisfies(v, groups)) return { found: item };
  }
  return { error: "" };
}

export function isSemver(v: string): v is string {
  return typeof parseSemver(v) !== "string";
}

export type { SemVersion };
