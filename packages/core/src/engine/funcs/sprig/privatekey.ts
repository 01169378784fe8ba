/**
 * Sprig's private keys (crypto.go's generatePrivateKey, pemBlockForKey, parsePrivateKeyPEM) on
 * node:crypto: the PEM block types Go writes (RSA PKCS#1, EC SEC 1, DSA's OpenSSL layout,
 * PKCS#8 for the rest) and Go's error texts for keys it cannot read.
 */
import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from "node:crypto";
import { GoError } from "../../../govalue/value.js";
import {
  children,
  type DerElement,
  integer,
  integerValue,
  oidString,
  readElement,
  readWhole,
  sequence,
  TAG,
} from "./der.js";
import { pemDecode, pemEncode } from "./pem.js";

export type EcCurve = "P-224" | "P-256" | "P-384" | "P-521";

/** DSA key material in Go's DSAKeyFormat order. */
export interface DsaKey {
  readonly p: bigint;
  readonly q: bigint;
  readonly g: bigint;
  readonly y: bigint;
  readonly x: bigint;
}

/** A private key as Sprig holds it: what Go's type switch on crypto.PrivateKey sees. */
export type PrivateKey =
  | { readonly kind: "rsa"; readonly key: KeyObject }
  | { readonly kind: "ecdsa"; readonly key: KeyObject; readonly curve: EcCurve }
  | { readonly kind: "ed25519"; readonly key: KeyObject }
  /** Other PKCS#8 keys Go parses (X25519 as *ecdh.PrivateKey): they have a public key but cannot sign. */
  | { readonly kind: "other"; readonly key: KeyObject; readonly goType: string }
  | { readonly kind: "dsa"; readonly dsa: DsaKey };

const CURVE_BY_OID: Record<string, EcCurve> = {
  "1.3.132.0.33": "P-224",
  "1.2.840.10045.3.1.7": "P-256",
  "1.3.132.0.34": "P-384",
  "1.3.132.0.35": "P-521",
};

const NODE_CURVE: Record<string, EcCurve> = {
  secp224r1: "P-224",
  prime256v1: "P-256",
  secp384r1: "P-384",
  secp521r1: "P-521",
};

export function rsaKey(bits: number): PrivateKey {
  return { kind: "rsa", key: generateKeyPairSync("rsa", { modulusLength: bits }).privateKey };
}

/** dsa.GenerateParameters(L2048N256) and dsa.GenerateKey. */
function generateDsa(): DsaKey {
  const { privateKey, publicKey } = generateKeyPairSync("dsa", { modulusLength: 2048, divisorLength: 256 });
  // PKCS#8: SEQUENCE { version, AlgorithmIdentifier { dsa, Dss-Parms { p, q, g } }, OCTET STRING { INTEGER x } }
  const p8 = children(readWhole(privateKey.export({ type: "pkcs8", format: "der" })));
  const [p, q, g] = children(children(p8[1])[1]).map((e) => integerValue(e.content));
  const x = integerValue(readWhole(p8[2].content).content);
  // SPKI: SEQUENCE { AlgorithmIdentifier, BIT STRING { INTEGER y } }
  const spki = children(readWhole(publicKey.export({ type: "spki", format: "der" })));
  const y = integerValue(readWhole(spki[1].content.subarray(1)).content);
  return { p, q, g, y, x };
}

/** Sprig's genPrivateKey: RSA 4096, ECDSA P-256, Ed25519, DSA L2048N256. */
export function generatePrivateKey(typ: string): string {
  switch (typ) {
    case "":
    case "rsa":
      return pemBlockForKey(rsaKey(4096));
    case "dsa":
      return pemBlockForKey({ kind: "dsa", dsa: generateDsa() });
    case "ecdsa":
      return pemBlockForKey({
        kind: "ecdsa",
        curve: "P-256",
        key: generateKeyPairSync("ec", { namedCurve: "P-256" }).privateKey,
      });
    case "ed25519":
      return pemBlockForKey({ kind: "ed25519", key: generateKeyPairSync("ed25519").privateKey });
    default:
      return `Unknown type ${typ}`;
  }
}

/** pemBlockForKey, encoded: the PEM text Sprig returns as a certificate's `.Key`. */
export function pemBlockForKey(k: PrivateKey): string {
  switch (k.kind) {
    case "rsa":
      return k.key.export({ type: "pkcs1", format: "pem" }) as string;
    case "ecdsa":
      return k.key.export({ type: "sec1", format: "pem" }) as string;
    case "dsa": {
      const { p, q, g, y, x } = k.dsa;
      return pemEncode(
        "DSA PRIVATE KEY",
        sequence(integer(0n), integer(p), integer(q), integer(g), integer(y), integer(x)),
      );
    }
    default:
      return k.key.export({ type: "pkcs8", format: "pem" }) as string;
  }
}

