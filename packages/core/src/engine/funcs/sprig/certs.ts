/**
 * Sprig's certificate functions (crypto.go): genCA, genSelfSignedCert, genSignedCert, their
 * WithKey forms and buildCustomCert, returning Sprig's `certificate` struct ({Cert, Key} PEM
 * strings). Keys made here are RSA 2048 as in Sprig; serials are random below 2^128.
 */
import { randomBytes, X509Certificate } from "node:crypto";
import { formatValue } from "../../../govalue/print.js";
import { GoError, type GoFunc, GoObject, type GoValue, newGoMap } from "../../../govalue/value.js";
import { bytesToBigInt } from "./der.js";
import { goFunc } from "./gofunc.js";
import { stringOf } from "./gounicode.js";
import { parseIP } from "./netip.js";
import { decodeStdBase64, pemDecode, pemEncode } from "./pem.js";
import { type PrivateKey, parsePrivateKeyPEM, pemBlockForKey, rsaKey } from "./privatekey.js";
import { type CertTemplate, createCertificate, KeyUsage, type ParentCert, parseCertificate } from "./x509.js";

/** Sprig's unexported `certificate` struct: fields Cert and Key, no methods. */
export class Certificate extends GoObject {
  readonly goType = "sprig.certificate";
  constructor(
    readonly cert: string,
    readonly key: string,
  ) {
    super();
  }
  field(name: string): GoValue | undefined {
    if (name === "Cert") return this.cert;
    if (name === "Key") return this.key;
    return undefined;
  }
  format(): string {
    return `{${this.cert} ${this.key}}`;
  }
  override structFields(): readonly (readonly [string, GoValue])[] {
    return [
      ["Cert", this.cert],
      ["Key", this.key],
    ];
  }
  override stringer(): "none" {
    return "none";
  }
  /** encoding/json writes the exported fields under their Go names. */
  override marshalValue(): GoValue {
    return newGoMap([
      ["Cert", this.cert],
      ["Key", this.key],
    ]);
  }
}

/** A `[]interface {}` parameter as the executor passes it. */
type IPs = GoValue[] | GoObject | null;

// --- getBaseCertTemplate ---

/** A `[]interface {}` argument's elements (nil is empty). */
function elements(list: IPs): GoValue[] {
  if (list instanceof GoObject) return list.asList() ?? [];
  return list ?? [];
}

function getNetIPs(ips: IPs): Uint8Array[] {
  return elements(ips).map((ip) => {
    if (typeof ip !== "string") throw new GoError(`error parsing ip: ${formatValue(ip)} is not a string`);
    const parsed = parseIP(ip);
    if (parsed === null) throw new GoError(`error parsing ip: ${ip}`);
    return parsed;
  });
}

function getAlternateDNSStrs(names: IPs): string[] {
  return elements(names).map((dns) => {
    if (typeof dns !== "string")
      throw new GoError(`error processing alternate dns name: ${formatValue(dns)} is not a string`);
    return dns;
  });
}

const NANOS_PER_DAY = 86_400n * 1_000_000_000n;

/** time.Now().Add(time.Hour * 24 * time.Duration(days)), the duration wrapping like Go's int64. */
function validity(days: bigint): { notBefore: Date; notAfter: Date } {
  const nowNs = BigInt(Date.now()) * 1_000_000n;
  const afterNs = nowNs + BigInt.asIntN(64, BigInt.asIntN(64, days) * NANOS_PER_DAY);
  const floorMs = (ns: bigint) => {
    const s = ns / 1_000_000_000n - (ns % 1_000_000_000n < 0n ? 1n : 0n);
    return Number(s * 1000n);
  };
  return { notBefore: new Date(floorMs(nowNs)), notAfter: new Date(floorMs(afterNs)) };
}

function baseTemplate(cn: string, ips: IPs, dns: IPs, days: bigint): CertTemplate {
  const ipAddresses = getNetIPs(ips);
  const dnsNames = getAlternateDNSStrs(dns);
  return {
    serialNumber: bytesToBigInt(randomBytes(16)),
    commonName: cn,
    ipAddresses,
    dnsNames,
    ...validity(days),
    keyUsage: KeyUsage.KeyEncipherment | KeyUsage.DigitalSignature,
    isCA: false,
  };
}

/** getCertAndKey: the certificate and the signee's key, PEM-encoded. */
function certAndKey(
  template: CertTemplate,
  signee: PrivateKey,
  parent: ParentCert | undefined,
  signer: PrivateKey,
): Certificate {
  let der: Uint8Array;
  try {
    der = createCertificate(template, signee, parent, signer);
  } catch (e) {
    if (e instanceof GoError) throw new GoError(`error creating certificate: ${e.message}`);
    throw e;
  }
  return new Certificate(pemEncode("CERTIFICATE", der), pemBlockForKey(signee));
}

