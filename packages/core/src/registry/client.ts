/**
 * An OCI distribution client for Helm charts (Helm's pkg/registry, built on oras-go there):
 * tag listing, manifest/blob pull, push, and the registry auth dance: a 401 with
 * `WWW-Authenticate: Bearer realm=...,service=...,scope=...` is answered by a token request
 * (anonymous or with Basic credentials), a `Basic` challenge by Basic credentials.
 */
import http from "node:http";
import { ExitCode, HelmTrivyError } from "../errors.js";
import { formatValue } from "../govalue/print.js";
import type { GoValue } from "../govalue/value.js";
import { type ChartCache, sha256Hex } from "../repo/chart-cache.js";
import { newestHint } from "../repo/chart-repository.js";
import {
  basicAuthHeader,
  type HttpResponse,
  httpRequest,
  type RetryPolicy,
  type TlsOptions,
} from "../repo/http-getter.js";
import { isSemver, selectVersion, sortVersionsDesc } from "../repo/versions.js";
import { type Credential, type CredentialStore, credentialFor } from "./credentials.js";
import { chartNameOf, formatOciRef, type OciRef, tagToVersion, versionToTag } from "./reference.js";

export const MediaType = {
  manifest: "application/vnd.oci.image.manifest.v1+json",
  helmConfig: "application/vnd.cncf.helm.config.v1+json",
  helmChart: "application/vnd.cncf.helm.chart.content.v1.tar+gzip",
  /** Charts pushed by Helm 3.0-3.6 era tools. */
  legacyChart: "application/tar+gzip",
  helmProvenance: "application/vnd.cncf.helm.chart.provenance.v1.prov",
} as const;

export interface RegistryOptions {
  readonly plainHttp?: boolean;
  readonly tls?: TlsOptions;
  /** --username/--password: win over stored credentials. */
  readonly username?: string;
  readonly password?: string;
  readonly credentials?: CredentialStore;
  readonly timeoutMs?: number;
  readonly retry?: RetryPolicy;
  readonly cache?: ChartCache;
}

interface Descriptor {
  readonly mediaType: string;
  readonly digest: string;
  readonly size: number;
  readonly annotations?: Record<string, string>;
}

interface Manifest {
  readonly schemaVersion: number;
  readonly mediaType?: string;
  readonly config: Descriptor;
  readonly layers: readonly Descriptor[];
  readonly annotations?: Record<string, string>;
}

export interface PulledChart {
  readonly bytes: Uint8Array;
  /** `sha256:<hex>` of the manifest (what `@digest` names). */
  readonly manifestDigest: string;
  /** `sha256:<hex>` of the chart layer. */
  readonly layerDigest: string;
  readonly tag?: string;
  readonly version?: string;
  readonly fromCache: boolean;
}

export interface PushedChart {
  readonly ref: string;
  readonly manifestDigest: string;
  readonly tag: string;
}

const maxTagPages = 100;
const maxManifestBytes = 4 * 1024 * 1024;

function parseChallenge(h: string | undefined): { scheme: string; params: Record<string, string> } | undefined {
  if (!h) return undefined;
  const m = /^\s*(\w+)\s*(.*)$/.exec(h);
  if (!m) return undefined;
  const params: Record<string, string> = {};
  for (const p of (m[2] as string).matchAll(/(\w+)\s*=\s*(?:"([^"]*)"|([^\s,]*))/g)) {
    params[(p[1] as string).toLowerCase()] = p[2] ?? p[3] ?? "";
  }
  return { scheme: (m[1] as string).toLowerCase(), params };
}

/**
 * oras-go's text for a registry's error answer (errcode.ErrorResponse): the request, the
 * status, then each `errors[]` entry as `code in lower case: message[: detail as Go's %v]`,
 * or Go's status text when the body has none.
 */