/** The SubjectPublicKeyInfo DER of a key, or Go's marshalPublicKey error for DSA and X25519. */
export function publicKeyInfo(k: PrivateKey): Uint8Array {
  if (k.kind === "dsa") throw new GoError("x509: unsupported public key type: *dsa.PublicKey");
  if (k.kind === "other") throw new GoError("x509: unsupported public key type: *ecdh.PublicKey");
  return createPublicKey(k.key).export({ type: "spki", format: "der" });
}

type KeyFormat = "pkcs1" | "sec1" | "pkcs8";

/** The leading fields each format's Go struct requires (later fields are optional or ignored). */
const REQUIRED_TAGS: Record<KeyFormat, readonly number[]> = {
  // pkcs1PrivateKey: Version, N, E, D, P, Q (Dp, Dq, Qinv optional)
  pkcs1: [TAG.INTEGER, TAG.INTEGER, TAG.INTEGER, TAG.INTEGER, TAG.INTEGER, TAG.INTEGER],
  // ecPrivateKey: Version, PrivateKey (curve and public key optional)
  sec1: [TAG.INTEGER, TAG.OCTET_STRING],
  // pkcs8: Version, Algo, PrivateKey
  pkcs8: [TAG.INTEGER, TAG.SEQUENCE, TAG.OCTET_STRING],
};

/**
 * Would Go's asn1.Unmarshal into this format's struct succeed? (Go checks structure only, and
 * its "use ParseXxx instead" hints name the format whose structure fits.) OpenSSL is laxer about
 * which format it was told, so node cannot answer this.
 */
function fitsFormat(der: Uint8Array, format: KeyFormat): boolean {
  try {
    const top = readElement(der, 0);
    if (top.tag !== TAG.SEQUENCE) return false;
    const fields = children(top);
    const want = REQUIRED_TAGS[format];
    return want.every((tag, i) => fields[i]?.tag === tag);
  } catch {
    return false;
  }
}

function nodeKey(der: Uint8Array, type: KeyFormat): KeyObject {
  try {
    return createPrivateKey({ key: Buffer.from(der), format: "der", type });
  } catch {
    throw new GoError("x509: invalid private key");
  }
}

const GO_FIELD_PARAMS =
  "{optional:false explicit:false application:false private:false defaultValue:<nil> tag:<nil> stringType:0 timeType:0 set:false omitEmpty:false}";

/** encoding/asn1's error when the outer SEQUENCE of Go struct `typeName` is not there. */
function asn1Error(der: Uint8Array, typeName: string): string {
  let e: DerElement;
  try {
    e = readElement(der, 0);
  } catch {
    return "asn1: syntax error: data truncated";
  }
  if (e.tag === TAG.SEQUENCE) return "asn1: structure error: sequence truncated";
  const header = e.raw.length - e.content.length;
  const desc = `{class:${e.tag >> 6} tag:${e.tag & 0x1f} length:${e.content.length} isCompound:${(e.tag & 0x20) !== 0}}`;
  return `asn1: structure error: tags don't match (16 vs ${desc}) ${GO_FIELD_PARAMS} ${typeName} @${header}`;
}

const useInstead = (parser: string) =>
  new GoError(`x509: failed to parse private key (use ${parser} instead for this key format)`);

function parsePkcs1(der: Uint8Array): PrivateKey {
  if (fitsFormat(der, "pkcs1")) return { kind: "rsa", key: nodeKey(der, "pkcs1") };
  if (fitsFormat(der, "sec1")) throw useInstead("ParseECPrivateKey");
  if (fitsFormat(der, "pkcs8")) throw useInstead("ParsePKCS8PrivateKey");
  throw new GoError(asn1Error(der, "pkcs1PrivateKey"));
}

function ecCurve(key: KeyObject): EcCurve | undefined {
  const name = key.asymmetricKeyDetails?.namedCurve;
  return name !== undefined && Object.hasOwn(NODE_CURVE, name) ? NODE_CURVE[name] : undefined;
}

/** The named-curve OID of a SEC 1 ECPrivateKey ([0] parameters), when present. */
function sec1CurveOid(der: Uint8Array): string | undefined {
  try {
    for (const e of children(readWhole(der))) {
      if (e.tag === 0xa0) return oidString(readWhole(e.content).content);
    }
  } catch {
    return undefined;
  }
  return undefined;
}

