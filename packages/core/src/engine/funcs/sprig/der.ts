/**
 * ASN.1 DER: the encoders Go's encoding/asn1 uses for X.509 certificates (with its string
 * and time choices), and a bounded reader for the certificates and keys Sprig parses back.
 */

export const TAG = {
  BOOLEAN: 0x01,
  INTEGER: 0x02,
  BIT_STRING: 0x03,
  OCTET_STRING: 0x04,
  NULL: 0x05,
  OID: 0x06,
  UTF8_STRING: 0x0c,
  PRINTABLE_STRING: 0x13,
  IA5_STRING: 0x16,
  UTC_TIME: 0x17,
  GENERALIZED_TIME: 0x18,
  SEQUENCE: 0x30,
  SET: 0x31,
} as const;

export function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
  let n = 0;
  for (const p of parts) n += p.length;
  const out = new Uint8Array(n);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

function lengthBytes(n: number): number[] {
  if (n < 0x80) return [n];
  const bytes: number[] = [];
  for (let v = n; v > 0; v = Math.floor(v / 256)) bytes.unshift(v & 0xff);
  return [0x80 | bytes.length, ...bytes];
}

/** One tag-length-value element. */
export function tlv(tag: number, content: Uint8Array): Uint8Array {
  return concatBytes([Uint8Array.from([tag, ...lengthBytes(content.length)]), content]);
}

export const sequence = (...items: Uint8Array[]): Uint8Array => tlv(TAG.SEQUENCE, concatBytes(items));
export const set = (...items: Uint8Array[]): Uint8Array => tlv(TAG.SET, concatBytes(items));

/** A context-specific tag: [n] EXPLICIT (constructed) or IMPLICIT over primitive content. */
export function contextTag(n: number, content: Uint8Array, constructed: boolean): Uint8Array {
  return tlv((constructed ? 0xa0 : 0x80) | n, content);
}

/** INTEGER in minimal two's complement, as Go marshals a big.Int or an int. */
export function integer(n: bigint): Uint8Array {
  const bytes: number[] = [];
  let v = n;
  // Emit bytes until the remaining value is just the sign extension of the last byte.
  for (;;) {
    const b = Number(BigInt.asUintN(8, v));
    bytes.unshift(b);
    v >>= 8n;
    if ((v === 0n && (b & 0x80) === 0) || (v === -1n && (b & 0x80) !== 0)) break;
  }
  return tlv(TAG.INTEGER, Uint8Array.from(bytes));
}

/** An unsigned big-endian magnitude (e.g. an RSA modulus) as a positive INTEGER. */
export function bytesToBigInt(b: Uint8Array): bigint {
  let v = 0n;
  for (const x of b) v = (v << 8n) | BigInt(x);
  return v;
}

export function oid(dotted: string): Uint8Array {
  const arcs = dotted.split(".").map((a) => BigInt(a));
  const out: number[] = [];
  const push = (arc: bigint) => {
    const chunk: number[] = [Number(arc & 0x7fn)];
    for (let v = arc >> 7n; v > 0n; v >>= 7n) chunk.unshift(Number(v & 0x7fn) | 0x80);
    out.push(...chunk);
  };
  push(arcs[0] * 40n + arcs[1]);
  for (const a of arcs.slice(2)) push(a);
  return tlv(TAG.OID, Uint8Array.from(out));
}

export const boolean = (b: boolean): Uint8Array => tlv(TAG.BOOLEAN, Uint8Array.of(b ? 0xff : 0));
export const nullValue = (): Uint8Array => tlv(TAG.NULL, new Uint8Array(0));
export const octetString = (b: Uint8Array): Uint8Array => tlv(TAG.OCTET_STRING, b);

export function bitString(bytes: Uint8Array, unusedBits = 0): Uint8Array {
  return tlv(TAG.BIT_STRING, concatBytes([Uint8Array.of(unusedBits), bytes]));
}

