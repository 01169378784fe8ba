/**
 * repositories.yaml (Helm's repo.File): the repositories `helm repo add` registered, with
 * their credentials and TLS settings.
 */
import { readFile } from "node:fs/promises";
import { parse as parseYaml } from "yaml";
import { ExitCode, HelmTrivyError } from "../errors.js";

export interface RepoEntry {
  readonly name: string;
  readonly url: string;
  readonly username?: string;
  readonly password?: string;
  readonly certFile?: string;
  readonly keyFile?: string;
  readonly caFile?: string;
  readonly insecureSkipTlsVerify?: boolean;
  readonly passCredentialsAll?: boolean;
}

export function parseRepositoriesFile(text: string, source = "repositories.yaml"): RepoEntry[] {
  let doc: unknown;
  try {
    doc = parseYaml(text, { schema: "failsafe", uniqueKeys: false });
  } catch (e) {
    throw new HelmTrivyError(
      `couldn't load repositories file (${source}): ${(e as Error).message.split("\n")[0]}`,
      ExitCode.BadIndex,
    );
  }
  const repos = (doc as { repositories?: unknown } | null)?.repositories;
  if (!Array.isArray(repos)) return [];
  const out: RepoEntry[] = [];
  for (const r of repos) {
    if (typeof r !== "object" || r === null) continue;
    const g = (k: string) => {
      const v = (r as Record<string, unknown>)[k];
      return typeof v === "string" && v !== "" ? v : undefined;
    };
    const name = g("name");
    const url = g("url");
    if (!name || !url) continue;
    const e: Record<string, unknown> = { name, url };
    for (const [yamlKey, field] of [
      ["username", "username"],
      ["password", "password"],
      ["certFile", "certFile"],
      ["keyFile", "keyFile"],
      ["caFile", "caFile"],
    ] as const) {
      const v = g(yamlKey);
      if (v !== undefined) e[field] = v;
    }
    if (g("insecure_skip_tls_verify") === "true") e.insecureSkipTlsVerify = true;
    if (g("pass_credentials_all") === "true") e.passCredentialsAll = true;
    out.push(e as unknown as RepoEntry);
  }
  return out;
}

/** A missing file is an empty list, as for Helm. */
export async function loadRepositoriesFile(file: string): Promise<RepoEntry[]> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch {
    return [];
  }
  return parseRepositoriesFile(text, file);
}

/** Helm's URL comparison for matching a repository to a chart URL: trailing slashes ignored. */
export function sameRepoUrl(a: string, b: string): boolean {
  return a.replace(/\/+$/, "") === b.replace(/\/+$/, "");
}
