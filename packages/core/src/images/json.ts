/**
 * The JSON contract of `helm-trivy images --output json`: one object per image, valid images first
 * (sorted by image), then invalid references (`invalid: true`, never scanned), sorted as written.
 */
import type { ImageList, ImageSource } from "./types.js";

export interface ImageSourceJson {
  template: string;
  document?: number;
  kind: string;
  name: string;
  namespace?: string;
  container?: string;
  path: string;
  rule: string;
  raw: string;
  valueSet?: string;
}

export interface ImageJson {
  /** The normalised reference; for an invalid one, the text as written. */
  image: string;
  raw: string;
  workload: boolean;
  invalid: boolean;
  /** Why the reference is invalid (Docker's words), and what usually causes it. */
  reason?: string;
  hint?: string;
  registry?: string;
  repository?: string;
  tag?: string;
  digest?: string;
  valueSets?: string[];
  sources: ImageSourceJson[];
}

export function imagesToJson(list: ImageList): ImageJson[] {
  const valid: ImageJson[] = list.images.map((e) => ({
    image: e.image,
    raw: e.raw,
    workload: e.workload,
    invalid: false,
    registry: e.ref.registry,
    repository: e.ref.repository,
    ...(e.ref.tag !== undefined ? { tag: e.ref.tag } : {}),
    ...(e.ref.digest !== undefined ? { digest: e.ref.digest } : {}),
    ...(e.valueSets !== undefined ? { valueSets: [...e.valueSets] } : {}),
    sources: e.sources.map(sourceToJson),
  }));
  const invalid: ImageJson[] = list.invalid.map((e) => ({
    image: e.raw,
    raw: e.raw,
    workload: e.workload,
    invalid: true,
    reason: e.reason,
    ...(e.hint !== undefined ? { hint: e.hint } : {}),
    ...(e.valueSets !== undefined ? { valueSets: [...e.valueSets] } : {}),
    sources: e.sources.map(sourceToJson),
  }));
  return [...valid, ...invalid];
}

/** The contract as text: two-space indented, with a final newline. */
export function imagesJsonText(list: ImageList): string {
  return `${JSON.stringify(imagesToJson(list), null, 2)}\n`;
}

function sourceToJson(s: ImageSource): ImageSourceJson {
  return {
    template: s.template,
    ...(s.document !== undefined ? { document: s.document } : {}),
    kind: s.kind,
    name: s.name,
    ...(s.namespace !== undefined ? { namespace: s.namespace } : {}),
    ...(s.container !== undefined ? { container: s.container } : {}),
    path: s.path,
    rule: s.rule,
    raw: s.raw,
    ...(s.valueSet !== undefined ? { valueSet: s.valueSet } : {}),
  };
}
