import { GoError, type GoFunc } from "../../../govalue/value.js";
import { cryptoFuncs } from "./crypto.js";
import { dateFuncs } from "./dates.js";
import { defaultFuncs } from "./defaults.js";
import { dictFuncs } from "./dicts.js";
import { goFunc } from "./gofunc.js";
import { jsonFuncs } from "./json.js";
import { keyFuncs } from "./keys.js";
import { listFuncs } from "./lists.js";
import { numericFuncs } from "./numeric.js";
import { pathFuncs } from "./paths.js";
import { regexFuncs } from "./regex.js";
import { semverFuncs } from "./semver.js";
import { stringFuncs } from "./strings.js";
import { urlFuncs } from "./url.js";

/** Sprig 3.3's text function map, as Helm 4.1.4 ships it (without env/expandenv). */
export const sprigFuncs: Record<string, GoFunc> = {
  ...stringFuncs,
  ...numericFuncs,
  ...listFuncs,
  ...dictFuncs,
  ...defaultFuncs,
  ...pathFuncs,
  ...urlFuncs,
  ...regexFuncs,
  ...semverFuncs,
  ...jsonFuncs,
  hello: goFunc([], () => "Hello!"),
  // Sprig's fail; Helm replaces it (and toJson/fromJson/getHostByName) with its own.
  fail: goFunc(["string"], (msg: string) => {
    throw new GoError(msg);
  }),
  ...cryptoFuncs,
  ...dateFuncs,
  ...keyFuncs,
};