export function registryResponseError(method: string, url: string, status: number, body: Uint8Array): string {
  let errs: { code?: unknown; message?: unknown; detail?: unknown }[] = [];
  try {
    const doc = JSON.parse(new TextDecoder().decode(body)) as { errors?: unknown };
    if (Array.isArray(doc.errors)) errs = doc.errors.filter((e) => typeof e === "object" && e !== null);
  } catch {
    errs = [];
  }
  const text =
    errs.length > 0
      ? errs
          .map((e) => {
            const code = String(e.code ?? "")
              .toLowerCase()
              .replaceAll("_", " ");
            const head = `${code}: ${String(e.message ?? "")}`;
            return e.detail === undefined || e.detail === null ? head : `${head}: ${formatValue(e.detail as GoValue)}`;
          })
          .join("; ")
      : (http.STATUS_CODES[status] ?? "");
  return `${method} "${url}": response status code ${status}: ${text}`;
}

/** Helm's wrapping of a failed manifest resolve (oras-go's Copy). */
const fetchReference = 'failed to perform "FetchReference" on source: ';

export class RegistryClient {
  /** Authorization header per registry host + scope, learned from challenges. */
  private readonly auth = new Map<string, string>();

  constructor(private readonly opts: RegistryOptions = {}) {}

  private base(ref: OciRef): string {
    return `${this.opts.plainHttp ? "http" : "https"}://${ref.registry}/v2/${ref.repository}`;
  }

  private credential(ref: OciRef): Credential | undefined {
    if (this.opts.username || this.opts.password) {
      return { username: this.opts.username ?? "", password: this.opts.password ?? "" };
    }
    return credentialFor(this.opts.credentials, ref.registry);
  }

  private async send(
    ref: OciRef,
    scope: "pull" | "pull,push",
    req: { url: string; method?: string; headers?: Record<string, string>; body?: Uint8Array; maxBytes?: number },
  ): Promise<HttpResponse> {
    const key = `${ref.registry} ${ref.repository} ${scope}`;
    const call = (authorization: string | undefined) =>
      httpRequest({
        ...req,
        headers: { ...req.headers, ...(authorization && { Authorization: authorization }) },
        ...(this.opts.tls && { tls: this.opts.tls }),
        ...(this.opts.timeoutMs !== undefined && { timeoutMs: this.opts.timeoutMs }),
        ...(this.opts.retry && { retry: this.opts.retry }),
      });
    const known = this.auth.get(key);
    const res = await call(known);
    if (res.status !== 401) return res;
    const challenge = parseChallenge(res.headers["www-authenticate"] as string | undefined);
    const cred = this.credential(ref);
    let authorization: string | undefined;
    if (challenge?.scheme === "bearer" && challenge.params.realm) {
      authorization = `Bearer ${await this.fetchToken(ref, challenge.params, scope, cred)}`;
    } else if (challenge?.scheme === "basic") {
      if (!cred?.username) {
        throw new HelmTrivyError(
          `${req.method ?? "GET"} "${req.url}": basic credential not found: ${this.loginHint(ref)}`,
          ExitCode.AuthFailed,
        );
      }
      authorization = basicAuthHeader(cred.username, cred.password ?? "");
    } else {
      return res;
    }
    if (authorization === known) return res;
    this.auth.set(key, authorization);
    return call(authorization);
  }

  private async fetchToken(
    ref: OciRef,
    params: Record<string, string>,
    scope: string,
    cred: Credential | undefined,
  ): Promise<string> {
    const u = new URL(params.realm as string);
    if (params.service) u.searchParams.set("service", params.service);
    u.searchParams.set("scope", params.scope ?? `repository:${ref.repository}:${scope}`);
    const headers: Record<string, string> = {};
    if (cred?.username) headers.Authorization = basicAuthHeader(cred.username, cred.password ?? "");
    const res = await httpRequest({
      url: u.toString(),
      headers,
      ...(this.opts.tls && { tls: this.opts.tls }),
      ...(this.opts.timeoutMs !== undefined && { timeoutMs: this.opts.timeoutMs }),
      maxBytes: 1024 * 1024,
    });
    if (res.status !== 200) throw this.responseError(ref, "GET", u.toString(), res);
    let body: { token?: unknown; access_token?: unknown };
    try {
      body = JSON.parse(new TextDecoder().decode(res.body));
    } catch {
      throw new HelmTrivyError(`${formatOciRef(ref)}: the token server's answer is not JSON`, ExitCode.AuthFailed);
    }
    const token = typeof body.token === "string" ? body.token : body.access_token;
    if (typeof token !== "string" || token === "") {
      throw new HelmTrivyError(`${formatOciRef(ref)}: the token server returned no token`, ExitCode.AuthFailed);
    }
    return token;
  }

