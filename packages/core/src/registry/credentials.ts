/**
 * Registry credentials the way Helm finds them: HELM_REGISTRY_CONFIG (`helm registry login`)
 * and Docker's config.json, both Docker-config-shaped: `auths[host].auth` = base64(user:pass),
 * or `username`/`password`, or `identitytoken` (an OAuth refresh token).
 * Credential helpers (credsStore/credHelpers) would need running programs and are not used.
 */
import { readFile } from "node:fs/promises";

export interface Credential {
  readonly username?: string;
  readonly password?: string;
  readonly identityToken?: string;
}

export type CredentialStore = ReadonlyMap<string, Credential>;

/** Docker writes keys as `host`, `https://host`, `https://host/v1/`; reduce them to host[:port]. */
export function normalizeRegistryHost(key: string): string {
  let k = key.replace(/^[a-z]+:\/\//, "");
  const slash = k.indexOf("/");
  if (slash >= 0) k = k.slice(0, slash);
  if (k === "index.docker.io" || k === "registry-1.docker.io") return "docker.io";
  return k;
}

export function parseDockerConfig(text: string): Map<string, Credential> {
  const out = new Map<string, Credential>();
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return out;
  }
  const auths = (doc as { auths?: unknown } | null)?.auths;
  if (typeof auths !== "object" || auths === null) return out;
  for (const [key, v] of Object.entries(auths as Record<string, unknown>)) {
    if (typeof v !== "object" || v === null) continue;
    const e = v as Record<string, unknown>;
    const cred: { username?: string; password?: string; identityToken?: string } = {};
    if (typeof e.auth === "string" && e.auth !== "") {
      const decoded = Buffer.from(e.auth, "base64").toString("utf8");
      const colon = decoded.indexOf(":");
      if (colon > 0) {
        cred.username = decoded.slice(0, colon);
        cred.password = decoded.slice(colon + 1);
      }
    }
    if (typeof e.username === "string" && e.username !== "") cred.username = e.username;
    if (typeof e.password === "string" && e.password !== "") cred.password = e.password;
    if (typeof e.identitytoken === "string" && e.identitytoken !== "") cred.identityToken = e.identitytoken;
    if (cred.username || cred.identityToken) out.set(normalizeRegistryHost(key), cred);
  }
  return out;
}

/** Reads the files in order; the first file that names a host wins (Helm's config before Docker's). */
export async function loadCredentialStore(files: readonly string[]): Promise<CredentialStore> {
  const store = new Map<string, Credential>();
  for (const f of files) {
    let text: string;
    try {
      text = await readFile(f, "utf8");
    } catch {
      continue;
    }
    for (const [host, c] of parseDockerConfig(text)) if (!store.has(host)) store.set(host, c);
  }
  return store;
}

export function credentialFor(store: CredentialStore | undefined, registry: string): Credential | undefined {
  return store?.get(normalizeRegistryHost(registry));
}
