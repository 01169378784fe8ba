/**
 * Against a real OCI registry: Debian's docker-registry (distribution 2.8), started per suite
 * on a free loopback port with a temporary storage directory, once open and once with
 * htpasswd (Basic) auth. Charts are pushed with our client and pulled back.
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
import { rm } from "node:fs/promises";
import net from "node:net";
import path from "node:path";
import bcrypt from "bcryptjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadChart } from "../../src/chart/load.js";
import { loadArchive } from "../../src/chart/load-archive.js";
import { locateChart } from "../../src/downloader/locate-chart.js";
import { ExitCode, HelmTrivyError } from "../../src/errors.js";
import { RegistryClient } from "../../src/registry/client.js";
import { parseOciRef } from "../../src/registry/reference.js";
import { ChartCache } from "../../src/repo/chart-cache.js";
import { buildChartTgz, chartView, fixtureChart, startServer, tempDir } from "../repo/test-servers.js";

function registryBinary(): string | undefined {
  try {
    return execFileSync("sh", ["-c", "command -v docker-registry"], { encoding: "utf8" }).trim() || undefined;
  } catch {
    return undefined;
  }
}
const bin = registryBinary();
if (!bin) console.warn("registry tests skipped: docker-registry is not installed (apt-get install docker-registry)");

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.listen(0, "127.0.0.1", () => {
      const p = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(p));
    });
  });
}

interface Registry {
  host: string;
  dir: string;
  proc: ChildProcess;
}

async function startRegistry(htpasswd?: string): Promise<Registry> {
  const dir = tempDir("registry");
  const port = await freePort();
  let auth = "";
  if (htpasswd) {
    writeFileSync(path.join(dir, "htpasswd"), htpasswd);
    auth = `auth:\n  htpasswd:\n    realm: test-realm\n    path: ${path.join(dir, "htpasswd")}\n`;
  }
  const cfg = path.join(dir, "config.yml");
  writeFileSync(
    cfg,
    `version: 0.1\nlog:\n  level: error\nstorage:\n  filesystem:\n    rootdirectory: ${path.join(dir, "data")}\nhttp:\n  addr: 127.0.0.1:${port}\n${auth}`,
  );
  const proc = spawn(bin as string, ["serve", cfg], { stdio: "ignore" });
  const host = `127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    try {
      const r = await fetch(`http://${host}/v2/`);
      if (r.status === 200 || r.status === 401) return { host, dir, proc };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  proc.kill();
  throw new Error("docker-registry did not start");
}

async function stopRegistry(r: Registry | undefined): Promise<void> {
  if (!r) return;
  r.proc.kill();
  await rm(r.dir, { recursive: true, force: true });
}

function meta(tgz: Uint8Array) {
  const c = loadArchive(tgz);
  return {
    name: c.metadata.name,
    version: c.metadata.version,
    json: new TextEncoder().encode(JSON.stringify(c.metadata)),
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

const demo = fixtureChart("demo");
const versions = ["1.0.0", "1.1.0", "1.2.0", "2.0.0-rc.1", "1.2.1+build.7"];

describe.skipIf(!bin)("OCI registry without auth", () => {
  let reg: Registry;
  let home: string;
  const pushed: Record<string, string> = {};
  beforeAll(async () => {
    reg = await startRegistry();
    home = tempDir("oci-home");
    const client = new RegistryClient({ plainHttp: true });
    for (const v of versions) {
      const tgz = buildChartTgz(demo, v);
      pushed[v] = (await client.pushChart(parseOciRef(`oci://${reg.host}/charts`), tgz, meta(tgz))).manifestDigest;
    }
  });
  afterAll(async () => {
    await stopRegistry(reg);
    await rm(home, { recursive: true, force: true });
  });
  const env = () => ({ HOME: home, HELM_TRIVY_CACHE_DIR: path.join(home, `c${Math.random()}`) });

  it("lists tags as versions (`_` read as `+`), newest first", async () => {
    const client = new RegistryClient({ plainHttp: true });
    const list = await client.versions(parseOciRef(`oci://${reg.host}/charts/demo`));
    expect(list.map((t) => t.version)).toEqual(["2.0.0-rc.1", "1.2.1+build.7", "1.2.0", "1.1.0", "1.0.0"]);
    expect(list[1]?.tag).toBe("1.2.1_build.7");
  });

  it("pulls by tag, by constraint, newest stable, --devel and by digest; same model as the directory", async () => {
    const ref = `oci://${reg.host}/charts/demo`;
    const o = { plainHttp: true, env: env() };
    const byTag = await locateChart(`${ref}:1.2.0`, o);
    expect(chartView(byTag.chart)).toEqual(chartView(await loadChart(demo)));
    expect(byTag.source).toMatchObject({ kind: "oci", version: "1.2.0" });
    expect((await locateChart(ref, { ...o, version: "~1.1" })).source.version).toBe("1.1.0");
    expect((await locateChart(ref, o)).source.version).toBe("1.2.1+build.7");
    expect((await locateChart(ref, { ...o, devel: true })).source.version).toBe("2.0.0-rc.1");
    expect((await locateChart(ref, { ...o, version: "1.2.1+build.7" })).chart.metadata.version).toBe("1.2.1+build.7");
    const byDigest = await locateChart(`${ref}@${pushed["1.1.0"]}`, o);
    expect(byDigest.chart.metadata.version).toBe("1.1.0");
    expect(byDigest.source.url).toBe(`${ref}@${pushed["1.1.0"]}`);
  });

  it("serves the second pull of a layer from the cache", async () => {
    const cacheDir = tempDir("oci-cache");
    try {
      const client = new RegistryClient({ plainHttp: true, cache: new ChartCache(cacheDir) });
      const ref = parseOciRef(`oci://${reg.host}/charts/demo:1.0.0`);
      expect((await client.pullChart(ref)).fromCache).toBe(false);
      expect((await client.pullChart(ref)).fromCache).toBe(true);
    } finally {
      await rm(cacheDir, { recursive: true, force: true });
    }
  });

  it("reports missing charts and versions with what exists", async () => {
    const o = { plainHttp: true, env: env() };
    const e1 = await failure(locateChart(`oci://${reg.host}/charts/demo`, { ...o, version: "^5" }));
    expect(e1.exitCode).toBe(ExitCode.NotFound);
    expect(e1.message).toBe(
      "could not locate a version matching provided version string ^5: newest available: 2.0.0-rc.1, 1.2.1+build.7, 1.2.0, 1.1.0, 1.0.0",
    );
    const e2 = await failure(locateChart(`oci://${reg.host}/charts/demo:9.9.9`, o));
    expect(e2.exitCode).toBe(ExitCode.NotFound);
    const e3 = await failure(locateChart(`oci://${reg.host}/charts/nothing`, o));
    expect(e3.exitCode).toBe(ExitCode.NotFound);
    const e4 = await failure(locateChart(`oci://${reg.host}/charts/demo:1.0.0`, { ...o, version: "1.1.0" }));
    expect(e4.message).toBe("chart reference and version mismatch: 1.1.0 is not 1.0.0");
  });
});

describe.skipIf(!bin)("OCI registry with htpasswd (Basic) auth", () => {
  let reg: Registry;
  let home: string;
  beforeAll(async () => {
    reg = await startRegistry(`bob:${bcrypt.hashSync("hunter2", 5)}\n`);
    home = tempDir("oci-auth-home");
  });
  afterAll(async () => {
    await stopRegistry(reg);
    await rm(home, { recursive: true, force: true });
  });

  it("refuses anonymous pushes and pulls, accepts flags and Helm's registry config", async () => {
    const tgz = buildChartTgz(demo, "3.0.0");
    const anon = new RegistryClient({ plainHttp: true });
    const e = await failure(anon.pushChart(parseOciRef(`oci://${reg.host}/private`), tgz, meta(tgz)));
    expect(e.exitCode).toBe(ExitCode.AuthFailed);
    expect(e.message).toContain(`run 'helm registry login ${reg.host}' or pass --username/--password`);
    const bob = new RegistryClient({ plainHttp: true, username: "bob", password: "hunter2" });
    await bob.pushChart(parseOciRef(`oci://${reg.host}/private`), tgz, meta(tgz));

    const ref = `oci://${reg.host}/private/demo`;
    const base = { plainHttp: true, env: { HOME: home, HELM_TRIVY_CACHE_DIR: path.join(home, "c1") } };
    expect((await failure(locateChart(ref, base))).exitCode).toBe(ExitCode.AuthFailed);
    const wrong = await failure(locateChart(ref, { ...base, username: "bob", password: "nope" }));
    expect(wrong.exitCode).toBe(ExitCode.AuthFailed);
    expect(wrong.message).toContain("the registry refused the credentials");
    expect((await locateChart(ref, { ...base, username: "bob", password: "hunter2" })).source.version).toBe("3.0.0");

    const cfg = path.join(home, "registry.json");
    const auth = Buffer.from("bob:hunter2").toString("base64");
    writeFileSync(cfg, JSON.stringify({ auths: { [reg.host]: { auth } } }));
    const env = { HOME: home, HELM_REGISTRY_CONFIG: cfg, HELM_TRIVY_CACHE_DIR: path.join(home, "c2") };
    expect((await locateChart(`${ref}:3.0.0`, { plainHttp: true, env })).chart.metadata.name).toBe("demo");
  });
});

describe.skipIf(!bin)("OCI Bearer token auth (token server in front of the registry)", () => {
  let reg: Registry;
  it("answers a Bearer challenge with a token from the realm", async () => {
    reg = await startRegistry();
    const tgz = buildChartTgz(demo, "4.0.0");
    await new RegistryClient({ plainHttp: true }).pushChart(parseOciRef(`oci://${reg.host}/tok`), tgz, meta(tgz));
    const tokenAsks: string[] = [];
    const tokens = await startServer((req, res) => {
      tokenAsks.push(`${req.url} ${req.headers.authorization ?? "anonymous"}`);
      res.writeHead(200, { "Content-Type": "application/json" }).end(JSON.stringify({ token: "T0K3N" }));
    });
    // A front that demands the token and forwards to the real registry.
    const front = await startServer(async (req, res, body) => {
      if (req.headers.authorization !== "Bearer T0K3N") {
        res
          .writeHead(401, {
            "WWW-Authenticate": `Bearer realm="${tokens.url}/token",service="front",scope="repository:tok/demo:pull"`,
          })
          .end();
        return;
      }
      const r = await fetch(`http://${reg.host}${req.url}`, {
        method: req.method ?? "GET",
        headers: { Accept: String(req.headers.accept ?? "*/*") },
        ...(body.length > 0 && { body }),
      });
      const headers: Record<string, string> = {};
      r.headers.forEach((v, k) => {
        if (!["content-length", "transfer-encoding", "connection"].includes(k)) headers[k] = v;
      });
      res.writeHead(r.status, headers).end(Buffer.from(await r.arrayBuffer()));
    });
    try {
      const host = front.url.replace("http://", "");
      const home = tempDir("oci-token");
      const got = await locateChart(`oci://${host}/tok/demo`, {
        plainHttp: true,
        username: "carol",
        password: "pw",
        env: { HOME: home, HELM_TRIVY_CACHE_DIR: path.join(home, "c") },
      });
      expect(got.source.version).toBe("4.0.0");
      expect(tokenAsks[0]).toBe(
        `/token?service=front&scope=repository%3Atok%2Fdemo%3Apull Basic ${Buffer.from("carol:pw").toString("base64")}`,
      );
      await rm(home, { recursive: true, force: true });
    } finally {
      await front.close();
      await tokens.close();
      await stopRegistry(reg);
    }
  });
});
