/** Sprig's path functions over Go's `path` (../../../gopath): base, dir, ext, clean, isAbs and the os* twins (Linux). */

import { basePath, cleanPath, dirPath, extPath, isAbsPath } from "../../../gopath/path.js";
import type { GoFunc } from "../../../govalue/value.js";
import { goFunc } from "./gofunc.js";

export const pathFuncs: Record<string, GoFunc> = {
  base: goFunc(["string"], basePath),
  dir: goFunc(["string"], dirPath),
  clean: goFunc(["string"], cleanPath),
  ext: goFunc(["string"], extPath),
  isAbs: goFunc(["string"], isAbsPath),
  osBase: goFunc(["string"], basePath),
  osClean: goFunc(["string"], cleanPath),
  osDir: goFunc(["string"], dirPath),
  osExt: goFunc(["string"], extPath),
  osIsAbs: goFunc(["string"], isAbsPath),
};
