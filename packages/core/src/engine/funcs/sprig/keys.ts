/**
 * Sprig's key and certificate functions: genPrivateKey (privatekey.ts) and the X.509 builders
 * (certs.ts), as one family of the function map.
 */
import type { GoFunc } from "../../../govalue/value.js";
import { certFuncs } from "./certs.js";
import { goFunc } from "./gofunc.js";
import { generatePrivateKey } from "./privatekey.js";

export const keyFuncs: Record<string, GoFunc> = {
  genPrivateKey: goFunc(["string"], generatePrivateKey),
  ...certFuncs,
};
