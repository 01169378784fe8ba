/**
 * Helm's releaseutil for `helm template`: splitting rendered files into YAML documents
 * (SplitManifests), reading each document's head (kind, name, annotations), separating hooks
 * from plain manifests, and sorting both by Helm's install order of kinds (SortManifests).
 */
import { type GoMap, type GoValue, isGoList, isGoMap } from "../govalue/value.js";
import type { HelmLog } from "../values/log.js";
import { parseYaml } from "../yaml/parse.js";
import { fastHeadFields } from "./manifest-head.js";

/** A plain (non-hook) manifest: one YAML document of a rendered template file. */
export interface Manifest {
  /** The template path, e.g. `mychart/templates/deployment.yaml`. */
  readonly name: string;
  readonly content: string;
  readonly head: SimpleHead;
}

/** A hook manifest (`helm.sh/hook` annotation). */
export interface Hook {
  readonly name: string;
  readonly kind: string;
  readonly path: string;
  readonly manifest: string;
  readonly events: readonly HookEvent[];
  readonly weight: number;
}

export type HookEvent =
  | "pre-install"
  | "post-install"
  | "pre-delete"
  | "post-delete"
  | "pre-upgrade"
  | "post-upgrade"
  | "pre-rollback"
  | "post-rollback"
  | "test";

const HOOK_EVENTS: Record<string, HookEvent> = {
  "pre-install": "pre-install",
  "post-install": "post-install",
  "pre-delete": "pre-delete",
  "post-delete": "post-delete",
  "pre-upgrade": "pre-upgrade",
  "post-upgrade": "post-upgrade",
  "pre-rollback": "pre-rollback",
  "post-rollback": "post-rollback",
  test: "test",
  // Helm 2's name, still accepted.
  "test-success": "test",
};

export const HOOK_ANNOTATION = "helm.sh/hook";
export const HOOK_WEIGHT_ANNOTATION = "helm.sh/hook-weight";

/** Helm's InstallOrder: kinds earlier in the list are printed first; unknown kinds last. */
export const INSTALL_ORDER: readonly string[] = [
  "PriorityClass",
  "Namespace",
  "NetworkPolicy",
  "ResourceQuota",
  "LimitRange",
  "PodSecurityPolicy",
  "PodDisruptionBudget",
  "ServiceAccount",
  "Secret",
  "SecretList",
  "ConfigMap",
  "StorageClass",
  "PersistentVolume",
  "PersistentVolumeClaim",
  "CustomResourceDefinition",
  "ClusterRole",
  "ClusterRoleList",
  "ClusterRoleBinding",
  "ClusterRoleBindingList",
  "Role",
  "RoleList",
  "RoleBinding",
  "RoleBindingList",
  "Service",
  "DaemonSet",
  "Pod",
  "ReplicationController",
  "ReplicaSet",
  "Deployment",
  "HorizontalPodAutoscaler",
  "StatefulSet",
  "Job",
  "CronJob",
  "IngressClass",
  "Ingress",
  "APIService",
  "MutatingWebhookConfiguration",
  "ValidatingWebhookConfiguration",
];

/** What Helm reads of a manifest (releaseutil.SimpleHead). */
export interface SimpleHead {
  readonly apiVersion: string;
  readonly kind: string;
  readonly metadata: { readonly name: string; readonly annotations: Readonly<Record<string, string>> | null } | null;
}

/** A manifest that does not parse: Helm's `YAML parse error on FILE: ...`. */
export class ManifestParseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ManifestParseError";
  }
}

/** Go's unicode.IsSpace, for strings.TrimSpace. */
const GO_SPACE =
  "\t\n\v\f\r \u0085\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000";

export function goTrimSpace(s: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && GO_SPACE.includes(s[a] as string)) a++;
  while (b > a && GO_SPACE.includes(s[b - 1] as string)) b--;
  return s.slice(a, b);
}

/** RE2's ASCII `\s` (no \v): [\t\n\f\r ]. */
function isRe2Space(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d || c === 0x0c;
}

