import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadChart } from "../../src/chart/load.js";
import { locateChart } from "../../src/downloader/locate-chart.js";
import type { LocateOptions } from "../../src/downloader/source.js";
import { ExitCode, HelmTrivyError } from "../../src/errors.js";
import {
  buildChartTgz,
  chartView,
  fixtureChart,
  indexYaml,
  selfSignedCert,
  serveFiles,
  sha256,
  startServer,
  type TestServer,
  tempDir,
} from "../repo/test-servers.js";

const fastRetry = { attempts: 3, baseDelayMs: 5, maxDelayMs: 20 };
const demoDir = fixtureChart("demo");
const tgz = {
  "1.0.0": buildChartTgz(demoDir, "1.0.0"),
  "1.1.0": buildChartTgz(demoDir, "1.1.0"),
  "1.2.0": buildChartTgz(demoDir),
};
let home: string;
let plain: TestServer;
let other: TestServer; // a second host (another port) holding one archive
let files: Map<string, Uint8Array | string>;

function env(extra: Record<string, string> = {}): Record<string, string> {
  return {
    HOME: home,
    HELM_CONFIG_HOME: path.join(home, "config"),
    HELM_CACHE_HOME: path.join(home, "cache"),
    HELM_TRIVY_CACHE_DIR: path.join(home, `charts-${Math.random()}`),
    ...extra,
  };
}

async function failure(p: Promise<unknown>): Promise<HelmTrivyError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof HelmTrivyError) return e;
    throw e;
  }
  throw new Error("expected a failure");
}

beforeAll(async () => {
  home = tempDir("locate-http");
  other = await startServer(serveFiles(new Map([["/elsewhere/demo-1.0.0.tgz", tgz["1.0.0"]]])));
  files = new Map<string, Uint8Array | string>([
    ["/charts/demo-1.1.0.tgz", tgz["1.1.0"]],
    ["/charts/demo-1.2.0.tgz", tgz["1.2.0"]],
  ]);
  files.set(
    "/charts/index.yaml",
    indexYaml([
      { name: "demo", version: "1.2.0", url: "demo-1.2.0.tgz", digest: sha256(tgz["1.2.0"]) },
      { name: "demo", version: "1.1.0", url: "demo-1.1.0.tgz", digest: sha256(tgz["1.1.0"]) },
      { name: "demo", version: "1.0.0", url: `${other.url}/elsewhere/demo-1.0.0.tgz` },
    ]),
  );
  plain = await startServer(serveFiles(files));
});

afterAll(async () => {
  await plain?.close();
  await other?.close();
  rmSync(home, { recursive: true, force: true });
});

