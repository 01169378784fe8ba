/**
 * Sprig's semver/semverCompare over the core's Masterminds semver (../../../semver): a
 * parsed version is a `*semver.Version` with its methods; errors carry the library's texts.
 */
import { GoError, type GoFunc, GoObject, type GoValue } from "../../../govalue/value.js";
import { parseConstraints, satisfies } from "../../../semver/constraints.js";
import { compareVersions, formatVersion, parseVersion, SemverError, type Version } from "../../../semver/version.js";
import { goFunc } from "./gofunc.js";

export class SemVersion extends GoObject {
  readonly goType: string;
  constructor(
    readonly version: Version,
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
        return goFunc([], () => this.version.major);
      case "Minor":
        return goFunc([], () => this.version.minor);
      case "Patch":
        return goFunc([], () => this.version.patch);
      case "Prerelease":
        return goFunc([], () => this.version.pre);
      case "Metadata":
        return goFunc([], () => this.version.metadata);
      case "Original":
        return goFunc([], () => this.version.original);
      case "String":
        return goFunc([], () => this.format());
      case "Compare":
        return goFunc(["*semver.Version"], (o: GoValue) => BigInt(compareVersions(this.version, other(o).version)));
      case "LessThan":
        return goFunc(["*semver.Version"], (o: GoValue) => compareVersions(this.version, other(o).version) < 0);
      case "GreaterThan":
        return goFunc(["*semver.Version"], (o: GoValue) => compareVersions(this.version, other(o).version) > 0);
      case "Equal":
        return goFunc(["*semver.Version"], (o: GoValue) => compareVersions(this.version, other(o).version) === 0);
      case "IncMajor":
        return goFunc([], () => this.next(this.version.major + 1n, 0n, 0n));
      case "IncMinor":
        return goFunc([], () => this.next(this.version.major, this.version.minor + 1n, 0n));
      case "IncPatch":
        return goFunc([], () =>
          this.next(
            this.version.major,
            this.version.minor,
            this.version.pre !== "" ? this.version.patch : this.version.patch + 1n,
          ),
        );
    }
    return undefined;
  }

  private next(major: bigint, minor: bigint, patch: bigint): SemVersion {
    const prefix = this.version.original.startsWith("v") ? "v" : "";
    const s = `${major}.${minor}.${patch}`;
    return new SemVersion({ major, minor, patch, pre: "", metadata: "", original: prefix + s }, false);
  }

  format(): string {
    return formatVersion(this.version);
  }
}

// The library's errors become Go errors, so the executor reports `error calling semver: ...`.
function asGoError<T>(f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof SemverError) throw new GoError(e.message);
    throw e;
  }
}

/** semver.NewVersion. */
export function newVersion(v: string): SemVersion {
  return new SemVersion(asGoError(() => parseVersion(v)));
}

export function semverCompare(constraint: string, version: string): boolean {
  const cs = asGoError(() => parseConstraints(constraint));
  return satisfies(newVersion(version).version, cs);
}

export const semverFuncs: Record<string, GoFunc> = {
  semver: goFunc(["string"], newVersion),
  semverCompare: goFunc(["string", "string"], semverCompare),
};