/** encoding/asn1's PrintableString alphabet for marshalling ('*' and '&' not allowed). */
function isPrintable(s: string): boolean {
  return /^[a-zA-Z0-9 '()+,\-./:=?]*$/.test(s);
}

/** A Go string without an explicit ASN.1 type: PrintableString when it fits, else UTF8String. */
export function goString(bytes: Uint8Array, text: string): Uint8Array {
  return tlv(isPrintable(text) ? TAG.PRINTABLE_STRING : TAG.UTF8_STRING, bytes);
}

const pad = (n: number, w: number): string => String(n).padStart(w, "0");

/** A time as Go's asn1 marshals time.Time (in UTC): UTCTime for 1950-2049, else GeneralizedTime. */
export function time(d: Date): Uint8Array {
  const y = d.getUTCFullYear();
  const rest =
    pad(d.getUTCMonth() + 1, 2) +
    pad(d.getUTCDate(), 2) +
    pad(d.getUTCHours(), 2) +
    pad(d.getUTCMinutes(), 2) +
    pad(d.getUTCSeconds(), 2);
  if (y >= 1950 && y < 2050) return tlv(TAG.UTC_TIME, new TextEncoder().encode(`${pad(y % 100, 2)}${rest}Z`));
  return tlv(TAG.GENERALIZED_TIME, new TextEncoder().encode(`${pad(y, 4)}${rest}Z`));
}

/** A parsed element: its tag, the whole encoding (`raw`) and its content. */
export interface DerElement {
  readonly tag: number;
  readonly raw: Uint8Array;
  readonly content: Uint8Array;
}

export class DerError extends Error {}

/** Reads the element at `offset`; definite lengths only, as DER requires. Errors carry Go's asn1 texts. */
export function readElement(buf: Uint8Array, offset = 0): DerElement {
  const syntax = (m: string) => new DerError(`asn1: syntax error: ${m}`);
  const structure = (m: string) => new DerError(`asn1: structure error: ${m}`);
  if (offset >= buf.length) throw syntax("truncated tag or length");
  const tag = buf[offset];
  if ((tag & 0x1f) === 0x1f) throw structure("high-tag-number form is not supported here");
  if (offset + 1 >= buf.length) throw syntax("truncated tag or length");
  let len = buf[offset + 1];
  let at = offset + 2;
  if (len & 0x80) {
    const n = len & 0x7f;
    if (n === 0) throw syntax("indefinite length found (not DER)");
    len = 0;
    for (let i = 0; i < n; i++) {
      if (at >= buf.length) throw syntax("truncated tag or length");
      if (len >= 1 << 23) throw structure("length too large");
      len = len * 256 + buf[at++];
      if (len === 0) throw structure("superfluous leading zeros in length");
    }
    if (len < 0x80) throw structure("non-minimal length");
  }
  if (at + len > buf.length) throw syntax("data truncated");
  return { tag, raw: buf.subarray(offset, at + len), content: buf.subarray(at, at + len) };
}

/** Reads a whole buffer as exactly one element (no trailing data). */
export function readWhole(buf: Uint8Array): DerElement {
  const e = readElement(buf, 0);
  if (e.raw.length !== buf.length) throw new DerError("trailing data");
  return e;
}

/** The elements inside a constructed element's content. */
export function children(e: DerElement): DerElement[] {
  const out: DerElement[] = [];
  for (let at = 0; at < e.content.length; ) {
    const c = readElement(e.content, at);
    out.push(c);
    at += c.raw.length;
    if (out.length > 10_000) throw new DerError("too many elements");
  }
  return out;
}

export function oidString(content: Uint8Array): string {
  const arcs: bigint[] = [];
  let v = 0n;
  for (const b of content) {
    v = (v << 7n) | BigInt(b & 0x7f);
    if ((b & 0x80) === 0) {
      arcs.push(v);
      v = 0n;
    }
  }
  if (arcs.length === 0) return "";
  const first = arcs[0] < 80n ? arcs[0] / 40n : 2n;
  return [first, arcs[0] - first * 40n, ...arcs.slice(1)].join(".");
}

/** An INTEGER's content as a signed bigint. */
export function integerValue(content: Uint8Array): bigint {
  if (content.length === 0) throw new DerError("empty integer");
  const v = bytesToBigInt(content);
  return content[0] & 0x80 ? v - (1n << BigInt(content.length * 8)) : v;
}
