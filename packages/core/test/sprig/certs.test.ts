/**
 * Sprig's certificate builders against certificates the real Helm 4.1.4 made for the same
 * templates (cert-fixtures/helm-certs.json, from scripts/sprig/gen-cert-fixtures.mjs). Both are
 * random, so each certificate is compared by its DER layout (serials, keys, key ids, signatures
 * and times masked), its validity span and its key; then ours are checked with node's X.509
 * parser: CA flag, names, SANs, issuer and signature chain.
 */
import { createPrivateKey, X509Certificate } from "node:crypto";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { children, type DerElement, oidString, readWhole, TAG } from "../../src/engine/funcs/sprig/der.js";
import { pemDecode } from "../../src/engine/funcs/sprig/pem.js";
import { newHelmTemplateSet } from "../../src/engine/helm.js";
import { type GoValue, newGoMap } from "../../src/govalue/value.js";
import { jsonToGo } from "./json-data.js";

interface HelmCertFixtures {
  data: unknown;
  cases: { name: string; template: string; output: string }[];
}

const fixtures = JSON.parse(
  readFileSync(join(dirname(fileURLToPath(import.meta.url)), "cert-fixtures/helm-certs.json"), "utf8"),
) as HelmCertFixtures;

function render(template: string): string {
  const set = newHelmTemplateSet();
  set.parse("main", template);
  return set.execute("main", newGoMap([["Values", newGoMap([["data", jsonToGo(fixtures.data)]])]]) as GoValue);
}

/** The PEM blocks of a text, in order. */
function pemBlocks(text: string): { type: string; pem: string; der: Uint8Array }[] {
  const out: { type: string; pem: string; der: Uint8Array }[] = [];
  const re = /-----BEGIN ([A-Z ]+)-----\n[\s\S]*?-----END \1-----\n/g;
  for (const m of text.matchAll(re)) {
    const b = pemDecode(m[0]);
    if (b === null) throw new Error(`bad PEM block ${m[1]}`);
    out.push({ type: b.type, pem: m[0], der: b.bytes });
  }
  return out;
}

const KEY_ID_OIDS = new Set(["2.5.29.14", "2.5.29.35"]);
const hex = (b: Uint8Array) => Buffer.from(b).toString("hex");

/** The DER tree as lines, with everything random or time-dependent masked. */
function shape(der: Uint8Array): string[] {
  const lines: string[] = [];
  let lastOid = "";
  const walk = (e: DerElement, depth: number) => {
    const pad = " ".repeat(depth);
    if (e.tag & 0x20) {
      lines.push(`${pad}${e.tag.toString(16)}`);
      for (const c of children(e)) walk(c, depth + 1);
      return;
    }
    switch (e.tag) {
      case TAG.INTEGER:
        lines.push(`${pad}INTEGER ${e.content.length > 8 ? "<random>" : hex(e.content)}`);
        return;
      case TAG.OID:
        lastOid = oidString(e.content);
        lines.push(`${pad}OID ${lastOid}`);
        return;
      case TAG.BIT_STRING:
        lines.push(`${pad}BIT STRING <key or signature>`);
        return;
      case TAG.OCTET_STRING:
        // Key id extensions hold a hash of a random key: only their layout is compared.
        if (KEY_ID_OIDS.has(lastOid)) lines.push(`${pad}OCTET STRING key id, ${e.content.length} bytes`);
        else lines.push(`${pad}OCTET STRING ${hex(e.content)}`);
        return;
      case TAG.UTC_TIME:
      case TAG.GENERALIZED_TIME:
        lines.push(`${pad}${e.tag === TAG.UTC_TIME ? "UTCTime" : "GeneralizedTime"}`);
        return;
      default:
        lines.push(`${pad}${e.tag.toString(16)} ${hex(e.content)}`);
    }
  };
  walk(readWhole(der), 0);
  return lines;
}

/** Seconds from NotBefore to NotAfter, read from the DER. */
function validitySpan(der: Uint8Array): number {
  const tbs = children(children(readWhole(der))[0]);
  const [nb, na] = children(tbs[4]).map((t) => {
    const s = Buffer.from(t.content).toString("latin1");
    const m =
      t.tag === TAG.UTC_TIME
        ? /^(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)Z$/.exec(s)
        : /^(\d{4})(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)Z$/.exec(s);
    if (!m) throw new Error(`bad time ${s}`);
    let year = Number(m[1]);
    if (t.tag === TAG.UTC_TIME) year += year < 50 ? 2000 : 1900;
    const ms = Date.UTC(year, Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6]));
    return ms / 1000;
  });
  return na - nb;
}

function keyDescription(pem: string): string {
  const k = createPrivateKey(pem);
  const d = k.asymmetricKeyDetails ?? {};
  return `${k.asymmetricKeyType} ${d.modulusLength ?? ""}${d.namedCurve ?? ""}`;
}

describe("sprig certificates compared with Helm 4.1.4's", () => {
  for (const c of fixtures.cases) {
    it(c.name, () => {
      const theirs = pemBlocks(c.output);
      const ours = pemBlocks(render(c.template));
      expect(ours.map((b) => b.type)).toEqual(theirs.map((b) => b.type));
      theirs.forEach((t, i) => {
        const o = ours[i];
        if (t.type === "CERTIFICATE") {
          expect(shape(o.der)).toEqual(shape(t.der));
          expect(Math.abs(validitySpan(o.der) - validitySpan(t.der))).toBeLessThanOrEqual(1);
        } else {
          expect(keyDescription(o.pem)).toBe(keyDescription(t.pem));
        }
      });
    });
  }
});

