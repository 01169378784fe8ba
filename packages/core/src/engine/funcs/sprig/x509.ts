/**
 * Go's crypto/x509 as Sprig uses it: CreateCertificate (the TBSCertificate layout, extension
 * order, criticality and encodings Go 1.25 writes, the truncated SHA-256 subject key id) and
 * the parts of ParseCertificate that signing needs (raw subject, key id, public key).
 */
import { createHash, sign } from "node:crypto";
import { quote } from "../../../govalue/strconv.js";
import { GoError } from "../../../govalue/value.js";
import {
  bitString,
  boolean,
  children,
  contextTag,
  type DerElement,
  DerError,
  goString,
  integer,
  nullValue,
  octetString,
  oid,
  oidString,
  readWhole,
  sequence,
  set,
  time,
} from "./der.js";
import { type PrivateKey, publicKeyInfo } from "./privatekey.js";

/** x509.KeyUsage bits. */
export const KeyUsage = {
  DigitalSignature: 1 << 0,
  KeyEncipherment: 1 << 2,
  CertSign: 1 << 5,
} as const;

const OID = {
  commonName: "2.5.4.3",
  keyUsage: "2.5.29.15",
  extKeyUsage: "2.5.29.37",
  basicConstraints: "2.5.29.19",
  subjectKeyId: "2.5.29.14",
  authorityKeyId: "2.5.29.35",
  subjectAltName: "2.5.29.17",
  serverAuth: "1.3.6.1.5.5.7.3.1",
  clientAuth: "1.3.6.1.5.5.7.3.2",
  sha256WithRSA: "1.2.840.113549.1.1.11",
  ecdsaWithSHA256: "1.2.840.10045.4.3.2",
  ecdsaWithSHA384: "1.2.840.10045.4.3.3",
  ecdsaWithSHA512: "1.2.840.10045.4.3.4",
  ed25519: "1.3.101.112",
} as const;

/** The fields of Sprig's template (getBaseCertTemplate) that reach the certificate. */
export interface CertTemplate {
  readonly serialNumber: bigint;
  readonly commonName: string;
  /** net.IP values already shortened as Go writes them (4 bytes for IPv4, else 16). */
  readonly ipAddresses: readonly Uint8Array[];
  readonly dnsNames: readonly string[];
  readonly notBefore: Date;
  readonly notAfter: Date;
  readonly keyUsage: number;
  readonly isCA: boolean;
}

/** What CreateCertificate reads from the parent certificate. */
export interface ParentCert {
  readonly rawSubject: Uint8Array;
  readonly subjectKeyId: Uint8Array | undefined;
  readonly publicKeyInfo: Uint8Array;
}

/** pkix.Name{CommonName: cn}.ToRDNSequence(), marshalled: empty when cn is "". */
function subjectName(cn: string): Uint8Array {
  if (cn === "") return sequence();
  return sequence(set(sequence(oid(OID.commonName), goString(new TextEncoder().encode(cn), cn))));
}

function extension(id: string, critical: boolean, value: Uint8Array): Uint8Array {
  return critical ? sequence(oid(id), boolean(true), octetString(value)) : sequence(oid(id), octetString(value));
}

/** marshalKeyUsage: the bits reversed into a BIT STRING without trailing zero bits. */
function keyUsageValue(ku: number): Uint8Array {
  const reverse = (b: number) => {
    let r = 0;
    for (let i = 0; i < 8; i++) if (b & (1 << i)) r |= 0x80 >> i;
    return r;
  };
  const bytes = [reverse(ku & 0xff), reverse((ku >> 8) & 0xff)];
  const used = bytes[1] !== 0 ? bytes : bytes.slice(0, 1);
  const last = used[used.length - 1];
  let unused = 0;
  if (last === 0) unused = 0;
  else while (((last >> unused) & 1) === 0) unused++;
  return bitString(Uint8Array.from(used), unused);
}

/** marshalSANs: DNS names, then IP addresses. */
function sanValue(dnsNames: readonly string[], ips: readonly Uint8Array[]): Uint8Array {
  const names: Uint8Array[] = [];
  for (const name of dnsNames) {
    for (const ch of name) {
      if (ch.codePointAt(0)! > 0x7f) throw new GoError(`x509: ${quote(name)} cannot be encoded as an IA5String`);
    }
    names.push(contextTag(2, new TextEncoder().encode(name), false));
  }
  for (const ip of ips) names.push(contextTag(7, ip, false));
  return sequence(...names);
}

/** The subjectPublicKey BIT STRING's bytes inside a SubjectPublicKeyInfo. */
function publicKeyBits(spki: Uint8Array): Uint8Array {
  return children(readWhole(spki))[1].content.subarray(1);
}

/** signingParamsForKey with Go's default algorithm for each key type. */
function signatureAlgorithm(signer: PrivateKey): { algId: Uint8Array; hash: string | null } {
  switch (signer.kind) {
    case "rsa":
      return { algId: sequence(oid(OID.sha256WithRSA), nullValue()), hash: "sha256" };
    case "ecdsa":
      if (signer.curve === "P-384") return { algId: sequence(oid(OID.ecdsaWithSHA384)), hash: "sha384" };
      if (signer.curve === "P-521") return { algId: sequence(oid(OID.ecdsaWithSHA512)), hash: "sha512" };
      return { algId: sequence(oid(OID.ecdsaWithSHA256)), hash: "sha256" };
    case "ed25519":
      return { algId: sequence(oid(OID.ed25519)), hash: null };
    default:
      throw new GoError("x509: certificate private key does not implement crypto.Signer");
  }
}

