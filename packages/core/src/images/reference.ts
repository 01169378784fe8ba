/**
 * Docker image references, parsed and normalised the way Docker does it (the Go module
 * `github.com/distribution/reference`: `ParseNormalizedNamed` then `TagNameOnly`, digests checked
 * like `github.com/opencontainers/go-digest`). `nginx` becomes `docker.io/library/nginx:latest`.
 *
 * Error texts are Docker's own, so a user who runs `docker pull` on the same string sees the same
 * words; `hint` adds what usually caused it in a rendered chart (an empty value, `<no value>`).
 */

/** A valid reference, normalised. */
export interface ImageRef {
  readonly invalid: false;
  /** The string as written in the manifest. */
  readonly raw: string;
  /** Registry host with optional port: `docker.io`, `quay.io`, `localhost:5000`. */
  readonly registry: string;
  /** Path within the registry: `library/nginx`, `bitnami/redis`. */
  readonly repository: string;
  /** The tag; `latest` when the reference had neither tag nor digest (see `defaultTag`). */
  readonly tag?: string;
  /** `algorithm:hex`, when the reference carries one. */
  readonly digest?: string;
  /** True when `tag` is Docker's default `latest`, not written in the reference. */
  readonly defaultTag: boolean;
  /** `registry/repository`. */
  readonly name: string;
  /** The normalised reference: `registry/repository[:tag][@digest]`. */
  readonly full: string;
}

/** A string that is not a valid reference: reported as a finding, never scanned. */
export interface InvalidImageRef {
  readonly invalid: true;
  readonly raw: string;
  /** Docker's error text, e.g. `invalid reference format`. */
  readonly reason: string;
  /** What in a rendered chart usually leads to it, when we can tell. */
  readonly hint?: string;
}

export type ParsedImageRef = ImageRef | InvalidImageRef;

const DEFAULT_DOMAIN = "docker.io";
const LEGACY_DEFAULT_DOMAIN = "index.docker.io";
const OFFICIAL_REPO_PREFIX = "library/";
const DEFAULT_TAG = "latest";
/** distribution/reference's RepositoryNameTotalLengthMax, on the path without the domain. */
const REPOSITORY_NAME_MAX = 255;
/** Longer strings are not references; the bound keeps the regular expressions cheap. */
const RAW_MAX = 4096;

// Docker's grammar, piece by piece as distribution/reference spells it.
const alphanumeric = "[a-z0-9]+";
const separator = "(?:[._]|__|[-]+)";
const pathComponent = `${alphanumeric}(?:${separator}${alphanumeric})*`;
const remoteName = `${pathComponent}(?:/${pathComponent})*`;
const domainNameComponent = "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
const domainName = `${domainNameComponent}(?:\\.${domainNameComponent})*`;
const ipv6address = "\\[(?:[a-fA-F0-9:]+)\\]";
const domainAndPort = `(?:${domainName}|${ipv6address})(?::[0-9]+)?`;
const tagPattern = "[\\w][\\w.-]{0,127}";
const digestPattern = "[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*[:][0-9A-Fa-f]{32,}";
const namePattern = `(?:${domainAndPort}/)?${remoteName}`;

const referenceRegexp = new RegExp(`^(${namePattern})(?::(${tagPattern}))?(?:@(${digestPattern}))?$`);
const anchoredNameRegexp = new RegExp(`^(?:(${domainAndPort})/)?(${remoteName})$`);
const anchoredIdentifierRegexp = /^[a-f0-9]{64}$/;
/** go-digest's DigestRegexpAnchored: the shape of any digest, known algorithm or not. */
const anyDigestRegexp = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-zA-Z0-9=_-]+$/;

/** The algorithms go-digest knows when Go's crypto packages are linked in, as in Docker: hex length. */
const DIGEST_HEX_LENGTH: Readonly<Record<string, number>> = { sha256: 64, sha384: 96, sha512: 128 };

class ReferenceSyntaxError extends Error {}

/** Parses and normalises a reference; never throws. */
export function parseImageRef(raw: string): ParsedImageRef {
  if (typeof raw !== "string") return invalid(String(raw), "invalid reference format");
  if (raw.length > RAW_MAX) return invalid(raw, "invalid reference format");
  try {
    return parseNormalized(raw);
  } catch (e) {
    if (e instanceof ReferenceSyntaxError) return invalid(raw, e.message);
    throw e;
  }
}

/** Type guard for the valid case. */
export function isValidImageRef(ref: ParsedImageRef): ref is ImageRef {
  return !ref.invalid;
}

/** True when the reference names its registry host itself (`quay.io/x`, `localhost/x`), not Docker Hub by default. */
export function hasExplicitRegistry(raw: string): boolean {
  const slash = raw.indexOf("/");
  if (slash < 0) return false;
  const first = raw.slice(0, slash);
  return first === "localhost" || /[.:]/.test(first);
}

