/** Go's path and path/filepath (Linux) functions: base, dir, ext, clean, isAbs and the os* twins. */
import type { GoFunc } from "../../../govalue/value.js";
import { goFunc } from "./gofunc.js";

/** path.Clean: lexical processing of `.`, `..` and repeated slashes. */
export function clean(p: string): string {
  if (p === "") return ".";
  const rooted = p.startsWith("/");
  const out: string[] = [];
  for (const part of p.split("/")) {
    if (part === "" || part === ".") continue;
    if (part === "..") {
      if (out.length > 0 && out[out.length - 1] !== "..") out.pop();
      else if (!rooted) out.push("..");
      continue;
    }
    out.push(part);
  }
  const s = (rooted ? "/" : "") + out.join("/");
  return s === "" ? "." : s;
}

export function base(p: string): string {
  if (p === "") return ".";
  const t = p.replace(/\/+$/, "");
  if (t === "") return "/";
  return t.slice(t.lastIndexOf("/") + 1);
}

export function dir(p: string): string {
  const i = p.lastIndexOf("/");
  return clean(p.slice(0, i + 1));
}

export function ext(p: string): string {
  for (let i = p.length - 1; i >= 0 && p[i] !== "/"; i--) {
    if (p[i] === ".") return p.slice(i);
  }
  return "";
}

const isAbs = (p: string): boolean => p.startsWith("/");

export const pathFuncs: Record<string, GoFunc> = {
  base: goFunc(["string"], base),
  dir: goFunc(["string"], dir),
  clean: goFunc(["string"], clean),
  ext: goFunc(["string"], ext),
  isAbs: goFunc(["string"], isAbs),
  osBase: goFunc(["string"], base),
  osClean: goFunc(["string"], clean),
  osDir: goFunc(["string"], dir),
  osExt: goFunc(["string"], ext),
  osIsAbs: goFunc(["string"], isAbs),
};
