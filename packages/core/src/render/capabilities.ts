/**
 * `.Capabilities` as `helm template` (Helm 4.1.4, client-only) builds it: the default Kubernetes
 * version and API version set, overridden by `--kube-version` and extended by `--api-versions`.
 * Go types: *common.Capabilities { KubeVersion common.KubeVersion; APIVersions
 * common.VersionSet; HelmVersion version.BuildInfo }.
 */
import { type GoFunc, GoObject, type GoValue, newGoMap } from "../govalue/value.js";

/** Helm 4.1.4's DefaultVersionSet, in its order. */
export const DEFAULT_API_VERSIONS: readonly string[] = [
  "v1",
  "admissionregistration.k8s.io/v1",
  "admissionregistration.k8s.io/v1alpha1",
  "admissionregistration.k8s.io/v1beta1",
  "internal.apiserver.k8s.io/v1alpha1",
  "apps/v1",
  "apps/v1beta1",
  "apps/v1beta2",
  "authentication.k8s.io/v1",
  "authentication.k8s.io/v1alpha1",
  "authentication.k8s.io/v1beta1",
  "authorization.k8s.io/v1",
  "authorization.k8s.io/v1beta1",
  "autoscaling/v1",
  "autoscaling/v2",
  "autoscaling/v2beta1",
  "autoscaling/v2beta2",
  "batch/v1",
  "batch/v1beta1",
  "certificates.k8s.io/v1",
  "certificates.k8s.io/v1beta1",
  "certificates.k8s.io/v1alpha1",
  "coordination.k8s.io/v1alpha2",
  "coordination.k8s.io/v1beta1",
  "coordination.k8s.io/v1",
  "discovery.k8s.io/v1",
  "discovery.k8s.io/v1beta1",
  "events.k8s.io/v1",
  "events.k8s.io/v1beta1",
  "extensions/v1beta1",
  "flowcontrol.apiserver.k8s.io/v1",
  "flowcontrol.apiserver.k8s.io/v1beta1",
  "flowcontrol.apiserver.k8s.io/v1beta2",
  "flowcontrol.apiserver.k8s.io/v1beta3",
  "networking.k8s.io/v1",
  "networking.k8s.io/v1beta1",
  "node.k8s.io/v1",
  "node.k8s.io/v1alpha1",
  "node.k8s.io/v1beta1",
  "policy/v1",
  "policy/v1beta1",
  "rbac.authorization.k8s.io/v1",
  "rbac.authorization.k8s.io/v1beta1",
  "rbac.authorization.k8s.io/v1alpha1",
  "resource.k8s.io/v1",
  "resource.k8s.io/v1beta2",
  "resource.k8s.io/v1beta1",
  "resource.k8s.io/v1alpha3",
  "scheduling.k8s.io/v1alpha1",
  "scheduling.k8s.io/v1beta1",
  "scheduling.k8s.io/v1",
  "storage.k8s.io/v1beta1",
  "storage.k8s.io/v1",
  "storage.k8s.io/v1alpha1",
  "storagemigration.k8s.io/v1beta1",
  "apiextensions.k8s.io/v1beta1",
  "apiextensions.k8s.io/v1",
];

/** What `.Capabilities.HelmVersion` holds (version.BuildInfo). */
export const HELM_BUILD_INFO = {
  Version: "v4.1.4",
  GitCommit: "05fa37973dc9e42b76e1d2883494c87174b6074f",
  GitTreeState: "clean",
  GoVersion: "go1.25.9",
  KubeClientVersion: "v1.35",
} as const;

/** A parsed Kubernetes version (Helm's common.KubeVersion). */
export interface KubeVersionInfo {
  /** As given, with a `v` prefix: `v1.33.4-gke.1`. */
  readonly version: string;
  /** Numeric components only, for constraints and String(): `v1.33.4`. */
  readonly normalized: string;
  readonly major: string;
  readonly minor: string;
}

export const DEFAULT_KUBE_VERSION: KubeVersionInfo = {
  version: "v1.35.0",
  normalized: "v1.35.0",
  major: "1",
  minor: "35",
};

export class KubeVersionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "KubeVersionError";
  }
}

/**
 * Helm's common.ParseKubeVersion over k8s.io's ParseGeneric: at least two numeric components,
 * anything after them ignored. Throws KubeVersionError with k8s' text.
 */
export function parseKubeVersion(input: string): KubeVersionInfo {
  const m = /^[\t\n\f\r ]*v?([0-9]+(?:\.[0-9]+)*)(.*)$/s.exec(input);
  if (!m) throw new KubeVersionError(`could not parse ${JSON.stringify(input)} as version`);
  const components = (m[1] as string).split(".");
  if (components.length < 2) throw new KubeVersionError(`illegal version string ${JSON.stringify(input)}`);
  const numbers = components.map((c) => {
    const n = BigInt(c);
    if (n > 0xffffffffn) throw new KubeVersionError(`illegal version value ${JSON.stringify(c)}`);
    return n;
  });
  return {
    version: input.startsWith("v") ? input : `v${input}`,
    normalized: `v${numbers.join(".")}`,
    major: String(numbers[0]),
    minor: String(numbers[1]),
  };
}

/** `--kube-version VALUE` as `helm template` reads it, with its error text. */
export function parseKubeVersionFlag(value: string): KubeVersionInfo {
  try {
    return parseKubeVersion(value);
  } catch (e) {
    throw new KubeVersionError(`invalid kube version '${value}': ${(e as Error).message}`);
  }
}

