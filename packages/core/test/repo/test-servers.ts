/** Loopback servers and fixture archives for the source tests (test-only helpers). */
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import http from "node:http";
import https from "node:https";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createSync } from "tar";
import type { Chart } from "../../src/chart/model.js";

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../..");
export const fixtureChart = (name: string) => path.join(repoRoot, "fixtures/repo/charts", name);

export function tempDir(prefix: string): string {
  return mkdtempSync(path.join(tmpdir(), `helm-trivy-${prefix}-`));
}

/** `helm package`-like archive of a fixture chart dir, optionally at another version. */
export function buildChartTgz(dir: string, version?: string): Uint8Array {
  const tmp = tempDir("tgz");
  try {
    const name = path.basename(dir);
    cpSync(dir, path.join(tmp, name), { recursive: true });
    if (version) {
      const cy = path.join(tmp, name, "Chart.yaml");
      writeFileSync(cy, readFileSync(cy, "utf8").replace(/^version: .*$/m, `version: ${version}`));
    }
    const out = path.join(tmp, "out.tgz");
    createSync({ gzip: true, cwd: tmp, file: out, portable: true }, [name]);
    return new Uint8Array(readFileSync(out));
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

export const sha256 = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");

export interface IndexEntry {
  name: string;
  version: string;
  url: string;
  digest?: string;
}

/** An index.yaml in Helm's layout. */
export function indexYaml(entries: IndexEntry[]): string {
  const byName = new Map<string, IndexEntry[]>();
  for (const e of entries) byName.set(e.name, [...(byName.get(e.name) ?? []), e]);
  let s = "apiVersion: v1\nentries:\n";
  for (const [name, list] of byName) {
    s += `  ${name}:\n`;
    for (const e of list) {
      s += `  - apiVersion: v2\n    created: "2024-01-01T00:00:00Z"\n`;
      if (e.digest) s += `    digest: ${e.digest}\n`;
      s += `    name: ${name}\n    urls:\n    - ${e.url}\n    version: ${e.version}\n`;
    }
  }
  return `${s}generated: "2024-01-01T00:00:00Z"\n`;
}

export interface SeenRequest {
  method: string;
  url: string;
  authorization?: string;
}

export interface TestServer {
  url: string;
  seen: SeenRequest[];
  close(): Promise<void>;
}

export type Handler = (req: http.IncomingMessage, res: http.ServerResponse, body: Buffer) => void;

export async function startServer(handler: Handler, tls?: { key: Buffer; cert: Buffer }): Promise<TestServer> {
  const seen: SeenRequest[] = [];
  const listener = (req: http.IncomingMessage, res: http.ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      seen.push({
        method: req.method ?? "",
        url: req.url ?? "",
        ...(req.headers.authorization && { authorization: req.headers.authorization }),
      });
      handler(req, res, Buffer.concat(chunks));
    });
  };
  const server = tls ? https.createServer({ key: tls.key, cert: tls.cert }, listener) : http.createServer(listener);
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `${tls ? "https" : "http"}://127.0.0.1:${port}`,
    seen,
    close: () =>
      new Promise((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

/** A static file map; `*` handlers can override per path. */
export function serveFiles(files: Map<string, Uint8Array | string>): Handler {
  return (req, res) => {
    const p = new URL(req.url ?? "/", "http://x").pathname;
    const f = files.get(p);
    if (f === undefined) {
      res.writeHead(404).end("not found");
      return;
    }
    res.writeHead(200).end(f);
  };
}

/** A self-signed certificate for 127.0.0.1, made with the openssl CLI. */
export function selfSignedCert(dir: string): { key: Buffer; cert: Buffer; certFile: string } {
  const keyFile = path.join(dir, "key.pem");
  const certFile = path.join(dir, "cert.pem");
  execFileSync(
    "openssl",
    [
      "req",
      "-x509",
      "-newkey",
      "rsa:2048",
      "-nodes",
      "-keyout",
      keyFile,
      "-out",
      certFile,
      "-days",
      "1",
      "-subj",
      "/CN=127.0.0.1",
      "-addext",
      "subjectAltName=IP:127.0.0.1",
    ],
    { stdio: "ignore" },
  );
  return { key: readFileSync(keyFile), cert: readFileSync(certFile), certFile };
}

/** The loaded model without back-pointers and with bytes as text, for equality checks. */
export function chartView(c: Chart): unknown {
  const dec = new TextDecoder();
  return {
    metadata: c.metadata,
    lock: c.lock,
    values: c.values,
    schema: c.schema ? dec.decode(c.schema) : undefined,
    templates: c.templates.map((f) => [f.name, dec.decode(f.data)]),
    files: c.files.map((f) => [f.name, dec.decode(f.data)]),
    dependencies: c.dependencies.map(chartView),
  };
}
