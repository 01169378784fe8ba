/**
 * extractImages: every container image a chart's rendered manifests would run, with where each
 * occurrence was found. Pod specs of workload kinds give `workload: true` images; the loose rules
 * (`image:` keys elsewhere, image flags, IMAGE variables) give the images operators will start.
 */
import { parseAllDocuments, type YAMLMap } from "yaml";
import { imagesInArgs, imagesInEnv, type LooseHit, namesAnImage } from "./loose-rules.js";
import { compareStrings, isWorkloadSource } from "./ordering.js";
import { CONTAINER_LISTS, POD_VOLUMES, podSpecPath } from "./pod-spec.js";
import { mayHoldImages, onlyCustomResourceDefinitions } from "./prefilter.js";
import { type InvalidImageRef, type ParsedImageRef, parseImageRef } from "./reference.js";
import { parseTemplateOutput } from "./template-output.js";
import type {
  ImageEntry,
  ImageList,
  ImageRule,
  ImageSource,
  InvalidImageEntry,
  ManifestProblem,
  RenderedManifest,
} from "./types.js";
import {
  isMap,
  isSeq,
  mapGet,
  mapGetText,
  mapPairs,
  pairKey,
  resolve,
  scalarText,
  type YamlDoc,
} from "./yaml-nodes.js";

/** Nesting beyond this is not searched (aliases can make a tree cyclic). */
const MAX_DEPTH = 200;
/** Nodes visited per resource at most: aliases can make a small text an exponentially large tree. */
const MAX_VISITS = 250_000;

/** A path as a chain of links from the leaf: cheap to extend, spelt only when an image is found. */
interface PathLink {
  readonly parent: PathLink | undefined;
  readonly key: string | number;
}

/** The resource an occurrence belongs to. */
interface Resource {
  readonly template: string;
  readonly document?: number;
  readonly kind: string;
  readonly name: string;
  readonly namespace?: string;
}

/**
 * Extracts the images of rendered manifests, given as `{template, content}` pairs or as the whole
 * `helm template` output. Never throws on content: YAML errors become `problems`, bad references
 * become `invalid` entries.
 */
export function extractImages(
  manifests: readonly RenderedManifest[] | string,
  options: ExtractOptions = {},
): ImageList {
  const list = typeof manifests === "string" ? parseTemplateOutput(manifests) : manifests;
  const collector = new Collector();
  for (const m of list) {
    if (options.prefilter !== false && !mayHoldImages(m.content)) continue;
    if (options.searchCrds !== true && onlyCustomResourceDefinitions(m.content)) continue;
    extractFromManifest(m, collector);
  }
  return collector.result();
}

export interface ExtractOptions {
  /** Skip manifests whose text cannot match any rule (sound, only faster). Default true. */
  readonly prefilter?: boolean;
  /** Search CustomResourceDefinitions too (they define schemas, run nothing). Default false. */
  readonly searchCrds?: boolean;
}

function extractFromManifest(m: RenderedManifest, collector: Collector): void {
  const docs = parseAllDocuments(m.content, { version: "1.1", uniqueKeys: false, merge: true, prettyErrors: false });
  const all = Array.isArray(docs) ? docs : [];
  all.forEach((doc, i) => {
    const document = all.length > 1 ? i : undefined;
    if (doc.errors.length > 0) {
      collector.problem({ template: m.template, document, message: firstLine(doc.errors[0]!.message) });
      return;
    }
    const root = resolve(doc.contents, doc);
    if (!isMap(root)) return;
    const items = mapGet(root, "items", doc);
    const kind = mapGetText(root, "kind", doc) ?? "";
    if (kind.endsWith("List") && isSeq(items)) {
      items.items.forEach((item, j) => {
        const r = resolve(item, doc);
        if (isMap(r))
          new ResourceWalker(doc, r, m.template, document, collector).walk({
            parent: { parent: undefined, key: "items" },
            key: j,
          });
      });
      return;
    }
    new ResourceWalker(doc, root, m.template, document, collector).walk(undefined);
  });
}

/** Walks one Kubernetes resource and reports each image occurrence to the collector. */
class ResourceWalker {
  private readonly resource: Resource;
  /** The container maps of this resource's pod spec: their `image` is a workload image. */
  private readonly podContainers = new Set<YAMLMap>();
  /** The volume maps of this resource's pod spec: their `image.reference` is a workload image. */
  private readonly podVolumes = new Set<YAMLMap>();
  /** The `data` map of a ConfigMap: its keys are read like env variable names. */
  private readonly configMapData: YAMLMap | undefined;
  /** A ConfigMap named for images (rook-ceph's `rook-csi-operator-image-set-configmap`): every value may be one. */
  private readonly imageSetConfigMap: boolean;
  private visits = 0;
  private stopped = false;

