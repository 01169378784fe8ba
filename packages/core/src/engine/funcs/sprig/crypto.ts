/**
 * Sprig's hashing, password, AES, random and UUID functions (crypto.go, goutils' CryptoRandom*)
 * on node:crypto and bcryptjs. Results that Go builds randomly are equally random here.
 */
import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createHmac,
  randomBytes,
  randomInt,
  randomUUID,
  scryptSync,
} from "node:crypto";
import bcryptjs from "bcryptjs";
import { GoError, type GoFunc } from "../../../govalue/value.js";
import { goFunc, intArg } from "./gofunc.js";
import { bytesOf, stringOf } from "./gounicode.js";

const hashHex = (alg: string) => (s: string) => createHash(alg).update(bytesOf(s)).digest("hex");

function adler32(s: string): string {
  let a = 1;
  let b = 0;
  for (const byte of bytesOf(s)) {
    a = (a + byte) % 65521;
    b = (b + a) % 65521;
  }
  return String(((b << 16) | a) >>> 0);
}

/** x/crypto/bcrypt.GenerateFromPassword(p, 10): Go writes the $2a$ prefix. */
function bcrypt(input: string): string {
  if (bytesOf(input).length > 72) {
    return "failed to encrypt string with bcrypt: bcrypt: password length exceeds 72 bytes";
  }
  return bcryptjs.hashSync(input, 10).replace(/^\$2b\$/, "$2a$");
}

function htpasswd(user: string, password: string): string {
  if (user.includes(":")) return `invalid username: ${user}`;
  return `${user}:${bcrypt(password)}`;
}

const MASTER_SEED = "com.lyndir.masterpassword";

const passwordTemplates: Record<string, string[]> = {
  maximum: ["anoxxxxxxxxxxxxxxxxx", "axxxxxxxxxxxxxxxxxno"],
  long: [
    "CvcvnoCvcvCvcv",
    "CvcvCvcvnoCvcv",
    "CvcvCvcvCvcvno",
    "CvccnoCvcvCvcv",
    "CvccCvcvnoCvcv",
    "CvccCvcvCvcvno",
    "CvcvnoCvccCvcv",
    "CvcvCvccnoCvcv",
    "CvcvCvccCvcvno",
    "CvcvnoCvcvCvcc",
    "CvcvCvcvnoCvcc",
    "CvcvCvcvCvccno",
    "CvccnoCvccCvcv",
    "CvccCvccnoCvcv",
    "CvccCvccCvcvno",
    "CvcvnoCvccCvcc",
    "CvcvCvccnoCvcc",
    "CvcvCvccCvccno",
    "CvccnoCvcvCvcc",
    "CvccCvcvnoCvcc",
    "CvccCvcvCvccno",
  ],
  medium: ["CvcnoCvc", "CvcCvcno"],
  short: ["Cvcn"],
  basic: ["aaanaaan", "aannaaan", "aaannaaa"],
  pin: ["nnnn"],
};

const templateCharacters: Record<string, string> = {
  V: "AEIOU",
  C: "BCDFGHJKLMNPQRSTVWXYZ",
  v: "aeiou",
  c: "bcdfghjklmnpqrstvwxyz",
  A: "AEIOUBCDFGHJKLMNPQRSTVWXYZ",
  a: "AEIOUaeiouBCDFGHJKLMNPQRSTVWXYZbcdfghjklmnpqrstvwxyz",
  n: "0123456789",
  o: "@&%?,=[]_:-+*$#!'^~;()/.",
  x: "AEIOUaeiouBCDFGHJKLMNPQRSTVWXYZbcdfghjklmnpqrstvwxyz0123456789!@#$%^&*()",
};

const u32 = (n: number): Buffer => {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n >>> 0);
  return b;
};

/** The Master Password algorithm (scrypt N=32768 r=8 p=2, then HMAC-SHA256 over the site). */
function derivePassword(counter: bigint, passwordType: string, password: string, user: string, site: string): string {
  const templates = Object.hasOwn(passwordTemplates, passwordType) ? passwordTemplates[passwordType] : undefined;
  if (!templates) return `cannot find password template ${passwordType}`;
  const userBytes = bytesOf(user);
  const salt = Buffer.concat([Buffer.from(MASTER_SEED), u32(userBytes.length), userBytes]);
  const key = scryptSync(bytesOf(password), salt, 64, { N: 32768, r: 8, p: 2, maxmem: 256 * 1024 * 1024 });
  const siteBytes = bytesOf(site);
  const seed = createHmac("sha256", key)
    .update(
      Buffer.concat([
        Buffer.from(MASTER_SEED),
        u32(siteBytes.length),
        siteBytes,
        u32(Number(BigInt.asUintN(32, counter))),
      ]),
    )
    .digest();
  const temp = templates[seed[0] % templates.length];
  let out = "";
  [...temp].forEach((el, i) => {
    const chars = templateCharacters[el];
    out += chars[seed[i + 1] % chars.length];
  });
  return out;
}

