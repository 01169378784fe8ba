// A loopback chart server for the CLI's source tests and their Helm fixture generator: one
// packaged chart served as an HTTP chart repository (index.yaml + archive) and as an OCI
// registry (plain HTTP, no auth). Listens on 127.0.0.1 only; close() stops it.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import http from "node:http";
import { tmpdir } from "node:os";
import { basename, dirname, join } from "node:path";

const sha256 = (b) => createHash("sha256").update(b).digest("hex");

/** `helm package`-like archive of a chart directory (top folder named after the directory). */
export function packChart(dir) {
  const tmp = mkdtempSync(join(tmpdir(), "helm-trivy-pack-"));
  try {
    const out = join(tmp, "chart.tgz");
    execFileSync("tar", ["czf", out, "-C", dirname(dir), basename(dir)]);
    return readFileSync(out);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/**
 * Serves `tgz` (chart `name` at `version`) as `/charts/index.yaml` + `/charts/NAME-VERSION.tgz`
 * and as the OCI repository `/v2/charts/NAME`. Resolves to { url, host, manifestDigest, close }.
 */
export function startChartServer({ name, version, tgz }) {
  const file = `${name}-${version}.tgz`;
  const digest = `sha256:${sha256(tgz)}`;
  const config = Buffer.from(JSON.stringify({ apiVersion: "v2", name, version }));
  const configDigest = `sha256:${sha256(config)}`;
  const manifest = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: "application/vnd.oci.image.manifest.v1+json",
      config: { mediaType: "application/vnd.cncf.helm.config.v1+json", digest: configDigest, size: config.length },
      layers: [{ mediaType: "application/vnd.cncf.helm.chart.content.v1.tar+gzip", digest, size: tgz.length }],
    }),
  );
  const manifestDigest = `sha256:${sha256(manifest)}`;
  let base = "";
  const server = http.createServer((req, res) => {
    const path = (req.url ?? "").split("?")[0];
    const send = (status, body, type, extra = {}) => {
      res.writeHead(status, { "Content-Type": type, "Content-Length": body.length, ...extra });
      res.end(req.method === "HEAD" ? undefined : body);
    };
    const oci = `/v2/charts/${name}`;
    if (path === "/charts/index.yaml") {
      const index =
        `apiVersion: v1\nentries:\n  ${name}:\n  - apiVersion: v2\n    created: "2024-01-01T00:00:00Z"\n` +
        `    digest: ${sha256(tgz)}\n    name: ${name}\n    urls:\n    - ${base}/charts/${file}\n` +
        `    version: ${version}\ngenerated: "2024-01-01T00:00:00Z"\n`;
      return send(200, Buffer.from(index), "application/x-yaml");
    }
    if (path === `/charts/${file}`) return send(200, tgz, "application/gzip");
    if (path === "/v2/" || path === "/v2") return send(200, Buffer.from("{}"), "application/json");
    if (path === `${oci}/tags/list`) {
      return send(200, Buffer.from(JSON.stringify({ name: `charts/${name}`, tags: [version] })), "application/json");
    }
    if (path === `${oci}/manifests/${version}` || path === `${oci}/manifests/${manifestDigest}`) {
      return send(200, manifest, "application/vnd.oci.image.manifest.v1+json", {
        "Docker-Content-Digest": manifestDigest,
      });
    }
    if (path === `${oci}/blobs/${digest}`) return send(200, tgz, "application/octet-stream");
    if (path === `${oci}/blobs/${configDigest}`) return send(200, config, "application/octet-stream");
    send(404, Buffer.from("not found\n"), "text/plain");
  });
  return new Promise((resolve) => {
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      base = `http://127.0.0.1:${port}`;
      resolve({
        url: base,
        host: `127.0.0.1:${port}`,
        manifestDigest,
        close: () => new Promise((r) => server.close(() => r(undefined))),
      });
    });
  });
}