  constructor(
    private readonly doc: YamlDoc,
    private readonly root: YAMLMap,
    template: string,
    document: number | undefined,
    private readonly collector: Collector,
  ) {
    const kind = mapGetText(root, "kind", doc) ?? "";
    const metadata = mapGet(root, "metadata", doc);
    const name = isMap(metadata) ? mapGetText(metadata, "name", doc) : undefined;
    const namespace = isMap(metadata) ? mapGetText(metadata, "namespace", doc) : undefined;
    this.resource = {
      template,
      ...(document !== undefined ? { document } : {}),
      kind,
      name: name ?? "",
      ...(namespace !== undefined ? { namespace } : {}),
    };
    this.findPodContainers(kind);
    const data = kind === "ConfigMap" ? mapGet(root, "data", doc) : undefined;
    this.configMapData = isMap(data) ? data : undefined;
    this.imageSetConfigMap = this.configMapData !== undefined && namesAnImage(name ?? "");
  }

  walk(base: PathLink | undefined): void {
    this.walkNode(this.root, base, undefined, 0);
  }

  private findPodContainers(kind: string): void {
    const path = podSpecPath(kind);
    if (path === undefined) return;
    let node = resolve(this.root, this.doc);
    for (const key of path) node = isMap(node) ? mapGet(node, key, this.doc) : undefined;
    if (!isMap(node)) return;
    for (const list of CONTAINER_LISTS) {
      const containers = mapGet(node, list, this.doc);
      if (!isSeq(containers)) continue;
      for (const c of containers.items) {
        const r = resolve(c, this.doc);
        if (isMap(r)) this.podContainers.add(r);
      }
    }
    const volumes = mapGet(node, POD_VOLUMES, this.doc);
    if (!isSeq(volumes)) return;
    for (const v of volumes.items) {
      const r = resolve(v, this.doc);
      if (isMap(r)) this.podVolumes.add(r);
    }
  }

  private walkNode(node: unknown, path: PathLink | undefined, container: string | undefined, depth: number): void {
    if (this.stopped) return;
    if (depth > MAX_DEPTH || ++this.visits > MAX_VISITS) {
      this.stopped = true;
      const why = depth > MAX_DEPTH ? `nesting deeper than ${MAX_DEPTH} levels` : `more than ${MAX_VISITS} nodes`;
      this.collector.problem({
        template: this.resource.template,
        document: this.resource.document,
        message: `${why} at ${spell(path)}: the rest of ${this.resource.kind} ${this.resource.name} was not searched`,
      });
      return;
    }
    const n = resolve(node, this.doc);
    if (isSeq(n)) {
      n.items.forEach((item, i) => {
        this.walkNode(item, { parent: path, key: i }, container, depth + 1);
      });
      return;
    }
    if (!isMap(n)) return;
    const isPodContainer = this.podContainers.has(n);
    const isPodVolume = this.podVolumes.has(n);
    if (n === this.configMapData) this.configMapKeys(n, path, container);
    let sawImage = false;
    for (const pair of mapPairs(n, this.doc)) {
      const key = pairKey(pair, this.doc);
      if (key === undefined) continue;
      const here: PathLink = { parent: path, key };
      const value = resolve(pair.value, this.doc);
      if (key === "image" && isPodContainer) {
        sawImage = true;
        this.containerImage(value, here, container);
      } else if (key === "image" && isPodVolume && isMap(value)) {
        this.volumeImage(value, here, container);
      } else if (key === "image" && this.looseImage(value, here, container)) {
        // an image string or map: nothing below it to search
      } else if ((key === "args" || key === "command") && isSeq(value)) {
        this.args(value.items, here, container);
      } else if (key === "env" && isSeq(value)) {
        this.env(value.items, here, container);
      } else if (CONTAINER_LISTS.has(key) && isSeq(value)) {
        value.items.forEach((item, i) => {
          const c = resolve(item, this.doc);
          const name = isMap(c) ? mapGetText(c, "name", this.doc) : undefined;
          this.walkNode(c, { parent: here, key: i }, name, depth + 2);
        });
      } else {
        this.walkNode(value, here, container, depth + 1);
      }
    }
    if (isPodContainer && !sawImage) {
      const missing: InvalidImageRef = { invalid: true, raw: "", reason: "container has no image" };
      this.report(missing, "container", { parent: path, key: "image" }, container, false);
    }
  }