const sameBytes = (a: Uint8Array, b: Uint8Array): boolean => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * x509.CreateCertificate(rand, template, parent, pub, priv) for Sprig's templates; `parent`
 * undefined means self-signed (parent = template). Returns the certificate's DER.
 */
export function createCertificate(
  template: CertTemplate,
  signee: PrivateKey,
  parent: ParentCert | undefined,
  signer: PrivateKey,
): Uint8Array {
  if (signer.kind === "dsa" || signer.kind === "other")
    throw new GoError("x509: certificate private key does not implement crypto.Signer");
  const { algId, hash } = signatureAlgorithm(signer);
  const spki = publicKeyInfo(signee);
  const signerSpki = publicKeyInfo(signer);
  if (parent !== undefined && !sameBytes(parent.publicKeyInfo, signerSpki))
    throw new GoError("x509: provided PrivateKey doesn't match parent's PublicKey");

  const subject = subjectName(template.commonName);
  const issuer = parent === undefined ? subject : parent.rawSubject;

  // Go fills a missing subject key id for CAs with the first 160 bits of SHA-256 of the key.
  const subjectKeyId = template.isCA
    ? new Uint8Array(createHash("sha256").update(publicKeyBits(spki)).digest().subarray(0, 20))
    : undefined;
  const parentKeyId = parent === undefined ? subjectKeyId : parent.subjectKeyId;
  const authorityKeyId = !sameBytes(issuer, subject) && parentKeyId !== undefined ? parentKeyId : undefined;

  const exts: Uint8Array[] = [];
  if (template.keyUsage !== 0) exts.push(extension(OID.keyUsage, true, keyUsageValue(template.keyUsage)));
  exts.push(extension(OID.extKeyUsage, false, sequence(oid(OID.serverAuth), oid(OID.clientAuth))));
  // basicConstraints{IsCA, MaxPathLen: -1}: both fields are left out at their defaults.
  exts.push(extension(OID.basicConstraints, true, template.isCA ? sequence(boolean(true)) : sequence()));
  if (subjectKeyId !== undefined) exts.push(extension(OID.subjectKeyId, false, octetString(subjectKeyId)));
  if (authorityKeyId !== undefined)
    exts.push(extension(OID.authorityKeyId, false, sequence(contextTag(0, authorityKeyId, false))));
  if (template.dnsNames.length > 0 || template.ipAddresses.length > 0) {
    const subjectIsEmpty = subject.length === 2;
    exts.push(extension(OID.subjectAltName, subjectIsEmpty, sanValue(template.dnsNames, template.ipAddresses)));
  }

  // Go 1.24+ refuses to sign with RSA keys under 1024 bits.
  const bits = signer.kind === "rsa" ? (signer.key.asymmetricKeyDetails?.modulusLength ?? 0) : 0;
  if (signer.kind === "rsa" && bits < 1024)
    throw new GoError(
      `crypto/rsa: ${bits}-bit keys are insecure (see https://go.dev/pkg/crypto/rsa#hdr-Minimum_key_size)`,
    );

  const tbs = sequence(
    contextTag(0, integer(2n), true),
    integer(template.serialNumber),
    algId,
    issuer,
    sequence(time(template.notBefore), time(template.notAfter)),
    subject,
    spki,
    contextTag(3, sequence(...exts), true),
  );
  const signature = sign(hash, tbs, signer.key);
  return sequence(tbs, algId, bitString(new Uint8Array(signature)));
}

/** x509.ParseCertificate, as far as CreateCertificate needs the parent; Go's texts on failure. */
export function parseCertificate(der: Uint8Array): ParentCert {
  try {
    const cert = children(readWhole(der));
    if (cert.length !== 3) throw new DerError("malformed certificate");
    const tbs = children(cert[0]);
    let i = 0;
    if (tbs[i]?.tag === 0xa0) i++;
    const [_serial, _sigAlg, _issuer, _validity, subject, spki] = tbs.slice(i, i + 6);
    if (spki === undefined || subject.tag !== 0x30 || spki.tag !== 0x30)
      throw new DerError("malformed tbs certificate");
    let subjectKeyId: Uint8Array | undefined;
    const extsWrapper = tbs.slice(i + 6).find((e) => e.tag === 0xa3);
    if (extsWrapper !== undefined) {
      for (const ext of children(readWhole(extsWrapper.content))) {
        const parts = children(ext);
        if (oidString(parts[0].content) === OID.subjectKeyId) {
          const value = parts[parts.length - 1] as DerElement;
          subjectKeyId = readWhole(value.content).content;
        }
      }
    }
    return { rawSubject: subject.raw, subjectKeyId, publicKeyInfo: spki.raw };
  } catch {
    // Any structural surprise (a DerError, or a missing element) is Go's generic complaint.
    throw new GoError("x509: malformed certificate");
  }
}
