/**
 * Go's `path` package (the slash-separated flavour that `path/filepath` is on Linux): Helm's
 * loader checks, `.helmignore` rules, `helm template --show-only` and Sprig's base/dir/
 * clean/ext/isAbs (and their os* twins) are all defined by these.
 */

/** Go's `path.Clean`: lexical processing of `.`, `..` and repeated slashes. */
export function cleanPath(p: string): string {
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
  const joined = out.join("/");
  if (rooted) return `/${joined}`;
  return joined === "" ? "." : joined;
}

/** Go's `path.Base`. */
export function basePath(p: string): string {
  if (p === "") return ".";
  let s = p.replace(/\/+$/, "");
  if (s === "") return "/";
  const i = s.lastIndexOf("/");
  if (i >= 0) s = s.slice(i + 1);
  return s;
}

/** Go's `path.Dir`: everything before the last slash, cleaned. */
export function dirPath(p: string): string {
  return cleanPath(p.slice(0, p.lastIndexOf("/") + 1));
}

/** Go's `path.Ext`: the suffix from the final dot of the last element, or "". */
export function extPath(p: string): string {
  for (let i = p.length - 1; i >= 0 && p[i] !== "/"; i--) {
    if (p[i] === ".") return p.slice(i);
  }
  return "";
}

/** Go's `path.IsAbs`. */
export function isAbsPath(p: string): boolean {
  return p.startsWith("/");
}