function aesKey(password: string): Buffer {
  const key = Buffer.alloc(32);
  bytesOf(password).copy(key, 0, 0, 32);
  return key;
}

/** AES-256-CBC with PKCS#7 padding and a random IV in front, base64-encoded. */
function encryptAES(password: string, plaintext: string): string {
  if (plaintext === "") return "";
  const iv = randomBytes(16);
  const c = createCipheriv("aes-256-cbc", aesKey(password), iv);
  return Buffer.concat([iv, c.update(bytesOf(plaintext)), c.final()]).toString("base64");
}

function decryptAES(password: string, crypt64: string): string {
  const clean = crypt64.replace(/[\r\n]/g, "");
  if (!/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(clean)) {
    // Go's exact offset is reported by b64dec's decoder; the message form is the same.
    throw new GoError(base64Error(clean));
  }
  const crypt = Buffer.from(clean, "base64");
  if (crypt.length < 16)
    throw new GoError(`runtime error: slice bounds out of range [:16] with capacity ${crypt.length}`);
  const body = crypt.subarray(16);
  if (body.length % 16 !== 0) throw new GoError("crypto/cipher: input not full blocks");
  if (body.length === 0) throw new GoError("runtime error: index out of range [-1]");
  const d = createDecipheriv("aes-256-cbc", aesKey(password), crypt.subarray(0, 16));
  d.setAutoPadding(false);
  const dec = Buffer.concat([d.update(body), d.final()]);
  const pad = dec[dec.length - 1];
  if (pad > dec.length) throw new GoError(`runtime error: slice bounds out of range [:${dec.length - pad}]`);
  return stringOf(dec.subarray(0, dec.length - pad));
}

/** The offset Go's base64 decoder reports for the first bad byte (common cases). */
function base64Error(s: string): string {
  const bad = s.search(/[^A-Za-z0-9+/=]/);
  if (bad >= 0) return `illegal base64 data at input byte ${bad}`;
  const eq = s.indexOf("=");
  if (eq >= 0 && eq % 4 < 2) return `illegal base64 data at input byte ${eq}`;
  return `illegal base64 data at input byte ${s.length - (s.length % 4 === 0 ? 0 : s.length % 4)}`;
}

const ALPHA = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
const DIGITS = "0123456789";
let ASCII = "";
for (let c = 32; c < 127; c++) ASCII += String.fromCharCode(c);

/** goutils.CryptoRandom*: count characters uniformly from the set; a negative count gives "". */
function randomString(set: string) {
  return (count: bigint): string => {
    const n = intArg(count);
    if (n <= 0) return "";
    if (n > 1 << 24) throw new GoError("random string too long");
    let out = "";
    for (let i = 0; i < n; i++) out += set[randomInt(set.length)];
    return out;
  };
}

function randBytes(count: bigint): string {
  const n = intArg(count);
  if (n < 0) throw new GoError("runtime error: makeslice: len out of range");
  if (n > 1 << 24) throw new GoError("runtime error: makeslice: len out of range");
  return randomBytes(n).toString("base64");
}

export const cryptoFuncs: Record<string, GoFunc> = {
  sha1sum: goFunc(["string"], hashHex("sha1")),
  sha256sum: goFunc(["string"], hashHex("sha256")),
  sha512sum: goFunc(["string"], hashHex("sha512")),
  adler32sum: goFunc(["string"], adler32),
  bcrypt: goFunc(["string"], bcrypt),
  htpasswd: goFunc(["string", "string"], htpasswd),
  derivePassword: goFunc(["uint32", "string", "string", "string", "string"], derivePassword),
  encryptAES: goFunc(["string", "string"], encryptAES),
  decryptAES: goFunc(["string", "string"], decryptAES),
  randBytes: goFunc(["int"], randBytes),
  uuidv4: goFunc([], () => randomUUID()),
  randAlphaNum: goFunc(["int"], randomString(ALPHA + DIGITS)),
  randAlpha: goFunc(["int"], randomString(ALPHA)),
  randAscii: goFunc(["int"], randomString(ASCII)),
  randNumeric: goFunc(["int"], randomString(DIGITS)),
  shuffle: goFunc(["string"], (s: string) => shuffleRunes(s)),
};

import { shuffle as shuffleRunes } from "./xstrings.js";
