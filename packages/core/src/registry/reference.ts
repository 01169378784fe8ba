/** OCI chart references as Helm reads them: `oci://host[:port]/path/chart[:tag][@sha256:hex]`. */
import { ExitCode, HelmTrivyError } from "../errors.js";

export const ociScheme = "oci://";

export interface OciRef {
  /** host[:port] */
  readonly registry: string;
  /** Repository path inside the registry, ending with the chart name. */
  readonly repository: string;
  readonly tag?: string;
  readonly digest?: string;
}

export function isOci(ref: string): boolean {
  return ref.startsWith(ociScheme);
}

const DIGEST_RE = /^sha256:[0-9a-f]{64}$/;
const TAG_RE = /^[\w][\w.-]{0,127}$/;
const REPO_RE = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*$/;

export function parseOciRef(ref: string): OciRef {
  if (!isOci(ref)) throw new HelmTrivyError(`invalid OCI reference "${ref}": must start with oci://`, ExitCode.Usage);
  let rest = ref.slice(ociScheme.length);
  let digest: string | undefined;
  const at = rest.indexOf("@");
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!DIGEST_RE.test(digest)) throw new HelmTrivyError(`invalid OCI reference "${ref}": bad digest`, ExitCode.Usage);
  }
  const slash = rest.indexOf("/");
  if (slash <= 0) throw new HelmTrivyError(`invalid OCI reference "${ref}": no repository path`, ExitCode.Usage);
  const registry = rest.slice(0, slash);
  let repository = rest.slice(slash + 1);
  let tag: string | undefined;
  const colon = repository.lastIndexOf(":");
  if (colon > repository.lastIndexOf("/")) {
    tag = repository.slice(colon + 1);
    repository = repository.slice(0, colon);
    if (!TAG_RE.test(tag)) throw new HelmTrivyError(`invalid OCI reference "${ref}": bad tag "${tag}"`, ExitCode.Usage);
  }
  repository = repository.replace(/\/+$/, "");
  if (!REPO_RE.test(repository)) {
    throw new HelmTrivyError(`invalid OCI reference "${ref}": bad repository path "${repository}"`, ExitCode.Usage);
  }
  return { registry, repository, ...(tag !== undefined && { tag }), ...(digest !== undefined && { digest }) };
}

export function formatOciRef(r: OciRef): string {
  return `${ociScheme}${r.registry}/${r.repository}${r.tag !== undefined ? `:${r.tag}` : ""}${r.digest !== undefined ? `@${r.digest}` : ""}`;
}

/** The chart name: the last path element. */
export function chartNameOf(r: OciRef): string {
  return r.repository.slice(r.repository.lastIndexOf("/") + 1);
}

/** Helm stores semver build metadata `+` as `_` in tags (OCI tags can't hold `+`). */
export function versionToTag(v: string): string {
  return v.replaceAll("+", "_");
}

export function tagToVersion(t: string): string {
  return t.replaceAll("_", "+");
}