describe("sprig certificates read by node's X.509 parser", () => {
  it("genCA: a self-signed CA with the RSA 2048 key it returns", () => {
    const [cert, key] = pemBlocks(render('{{ $c := genCA "my-ca" 365 }}{{ $c.Cert }}{{ $c.Key }}'));
    expect(cert.type).toBe("CERTIFICATE");
    expect(key.type).toBe("RSA PRIVATE KEY");
    const x = new X509Certificate(cert.pem);
    expect(x.ca).toBe(true);
    expect(x.subject).toBe("CN=my-ca");
    expect(x.issuer).toBe("CN=my-ca");
    expect(x.verify(x.publicKey)).toBe(true);
    expect(x.checkPrivateKey(createPrivateKey(key.pem))).toBe(true);
    expect(x.publicKey.asymmetricKeyDetails?.modulusLength).toBe(2048);
    expect(x.keyUsage).toEqual(["1.3.6.1.5.5.7.3.1", "1.3.6.1.5.5.7.3.2"]); // node lists the extended key usages
    const days = (Date.parse(x.validTo) - Date.parse(x.validFrom)) / 86_400_000;
    expect(days).toBe(365);
    expect(Math.abs(Date.parse(x.validFrom) - Date.now())).toBeLessThan(5000);
  });

  it("genSignedCert: SANs, issuer and a signature that verifies against the CA", () => {
    const out = render(
      '{{ $ca := genCA "the-ca" 30 }}{{ $c := genSignedCert "leaf.example" (list "10.1.2.3" "fe80::1") (list "leaf.example" "*.leaf.example") 7 $ca }}{{ $ca.Cert }}{{ $c.Cert }}{{ $c.Key }}',
    );
    const [caPem, leafPem, leafKey] = pemBlocks(out);
    const ca = new X509Certificate(caPem.pem);
    const leaf = new X509Certificate(leafPem.pem);
    expect(leaf.ca).toBe(false);
    expect(leaf.subject).toBe("CN=leaf.example");
    expect(leaf.issuer).toBe("CN=the-ca");
    expect(leaf.subjectAltName).toBe(
      "DNS:leaf.example, DNS:*.leaf.example, IP Address:10.1.2.3, IP Address:FE80:0:0:0:0:0:0:1",
    );
    expect(leaf.verify(ca.publicKey)).toBe(true);
    expect(leaf.verify(leaf.publicKey)).toBe(false);
    expect(leaf.checkIssued(ca)).toBe(true);
    expect(leaf.checkPrivateKey(createPrivateKey(leafKey.pem))).toBe(true);
    expect(leaf.keyUsage).toEqual(["1.3.6.1.5.5.7.3.1", "1.3.6.1.5.5.7.3.2"]);
    expect((Date.parse(leaf.validTo) - Date.parse(leaf.validFrom)) / 86_400_000).toBe(7);
    expect(leaf.serialNumber).not.toBe(ca.serialNumber);
  });

  it("*WithKey certificates carry the given key", () => {
    const k = (fixtures.data as { k: Record<string, string> }).k;
    for (const name of ["rsa", "ec256", "ec384", "ed25519"]) {
      const [cert, key] = pemBlocks(
        render(`{{ $c := genSelfSignedCertWithKey "k" nil nil 1 .Values.data.k.${name} }}{{ $c.Cert }}{{ $c.Key }}`),
      );
      const x = new X509Certificate(cert.pem);
      expect(x.checkPrivateKey(createPrivateKey(k[name]))).toBe(true);
      expect(x.verify(x.publicKey)).toBe(true);
      expect(createPrivateKey(key.pem).export({ format: "jwk" })).toEqual(
        createPrivateKey(k[name]).export({ format: "jwk" }),
      );
    }
  });

  it("serial numbers are random, positive and at most 128 bits", () => {
    const serials = new Set<string>();
    for (let i = 0; i < 5; i++) {
      const [cert] = pemBlocks(render('{{ (genSelfSignedCertWithKey "s" nil nil 1 .Values.data.k.ec256).Cert }}'));
      const serial = BigInt(`0x${new X509Certificate(cert.pem).serialNumber}`);
      expect(serial > 0n && serial < 1n << 128n).toBe(true);
      serials.add(serial.toString());
    }
    expect(serials.size).toBe(5);
  });

  it("genPrivateKey dsa: Go's DSAKeyFormat (version 0, P, Q, G, Y, X) with L=2048, N=256 and Y = G^X mod P", () => {
    const [block] = pemBlocks(render('{{ genPrivateKey "dsa" }}'));
    expect(block.type).toBe("DSA PRIVATE KEY");
    const ints = children(readWhole(block.der)).map((e) => BigInt(`0x${hex(e.content) || "0"}`));
    expect(ints).toHaveLength(6);
    const [version, p, q, g, y, x] = ints;
    expect(version).toBe(0n);
    expect(p.toString(2)).toHaveLength(2048);
    expect(q.toString(2)).toHaveLength(256);
    let r = 1n;
    for (let b = g % p, e = x; e > 0n; e >>= 1n, b = (b * b) % p) if (e & 1n) r = (r * b) % p;
    expect(r).toBe(y);
    // OpenSSL reads the same layout as its traditional DSA key format.
    expect(createPrivateKey(block.pem).asymmetricKeyType).toBe("dsa");
  });
});
