// Regular-file names inside a .tgz written by `helm package`, for the dev-time generators: a
// reader of our own (names only) so that the expectations do not depend on the loader under test.
import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";

/** Regular-file names of a .tgz, honouring PAX `path` and GNU long-name records. */
export function tarNames(file) {
  const b = gunzipSync(readFileSync(file));
  const names = [];
  let longName;
  for (let off = 0; off + 512 <= b.length; ) {
    if (b.subarray(off, off + 512).every((x) => x === 0)) break;
    const cstr = (o, n) =>
      b
        .subarray(off + o, off + o + n)
        .toString("utf8")
        .replace(/\0.*$/s, "");
    let name = cstr(0, 100);
    const prefix = cstr(345, 155);
    if (prefix) name = `${prefix}/${name}`;
    const size = Number.parseInt(cstr(124, 12).trim() || "0", 8);
    const type = String.fromCharCode(b[off + 156] || 48);
    const data = b.subarray(off + 512, off + 512 + size).toString("utf8");
    off += 512 + Math.ceil(size / 512) * 512;
    if (type === "x") {
      const m = /\d+ path=([^\n]*)\n/.exec(data);
      if (m) longName = m[1];
      continue;
    }
    if (type === "L") {
      longName = data.replace(/\0.*$/s, "");
      continue;
    }
    if (longName !== undefined) name = longName;
    longName = undefined;
    if (type === "0" || type === "\0") names.push(name);
  }
  return names;
}
