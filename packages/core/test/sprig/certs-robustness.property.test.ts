/**
 * Arbitrary and mutated input to the key and certificate parsers: they answer with Go's one-line
 * errors (GoError) or a result, never a JavaScript exception, and pem.Decode round-trips.
 */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { sprigFuncs } from "../../src/engine/funcs/sprig/index.js";
import { pemDecode, pemEncode } from "../../src/engine/funcs/sprig/pem.js";
import { parsePrivateKeyPEM } from "../../src/engine/funcs/sprig/privatekey.js";
import { GoError } from "../../src/govalue/value.js";

const data = JSON.parse(
  readFileSync(join(dirname(fileURLToPath(import.meta.url)), "cert-fixtures/helm-certs.json"), "utf8"),
).data as { k: Record<string, string> };

const BLOCK_TYPES = ["RSA PRIVATE KEY", "EC PRIVATE KEY", "PRIVATE KEY", "DSA PRIVATE KEY", "CERTIFICATE"];

/** Only Go-style errors may escape. */
function goErrorOrValue(f: () => unknown): void {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(GoError);
    expect((e as Error).message).not.toMatch(/undefined|TypeError|Cannot read/);
  }
}

/** A DER blob with one byte changed or the tail cut: near-miss input. */
const mutated = (der: Buffer) =>
  fc.oneof(
    fc.record({ at: fc.nat(der.length - 1), b: fc.integer({ min: 0, max: 255 }) }).map(({ at, b }) => {
      const c = Buffer.from(der);
      c[at] = b;
      return c;
    }),
    fc.nat(der.length).map((n) => der.subarray(0, n)),
  );

describe("sprig certificate parsers on hostile input", () => {
  it("parsePrivateKeyPEM: random DER in every block type", () => {
    fc.assert(
      fc.property(fc.constantFrom(...BLOCK_TYPES), fc.uint8Array({ maxLength: 300 }), (type, der) => {
        goErrorOrValue(() => parsePrivateKeyPEM(pemEncode(type, der)));
      }),
      { numRuns: 400 },
    );
  });

  it("parsePrivateKeyPEM: mutated real keys", () => {
    for (const name of ["rsa", "ec256", "ed25519", "dsa", "rsaPkcs8"]) {
      const block = pemDecode(data.k[name]);
      if (block === null) throw new Error(name);
      fc.assert(
        fc.property(mutated(Buffer.from(block.bytes)), (der) => {
          goErrorOrValue(() => parsePrivateKeyPEM(pemEncode(block.type, der)));
        }),
        { numRuns: 60 },
      );
    }
  });

  it("buildCustomCert and genSignedCert: mutated certificates", () => {
    const certDer = Buffer.from(pemDecode(data.k.caCert)?.bytes ?? []);
    const key64 = Buffer.from(data.k.rsa).toString("base64");
    fc.assert(
      fc.property(mutated(certDer), (der) => {
        const cert64 = Buffer.from(pemEncode("CERTIFICATE", der)).toString("base64");
        goErrorOrValue(() => {
          const ca = sprigFuncs.buildCustomCert.fn(cert64, key64);
          sprigFuncs.genSignedCertWithKey.fn("x", null, null, 1n, ca, data.k.ec256);
        });
      }),
      { numRuns: 80 },
    );
  });

  it("pem.Decode reads back what pem.Encode writes, after any text", () => {
    fc.assert(
      fc.property(fc.string(), fc.constantFrom(...BLOCK_TYPES), fc.uint8Array({ maxLength: 200 }), (junk, type, b) => {
        const pre = junk.includes("-----") ? "" : `${junk}\n`;
        const block = pemDecode(pre + pemEncode(type, b));
        expect(block?.type).toBe(type);
        expect(Buffer.from(block?.bytes ?? []).equals(Buffer.from(b))).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
