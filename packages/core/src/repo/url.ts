/** URL rules of Helm's pkg/repo. */

/**
 * repo.ResolveReferenceURL: an absolute `urls` entry is used as is; a relative one is
 * resolved against the repository URL taken as a directory, keeping the repository URL's query.
 */
export function resolveReferenceUrl(baseUrl: string, ref: string): string {
  if (/^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(ref)) return ref;
  const base = new URL(baseUrl);
  const query = base.search;
  base.pathname = `${base.pathname.replace(/\/$/, "")}/`;
  const resolved = new URL(ref, base);
  resolved.search = query;
  return resolved.toString();
}

/** The index of a repository (ResolveReferenceURL(url, "index.yaml")). */
export function indexUrl(repoUrl: string): string {
  return resolveReferenceUrl(repoUrl, "index.yaml");
}

/** Whether Helm's HTTP getter would send the repository's credentials to `target`. */
export function credentialsApply(repoUrl: string, target: string, passCredentialsAll: boolean): boolean {
  if (passCredentialsAll) return true;
  try {
    const a = new URL(repoUrl);
    const b = new URL(target);
    return a.protocol === b.protocol && a.host === b.host;
  } catch {
    return false;
  }
}

/** A URL without its userinfo, for messages. */
export function redactUrl(u: string): string {
  try {
    const url = new URL(u);
    if (url.username === "" && url.password === "") return u;
    url.username = "";
    url.password = "";
    return url.toString();
  } catch {
    return u;
  }
}
