/**
 * encoding/asn1.Unmarshal into a Go struct, reduced to what key parsing needs: the structural
 * checks in Go's order (missing fields, tag mismatches, integer encodings) with Go's exact
 * error texts, which Sprig passes through to the template error. Extra trailing fields inside a
 * SEQUENCE are ignored, as Go ignores them.
 */
import { GoError } from "../../../govalue/value.js";
import { type DerElement, DerError, readElement, TAG } from "./der.js";

/** One field of a Go struct: the universal tag it expects and reflect's Type.Name() of it. */
export interface Asn1Field {
  readonly tag: number;
  /** "int", "" (for *big.Int and []byte, unnamed types), or a struct's name. */
  readonly goName: string;
  readonly optional?: boolean;
  /** For an `asn1:"explicit,tag:N"` field: the context tag number. */
  readonly explicitTag?: number;
  /** Fields of a nested struct (its SEQUENCE is checked the same way). */
  readonly fields?: readonly Asn1Field[];
  /** An `int` field: at most 8 bytes. */
  readonly int64?: boolean;
}

const PARAMS =
  "{optional:false explicit:false application:false private:false defaultValue:<nil> tag:<nil> stringType:0 timeType:0 set:false omitEmpty:false}";

function describe(e: DerElement): string {
  return `{class:${e.tag >> 6} tag:${e.tag & 0x1f} length:${e.content.length} isCompound:${(e.tag & 0x20) !== 0}}`;
}

const syntax = (msg: string) => new GoError(`asn1: syntax error: ${msg}`);

function readAt(buf: Uint8Array, offset: number): DerElement {
  try {
    return readElement(buf, offset);
  } catch (e) {
    throw new GoError(e instanceof DerError ? e.message : "asn1: syntax error: data truncated");
  }
}

/** checkInteger plus parseInt64's size limit. */
function checkInteger(content: Uint8Array, int64: boolean): void {
  if (content.length === 0) throw syntax("empty integer");
  if (content.length > 1 && ((content[0] === 0 && !(content[1] & 0x80)) || (content[0] === 0xff && content[1] & 0x80)))
    throw new GoError("asn1: structure error: integer not minimally-encoded");
  if (int64 && content.length > 8) throw new GoError("asn1: structure error: integer too large");
}

/**
 * Unmarshals `der` as the struct `fields` named `name`; returns the elements of the fields that
 * were present (undefined for absent optional ones). Throws GoError with Go's text.
 */
export function unmarshalStruct(
  der: Uint8Array,
  name: string,
  fields: readonly Asn1Field[],
): (DerElement | undefined)[] {
  if (der.length === 0) throw syntax("sequence truncated");
  const outer = readAt(der, 0);
  const header = outer.raw.length - outer.content.length;
  if (outer.tag !== TAG.SEQUENCE)
    throw new GoError(
      `asn1: structure error: tags don't match (16 vs ${describe(outer)}) ${PARAMS} ${name} @${header}`,
    );
  return walkFields(outer.content, fields);
}

function walkFields(content: Uint8Array, fields: readonly Asn1Field[]): (DerElement | undefined)[] {
  const out: (DerElement | undefined)[] = [];
  let offset = 0;
  for (const f of fields) {
    if (offset === content.length) {
      if (f.optional) {
        out.push(undefined);
        continue;
      }
      throw syntax("sequence truncated");
    }
    const e = readAt(content, offset);
    const header = e.raw.length - e.content.length;
    const want = f.explicitTag !== undefined ? 0xa0 | f.explicitTag : f.tag;
    if (e.tag !== want) {
      if (f.optional) {
        out.push(undefined);
        continue;
      }
      throw new GoError(
        `asn1: structure error: tags don't match (${f.tag & 0x1f} vs ${describe(e)}) ${PARAMS} ${f.goName} @${offset + header}`,
      );
    }
    if (f.tag === TAG.INTEGER && f.explicitTag === undefined) checkInteger(e.content, f.int64 === true);
    if (f.fields !== undefined) walkFields(e.content, f.fields);
    out.push(e);
    offset += e.raw.length;
  }
  return out;
}

const int: Asn1Field = { tag: TAG.INTEGER, goName: "int", int64: true };
const bigInt: Asn1Field = { tag: TAG.INTEGER, goName: "" };
const optionalBigInt: Asn1Field = { ...bigInt, optional: true };
const bytes: Asn1Field = { tag: TAG.OCTET_STRING, goName: "" };

/** crypto/x509's pkcs1PrivateKey. */
export const PKCS1_PRIVATE_KEY: readonly Asn1Field[] = [
  int,
  bigInt,
  int,
  bigInt,
  bigInt,
  bigInt,
  optionalBigInt,
  optionalBigInt,
  optionalBigInt,
];

/** crypto/x509's ecPrivateKey. */
export const EC_PRIVATE_KEY: readonly Asn1Field[] = [
  int,
  bytes,
  { tag: TAG.OID, goName: "ObjectIdentifier", optional: true, explicitTag: 0 },
  { tag: TAG.BIT_STRING, goName: "BitString", optional: true, explicitTag: 1 },
];

/** crypto/x509's pkcs8 (Version, pkix.AlgorithmIdentifier, PrivateKey). */
export const PKCS8: readonly Asn1Field[] = [
  int,
  {
    tag: TAG.SEQUENCE,
    goName: "AlgorithmIdentifier",
    fields: [{ tag: TAG.OID, goName: "ObjectIdentifier" }],
  },
  bytes,
];

/** Sprig's DSAKeyFormat{Version int; P, Q, G, Y, X *big.Int}. */
export const DSA_KEY_FORMAT: readonly Asn1Field[] = [int, bigInt, bigInt, bigInt, bigInt, bigInt];
