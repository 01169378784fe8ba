/** Random Sprig functions cannot have fixed expectations: their formats, lengths and round trips are checked. */
import bcryptjs from "bcryptjs";
import { describe, expect, it } from "vitest";
import { sprigFuncs } from "../../src/engine/funcs/sprig/index.js";
import type { GoValue } from "../../src/govalue/value.js";

const call = (name: string, ...args: GoValue[]): GoValue => {
  const f = sprigFuncs[name];
  if (!f) throw new Error(`no sprig function ${name}`);
  return f.fn(...args);
};

describe("sprig random functions", () => {
  it("randAlphaNum/randAlpha/randNumeric/randAscii draw from their alphabets", () => {
    expect(call("randAlphaNum", 200n)).toMatch(/^[A-Za-z0-9]{200}$/);
    expect(call("randAlpha", 200n)).toMatch(/^[A-Za-z]{200}$/);
    expect(call("randNumeric", 200n)).toMatch(/^[0-9]{200}$/);
    expect(call("randAscii", 200n)).toMatch(/^[\x20-\x7e]{200}$/);
    expect(call("randAlphaNum", 16n)).not.toBe(call("randAlphaNum", 16n));
  });

  it("randBytes returns base64 of that many random bytes", () => {
    const s = call("randBytes", 33n) as string;
    expect(Buffer.from(s, "base64")).toHaveLength(33);
    expect(s).toMatch(/^[A-Za-z0-9+/]+=*$/);
  });

  it("uuidv4 is a version-4 RFC 4122 UUID", () => {
    expect(call("uuidv4")).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it("randInt stays in [min, max)", () => {
    for (let i = 0; i < 100; i++) {
      const n = call("randInt", -3n, 4n) as bigint;
      expect(n >= -3n && n < 4n).toBe(true);
    }
  });

  it("shuffle permutes the runes", () => {
    const s = call("shuffle", "héllo wörld") as string;
    expect([...s].sort()).toEqual([..."héllo wörld"].sort());
  });

  it("bcrypt hashes with Go's $2a$ prefix and cost 10, verifiable by bcryptjs", () => {
    const h = call("bcrypt", "s3cret") as string;
    expect(h).toMatch(/^\$2a\$10\$[./A-Za-z0-9]{53}$/);
    expect(bcryptjs.compareSync("s3cret", h)).toBe(true);
    expect(bcryptjs.compareSync("other", h)).toBe(false);
  });

  it("htpasswd is user:bcrypt(password)", () => {
    const line = call("htpasswd", "admin", "pw") as string;
    const [user, hash] = line.split(":");
    expect(user).toBe("admin");
    expect(bcryptjs.compareSync("pw", hash)).toBe(true);
  });

  it("decryptAES(encryptAES(x)) returns x, with a fresh IV each time", () => {
    for (const text of ["a", "exactly 16 bytes", "unicode ünïcödé and more than one block of text"]) {
      const c1 = call("encryptAES", "key", text) as string;
      const c2 = call("encryptAES", "key", text) as string;
      expect(c1).not.toBe(c2);
      expect(Buffer.from(c1, "base64").length % 16).toBe(0);
      expect(call("decryptAES", "key", c1)).toBe(text);
    }
  });
});

describe("sprig genPrivateKey", () => {
  it("writes Go's PEM block types and keys node:crypto can read", async () => {
    const { createPrivateKey } = await import("node:crypto");
    const ec = call("genPrivateKey", "ecdsa") as string;
    expect(ec).toMatch(/^-----BEGIN EC PRIVATE KEY-----\n/);
    expect(createPrivateKey(ec).asymmetricKeyDetails?.namedCurve).toBe("prime256v1");
    const ed = call("genPrivateKey", "ed25519") as string;
    expect(ed).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
    expect(createPrivateKey(ed).asymmetricKeyType).toBe("ed25519");
    const rsa = call("genPrivateKey", "rsa") as string;
    expect(rsa).toMatch(/^-----BEGIN RSA PRIVATE KEY-----\n/);
    expect(createPrivateKey(rsa).asymmetricKeyDetails?.modulusLength).toBe(4096);
    expect(call("genPrivateKey", "foo")).toBe("Unknown type foo");
  });
});
