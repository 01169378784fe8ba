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

/** The SubjectPublicKeyInfo DER of a key, or Go's marshalPublicKey error for DSA. */
export function publicKeyInfo(k: PrivateKey): Uint8Array {
  if (k.kind === "dsa") throw new GoError("x509: unsupported public key type: *dsa.PublicKey");
  return createPublicKey(k.key).export({ type: "spki", format: "der" });
}

/** Does the DER parse as this node key type? (Go's hints name the parser that would work.) */
function parsesAs(der: Uint8Array, type: "pkcs1" | "sec1" | "pkcs8"): boolean {
  try {
    createPrivateKey({ key: Buffer.from(der), format: "der", type });
    return true;
  } catch {
    return false;
  }
}

/** Go's first-level asn1 error for bytes that are not one well-formed SEQUENCE. */
function asn1Error(der: Uint8Array): string {
  try {
    const e = readElement(der, 0);
    if (e.tag !== TAG.SEQUENCE) return "asn1: structure error: tags don't match";
  } catch {
    return "asn1: syntax error: data truncated";
  }
  return "asn1: structure error: tags don't match";
}

function parsePkcs1(der: Uint8Array): PrivateKey {
  if (parsesAs(der, "pkcs1")) {
    return { kind: "rsa", key: createPrivateKey({ key: Buffer.from(der), format: "der", type: "pkcs1" }) };
  }
  if (parsesAs(der, "sec1"))
    throw new GoError("x509: failed to parse private key (use ParseECPrivateKey instead for this key format)");
  if (parsesAs(der, "pkcs8"))
    throw new GoError("x509: failed to parse private key (use ParsePKCS8PrivateKey instead for this key format)");
  throw new GoError(asn1Error(der));
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
  if (parsesAs(der, "sec1")) {
    const oid = sec1CurveOid(der);
    if (oid === undefined || !Object.hasOwn(CURVE_BY_OID, oid)) throw new GoError("x509: unknown elliptic curve");
    const key = createPrivateKey({ key: Buffer.from(der), format: "der", type: "sec1" });
    return { kind: "ecdsa", key, curve: CURVE_BY_OID[oid] };
  }
  if (parsesAs(der, "pkcs8"))
    throw new GoError("x509: failed to parse private key (use ParsePKCS8PrivateKey instead for this key format)");
  if (parsesAs(der, "pkcs1"))
    throw new GoError("x509: failed to parse private key (use ParsePKCS1PrivateKey instead for this key format)");
  throw new GoError(`x509: failed to parse EC private key: ${asn1Error(der)}`);
}

function parsePkcs8(der: Uint8Array): PrivateKey {
  if (!parsesAs(der, "pkcs8")) {
    if (parsesAs(der, "sec1"))
      throw new GoError("x509: failed to parse private key (use ParseECPrivateKey instead for this key format)");
    if (parsesAs(der, "pkcs1"))
      throw new GoError("x509: failed to parse private key (use ParsePKCS1PrivateKey instead for this key format)");
    throw new GoError(asn1Error(der));
  }
  const key = createPrivateKey({ key: Buffer.from(der), format: "der", type: "pkcs8" });
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
    default: {
      const alg = children(children(readWhole(der))[1])[0];
      throw new GoError(
        `x509: PKCS#8 wrapping contained private key with unknown algorithm: ${oidString(alg.content)}`,
      );
    }
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
  if (seq.tag !== TAG.SEQUENCE) throw new GoError("asn1: structure error: tags don't match");
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