function parseNormalized(s: string): ImageRef {
  if (anchoredIdentifierRegexp.test(s)) {
    fail(`invalid repository name (${s}), cannot specify 64-byte hexadecimal strings`);
  }
  const [domain, remainder] = splitDockerDomain(s);
  const tagSep = remainder.indexOf(":");
  const remote = tagSep > -1 ? remainder.slice(0, tagSep) : remainder;
  if (remote.toLowerCase() !== remote) {
    fail(`invalid reference format: repository name (${remote}) must be lowercase`);
  }
  return parseCanonical(`${domain}/${remainder}`, s);
}

/** Docker's splitDockerDomain: is the first path element a registry host, or part of a Docker Hub name? */
function splitDockerDomain(name: string): [string, string] {
  const slash = name.indexOf("/");
  if (slash < 0) return [DEFAULT_DOMAIN, OFFICIAL_REPO_PREFIX + name];
  const maybeDomain = name.slice(0, slash);
  const maybeRemote = name.slice(slash + 1);
  let domain: string;
  let remote: string;
  if (maybeDomain === "localhost" || /[.:]/.test(maybeDomain) || maybeDomain.toLowerCase() !== maybeDomain) {
    // Upper case is not allowed in a path, so an upper-case first element can only be a host.
    [domain, remote] = [maybeDomain, maybeRemote];
  } else {
    [domain, remote] = [DEFAULT_DOMAIN, name];
  }
  if (domain === LEGACY_DEFAULT_DOMAIN) domain = DEFAULT_DOMAIN;
  if (domain === DEFAULT_DOMAIN && !remote.includes("/")) remote = OFFICIAL_REPO_PREFIX + remote;
  return [domain, remote];
}

/** Docker's Parse on the already domain-qualified string, then TagNameOnly. */
function parseCanonical(s: string, raw: string): ImageRef {
  const m = referenceRegexp.exec(s);
  if (m === null) {
    const lower = s.toLowerCase();
    if (lower !== s && referenceRegexp.test(lower)) fail("repository name must be lowercase");
    fail("invalid reference format");
  }
  const nameMatch = anchoredNameRegexp.exec(m[1]!);
  const registry = nameMatch?.[1] ?? "";
  const repository = nameMatch?.[2] ?? m[1]!;
  if (repository.length > REPOSITORY_NAME_MAX) fail("repository name must not be more than 255 characters");
  const digest = m[3];
  if (digest !== undefined) validateDigest(digest);
  const defaultTag = m[2] === undefined && digest === undefined;
  const tag = defaultTag ? DEFAULT_TAG : m[2];
  const name = `${registry}/${repository}`;
  const full = name + (tag !== undefined ? `:${tag}` : "") + (digest !== undefined ? `@${digest}` : "");
  return {
    invalid: false,
    raw,
    registry,
    repository,
    ...(tag !== undefined ? { tag } : {}),
    ...(digest !== undefined ? { digest } : {}),
    defaultTag,
    name,
    full,
  };
}

/** go-digest's Digest.Validate, with the algorithms Docker registers. */
function validateDigest(d: string): void {
  const i = d.indexOf(":");
  if (i <= 0 || i + 1 === d.length) fail("invalid checksum digest format");
  const algorithm = d.slice(0, i);
  const encoded = d.slice(i + 1);
  const hexLength = Object.hasOwn(DIGEST_HEX_LENGTH, algorithm) ? DIGEST_HEX_LENGTH[algorithm] : undefined;
  if (hexLength === undefined) {
    fail(anyDigestRegexp.test(d) ? "unsupported digest algorithm" : "invalid checksum digest format");
  }
  if (encoded.length !== hexLength) fail("invalid checksum digest length");
  if (!/^[a-f0-9]+$/.test(encoded)) fail("invalid checksum digest format");
}

function fail(message: string): never {
  throw new ReferenceSyntaxError(message);
}

function invalid(raw: string, reason: string): InvalidImageRef {
  const hint = hintFor(raw);
  return hint === undefined ? { invalid: true, raw, reason } : { invalid: true, raw, reason, hint };
}

/** The usual template slips behind an invalid reference, in the order a user should check them. */
function hintFor(raw: string): string | undefined {
  if (raw === "") return "empty image: a template rendered an empty value";
  if (raw.includes("<no value>")) return "contains <no value>: a template read a value that is not set";
  if (raw.includes("<nil>")) return "contains <nil>: a template printed a null value";
  if (/\s/.test(raw)) return "contains whitespace";
  if (raw.endsWith(":")) return "empty tag: a template rendered `repository:` with no tag";
  if (raw.endsWith("@")) return "empty digest: a template rendered `repository@` with no digest";
  if (raw.startsWith("/") || raw.includes("//"))
    return "empty path element: a template rendered an empty registry or repository";
  if (/[A-Z]/.test(raw)) return "upper case in the repository: Docker allows only lower case there";
  return undefined;
}