  /** A pod container's `image`: a string, or a finding. */
  private containerImage(value: ReturnType<typeof resolve>, path: PathLink, container: string | undefined): void {
    const text = scalarText(value);
    if (typeof text === "string") {
      this.report(parseImageRef(text), "container", path, container, false);
    } else if (text === null || value === undefined) {
      this.report(parseImageRef(""), "container", path, container, false);
    } else {
      const notString: InvalidImageRef = { invalid: true, raw: "", reason: "image is not a string" };
      this.report(notString, "container", path, container, false);
    }
  }

  /**
   * A pod volume's `image: {reference, pullPolicy}`: the kubelet pulls the reference before the
   * pod starts. A missing reference is a finding, as a container without an image is.
   */
  private volumeImage(value: YAMLMap, path: PathLink, container: string | undefined): void {
    const here: PathLink = { parent: path, key: "reference" };
    const reference = resolve(mapGet(value, "reference", this.doc), this.doc);
    const text = scalarText(reference);
    if (typeof text === "string") {
      this.report(parseImageRef(text), "image-volume", here, container, false);
    } else if (text === null || reference === undefined) {
      const missing: InvalidImageRef = { invalid: true, raw: "", reason: "image volume has no reference" };
      this.report(missing, "image-volume", here, container, false);
    } else {
      const notString: InvalidImageRef = { invalid: true, raw: "", reason: "image volume reference is not a string" };
      this.report(notString, "image-volume", here, container, false);
    }
  }

  /** `image:` outside pod containers: a string, `{registry?, repository, tag?, digest?}` or `{reference}`. False when none. */
  private looseImage(value: ReturnType<typeof resolve>, path: PathLink, container: string | undefined): boolean {
    const text = scalarText(value);
    if (typeof text === "string") {
      this.report(parseImageRef(text), "image-key", path, container, false);
      return true;
    }
    if (!isMap(value)) return false;
    const repository = mapGetText(value, "repository", this.doc);
    if (repository === undefined) {
      // an image volume's shape, in an operator resource or a pod spec of a kind we do not know
      const reference = mapGetText(value, "reference", this.doc);
      if (reference === undefined) return false;
      this.report(parseImageRef(reference), "image-map", { parent: path, key: "reference" }, container, false);
      return true;
    }
    const registry = mapGetText(value, "registry", this.doc);
    const tag = mapGetText(value, "tag", this.doc);
    const digest = mapGetText(value, "digest", this.doc);
    const raw = (registry ? `${registry}/` : "") + repository + (tag ? `:${tag}` : "") + (digest ? `@${digest}` : "");
    this.report(parseImageRef(raw), "image-map", path, container, false);
    return true;
  }

  private args(items: readonly unknown[], path: PathLink, container: string | undefined): void {
    const strings = items.map((item) => {
      const t = scalarText(resolve(item, this.doc));
      return typeof t === "string" ? t : undefined;
    });
    for (const hit of imagesInArgs(strings)) this.loose(hit, { parent: path, key: hit.index }, container);
  }

  private env(items: readonly unknown[], path: PathLink, container: string | undefined): void {
    items.forEach((item, i) => {
      const v = resolve(item, this.doc);
      if (!isMap(v)) return;
      const name = mapGetText(v, "name", this.doc);
      const value = mapGetText(v, "value", this.doc);
      if (name === undefined || value === undefined) return;
      const valuePath: PathLink = { parent: { parent: path, key: i }, key: "value" };
      for (const raw of imagesInEnv(name, value)) {
        this.loose({ raw, rule: "env", index: i, validOnly: false }, valuePath, container);
      }
    });
  }