/** A key for the *WithKey functions: Go's parse error wrapped as Sprig wraps it. */
function keyFromPEM(privPEM: string): PrivateKey {
  try {
    return parsePrivateKeyPEM(privPEM);
  } catch (e) {
    throw new GoError(`parsing private key: ${(e as Error).message}`);
  }
}

/** Key generation is deferred until the inputs are known good: Go's errors do not depend on it. */
type KeySource = () => PrivateKey;
const newRsa2048: KeySource = () => rsaKey(2048);

function ca(cn: string, days: bigint, key: KeySource): Certificate {
  const template: CertTemplate = {
    ...baseTemplate(cn, null, null, days),
    keyUsage: KeyUsage.KeyEncipherment | KeyUsage.DigitalSignature | KeyUsage.CertSign,
    isCA: true,
  };
  const priv = key();
  return certAndKey(template, priv, undefined, priv);
}

function selfSigned(cn: string, ips: IPs, dns: IPs, days: bigint, key: KeySource) {
  const template = baseTemplate(cn, ips, dns, days);
  const priv = key();
  return certAndKey(template, priv, undefined, priv);
}

function signed(cn: string, ips: IPs, dns: IPs, days: bigint, caCert: Certificate, key: KeySource): Certificate {
  const block = pemDecode(caCert.cert);
  if (block === null) throw new GoError("unable to decode certificate");
  let parent: ParentCert;
  try {
    parent = parseCertificate(block.bytes);
  } catch (e) {
    throw new GoError(`error parsing certificate: decodedSignerCert.Bytes: ${(e as Error).message}`);
  }
  let signerKey: PrivateKey;
  try {
    signerKey = parsePrivateKeyPEM(caCert.key);
  } catch (e) {
    throw new GoError(`error parsing private key: ${(e as Error).message}`);
  }
  const template = baseTemplate(cn, ips, dns, days);
  return certAndKey(template, key(), parent, signerKey);
}

function buildCustomCert(b64cert: string, b64key: string): Certificate {
  const cert = decodeStdBase64(b64cert);
  if (cert === null) throw new GoError("unable to decode base64 certificate");
  const key = decodeStdBase64(b64key);
  if (key === null) throw new GoError("unable to decode base64 private key");
  const block = pemDecode(cert);
  if (block === null) throw new GoError("unable to decode certificate");
  try {
    parseCertificate(block.bytes);
    new X509Certificate(Buffer.from(block.bytes));
  } catch (e) {
    const msg = e instanceof GoError ? e.message : "x509: malformed certificate";
    throw new GoError(`error parsing certificate: decodedCert.Bytes: ${msg}`);
  }
  const keyText = stringOf(key);
  try {
    parsePrivateKeyPEM(keyText);
  } catch (e) {
    throw new GoError(`error parsing private key: ${(e as Error).message}`);
  }
  return new Certificate(stringOf(cert), keyText);
}

const withKey = (pem: string): KeySource => {
  const k = keyFromPEM(pem);
  return () => k;
};

export const certFuncs: Record<string, GoFunc> = {
  buildCustomCert: goFunc(["string", "string"], buildCustomCert),
  genCA: goFunc(["string", "int"], (cn: string, days: bigint) => ca(cn, days, newRsa2048)),
  genCAWithKey: goFunc(["string", "int", "string"], (cn: string, days: bigint, pem: string) =>
    ca(cn, days, withKey(pem)),
  ),
  genSelfSignedCert: goFunc(
    ["string", "[]interface {}", "[]interface {}", "int"],
    (cn: string, ips: IPs, dns: IPs, days: bigint) => selfSigned(cn, ips, dns, days, newRsa2048),
  ),
  genSelfSignedCertWithKey: goFunc(
    ["string", "[]interface {}", "[]interface {}", "int", "string"],
    (cn: string, ips: IPs, dns: IPs, days: bigint, pem: string) => selfSigned(cn, ips, dns, days, withKey(pem)),
  ),
  genSignedCert: goFunc(
    ["string", "[]interface {}", "[]interface {}", "int", "sprig.certificate"],
    (cn: string, ips: IPs, dns: IPs, days: bigint, caCert: Certificate) =>
      signed(cn, ips, dns, days, caCert, newRsa2048),
  ),
  genSignedCertWithKey: goFunc(
    ["string", "[]interface {}", "[]interface {}", "int", "sprig.certificate", "string"],
    (cn: string, ips: IPs, dns: IPs, days: bigint, caCert: Certificate, pem: string) =>
      signed(cn, ips, dns, days, caCert, withKey(pem)),
  ),
};
