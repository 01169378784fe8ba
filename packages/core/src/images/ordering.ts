/** Shared small rules for building image lists: which sources make a workload, and the sort order. */
import type { ImageSource } from "./types.js";

/** An image is a workload image when a pod of a workload kind pulls it: runs it, or mounts it as a volume. */
export function isWorkloadSource(s: ImageSource): boolean {
  return s.rule === "container" || s.rule === "image-volume";
}

/** Code-unit order, like Go's sort.Strings: the same on every machine and locale. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
