// Builds chart archives (.tgz) from a list of entries, with the `tar` package's header
// encoder, so that tests and the expectation generator make byte-identical archives,
// including hostile ones (`..` paths, symlinks, oversize files) that no packer would write.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(path.join(here, "../../packages/core/package.json"));
const { Header } = require("tar");

export const repoRoot = path.resolve(here, "../..");

/**
 * entries: { name, data?: string|Uint8Array, size?: number (filler bytes 'a'),
 *            type?: "File"|"Directory"|"SymbolicLink"|"Link", linkpath?: string,
 *            tgz?: entries[] (data = that archive) }
 */
export function buildTgz(entries) {
  const blocks = [];
  for (const e of entries) {
    const data = entryData(e);
    const type = e.type ?? "File";
    const h = new Header({
      path: e.name,
      mode: type === "Directory" ? 0o755 : 0o644,
      size: type === "File" ? data.length : 0,
      type,
      linkpath: e.linkpath,
      mtime: new Date(0),
      uid: 0,
      gid: 0,
    });
    h.encode();
    blocks.push(Buffer.from(h.block));
    if (type === "File") {
      blocks.push(Buffer.from(data));
      const pad = (512 - (data.length % 512)) % 512;
      if (pad) blocks.push(Buffer.alloc(pad));
    }
  }
  blocks.push(Buffer.alloc(1024));
  return new Uint8Array(gzipSync(Buffer.concat(blocks)));
}

function entryData(e) {
  if (e.tgz) return buildTgz(e.tgz);
  if (e.size !== undefined) return Buffer.alloc(e.size, "a");
  if (e.data === undefined) return new Uint8Array(0);
  return typeof e.data === "string" ? Buffer.from(e.data) : e.data;
}

/** The files of a fixture directory as entries under `prefix/`, in lexical order. */
export function dirEntries(dir, prefix) {
  const out = [];
  const walk = (abs, rel) => {
    for (const name of readdirSync(abs).sort()) {
      const p = path.join(abs, name);
      const r = rel ? `${rel}/${name}` : name;
      if (statSync(p).isDirectory()) walk(p, r);
      else out.push({ name: `${prefix}/${r}`, data: readFileSync(p) });
    }
  };
  walk(path.resolve(repoRoot, dir), "");
  return out;
}
