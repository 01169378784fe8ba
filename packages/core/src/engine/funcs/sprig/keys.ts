/**
 * genPrivateKey (rsa 4096, ecdsa P-256, ed25519, dsa 2048/256) as PEM in the block types Go's
 * Sprig writes. The certificate builders (genCA, genSelfSignedCert, genSignedCert, their WithKey
 * forms, buildCustomCert) need an X.509 encoder that is not written yet: they fail with one clear line.
 */
import { generateKeyPairSync } from "node:crypto";
import { GoError, type GoFunc } from "../../../govalue/value.js";
import { goFunc, goVariadic } from "./gofunc.js";

function genPrivateKey(typ: string): string {
  switch (typ) {
    case "":
    case "rsa":
      return generateKeyPairSync("rsa", { modulusLength: 4096 }).privateKey.export({
        type: "pkcs1",
        format: "pem",
      }) as string;
    case "ecdsa":
      return generateKeyPairSync("ec", { namedCurve: "P-256" }).privateKey.export({
        type: "sec1",
        format: "pem",
      }) as string;
    case "ed25519":
      return generateKeyPairSync("ed25519").privateKey.export({ type: "pkcs8", format: "pem" }) as string;
    case "dsa":
      throw new GoError("genPrivateKey: dsa keys are not supported by helm-trivy yet");
    default:
      return `Unknown type ${typ}`;
  }
}

function notYet(name: string): GoFunc {
  return goVariadic([], "interface {}", () => {
    throw new GoError(`${name}: X.509 certificate generation is not implemented in helm-trivy yet`);
  });
}

export const keyFuncs: Record<string, GoFunc> = {
  genPrivateKey: goFunc(["string"], genPrivateKey),
  buildCustomCert: notYet("buildCustomCert"),
  genCA: notYet("genCA"),
  genCAWithKey: notYet("genCAWithKey"),
  genSelfSignedCert: notYet("genSelfSignedCert"),
  genSelfSignedCertWithKey: notYet("genSelfSignedCertWithKey"),
  genSignedCert: notYet("genSignedCert"),
  genSignedCertWithKey: notYet("genSignedCertWithKey"),
};
