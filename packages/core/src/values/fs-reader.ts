/**
 * The local file system behind `-f` and `--set-file`, failing with Go's error texts
 * (`open X: no such file or directory`) as Helm prints them.
 */
import { readFileSync } from "node:fs";
import type { ValuesReader } from "./options.js";

function goOpenError(path: string, e: NodeJS.ErrnoException): Error {
  switch (e.code) {
    case "ENOENT":
      return new Error(`open ${path}: no such file or directory`);
    case "EISDIR":
      return new Error(`read ${path}: is a directory`);
    case "EACCES":
      return new Error(`open ${path}: permission denied`);
    default:
      return new Error(`open ${path}: ${e.message}`);
  }
}

/** Reads paths relative to `cwd` (the process's by default). */
export function fsValuesReader(cwd?: string): ValuesReader {
  return {
    readFile(path: string): Uint8Array {
      try {
        return readFileSync(cwd && !path.startsWith("/") ? `${cwd}/${path}` : path);
      } catch (e) {
        throw goOpenError(path, e as NodeJS.ErrnoException);
      }
    },
  };
}
