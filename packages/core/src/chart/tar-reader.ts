/**
 * A small synchronous tar reader (ustar, GNU long names, PAX path/size records), enough to
 * read chart archives the way Go's archive/tar presents them to Helm: one header per entry,
 * with the type flag, name, size and data. Checks header checksums and truncation so that a
 * damaged archive gives one clear error instead of garbage.
 */

export interface TarEntry {
  readonly name: string;
  /** Go's tar type flag as a character: "0" regular, "5" dir, "2" symlink, "1" hard link... */
  readonly type: string;
  readonly size: number;
  readonly data: Uint8Array;
  readonly linkname: string;
}

export class TarFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "TarFormatError";
  }
}

const BLOCK = 512;
const latin1 = new TextDecoder("latin1");
const utf8 = new TextDecoder();

function cstring(b: Uint8Array, off: number, len: number): string {
  const slice = b.subarray(off, off + len);
  const nul = slice.indexOf(0);
  return utf8.decode(nul >= 0 ? slice.subarray(0, nul) : slice);
}

function octal(b: Uint8Array, off: number, len: number): number {
  const first = b[off] as number;
  if (first & 0x80) {
    // GNU base-256 encoding for big numbers.
    let n = first & 0x7f;
    for (let i = 1; i < len; i++) n = n * 256 + (b[off + i] as number);
    return n;
  }
  const s = latin1
    .decode(b.subarray(off, off + len))
    .replace(/\0.*$/s, "")
    .trim();
  if (s === "") return 0;
  if (!/^[0-7]+$/.test(s)) throw new TarFormatError("archive/tar: invalid header");
  return Number.parseInt(s, 8);
}

function isZeroBlock(b: Uint8Array, off: number): boolean {
  for (let i = off; i < off + BLOCK; i++) if (b[i] !== 0) return false;
  return true;
}

function checksumOk(b: Uint8Array, off: number): boolean {
  const want = octal(b, off + 148, 8);
  let unsigned = 0;
  let signed = 0;
  for (let i = 0; i < BLOCK; i++) {
    const c = i >= 148 && i < 156 ? 0x20 : (b[off + i] as number);
    unsigned += c;
    signed += c > 127 ? c - 256 : c;
  }
  return want === unsigned || want === signed;
}

function parsePax(data: Uint8Array): Map<string, string> {
  const out = new Map<string, string>();
  const text = utf8.decode(data);
  let i = 0;
  while (i < text.length) {
    const sp = text.indexOf(" ", i);
    if (sp < 0) break;
    const len = Number.parseInt(text.slice(i, sp), 10);
    if (!Number.isFinite(len) || len <= 0) throw new TarFormatError("archive/tar: invalid header");
    const rec = text.slice(sp + 1, i + len - 1);
    const eq = rec.indexOf("=");
    if (eq > 0) out.set(rec.slice(0, eq), rec.slice(eq + 1));
    i += len;
  }
  return out;
}

/**
 * Reads entries in order. `onEntry` may stop early by returning false. PAX and GNU
 * long-name records are applied to the next entry and not reported, like Go's tar.Reader.
 */
export function readTar(buf: Uint8Array, onEntry: (e: TarEntry) => boolean | undefined): void {
  let off = 0;
  let longName: string | undefined;
  let longLink: string | undefined;
  let pax: Map<string, string> | undefined;
  while (off + BLOCK <= buf.length) {
    if (isZeroBlock(buf, off)) return;
    if (!checksumOk(buf, off)) throw new TarFormatError("archive/tar: invalid header");
    const typeByte = buf[off + 156] as number;
    const type = typeByte === 0 ? "0" : String.fromCharCode(typeByte);
    let size = octal(buf, off + 124, 12);
    let name = cstring(buf, off, 100);
    let linkname = cstring(buf, off + 157, 100);
    const magic = latin1.decode(buf.subarray(off + 257, off + 263));
    if (magic.startsWith("ustar")) {
      const prefix = cstring(buf, off + 345, 155);
      if (prefix !== "" && magic === "ustar\u0000") name = `${prefix}/${name}`;
    }
    const dataStart = off + BLOCK;
    if (pax?.has("size")) size = Number(pax.get("size"));
    if (dataStart + size > buf.length) throw new TarFormatError("unexpected EOF");
    const data = buf.subarray(dataStart, dataStart + size);
    off = dataStart + Math.ceil(size / BLOCK) * BLOCK;

    if (type === "L") {
      longName = cstring(data, 0, data.length);
      continue;
    }
    if (type === "K") {
      longLink = cstring(data, 0, data.length);
      continue;
    }
    if (type === "x") {
      pax = parsePax(data);
      continue;
    }
    if (type === "g") continue;
    if (longName !== undefined) name = longName;
    if (longLink !== undefined) linkname = longLink;
    if (pax?.has("path")) name = pax.get("path") as string;
    if (pax?.has("linkpath")) linkname = pax.get("linkpath") as string;
    longName = undefined;
    longLink = undefined;
    pax = undefined;
    // Go's tar.Reader turns an old-style regular entry whose name ends in "/" into a directory.
    const kind = type === "0" && name.endsWith("/") ? "5" : type;
    if (onEntry({ name, type: kind, size, data, linkname }) === false) return;
  }
  if (off < buf.length) throw new TarFormatError("unexpected EOF");
}