  /** What to do after an auth failure's text. */
  private loginHint(ref: OciRef): string {
    return this.credential(ref)
      ? `the registry refused the credentials: check them, or run 'helm registry login ${ref.registry}'`
      : `run 'helm registry login ${ref.registry}' or pass --username/--password`;
  }

  /** A non-success answer as oras-go words it, with the exit status its kind deserves. */
  private responseError(ref: OciRef, method: string, url: string, res: HttpResponse, prefix = ""): HelmTrivyError {
    const text = prefix + registryResponseError(method, url, res.status, res.body);
    if (res.status === 401) return new HelmTrivyError(`${text}: ${this.loginHint(ref)}`, ExitCode.AuthFailed);
    if (res.status === 403) {
      return new HelmTrivyError(
        `${text}: the account has no pull access to ${ref.registry}/${ref.repository}`,
        ExitCode.AuthFailed,
      );
    }
    return new HelmTrivyError(text, res.status === 404 ? ExitCode.NotFound : ExitCode.Network);
  }

  private statusError(ref: OciRef, url: string, status: number): HelmTrivyError {
    return this.responseError(ref, "GET", url, { status, headers: {}, body: new Uint8Array(), url });
  }

  /** Tags as Helm's Tags(): `_` read as `+`, semver only, newest first. */
  async versions(ref: OciRef): Promise<{ version: string; tag: string }[]> {
    const tags: string[] = [];
    // No `?n=`: Helm sets no page size, and its errors name the bare URL.
    let url: string | undefined = `${this.base(ref)}/tags/list`;
    for (let page = 0; url && page < maxTagPages; page++) {
      const res = await this.send(ref, "pull", { url });
      if (res.status !== 200) throw this.responseError(ref, "GET", url, res);
      const body = JSON.parse(new TextDecoder().decode(res.body)) as { tags?: unknown };
      if (Array.isArray(body.tags)) for (const t of body.tags) if (typeof t === "string") tags.push(t);
      const link = res.headers.link;
      const next = typeof link === "string" ? /<([^>]+)>\s*;\s*rel="?next"?/.exec(link) : null;
      url = next ? new URL(next[1] as string, url).toString() : undefined;
    }
    const list = tags.map((tag) => ({ tag, version: tagToVersion(tag) })).filter((t) => isStrictSemver(t.version));
    return sortVersionsDesc(list, (t) => t.version);
  }

  /**
   * Which tag to pull for `--version` (Helm's getOciURI + GetTagMatchingVersionOrConstraint):
   * an exact semver version is used as the tag directly; anything else is matched against tags.
   */
  async resolveTag(ref: OciRef, version: string): Promise<string> {
    if (ref.tag !== undefined) {
      if (version !== "" && version !== tagToVersion(ref.tag) && version !== ref.tag) {
        throw new HelmTrivyError(
          `chart reference and version mismatch: ${version} is not ${tagToVersion(ref.tag)}`,
          ExitCode.Usage,
        );
      }
      return ref.tag;
    }
    if (version !== "" && isSemver(version)) return versionToTag(version);
    const list = await this.versions(ref);
    if (list.length === 0) {
      throw new HelmTrivyError(
        `Unable to locate any tags in provided repository: ${formatOciRef(ref)}`,
        ExitCode.NotFound,
      );
    }
    const sel = selectVersion(list, version, (t) => t.version);
    if ("found" in sel) return sel.found.tag;
    if (sel.error !== "") throw new HelmTrivyError(sel.error, ExitCode.Usage);
    throw new HelmTrivyError(
      `could not locate a version matching provided version string ${version}${newestHint(list.map((t) => t.version))}`,
      ExitCode.NotFound,
    );
  }