/**
 * Go's regexp `(?:^|\s*\n)---\s*`.Split(s, -1), in one linear pass. A regular expression
 * would retry `\s*\n` from every blank of every indentation run (quadratic on CRDs); here the
 * leftmost match is found from the next "\n---": it starts where the blank run before that
 * newline starts (not before the end of the previous match) and eats the blanks after `---`.
 */
export function splitOnSeparators(s: string): string[] {
  const out: string[] = [];
  let beg = 0;
  let pos = 0;
  const skipBlanks = (i: number): number => {
    while (i < s.length && isRe2Space(s.charCodeAt(i))) i++;
    return i;
  };
  if (s.startsWith("---")) {
    out.push("");
    beg = pos = skipBlanks(3);
  }
  for (;;) {
    const nl = s.indexOf("\n---", pos);
    if (nl < 0) break;
    let start = nl;
    while (start > pos && isRe2Space(s.charCodeAt(start - 1))) start--;
    out.push(s.slice(beg, start));
    beg = pos = skipBlanks(nl + 4);
  }
  out.push(s.slice(beg));
  return out;
}

/** releaseutil.SplitManifests, in document order: trimmed documents, empty ones dropped. */
export function splitManifests(bigFile: string): string[] {
  const docs = splitOnSeparators(goTrimSpace(bigFile));
  const out: string[] = [];
  for (const d of docs) {
    if (d === "") continue;
    out.push(goTrimSpace(d));
  }
  return out;
}

function jsonKind(v: GoValue): string {
  if (isGoList(v)) return "array";
  if (isGoMap(v)) return "object";
  if (typeof v === "string") return "string";
  if (typeof v === "boolean") return "bool";
  return "number";
}

/** A field lookup the way encoding/json matches struct fields: case-insensitively, last wins. */
function jsonField(m: GoMap, name: string): GoValue | undefined {
  let found: GoValue | undefined;
  const lower = name.toLowerCase();
  for (const k of Object.keys(m)) if (k.toLowerCase() === lower) found = m[k];
  return found;
}

const METADATA_TYPE =
  'struct { Name string "json:\\"name\\""; Annotations map[string]string "json:\\"annotations\\"" }';

/** A scalar into a Go string field, as sigs.k8s.io/yaml converts it for the target type. */
function stringField(v: GoValue | undefined, path: string): string {
  if (v === undefined || v === null) return "";
  if (typeof v === "string") return v;
  if (typeof v === "boolean" || typeof v === "number" || typeof v === "bigint") return String(v);
  throw new Error(`json: cannot unmarshal ${jsonKind(v)} into Go struct field ${path} of type string`);
}

/** The head of one document, with encoding/json's errors for misplaced types. */
export function readSimpleHead(doc: GoValue): SimpleHead {
  if (doc === null || doc === undefined) return { apiVersion: "", kind: "", metadata: null };
  if (!isGoMap(doc)) throw new Error(`json: cannot unmarshal ${jsonKind(doc)} into Go value of type util.SimpleHead`);
  const apiVersion = stringField(jsonField(doc, "apiVersion"), "SimpleHead.apiVersion");
  const kind = stringField(jsonField(doc, "kind"), "SimpleHead.kind");
  const md = jsonField(doc, "metadata");
  if (md === undefined || md === null) return { apiVersion, kind, metadata: null };
  if (!isGoMap(md)) {
    throw new Error(
      `json: cannot unmarshal ${jsonKind(md)} into Go struct field SimpleHead.metadata of type ${METADATA_TYPE}`,
    );
  }
  const name = stringField(jsonField(md, "name"), ".metadata.name");
  const ann = jsonField(md, "annotations");
  let annotations: Record<string, string> | null = null;
  if (ann !== undefined && ann !== null) {
    if (!isGoMap(ann)) {
      throw new Error(
        `json: cannot unmarshal ${jsonKind(ann)} into Go struct field .metadata.annotations of type map[string]string`,
      );
    }
    annotations = Object.create(null) as Record<string, string>;
    for (const k of Object.keys(ann)) annotations[k] = stringField(ann[k], ".metadata.annotations");
  }
  return { apiVersion, kind, metadata: { name, annotations } };
}

