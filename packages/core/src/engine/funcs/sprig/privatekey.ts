/**
 * Sprig's private keys (crypto.go's generatePrivateKey, pemBlockForKey, parsePrivateKeyPEM) on
 * node:crypto: the PEM block types Go writes (RSA PKCS#1, EC SEC 1, DSA's OpenSSL layout,
 * PKCS#8 for the rest) and Go's error texts for keys it cannot read.
 */
import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from "node:crypto";
import { GoError } from "../../../govalue/value.js";
import {
  type Asn1Field,
  DSA_KEY_FORMAT,
  EC_PRIVATE_KEY,
  PKCS1_PRIVATE_KEY,
  PKCS8,
  unmarshalStruct,
} from "./asn1struct.js";
import {
  children,
  type DerElement,
  integer,
  integerValue,
  oidString,
  readElement,
  readWhole,
  sequence,
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

type NodeFormat = "pkcs1" | "sec1" | "pkcs8";

/** Would asn1.Unmarshal into this Go struct succeed? (Go's "use ParseXxx instead" hints ask it.) */
function fits(der: Uint8Array, name: string, fields: readonly Asn1Field[]): boolean {
  try {
    unmarshalStruct(der, name, fields);
    return true;
  } catch {
    return false;
  }
}

/** The key itself, once Go's structural checks passed; OpenSSL does the arithmetic checks. */
function nodeKey(der: Uint8Array, type: NodeFormat, invalid: string): KeyObject {
  try {
    return createPrivateKey({ key: Buffer.from(der), format: "der", type });
  } catch {
    throw new GoError(invalid);
  }
}

const useInstead = (parser: string) =>
  new GoError(`x509: failed to parse private key (use ${parser} instead for this key format)`);

const asSigned = (e: DerElement | undefined): bigint => (e === undefined ? 0n : integerValue(e.content));

/** x509.ParsePKCS1PrivateKey. */
function parsePkcs1(der: Uint8Array): PrivateKey {
  let f: (DerElement | undefined)[];
  try {
    f = unmarshalStruct(der, "pkcs1PrivateKey", PKCS1_PRIVATE_KEY);
  } catch (e) {
    if (fits(der, "ecPrivateKey", EC_PRIVATE_KEY)) throw useInstead("ParseECPrivateKey");
    if (fits(der, "pkcs8", PKCS8)) throw useInstead("ParsePKCS8PrivateKey");
    throw e;
  }
  if (readElement(der, 0).raw.length !== der.length) throw new GoError("asn1: syntax error: trailing data");
  if (asSigned(f[0]) > 1n) throw new GoError("x509: unsupported private key version");
  if ([f[1], f[3], f[4], f[5]].some((e) => asSigned(e) <= 0n))
    throw new GoError("x509: private key contains zero or negative value");
  return { kind: "rsa", key: nodeKey(der, "pkcs1", "crypto/rsa: invalid private key") };
}

function ecCurve(key: KeyObject): EcCurve | undefined {
  const name = key.asymmetricKeyDetails?.namedCurve;
  return name !== undefined && Object.hasOwn(NODE_CURVE, name) ? NODE_CURVE[name] : undefined;
}

/** x509.ParseECPrivateKey (the curve named inside the key). */
function parseSec1(der: Uint8Array): PrivateKey {
  let f: (DerElement | undefined)[];
  try {
    f = unmarshalStruct(der, "ecPrivateKey", EC_PRIVATE_KEY);
  } catch (e) {
    if (fits(der, "pkcs8", PKCS8)) throw useInstead("ParsePKCS8PrivateKey");
    if (fits(der, "pkcs1PrivateKey", PKCS1_PRIVATE_KEY)) throw useInstead("ParsePKCS1PrivateKey");
    throw new GoError(`x509: failed to parse EC private key: ${(e as Error).message}`);
  }
  const version = asSigned(f[0]);
  if (version !== 1n) throw new GoError(`x509: unknown EC private key version ${version}`);
  let oid = "";
  try {
    if (f[2] !== undefined) oid = oidString(readWhole(f[2].content).content);
  } catch {
    oid = "";
  }
  if (!Object.hasOwn(CURVE_BY_OID, oid)) throw new GoError("x509: unknown elliptic curve");
  return {
    kind: "ecdsa",
    key: nodeKey(der, "sec1", "x509: invalid elliptic curve private key value"),
    curve: CURVE_BY_OID[oid],
  };
}

const OID_RSA = "1.2.840.113549.1.1.1";
const OID_EC = "1.2.840.10045.2.1";
const OID_ED25519 = "1.3.101.112";
const OID_X25519 = "1.3.101.110";

/** x509.ParsePKCS8PrivateKey for the algorithms Go 1.25 reads (RSA, EC, Ed25519, X25519). */
function parsePkcs8(der: Uint8Array): PrivateKey {
  let f: (DerElement | undefined)[];
  try {
    f = unmarshalStruct(der, "pkcs8", PKCS8);
  } catch (e) {
    if (fits(der, "ecPrivateKey", EC_PRIVATE_KEY)) throw useInstead("ParseECPrivateKey");
    if (fits(der, "pkcs1PrivateKey", PKCS1_PRIVATE_KEY)) throw useInstead("ParsePKCS1PrivateKey");
    throw e;
  }
  const algId = children(f[1] as DerElement);
  const alg = oidString(algId[0].content);
  const inner = (f[2] as DerElement).content;
  switch (alg) {
    case OID_RSA:
      try {
        parsePkcs1(inner);
      } catch (e) {
        throw new GoError(`x509: failed to parse RSA private key embedded in PKCS#8: ${(e as Error).message}`);
      }
      return { kind: "rsa", key: nodeKey(der, "pkcs8", "crypto/rsa: invalid private key") };
    case OID_EC: {
      const invalid = "x509: failed to parse EC private key embedded in PKCS#8: x509: unknown elliptic curve";
      const key = nodeKey(der, "pkcs8", invalid);
      const curve = ecCurve(key);
      if (curve === undefined) throw new GoError(invalid);
      return { kind: "ecdsa", key, curve };
    }
    case OID_ED25519:
      return { kind: "ed25519", key: nodeKey(der, "pkcs8", "x509: invalid Ed25519 private key") };
    case OID_X25519:
      return {
        kind: "other",
        key: nodeKey(der, "pkcs8", "x509: invalid X25519 private key"),
        goType: "*ecdh.PrivateKey",
      };
    default:
      throw new GoError(`x509: PKCS#8 wrapping contained private key with unknown algorithm: ${alg}`);
  }
}

/** asn1.Unmarshal into Sprig's DSAKeyFormat (trailing data ignored). */
function parseDsa(der: Uint8Array): PrivateKey {
  const f = unmarshalStruct(der, "DSAKeyFormat", DSA_KEY_FORMAT);
  const [, p, q, g, y, x] = f.map(asSigned);
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
