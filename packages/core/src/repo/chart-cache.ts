/**
 * helm-trivy's chart archive cache: `<dir>/sha256-<hex>.tgz`, content-addressed, so a
 * second run with the same digest downloads nothing. Writes are atomic (temp + rename);
 * reads re-check the digest so that a damaged file is a miss, never a wrong chart.
 */
import { createHash } from "node:crypto";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";

export function sha256Hex(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** Accepts `sha256:<hex>` or bare hex (index.yaml's `digest`). */
export function normalizeDigest(d: string): string | undefined {
  const m = /^(?:sha256:)?([0-9a-fA-F]{64})$/.exec(d.trim());
  return m ? (m[1] as string).toLowerCase() : undefined;
}

export class ChartCache {
  constructor(readonly dir: string) {}

  pathFor(hex: string): string {
    return path.join(this.dir, `sha256-${hex}.tgz`);
  }

  async get(hex: string): Promise<Uint8Array | undefined> {
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await readFile(this.pathFor(hex)));
    } catch {
      return undefined;
    }
    if (sha256Hex(bytes) !== hex) {
      await rm(this.pathFor(hex), { force: true });
      return undefined;
    }
    return bytes;
  }

  /** Stores the bytes; returns their digest. Cache write failures are not fatal. */
  async put(bytes: Uint8Array): Promise<string> {
    const hex = sha256Hex(bytes);
    try {
      await mkdir(this.dir, { recursive: true });
      const tmp = `${this.pathFor(hex)}.${process.pid}.${Date.now()}.tmp`;
      await writeFile(tmp, bytes);
      await rename(tmp, this.pathFor(hex));
    } catch {
      // A read-only or full cache only costs a download next time.
    }
    return hex;
  }
}
