// Loopback servers that fail in every way a chart source can, shared by the Helm error-case
// generator (gen-error-cases.mjs, dev time) and the core's tests (run time): an HTTP chart
// repository with broken archives, repositories that answer 401/403 or non-YAML, a server that
// never answers, a registry that answers 403, and Debian's docker-registry (open, and with
// htpasswd auth). Everything listens on 127.0.0.1 only; close() stops it.
import { spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import http from "node:http";
import net from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

const sha256 = (b) => createHash("sha256").update(b).digest("hex");

/**
 * The cases, each a chart reference as a user gives it. Placeholders: {{URL}} the HTTP server,
 * {{CLOSED}} a port nobody listens on, {{HANG}} a server that never answers, {{OCI}} an open
 * registry holding charts/demo:1.2.0, {{OCIAUTH}} a registry needing a login, {{OCI403}} a
 * registry refusing everyone. `repo` is --repo; `repos` says repositories.yaml lists `fix` for
 * {{URL}}/repo with its index cached (what `helm repo add fix` leaves).
 */
export const errorCases = [
  { name: "unknown repository alias", chart: "nosuch/demo", repos: true },
  { name: "no cached index", chart: "nocache/demo", repos: true },
  { name: "bare chart name", chart: "demo" },
  { name: "chart not in the index (--repo)", chart: "nope", repo: "{{URL}}/repo" },
  { name: "chart not in the index (repo/name)", chart: "fix/nope", repos: true },
  { name: "version not found (--repo)", chart: "demo", repo: "{{URL}}/repo", version: "9.9.9" },
  { name: "version not found (repo/name)", chart: "fix/demo", repos: true, version: "9.9.9" },
  { name: "401 from an HTTP repository", chart: "demo", repo: "{{URL}}/auth401" },
  { name: "403 from an HTTP repository", chart: "demo", repo: "{{URL}}/auth403" },
  { name: "401 from an archive", chart: "locked", repo: "{{URL}}/repo" },
  { name: "404 of an archive URL", chart: "{{URL}}/repo/missing-1.0.0.tgz" },
  { name: "404 of an index's archive", chart: "gone", repo: "{{URL}}/repo" },
  { name: "500 of an index", chart: "demo", repo: "{{URL}}/broken" },
  { name: "connection refused", chart: "demo", repo: "{{CLOSED}}" },
  { name: "timeout (no answer in 120 s)", chart: "demo", repo: "{{HANG}}/charts" },
  { name: "DNS failure", chart: "demo", repo: "http://nosuch.invalid/charts" },
  { name: "corrupt archive (not gzip)", chart: "corrupt", repo: "{{URL}}/repo" },
  { name: "truncated archive", chart: "truncated", repo: "{{URL}}/repo" },
  { name: "corrupt archive URL", chart: "{{URL}}/repo/corrupt-1.0.0.tgz" },
  { name: "digest mismatch", chart: "baddigest", repo: "{{URL}}/repo" },
  { name: "index not YAML", chart: "demo", repo: "{{URL}}/notyaml" },
  { name: "index is HTML", chart: "demo", repo: "{{URL}}/html" },
  { name: "index without apiVersion", chart: "demo", repo: "{{URL}}/noapi" },
  { name: "OCI exact version with no tag", chart: "oci://{{OCI}}/charts/demo", version: "9.9.9", plainHttp: true },
  { name: "OCI constraint with no tag", chart: "oci://{{OCI}}/charts/demo", version: "^9.0.0", plainHttp: true },
  { name: "OCI tag in the reference, absent", chart: "oci://{{OCI}}/charts/demo:9.9.9", plainHttp: true },
  { name: "OCI repository without tags", chart: "oci://{{OCI}}/charts/none", plainHttp: true },
  { name: "OCI 401 without credentials", chart: "oci://{{OCIAUTH}}/charts/demo", version: "1.2.0", plainHttp: true },
  {
    name: "OCI 401 with wrong credentials",
    chart: "oci://{{OCIAUTH}}/charts/demo",
    version: "1.2.0",
    plainHttp: true,
    username: "alice",
    password: "wrong",
  },
  { name: "OCI 403", chart: "oci://{{OCI403}}/charts/demo", version: "1.2.0", plainHttp: true },
  { name: "OCI connection refused", chart: "oci://{{CLOSEDHOST}}/charts/demo", version: "1.2.0", plainHttp: true },
];

/** Helm's command line for a case (placeholders already filled). */
export function helmArgs(c) {
  const a = ["template", "x", c.chart];
  if (c.repo) a.push("--repo", c.repo);
  if (c.version) a.push("--version", c.version);
  if (c.plainHttp) a.push("--plain-http");
  if (c.username) a.push("--username", c.username, "--password", c.password);
  return a;
}

export function freePort() {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

function listen(server) {
  return new Promise((resolve) => {
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      resolve({
        url: `http://127.0.0.1:${port}`,
        host: `127.0.0.1:${port}`,
        close: () =>
          new Promise((r) => {
            server.closeAllConnections();
            server.close(() => r(undefined));
          }),
      });
    });
  });
}

