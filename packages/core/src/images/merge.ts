/**
 * The union of the images of several renders of one chart (default values, `ci/*-values.yaml`...),
 * recording which value set brought each image and each occurrence.
 */
import { compareStrings, isWorkloadSource } from "./ordering.js";
import type { ImageEntry, ImageList, ImageSource, InvalidImageEntry, ManifestProblem } from "./types.js";

export interface ValueSetImages {
  /** A name for the value set: `default`, `ci/x-values.yaml`... */
  readonly valueSet: string;
  readonly list: ImageList;
}

export function mergeImageLists(inputs: readonly ValueSetImages[]): ImageList {
  const valid = new Map<string, { first: ImageEntry; sources: ImageSource[]; valueSets: string[] }>();
  const invalid = new Map<string, { first: InvalidImageEntry; sources: ImageSource[]; valueSets: string[] }>();
  const problems: ManifestProblem[] = [];
  for (const { valueSet, list } of inputs) {
    const tag = (s: ImageSource): ImageSource => ({ ...s, valueSet });
    for (const e of list.images) {
      const slot = valid.get(e.image) ?? { first: e, sources: [], valueSets: [] };
      valid.set(e.image, slot);
      slot.sources.push(...e.sources.map(tag));
      if (!slot.valueSets.includes(valueSet)) slot.valueSets.push(valueSet);
    }
    for (const e of list.invalid) {
      const key = `${e.raw}\u0000${e.reason}`;
      const slot = invalid.get(key) ?? { first: e, sources: [], valueSets: [] };
      invalid.set(key, slot);
      slot.sources.push(...e.sources.map(tag));
      if (!slot.valueSets.includes(valueSet)) slot.valueSets.push(valueSet);
    }
    problems.push(...list.problems.map((p) => ({ ...p, valueSet })));
  }
  const images = [...valid.values()]
    .map(({ first, sources, valueSets }) => ({
      ...first,
      workload: sources.some(isWorkloadSource),
      sources,
      valueSets,
    }))
    .sort((a, b) => compareStrings(a.image, b.image));
  const bad = [...invalid.values()]
    .map(({ first, sources, valueSets }) => ({
      ...first,
      workload: sources.some(isWorkloadSource),
      sources,
      valueSets,
    }))
    .sort((a, b) => compareStrings(a.raw, b.raw) || compareStrings(a.reason, b.reason));
  return { images, invalid: bad, problems };
}