/**
 * pflag's StringSlice reading of one `--api-versions` value: a CSV record (quotes allowed,
 * spaces kept), an empty value adding nothing.
 */
export function splitApiVersionsFlag(value: string): string[] {
  if (value === "") return [];
  const out: string[] = [];
  let field = "";
  let i = 0;
  let quoted = false;
  let atStart = true;
  while (i < value.length) {
    const c = value[i] as string;
    if (atStart && c === '"') {
      quoted = true;
      atStart = false;
      i++;
      continue;
    }
    atStart = false;
    if (quoted) {
      if (c === '"' && value[i + 1] === '"') {
        field += '"';
        i += 2;
        continue;
      }
      if (c === '"') {
        quoted = false;
        i++;
        continue;
      }
      field += c;
      i++;
      continue;
    }
    if (c === ",") {
      out.push(field);
      field = "";
      atStart = true;
      i++;
      continue;
    }
    field += c;
    i++;
  }
  out.push(field);
  return out;
}

class KubeVersionObject extends GoObject {
  readonly goType = "common.KubeVersion";
  constructor(private readonly kv: KubeVersionInfo) {
    super();
  }
  field(name: string): GoValue | undefined {
    switch (name) {
      case "Version":
        return this.kv.version;
      case "Major":
        return this.kv.major;
      case "Minor":
        return this.kv.minor;
      default:
        return undefined;
    }
  }
  override method(name: string): GoFunc | undefined {
    if (name === "String") return { params: [], fn: () => this.kv.normalized };
    if (name === "GitVersion") return { params: [], fn: () => this.kv.version };
    return undefined;
  }
  /** `{{ .Capabilities.KubeVersion }}` prints String() (text/template takes the field's address). */
  format(): string {
    return this.kv.normalized;
  }
  override marshalValue(): GoValue {
    return newGoMap([
      ["Version", this.kv.version],
      ["Major", this.kv.major],
      ["Minor", this.kv.minor],
    ]);
  }
  /** The struct as fmt prints it when String() is out of reach (a non-pointer value). */
  formatStruct(): string {
    return `{${this.kv.version} ${this.kv.normalized} ${this.kv.major} ${this.kv.minor}}`;
  }
}

class VersionSetObject extends GoObject {
  readonly goType = "common.VersionSet";
  constructor(private readonly versions: readonly string[]) {
    super();
  }
  field(_name: string): GoValue | undefined {
    return undefined;
  }
  override method(name: string): GoFunc | undefined {
    if (name === "Has") return { params: ["string"], fn: (v) => this.versions.includes(v as string) };
    return undefined;
  }
  format(): string {
    return `[${this.versions.join(" ")}]`;
  }
  override asList(): GoValue[] {
    return [...this.versions];
  }
  override marshalValue(): GoValue {
    return [...this.versions];
  }
}

class BuildInfoObject extends GoObject {
  readonly goType = "version.BuildInfo";
  field(name: string): GoValue | undefined {
    return Object.hasOwn(HELM_BUILD_INFO, name) ? HELM_BUILD_INFO[name as keyof typeof HELM_BUILD_INFO] : undefined;
  }
  override marshalValue(): GoValue {
    const b = HELM_BUILD_INFO;
    return newGoMap([
      ["version", b.Version],
      ["git_commit", b.GitCommit],
      ["git_tree_state", b.GitTreeState],
      ["go_version", b.GoVersion],
      ["kube_client_version", b.KubeClientVersion],
    ]);
  }
  format(): string {
    const b = HELM_BUILD_INFO;
    return `{${b.Version} ${b.GitCommit} ${b.GitTreeState} ${b.GoVersion} ${b.KubeClientVersion}}`;
  }
}

/** `.Capabilities` (a *common.Capabilities). */
export class CapabilitiesObject extends GoObject {
  readonly goType = "*common.Capabilities";
  readonly kubeVersion: KubeVersionObject;
  readonly apiVersions: VersionSetObject;
  readonly helmVersion = new BuildInfoObject();
  constructor(
    readonly kube: KubeVersionInfo,
    readonly versions: readonly string[],
  ) {
    super();
    this.kubeVersion = new KubeVersionObject(kube);
    this.apiVersions = new VersionSetObject(versions);
  }
  field(name: string): GoValue | undefined {
    switch (name) {
      case "KubeVersion":
        return this.kubeVersion;
      case "APIVersions":
        return this.apiVersions;
      case "HelmVersion":
        return this.helmVersion;
      default:
        return undefined;
    }
  }
  override marshalValue(): GoValue {
    return newGoMap([
      ["KubeVersion", this.kubeVersion.marshalValue()],
      ["APIVersions", this.apiVersions.marshalValue()],
      ["HelmVersion", this.helmVersion.marshalValue()],
    ]);
  }
  format(): string {
    return `{${this.kubeVersion.formatStruct()} ${this.apiVersions.format()} ${this.helmVersion.format()}}`;
  }
}

/** Options that shape `.Capabilities` (`--kube-version`, `--api-versions`). */
export interface CapabilitiesOptions {
  kubeVersion?: KubeVersionInfo;
  /** Extra API versions, appended after the defaults. */
  apiVersions?: readonly string[];
}

export function makeCapabilities(opts: CapabilitiesOptions = {}): CapabilitiesObject {
  return new CapabilitiesObject(opts.kubeVersion ?? DEFAULT_KUBE_VERSION, [
    ...DEFAULT_API_VERSIONS,
    ...(opts.apiVersions ?? []),
  ]);
}