function parseSec1(der: Uint8Array): PrivateKey {
  if (fitsFormat(der, "sec1")) {
    const oid = sec1CurveOid(der);
    if (oid === undefined || !Object.hasOwn(CURVE_BY_OID, oid)) throw new GoError("x509: unknown elliptic curve");
    return { kind: "ecdsa", key: nodeKey(der, "sec1"), curve: CURVE_BY_OID[oid] };
  }
  if (fitsFormat(der, "pkcs8")) throw useInstead("ParsePKCS8PrivateKey");
  if (fitsFormat(der, "pkcs1")) throw useInstead("ParsePKCS1PrivateKey");
  throw new GoError(`x509: failed to parse EC private key: ${asn1Error(der, "ecPrivateKey")}`);
}

/** The algorithm OID of a PKCS#8 structure ("" when its AlgorithmIdentifier is malformed). */
function pkcs8Algorithm(der: Uint8Array): string {
  try {
    const algId = children(readElement(der, 0))[1];
    const first = children(algId)[0];
    return first?.tag === TAG.OID ? oidString(first.content) : "";
  } catch {
    return "";
  }
}

/** The PKCS#8 algorithms Go 1.25 reads: RSA, EC, Ed25519, X25519. */
const KNOWN_PKCS8 = new Set(["1.2.840.113549.1.1.1", "1.2.840.10045.2.1", "1.3.101.112", "1.3.101.110"]);

function parsePkcs8(der: Uint8Array): PrivateKey {
  if (!fitsFormat(der, "pkcs8")) {
    if (fitsFormat(der, "sec1")) throw useInstead("ParseECPrivateKey");
    if (fitsFormat(der, "pkcs1")) throw useInstead("ParsePKCS1PrivateKey");
    throw new GoError(asn1Error(der, "pkcs8"));
  }
  const alg = pkcs8Algorithm(der);
  if (!KNOWN_PKCS8.has(alg))
    throw new GoError(`x509: PKCS#8 wrapping contained private key with unknown algorithm: ${alg}`);
  const key = nodeKey(der, "pkcs8");
  switch (key.asymmetricKeyType) {
    case "rsa":
      return { kind: "rsa", key };
    case "ec": {
      const curve = ecCurve(key);
      if (curve === undefined)
        throw new GoError("x509: failed to parse EC private key embedded in PKCS#8: x509: unknown elliptic curve");
      return { kind: "ecdsa", key, curve };
    }
    case "ed25519":
      return { kind: "ed25519", key };
    case "x25519":
      return { kind: "other", key, goType: "*ecdh.PrivateKey" };
    default:
      throw new GoError(`x509: PKCS#8 wrapping contained private key with unknown algorithm: ${alg}`);
  }
}

/** asn1.Unmarshal into DSAKeyFormat{Version int; P, Q, G, Y, X *big.Int} (trailing data ignored). */
function parseDsa(der: Uint8Array): PrivateKey {
  let seq: DerElement;
  try {
    seq = readElement(der, 0);
  } catch {
    throw new GoError("asn1: syntax error: data truncated");
  }
  if (seq.tag !== TAG.SEQUENCE) throw new GoError(asn1Error(der, "DSAKeyFormat"));
  const fields = children(seq);
  if (fields.length < 6) throw new GoError("asn1: syntax error: sequence truncated");
  if (fields.some((f) => f.tag !== TAG.INTEGER)) throw new GoError("asn1: structure error: tags don't match");
  if (fields.some((f) => f.content.length === 0)) throw new GoError("asn1: syntax error: empty integer");
  const [, p, q, g, y, x] = fields.map((f) => integerValue(f.content));
  return { kind: "dsa", dsa: { p, q, g, y, x } };
}

/** parsePrivateKeyPEM: the first PEM block of the text as a private key. */
export function parsePrivateKeyPEM(text: string): PrivateKey {
  const block = pemDecode(text);
  if (block === null) throw new GoError("no PEM data in input");
  if (block.type === "PRIVATE KEY") {
    try {
      return parsePkcs8(block.bytes);
    } catch (e) {
      throw new GoError(`decoding PEM as PKCS#8: ${(e as Error).message}`);
    }
  }
  if (!block.type.endsWith(" PRIVATE KEY")) throw new GoError(`no private key data in PEM block of type ${block.type}`);
  const kind = block.type.slice(0, -" PRIVATE KEY".length);
  const wrap = (what: string, parse: (der: Uint8Array) => PrivateKey): PrivateKey => {
    try {
      return parse(block.bytes);
    } catch (e) {
      throw new GoError(`parsing ${what} private key from PEM: ${(e as Error).message}`);
    }
  };
  switch (kind) {
    case "RSA":
      return wrap("RSA", parsePkcs1);
    case "EC":
      return wrap("EC", parseSec1);
    case "DSA":
      return wrap("DSA", parseDsa);
    default:
      throw new GoError(`invalid private key type ${block.type}`);
  }
}

export { ecCurve };
