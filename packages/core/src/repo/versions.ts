/**
 * Version listing and selection over ../semver (Masterminds semver v3), shared by
 * repository indexes and OCI tags: Helm's ChartVersions sort and IndexFile.Get /
 * registry.GetTagMatchingVersionOrConstraint selection rules.
 */
import { satisfies, tryParseConstraints } from "../semver/constraints.js";
import { compareVersions, isValidVersion, tryParseVersion } from "../semver/version.js";

/** `--devel` without `--version` means this constraint (Helm's cmd/helm). */
export const develConstraint = ">0.0.0-0";

/** The version string Helm looks for, given `--version` and `--devel`. */
export function effectiveVersion(version: string | undefined, devel: boolean | undefined): string {
  const v = (version ?? "").trim();
  return v === "" && devel ? develConstraint : v;
}

/** Newest first; strings that are not semver go last, in their original order. */
export function sortVersionsDesc<T>(items: readonly T[], versionOf: (t: T) => string): T[] {
  const keyed = items.map((item, i) => ({ item, i, v: tryParseVersion(versionOf(item)) }));
  keyed.sort((a, b) => {
    const av = a.v;
    const bv = b.v;
    if (!av && !bv) return a.i - b.i;
    if (!av) return 1;
    if (!bv) return -1;
    return compareVersions(bv, av) || a.i - b.i;
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
  const groups = tryParseConstraints(version === "" ? "*" : version);
  if (groups instanceof Error) return { error: groups.message };
  for (const item of sortedDesc) {
    const v = tryParseVersion(versionOf(item));
    if (v === undefined) continue;
    if (satisfies(v, groups)) return { found: item };
  }
  return { error: "" };
}

export function isSemver(v: string): v is string {
  return isValidVersion(v);
}
