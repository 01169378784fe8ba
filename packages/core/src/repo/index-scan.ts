/**
 * A line scanner over the index.yaml layout every index generator writes (Helm's
 * `helm repo index`, chart-releaser, ChartMuseum): block style, top-level `entries:` whose
 * children are chart names at one indentation. It only finds where each chart's entries
 * are, so that a 20 MB index costs one pass over the text and only the charts asked for
 * are parsed. Anything outside that layout makes it give up (returns undefined) and the
 * caller parses the whole document.
 */

export interface IndexLayout {
  /** The text with the `entries:` block cut out (apiVersion, generated, serverInfo...). */
  readonly header: string;
  /** Chart name -> [start, end) of its `name: ...` key line and value lines in the text. */
  readonly charts: ReadonlyMap<string, readonly [number, number]>;
}

const SPACE = 0x20;
const HASH = 0x23;
const DASH = 0x2d;
const CR = 0x0d;
const NL = 0x0a;
const TAB = 0x09;

function indentOf(text: string, start: number, end: number): number {
  let i = start;
  while (i < end && text.charCodeAt(i) === SPACE) i++;
  return i - start;
}

function isBlank(text: string, from: number, end: number): boolean {
  for (let i = from; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === HASH) return true;
    if (c !== SPACE && c !== CR && c !== TAB) return false;
  }
  return true;
}

/** `name:` at the start of a line (plain or simply quoted), or undefined if unusual. */
function keyOf(line: string): string | undefined {
  const q = line[0];
  if (q === '"' || q === "'") {
    const close = line.indexOf(q, 1);
    if (close < 0 || line[close + 1] !== ":") return undefined;
    const key = line.slice(1, close);
    if (q === '"' && key.includes("\\")) return undefined;
    if (q === "'" && line[close + 1] === "'") return undefined;
    return key;
  }
  const m = /^([^\s:#&*!|>'"%@`{}[\],?-][^:#]*?|-[^\s:#][^:#]*?):(?:[ \t]|$)/.exec(line);
  return m ? m[1] : undefined;
}

export function scanIndexLayout(text: string): IndexLayout | undefined {
  const len = text.length;
  let pos = 0;
  let entriesStart = -1; // offset of the `entries:` line
  let blockStart = -1; // first line of the entries block
  let blockEnd = -1;
  let childIndent = -1;
  const charts = new Map<string, [number, number]>();
  let current: [number, number] | undefined;

  while (pos < len) {
    let nl = text.indexOf("\n", pos);
    if (nl < 0) nl = len;
    const c0 = text.charCodeAt(pos);
    if (blockStart < 0) {
      // Top level, before entries.
      if (c0 !== SPACE && c0 !== HASH && c0 !== NL && c0 !== CR) {
        if (c0 === TAB || c0 === DASH || c0 === 0x2e /* ... */ || c0 === 0x25 /* % */) {
          if (!isBlank(text, pos, nl)) return undefined;
        }
        if (text.startsWith("entries:", pos)) {
          if (!isBlank(text, pos + 8, nl)) return undefined; // flow or inline value
          entriesStart = pos;
          blockStart = nl + 1;
        }
      }
    } else if (blockEnd < 0) {
      if (!isBlank(text, pos, nl)) {
        const ind = indentOf(text, pos, nl);
        const c = text.charCodeAt(pos + ind);
        if (c === TAB) return undefined;
        if (ind === 0) {
          if (c === DASH) return undefined; // a sequence or a document marker
          blockEnd = pos;
          if (current) current[1] = pos;
          current = undefined;
        } else {
          if (childIndent < 0) childIndent = ind;
          if (ind < childIndent) return undefined;
          if (ind === childIndent && c !== DASH) {
            const key = keyOf(text.slice(pos + ind, nl));
            if (key === undefined) return undefined;
            if (current) current[1] = pos;
            current = [pos, len];
            charts.set(key, current);
          } else if (!current) {
            return undefined;
          }
        }
      }
    } else if (c0 === DASH && text.startsWith("---", pos)) {
      return undefined; // several documents: let the full parser judge
    } else if (text.startsWith("entries:", pos)) {
      return undefined; // a duplicate key: let the full parser judge
    }
    pos = nl + 1;
  }
  if (entriesStart < 0) return undefined;
  if (blockEnd < 0) blockEnd = len;
  if (current) current[1] = blockEnd;
  const header = `${text.slice(0, entriesStart)}${text.slice(blockEnd)}`;
  return { header, charts };
}