  /**
   * A ConfigMap's `data` keys named like image variables (rook-ceph's `ROOK_CSI_CEPH_IMAGE`):
   * operators read them as they read their env, so the env rule applies, words with `/` or `:`.
   * In a ConfigMap whose name names images, the values of the other keys too, when valid.
   */
  private configMapKeys(data: YAMLMap, path: PathLink | undefined, container: string | undefined): void {
    for (const pair of mapPairs(data, this.doc)) {
      const name = pairKey(pair, this.doc);
      const value = scalarText(resolve(pair.value, this.doc));
      // a key spelt `image` is the image-key rule's already
      if (name === undefined || name === "image" || typeof value !== "string") continue;
      const here: PathLink = { parent: path, key: name };
      if (namesAnImage(name)) {
        for (const raw of imagesInEnv(name, value)) {
          this.loose({ raw, rule: "configmap-data", index: 0, validOnly: false }, here, container);
        }
      } else if (this.imageSetConfigMap && isPinnedRepositoryPath(value)) {
        this.loose({ raw: value, rule: "configmap-data", index: 0, validOnly: true }, here, container);
      }
    }
  }

  private loose(hit: LooseHit, path: PathLink, container: string | undefined): void {
    this.report(parseImageRef(hit.raw), hit.rule, path, container, hit.validOnly);
  }

  private report(
    ref: ParsedImageRef,
    rule: ImageRule,
    path: PathLink,
    container: string | undefined,
    validOnly: boolean,
  ): void {
    if (ref.invalid && validOnly) return;
    const source: ImageSource = {
      ...this.resource,
      ...(container !== undefined ? { container } : {}),
      path: spell(path),
      rule,
      raw: ref.raw,
    };
    this.collector.add(ref, source);
  }
}

/**
 * Any key's value in an image-set ConfigMap, so a strict test: one valid reference with a `/` and a
 * tag or digest (`registry.k8s.io/sig-storage/csi-attacher:v4.12.0`), never `0.0.0.0:8080` or `conf/app.yaml`.
 */
function isPinnedRepositoryPath(value: string): boolean {
  if (!value.includes("/")) return false;
  const ref = parseImageRef(value);
  return !ref.invalid && !ref.defaultTag;
}

/** Groups occurrences by normalised image (valid) or by text and reason (invalid). */
class Collector {
  private readonly valid = new Map<string, { entry: Omit<ImageEntry, "sources">; sources: ImageSource[] }>();
  private readonly invalid = new Map<string, { ref: InvalidImageRef; sources: ImageSource[] }>();
  private readonly problems: ManifestProblem[] = [];

  add(ref: ParsedImageRef, source: ImageSource): void {
    if (ref.invalid) {
      const key = `${ref.raw}\u0000${ref.reason}`;
      let slot = this.invalid.get(key);
      if (slot === undefined) {
        slot = { ref, sources: [] };
        this.invalid.set(key, slot);
      }
      slot.sources.push(source);
      return;
    }
    let slot = this.valid.get(ref.full);
    if (slot === undefined) {
      slot = { entry: { image: ref.full, raw: ref.raw, ref, workload: false }, sources: [] };
      this.valid.set(ref.full, slot);
    }
    slot.sources.push(source);
  }

  problem(p: ManifestProblem): void {
    this.problems.push(p.document === undefined ? { template: p.template, message: p.message } : p);
  }

  result(): ImageList {
    const images: ImageEntry[] = [...this.valid.values()]
      .map(({ entry, sources }) => ({ ...entry, workload: sources.some(isWorkloadSource), sources }))
      .sort((a, b) => compareStrings(a.image, b.image));
    const invalid: InvalidImageEntry[] = [...this.invalid.values()]
      .map(({ ref, sources }) => ({
        raw: ref.raw,
        reason: ref.reason,
        ...(ref.hint !== undefined ? { hint: ref.hint } : {}),
        ref,
        workload: sources.some(isWorkloadSource),
        sources,
      }))
      .sort((a, b) => compareStrings(a.raw, b.raw) || compareStrings(a.reason, b.reason));
    return { images, invalid, problems: this.problems };
  }
}

const PLAIN_KEY = /^[A-Za-z0-9_-]+$/;

/** `spec.template.spec.containers[0].image`; keys that are not plain words as `["a.b/c"]`. */
function spell(path: PathLink | undefined): string {
  const parts: string[] = [];
  for (let p = path; p !== undefined; p = p.parent) {
    if (typeof p.key === "number") parts.push(`[${p.key}]`);
    else if (PLAIN_KEY.test(p.key)) parts.push(p.parent === undefined ? p.key : `.${p.key}`);
    else parts.push(`[${JSON.stringify(p.key)}]`);
  }
  return parts.reverse().join("");
}

function firstLine(s: string): string {
  const i = s.indexOf("\n");
  return i < 0 ? s : s.slice(0, i);
}