function index(entries) {
  let s = "apiVersion: v1\nentries:\n";
  for (const e of entries) {
    s += `  ${e.name}:\n  - apiVersion: v2\n    created: "2024-01-01T00:00:00Z"\n`;
    if (e.digest) s += `    digest: ${e.digest}\n`;
    s += `    name: ${e.name}\n    urls:\n    - ${e.url}\n    version: ${e.version}\n`;
  }
  return `${s}generated: "2024-01-01T00:00:00Z"\n`;
}

/** The repository index `fix` caches (also served at {{URL}}/repo/index.yaml). */
export function repoIndex(tgz) {
  const junk = Buffer.from("this is not a chart archive\n");
  return index([
    { name: "baddigest", version: "1.0.0", url: "demo-1.2.0.tgz", digest: "ab".repeat(32) },
    { name: "corrupt", version: "1.0.0", url: "corrupt-1.0.0.tgz", digest: sha256(junk) },
    { name: "demo", version: "1.2.0", url: "demo-1.2.0.tgz", digest: sha256(tgz) },
    { name: "gone", version: "1.0.0", url: "gone-1.0.0.tgz" },
    { name: "locked", version: "1.0.0", url: "../auth401/locked-1.0.0.tgz" },
    { name: "truncated", version: "1.0.0", url: "truncated-1.0.0.tgz" },
  ]);
}

/** The HTTP repository and friends; `tgz` is the packaged demo chart 1.2.0. */
export function startRepoServer(tgz) {
  const junk = Buffer.from("this is not a chart archive\n");
  const files = new Map([
    ["/repo/index.yaml", repoIndex(tgz)],
    ["/repo/demo-1.2.0.tgz", tgz],
    ["/repo/corrupt-1.0.0.tgz", junk],
    ["/repo/truncated-1.0.0.tgz", tgz.subarray(0, Math.floor(tgz.length / 2))],
    ["/notyaml/index.yaml", "{{{ not: [yaml\n"],
    ["/html/index.yaml", "<html><body>Login</body></html>\n"],
    [
      "/noapi/index.yaml",
      index([{ name: "demo", version: "1.2.0", url: "demo-1.2.0.tgz" }]).replace(/^apiVersion.*\n/, ""),
    ],
  ]);
  const server = http.createServer((req, res) => {
    const p = (req.url ?? "").split("?")[0];
    if (p.startsWith("/auth401/")) {
      res.writeHead(401, { "WWW-Authenticate": 'Basic realm="charts"' }).end("unauthorized\n");
      return;
    }
    if (p.startsWith("/auth403/")) {
      res.writeHead(403).end("forbidden\n");
      return;
    }
    if (p.startsWith("/broken/")) {
      res.writeHead(500).end("oops\n");
      return;
    }
    const f = files.get(p);
    if (f === undefined) res.writeHead(404).end("not found\n");
    else res.writeHead(200).end(f);
  });
  return listen(server);
}

/** A server that takes requests and never answers (Helm gives up after its 120 s client timeout). */
export function startHangServer() {
  return listen(http.createServer(() => {}));
}

/** A registry that refuses everyone (403 on every /v2/ request, as a registry denying a scope does). */
export function startForbiddenRegistry() {
  const server = http.createServer((_req, res) => {
    const body = JSON.stringify({
      errors: [{ code: "DENIED", message: "requested access to the resource is denied" }],
    });
    res.writeHead(403, { "Content-Type": "application/json" }).end(body);
  });
  return listen(server);
}

export function registryBinary() {
  const r = spawnSync("sh", ["-c", "command -v docker-registry"], { encoding: "utf8" });
  return r.status === 0 ? r.stdout.trim() : undefined;
}

/**
 * Debian's docker-registry on a free loopback port; `htpasswd` (a bcrypt line) turns on Basic
 * auth. Resolves to { host, close }.
 */
export async function startRegistry(htpasswd) {
  const bin = registryBinary();
  if (!bin) throw new Error("docker-registry is not installed (apt-get install docker-registry)");
  const dir = mkdtempSync(join(tmpdir(), "helm-trivy-errreg-"));
  const port = await freePort();
  let auth = "";
  if (htpasswd) {
    writeFileSync(join(dir, "htpasswd"), htpasswd);
    auth = `auth:\n  htpasswd:\n    realm: test-realm\n    path: ${join(dir, "htpasswd")}\n`;
  }
  const cfg = join(dir, "config.yml");
  writeFileSync(
    cfg,
    `version: 0.1\nlog:\n  level: error\nstorage:\n  filesystem:\n    rootdirectory: ${join(dir, "data")}\nhttp:\n  addr: 127.0.0.1:${port}\n${auth}`,
  );
  const proc = spawn(bin, ["serve", cfg], { stdio: "ignore" });
  const host = `127.0.0.1:${port}`;
  const close = async () => {
    proc.kill();
    rmSync(dir, { recursive: true, force: true });
  };
  for (let i = 0; i < 100; i++) {
    try {
      const r = await fetch(`http://${host}/v2/`);
      if (r.status === 200 || r.status === 401) return { host, close };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  await close();
  throw new Error("docker-registry did not start");
}

export { sha256 };