  private async getManifest(ref: OciRef, reference: string): Promise<{ manifest: Manifest; digest: string }> {
    const url = `${this.base(ref)}/manifests/${reference}`;
    let res: HttpResponse;
    try {
      res = await this.send(ref, "pull", {
        url,
        headers: { Accept: `${MediaType.manifest}, application/vnd.docker.distribution.manifest.v2+json` },
        maxBytes: maxManifestBytes,
      });
    } catch (e) {
      if (e instanceof HelmTrivyError) throw new HelmTrivyError(fetchReference + e.message, e.exitCode);
      throw e;
    }
    if (res.status === 404) {
      const named = `${ref.registry}/${ref.repository}${reference.startsWith("sha256:") ? "@" : ":"}${reference}`;
      throw new HelmTrivyError(
        `${fetchReference}${named}: not found: check the chart's name and version`,
        ExitCode.NotFound,
      );
    }
    if (res.status !== 200) throw this.responseError(ref, "GET", url, res, fetchReference);
    const digest = `sha256:${sha256Hex(res.body)}`;
    if (reference.startsWith("sha256:") && digest !== reference) {
      throw new HelmTrivyError(
        `${formatOciRef(ref)}: manifest digest mismatch: asked for ${reference}, got ${digest}`,
        ExitCode.DigestMismatch,
      );
    }
    let manifest: Manifest;
    try {
      manifest = JSON.parse(new TextDecoder().decode(res.body)) as Manifest;
    } catch {
      throw new HelmTrivyError(`${formatOciRef(ref)}: the manifest is not JSON`, ExitCode.BadArchive);
    }
    return { manifest, digest };
  }

  private async getBlob(ref: OciRef, d: Descriptor): Promise<Uint8Array> {
    const url = `${this.base(ref)}/blobs/${d.digest}`;
    const res = await this.send(ref, "pull", { url });
    if (res.status !== 200) throw this.statusError(ref, url, res.status);
    const got = `sha256:${sha256Hex(res.body)}`;
    if (got !== d.digest) {
      throw new HelmTrivyError(
        `${formatOciRef(ref)}: blob digest mismatch: the manifest says ${d.digest}, the blob is ${got}`,
        ExitCode.DigestMismatch,
      );
    }
    return res.body;
  }

  /** Pulls a chart by `ref` (tag or digest in it) or by `version` (exact, constraint, or newest). */
  async pullChart(ref: OciRef, version = ""): Promise<PulledChart> {
    let tag: string | undefined;
    let reference: string;
    if (ref.digest !== undefined) {
      reference = ref.digest;
      tag = ref.tag;
    } else {
      tag = await this.resolveTag(ref, version);
      reference = tag;
    }
    const { manifest, digest } = await this.getManifest(ref, reference);
    if (manifest.config?.mediaType !== MediaType.helmConfig) {
      throw new HelmTrivyError(
        `${formatOciRef(ref)} is not a Helm chart: config media type "${manifest.config?.mediaType ?? ""}" (expected ${MediaType.helmConfig})`,
        ExitCode.BadArchive,
      );
    }
    const layer = (manifest.layers ?? []).find(
      (l) => l.mediaType === MediaType.helmChart || l.mediaType === MediaType.legacyChart,
    );
    if (!layer) {
      throw new HelmTrivyError(
        `manifest does not contain a layer with mediatype ${MediaType.helmChart}`,
        ExitCode.BadArchive,
      );
    }
    const hex = layer.digest.replace(/^sha256:/, "");
    const cached = this.opts.cache ? await this.opts.cache.get(hex) : undefined;
    const bytes = cached ?? (await this.getBlob(ref, layer));
    if (!cached && this.opts.cache) await this.opts.cache.put(bytes);
    const v = manifest.annotations?.["org.opencontainers.image.version"] ?? (tag ? tagToVersion(tag) : undefined);
    return {
      bytes,
      manifestDigest: digest,
      layerDigest: layer.digest,
      ...(tag !== undefined && { tag }),
      ...(v !== undefined && { version: v }),
      fromCache: cached !== undefined,
    };
  }