function parseHead(content: string, file: string): SimpleHead {
  // The common layout is read without the full parser; anything unusual takes the full path.
  const fields = fastHeadFields(content);
  if (fields !== undefined) return readSimpleHead(fields);
  let doc: GoValue;
  try {
    doc = parseYaml(content);
  } catch (e) {
    throw new ManifestParseError(`YAML parse error on ${file}: ${(e as Error).message}`);
  }
  try {
    return readSimpleHead(doc);
  } catch (e) {
    throw new ManifestParseError(
      `YAML parse error on ${file}: error unmarshaling JSON: while decoding JSON: ${(e as Error).message}`,
    );
  }
}

function kindRank(kind: string): number | undefined {
  const i = INSTALL_ORDER.indexOf(kind);
  return i < 0 ? undefined : i;
}

/** Helm's lessByKind as a comparator for a stable sort. */
export function compareKinds(a: string, b: string): number {
  const ra = kindRank(a);
  const rb = kindRank(b);
  if (ra === undefined && rb === undefined) return a < b ? -1 : a > b ? 1 : 0;
  if (ra === undefined) return 1;
  if (rb === undefined) return -1;
  return ra - rb;
}

/** Go's strconv.Atoi for the hook weight; anything else is weight 0. */
function hookWeight(s: string | undefined): number {
  if (s === undefined || !/^[+-]?[0-9]+$/.test(s)) return 0;
  const n = Number(s);
  return Number.isSafeInteger(n) ? n : 0;
}

/** Go's sort.Strings order: by UTF-8 bytes (code points), not UTF-16 units. */
function compareGoStrings(a: string, b: string): number {
  const ab = Buffer.from(a, "utf8");
  const bb = Buffer.from(b, "utf8");
  return Buffer.compare(ab, bb);
}

export interface SortedManifests {
  hooks: Hook[];
  manifests: Manifest[];
}

/**
 * releaseutil.SortManifests: files in path order (partials `_*` and blank files skipped), each
 * split into documents; hooks apart; both sorted by kind, stably. Unknown hook events drop the
 * document (logged like Helm). Throws ManifestParseError.
 */
export function sortManifests(files: ReadonlyMap<string, string>, log?: HelmLog): SortedManifests {
  const hooks: Hook[] = [];
  const manifests: Manifest[] = [];
  const paths = [...files.keys()].sort(compareGoStrings);
  for (const path of paths) {
    const content = files.get(path) as string;
    const base = path.slice(path.lastIndexOf("/") + 1);
    if (base.startsWith("_")) continue;
    if (goTrimSpace(content) === "") continue;
    for (const m of splitManifests(content)) {
      const head = parseHead(m, path);
      const annotations = head.metadata?.annotations;
      if (!annotations || Object.keys(annotations).length === 0 || !Object.hasOwn(annotations, HOOK_ANNOTATION)) {
        manifests.push({ name: path, content: m, head });
        continue;
      }
      const hookTypes = annotations[HOOK_ANNOTATION] as string;
      const events: HookEvent[] = [];
      let unknown = false;
      for (const t of hookTypes.split(",")) {
        const e = HOOK_EVENTS[goTrimSpace(t).toLowerCase()];
        if (e === undefined || !Object.hasOwn(HOOK_EVENTS, goTrimSpace(t).toLowerCase())) {
          unknown = true;
          break;
        }
        events.push(e);
      }
      if (unknown) {
        log?.info("skipping unknown hooks", ["hookTypes", hookTypes]);
        continue;
      }
      hooks.push({
        name: head.metadata?.name ?? "",
        kind: head.kind,
        path,
        manifest: m,
        events,
        weight: hookWeight(annotations[HOOK_WEIGHT_ANNOTATION]),
      });
    }
  }
  const byKind =
    <T>(kindOf: (x: T) => string) =>
    (a: T, b: T) =>
      compareKinds(kindOf(a), kindOf(b));
  // Array.prototype.sort is stable, like Go's sort.SliceStable.
  manifests.sort(byKind((m: Manifest) => m.head.kind));
  hooks.sort(byKind((h: Hook) => h.kind));
  return { hooks, manifests };
}
