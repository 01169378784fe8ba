/**
 * Scan results kept on disk between runs. A result is only as good as the DB it was computed
 * with, so the key holds everything that changes findings: the image, trivy's version, the
 * DB times, and every result-shaping option. Best effort throughout: an unreadable or corrupt
 * entry is a miss, a failed write is ignored, and writes are atomic (tmp + rename) so a
 * concurrent reader never sees half a file.
 */
import { createHash, randomBytes } from "node:crypto";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { homedir } from "node:os";
import { join } from "node:path";
import { type ImageScanResult, SEVERITIES, type Severity } from "./types.js";

/** Bumped when the entry layout or the meaning of a key part changes. */
const ENTRY_FORMAT = 1;

/** Everything a cached result depends on. */
export interface ResultCacheKeyParts {
  image: string;
  trivyVersion: string;
  vulnDbUpdatedAt: string;
  javaDbUpdatedAt?: string;
  /** Result-shaping options (severity, ignore-unfixed, ignore file digest, scanners, user args …). */
  options: Record<string, unknown>;
}

export function defaultResultCacheDir(env: NodeJS.ProcessEnv = process.env, home: string = homedir()): string {
  const base = env.XDG_CACHE_HOME && env.XDG_CACHE_HOME !== "" ? env.XDG_CACHE_HOME : join(home, ".cache");
  return join(base, "helm-trivy", "scans");
}

/**
 * A tag can move but a digest cannot: `repo@sha256:…` is keyed by the digest alone, so the same
 * content reached through another registry name or with a tag in front hits the same entry.
 */
export function imageIdentity(image: string): string {
  const at = image.lastIndexOf("@");
  if (at > 0 && /^[a-z0-9]+(?:[+._-][a-z0-9]+)*:[a-fA-F0-9]{32,}$/.test(image.slice(at + 1))) {
    return image.slice(at + 1);
  }
  return image;
}

/** JSON with object keys sorted, so the key does not depend on property order. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(",")}}`;
  }
  return JSON.stringify(value ?? null);
}

export function resultCacheKey(parts: ResultCacheKeyParts): string {
  const material = canonical({ format: ENTRY_FORMAT, ...parts, image: imageIdentity(parts.image) });
  return createHash("sha256").update(material).digest("hex");
}

export interface ResultCacheOptions {
  /** Entries older than this are misses even when the key matches (a tag may have moved). */
  ttlMs?: number;
  now?: () => number;
}

const DEFAULT_TTL_MS = 24 * 60 * 60 * 1000;
/** A cached report bigger than this is not worth reading back. */
const MAX_ENTRY_BYTES = 64 * 1024 * 1024;

interface Entry {
  format: number;
  storedAt: number;
  result: ImageScanResult;
}

export class ResultCache {
  readonly dir: string;
  private readonly ttlMs: number;
  private readonly now: () => number;

  constructor(dir: string, options: ResultCacheOptions = {}) {
    this.dir = dir;
    this.ttlMs = options.ttlMs ?? DEFAULT_TTL_MS;
    this.now = options.now ?? Date.now;
  }

  private file(key: string): string {
    return join(this.dir, `${key}.json`);
  }

  /** The cached result for `key` under the asked image name, or undefined on any kind of miss. */
  async get(key: string, image: string): Promise<ImageScanResult | undefined> {
    let text: string;
    try {
      const buf = await readFile(this.file(key));
      if (buf.length > MAX_ENTRY_BYTES) return undefined;
      text = buf.toString("utf8");
    } catch {
      return undefined;
    }
    let entry: unknown;
    try {
      entry = JSON.parse(text);
    } catch {
      return undefined;
    }
    if (!isEntry(entry)) return undefined;
    const age = this.now() - entry.storedAt;
    if (age < 0 || age > this.ttlMs) return undefined;
    return { ...entry.result, image, cached: true };
  }

  /** Stores an ok result; errors are never cached (the next run should try again). */
  async put(key: string, result: ImageScanResult): Promise<void> {
    if (result.status !== "ok") return;
    const { cached: _cached, durationMs: _duration, ...stored } = result;
    const entry: Entry = { format: ENTRY_FORMAT, storedAt: this.now(), result: stored };
    const tmp = join(this.dir, `.${key}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
    try {
      await mkdir(this.dir, { recursive: true });
      await writeFile(tmp, JSON.stringify(entry), { mode: 0o600 });
      await rename(tmp, this.file(key));
    } catch {
      await rm(tmp, { force: true }).catch(() => {});
    }
  }
}

function isEntry(v: unknown): v is Entry {
  if (typeof v !== "object" || v === null) return false;
  const e = v as Record<string, unknown>;
  if (e.format !== ENTRY_FORMAT || typeof e.storedAt !== "number") return false;
  const r = e.result as Record<string, unknown> | null;
  if (typeof r !== "object" || r === null || r.status !== "ok" || !Array.isArray(r.vulnerabilities)) return false;
  const counts = r.counts as Record<string, unknown> | null;
  if (typeof counts !== "object" || counts === null) return false;
  if (!SEVERITIES.every((s: Severity) => typeof counts[s] === "number")) return false;
  return r.vulnerabilities.every(
    (x) =>
      typeof x === "object" &&
      x !== null &&
      typeof (x as Record<string, unknown>).id === "string" &&
      SEVERITIES.includes((x as Record<string, unknown>).severity as Severity),
  );
}