  private async pushBlob(ref: OciRef, bytes: Uint8Array, digest: string): Promise<void> {
    const head = await this.send(ref, "pull,push", { url: `${this.base(ref)}/blobs/${digest}`, method: "HEAD" });
    if (head.status === 200) return;
    const start = await this.send(ref, "pull,push", { url: `${this.base(ref)}/blobs/uploads/`, method: "POST" });
    if (start.status !== 202) throw this.statusError(ref, `${this.base(ref)}/blobs/uploads/`, start.status);
    const loc = start.headers.location;
    if (typeof loc !== "string") {
      throw new HelmTrivyError(`${formatOciRef(ref)}: the registry gave no upload location`, ExitCode.Network);
    }
    const up = new URL(loc, `${this.base(ref)}/blobs/uploads/`);
    up.searchParams.set("digest", digest);
    const put = await this.send(ref, "pull,push", {
      url: up.toString(),
      method: "PUT",
      headers: { "Content-Type": "application/octet-stream" },
      body: bytes,
    });
    if (put.status !== 201) throw this.statusError(ref, up.toString(), put.status);
  }

  /**
   * `helm push CHART.tgz oci://host/path`: the chart goes to `host/path/<name>:<version>`
   * (`+` stored as `_`), config = Chart.yaml metadata as JSON, one chart layer.
   */
  async pushChart(
    namespace: OciRef,
    tgz: Uint8Array,
    meta: { name: string; version: string; json: Uint8Array },
  ): Promise<PushedChart> {
    if (namespace.tag !== undefined || namespace.digest !== undefined) {
      throw new HelmTrivyError(
        `invalid push destination ${formatOciRef(namespace)}: give the repository without tag or digest`,
        ExitCode.Usage,
      );
    }
    const ref: OciRef = { registry: namespace.registry, repository: `${namespace.repository}/${meta.name}` };
    const configDigest = `sha256:${sha256Hex(meta.json)}`;
    const layerDigest = `sha256:${sha256Hex(tgz)}`;
    await this.pushBlob(ref, meta.json, configDigest);
    await this.pushBlob(ref, tgz, layerDigest);
    const manifest: Manifest = {
      schemaVersion: 2,
      mediaType: MediaType.manifest,
      config: { mediaType: MediaType.helmConfig, digest: configDigest, size: meta.json.length },
      layers: [{ mediaType: MediaType.helmChart, digest: layerDigest, size: tgz.length }],
      annotations: {
        "org.opencontainers.image.title": meta.name,
        "org.opencontainers.image.version": meta.version,
      },
    };
    const body = new TextEncoder().encode(JSON.stringify(manifest));
    const tag = versionToTag(meta.version);
    const url = `${this.base(ref)}/manifests/${tag}`;
    const res = await this.send(ref, "pull,push", {
      url,
      method: "PUT",
      headers: { "Content-Type": MediaType.manifest },
      body,
    });
    if (res.status !== 201) throw this.statusError(ref, url, res.status);
    return { ref: formatOciRef({ ...ref, tag }), manifestDigest: `sha256:${sha256Hex(body)}`, tag };
  }
}

/** Masterminds' StrictNewVersion, which Helm's Tags() uses: X.Y.Z, no `v`, no partials. */
function isStrictSemver(v: string): boolean {
  return /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)([-+].*)?$/.test(v) && isSemver(v);
}

export { chartNameOf };