describe("locateChart from an HTTP repository (--repo)", () => {
  it("gives the same chart as loading the directory, and caches by digest", async () => {
    const opts: LocateOptions = { repoUrl: `${plain.url}/charts`, env: env(), retry: fastRetry };
    const before = plain.seen.length;
    const got = await locateChart("demo", opts);
    expect(chartView(got.chart)).toEqual(chartView(await loadChart(demoDir)));
    expect(got.source).toMatchObject({ kind: "repo-url", version: "1.2.0", fromCache: false });
    expect(got.source.digest).toBe(sha256(tgz["1.2.0"]));
    const again = await locateChart("demo", opts);
    expect(again.source.fromCache).toBe(true);
    const archiveGets = plain.seen.slice(before).filter((r) => r.url.endsWith(".tgz"));
    expect(archiveGets).toHaveLength(1);
  });

  it("honours --version constraints and reports the newest versions when none matches", async () => {
    const opts = { repoUrl: `${plain.url}/charts`, env: env(), retry: fastRetry };
    expect((await locateChart("demo", { ...opts, version: "~1.1" })).source.version).toBe("1.1.0");
    const e = await failure(locateChart("demo", { ...opts, version: "9.x" }));
    expect(e.exitCode).toBe(ExitCode.NotFound);
    expect(e.message).toBe(
      `chart "demo" version "9.x" not found in ${plain.url}/charts repository: newest available: 1.2.0, 1.1.0, 1.0.0`,
    );
    expect((await failure(locateChart("nope", opts))).exitCode).toBe(ExitCode.NotFound);
  });

  it("fails with one clear line on a digest mismatch", async () => {
    const srv = await startServer(
      serveFiles(
        new Map<string, Uint8Array | string>([
          ["/index.yaml", indexYaml([{ name: "demo", version: "1.2.0", url: "d.tgz", digest: "ab".repeat(32) }])],
          ["/d.tgz", tgz["1.2.0"]],
        ]),
      ),
    );
    try {
      const e = await failure(locateChart("demo", { repoUrl: srv.url, env: env(), retry: fastRetry }));
      expect(e.exitCode).toBe(ExitCode.DigestMismatch);
      expect(e.message).toContain(`the index says sha256:${"ab".repeat(32)}, the archive is sha256:`);
      expect(e.message).not.toContain("\n");
    } finally {
      await srv.close();
    }
  });

  it("fails on a truncated archive and on bytes that are not an archive", async () => {
    const cut = tgz["1.2.0"].subarray(0, Math.floor(tgz["1.2.0"].length / 2));
    const srv = await startServer(
      serveFiles(
        new Map<string, Uint8Array | string>([
          [
            "/index.yaml",
            indexYaml([
              { name: "cut", version: "1.0.0", url: "cut.tgz" },
              { name: "html", version: "1.0.0", url: "html.tgz" },
            ]),
          ],
          ["/cut.tgz", cut],
          ["/html.tgz", "<html>oops</html>"],
        ]),
      ),
    );
    try {
      const o = { repoUrl: srv.url, env: env(), retry: fastRetry };
      const e1 = await failure(locateChart("cut", o));
      expect(e1.exitCode).toBe(ExitCode.BadArchive);
      expect(e1.message).toMatch(/^unable to load chart archive: the archive from http:.*cut\.tgz does not read /);
      const e2 = await failure(locateChart("html", o));
      expect(e2.exitCode).toBe(ExitCode.BadArchive);
    } finally {
      await srv.close();
    }
  });

  it("retries 429 and 5xx with backoff, then gives up with the status", async () => {
    let calls = 0;
    const flaky = await startServer((req, res) => {
      calls++;
      if (calls === 1) res.writeHead(429, { "Retry-After": "0" }).end();
      else if (calls === 2) res.writeHead(503).end();
      else serveFiles(files)(req, res, Buffer.alloc(0));
    });
    const down = await startServer((_req, res) => {
      res.writeHead(500).end();
    });
    try {
      const got = await locateChart("demo", { repoUrl: `${flaky.url}/charts`, env: env(), retry: fastRetry });
      expect(got.source.version).toBe("1.2.0");
      expect(calls).toBe(4);
      const e = await failure(locateChart("demo", { repoUrl: down.url, env: env(), retry: fastRetry }));
      expect(e.exitCode).toBe(ExitCode.Network);
      expect(e.message).toBe(
        `looks like "${down.url}" is not a valid chart repository or cannot be reached: failed to fetch ${down.url}/index.yaml : 500 Internal Server Error`,
      );
      expect(down.seen).toHaveLength(fastRetry.attempts);
    } finally {
      await flaky.close();
      await down.close();
    }
  });

  it("reports an index that is not YAML and a refused connection", async () => {
    const srv = await startServer(serveFiles(new Map([["/index.yaml", "{{{ not: [yaml"]])));
    try {
      const e = await failure(locateChart("demo", { repoUrl: srv.url, env: env(), retry: fastRetry }));
      expect(e.exitCode).toBe(ExitCode.BadIndex);
      expect(e.message).toMatch(/^looks like ".*" is not a valid chart repository or cannot be reached: /);
    } finally {
      await srv.close();
    }
    const closedUrl = srv.url;
    const e = await failure(locateChart("demo", { repoUrl: closedUrl, env: env(), retry: fastRetry }));
    expect(e.exitCode).toBe(ExitCode.Network);
    expect(e.message).toContain("connect: connection refused");
  });
});

