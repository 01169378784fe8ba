/**
 * Where in a chart's template source an image is written, for SARIF locations: the line of the
 * key that holds it (`image:` for containers, the last key of the rendered path otherwise), when
 * the source shows it unambiguously. Templates are text, not YAML, so this reads lines: the
 * candidates are the lines that write that key; several are told apart by the literal reference
 * or by the container's `name:` in the same list item; anything still ambiguous is no answer.
 */
import { type Chart, chartFullPath } from "../chart/model.js";

/** What is known of one place an image was found (an ImageSource's fields). */
export interface ImagePlace {
  /** The rendered path, e.g. `spec.template.spec.containers[1].image`. */
  path: string;
  container?: string;
  /** The reference as rendered. */
  raw: string;
}

/** Template texts by full name (`parent/charts/sub/templates/x.yaml`), like the render names them. */
export function templateSources(chart: Chart, depth = 0): Map<string, string> {
  const out = new Map<string, string>();
  // Subcharts nest as deep as the loader allowed; a bound keeps a malformed tree harmless.
  if (depth > 64) return out;
  const decoder = new TextDecoder();
  const prefix = chartFullPath(chart);
  for (const t of chart.templates) out.set(`${prefix}/${t.name}`, decoder.decode(t.data));
  for (const sub of chart.dependencies) for (const [k, v] of templateSources(sub, depth + 1)) out.set(k, v);
  return out;
}

/** The key that holds the value at the end of a rendered path (`containers[0].image` -> `image`). */
export function lastKey(path: string): string | undefined {
  const keys = path.split(".").map((k) => k.replace(/\[\d+\]$/, ""));
  for (let i = keys.length - 1; i >= 0; i--) if (keys[i] && !/^\[\d+\]$/.test(keys[i] as string)) return keys[i];
  return undefined;
}

const DASH = /^\s*-(\s|$)/;
const indentOf = (line: string) => line.length - line.trimStart().length;
/** Lines that are only template actions do not shape the YAML (`{{- if ... }}`). */
const isActionOnly = (line: string) => /^\s*\{\{.*\}\}\s*$/.test(line);

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * [first, last] line indexes of the innermost YAML list item that holds line `i` (the line
 * itself excluded when it starts an item), or undefined at the top level.
 */
function listItemAround(lines: readonly string[], i: number): [number, number] | undefined {
  let limit = indentOf(lines[i] as string);
  let start = -1;
  for (let j = i - 1; j >= 0; j--) {
    const l = lines[j] as string;
    if (l.trim() === "" || isActionOnly(l)) continue;
    const indent = indentOf(l);
    if (indent >= limit) continue;
    if (DASH.test(l)) {
      start = j;
      break;
    }
    // A parent key: the item, if any, holds it.
    limit = indent;
  }
  return start < 0 ? undefined : itemStartingAt(lines, start);
}

/** [start, last] line indexes of the list item whose dash is on line `start`. */
function itemStartingAt(lines: readonly string[], start: number): [number, number] {
  const dash = indentOf(lines[start] as string);
  for (let j = start + 1; j < lines.length; j++) {
    const l = lines[j] as string;
    if (l.trim() === "" || isActionOnly(l)) continue;
    if (indentOf(l) <= dash) return [start, j - 1];
  }
  return [start, lines.length - 1];
}

/** The 1-based line of the key that writes `place` in `text`, or undefined when not unambiguous. */
export function imageKeyLine(text: string, place: ImagePlace): number | undefined {
  const key = lastKey(place.path);
  if (key === undefined) return undefined;
  const lines = text.split("\n");
  const keyRe = new RegExp(`^\\s*(?:-\\s+)?["']?${escapeRegExp(key)}["']?\\s*:(?:\\s|$)`);
  let candidates = lines.flatMap((l, i) => (keyRe.test(l) ? [i] : []));
  if (candidates.length > 1 && place.raw !== "") {
    const literal = candidates.filter((i) => (lines[i] as string).includes(place.raw));
    if (literal.length > 0) candidates = literal;
  }
  if (candidates.length > 1 && place.container !== undefined) {
    const nameRe = new RegExp(`^\\s*(?:-\\s+)?name:\\s*["']?${escapeRegExp(place.container)}["']?\\s*$`);
    const names = lines.flatMap((l, i) => (nameRe.test(l) ? [i] : []));
    candidates = candidates.filter((i) => {
      // The container item is the outermost list item holding the key (env and args nest deeper).
      // A key on an item's own dash line (`- image: x`) belongs to that item.
      let item = DASH.test(lines[i] as string) ? itemStartingAt(lines, i) : listItemAround(lines, i);
      for (let guard = 0; item && guard < 8; guard++) {
        const [s, e] = item;
        if (names.some((n) => n >= s && n <= e)) return true;
        item = listItemAround(lines, s);
      }
      return false;
    });
  }
  return candidates.length === 1 ? (candidates[0] as number) + 1 : undefined;
}