describe("basic auth", () => {
  const good = `Basic ${Buffer.from("alice:s3cret").toString("base64")}`;
  let secured: TestServer;
  beforeAll(async () => {
    secured = await startServer((req, res, body) => {
      if (req.headers.authorization !== good) {
        res.writeHead(401, { "WWW-Authenticate": 'Basic realm="charts"' }).end();
        return;
      }
      serveFiles(files)(req, res, body);
    });
  });
  afterAll(async () => secured.close());

  it("is required, then accepted", async () => {
    const o = { repoUrl: `${secured.url}/charts`, env: env(), retry: fastRetry };
    const e = await failure(locateChart("demo", o));
    expect(e.exitCode).toBe(ExitCode.AuthFailed);
    expect(e.message).toContain(": 401 Unauthorized: log in with --username/--password");
    const got = await locateChart("demo", { ...o, username: "alice", password: "s3cret" });
    expect(got.source.version).toBe("1.2.0");
  });

  it("sends credentials only to the repository's host unless --pass-credentials", async () => {
    const o = { repoUrl: `${secured.url}/charts`, env: env(), retry: fastRetry, username: "alice", password: "s3cret" };
    const n = other.seen.length;
    await locateChart("demo", { ...o, version: "1.0.0" });
    expect(other.seen.slice(n).map((r) => r.authorization)).toEqual([undefined]);
    await locateChart("demo", { ...o, version: "1.0.0", passCredentialsAll: true, env: env() });
    expect(other.seen.slice(n + 1).map((r) => r.authorization)).toEqual([good]);
  });

  it("uses repositories.yaml credentials and Helm's cached index for repo/chart", async () => {
    const e = env();
    const cfg = e.HELM_CONFIG_HOME as string;
    const cache = path.join(e.HELM_CACHE_HOME as string, "repository");
    mkdirSync(cfg, { recursive: true });
    mkdirSync(cache, { recursive: true });
    writeFileSync(
      path.join(cfg, "repositories.yaml"),
      `apiVersion: ""\nrepositories:\n- name: sec\n  url: ${secured.url}/charts\n  username: alice\n  password: s3cret\n`,
    );
    writeFileSync(path.join(cache, "sec-index.yaml"), files.get("/charts/index.yaml") as string);
    const n = secured.seen.length;
    const got = await locateChart("sec/demo", { env: e, retry: fastRetry, version: "1.1.0" });
    expect(got.chart.metadata.version).toBe("1.1.0");
    expect(got.source).toMatchObject({ kind: "repo", repository: "sec", version: "1.1.0" });
    // Only the archive: repo/chart reads the index from Helm's cache.
    expect(secured.seen.slice(n).map((r) => r.url)).toEqual(["/charts/demo-1.1.0.tgz"]);
    const unknown = await failure(locateChart("nosuch/demo", { env: e }));
    expect(unknown.exitCode).toBe(ExitCode.RepoUnknown);
    expect(unknown.message).toBe(
      "repo nosuch not found: add it with 'helm repo add nosuch URL', or name the repository with --repo URL",
    );
    const notFound = await failure(locateChart("sec/demo", { env: e, version: "7.0.0" }));
    expect(notFound.message).toBe(
      `chart "demo" matching 7.0.0 not found in sec index. (try 'helm repo update'): no chart version found for demo-7.0.0: newest available: 1.2.0, 1.1.0, 1.0.0`,
    );
  });
});

describe("HTTPS with a self-signed certificate", () => {
  it("needs --ca-file or --insecure-skip-tls-verify", async () => {
    const dir = tempDir("tls");
    const cert = selfSignedCert(dir);
    const srv = await startServer(serveFiles(files), cert);
    try {
      const o = { repoUrl: `${srv.url}/charts`, env: env(), retry: fastRetry };
      const e = await failure(locateChart("demo", o));
      expect(e.exitCode).toBe(ExitCode.Network);
      expect(e.message).toContain("use --ca-file, or --insecure-skip-tls-verify");
      expect((await locateChart("demo", { ...o, caFile: cert.certFile })).source.version).toBe("1.2.0");
      expect((await locateChart("demo", { ...o, insecureSkipTlsVerify: true })).source.version).toBe("1.2.0");
    } finally {
      await srv.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("other source kinds", () => {
  it("loads an archive URL, a local .tgz and a local directory to the same model", async () => {
    const want = chartView(await loadChart(demoDir));
    const byUrl = await locateChart(`${plain.url}/charts/demo-1.2.0.tgz`, { env: env() });
    expect(byUrl.source.kind).toBe("url");
    expect(chartView(byUrl.chart)).toEqual(want);
    const dir = tempDir("local");
    try {
      const file = path.join(dir, "demo-1.2.0.tgz");
      writeFileSync(file, tgz["1.2.0"]);
      const local = await locateChart(file, { env: env() });
      expect(local.source.kind).toBe("archive");
      expect(chartView(local.chart)).toEqual(want);
      const d = await locateChart(demoDir, { env: env() });
      expect(d.source.kind).toBe("directory");
      expect(chartView(d.chart)).toEqual(want);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    expect((await failure(locateChart("./missing", { env: env() }))).message).toBe('path "./missing" not found');
    expect((await failure(locateChart("justname", { env: env() }))).message).toBe(
      "non-absolute URLs should be in form of repo_name/path_to_chart, got: justname",
    );
  });
});
