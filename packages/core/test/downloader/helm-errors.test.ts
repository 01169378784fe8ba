/**
 * Every way a chart source fails, against what real Helm 4.1.4 printed for the same case
 * (fixtures/repo/helm/error-cases.json, made by scripts/sources/gen-error-cases.mjs against the
 * same loopback servers): our message starts with Helm's exact text, and anything we add
 * follows it after ": " on the same line; the exit status is the source status of errors.ts.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import bcrypt from "bcryptjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  freePort,
  registryBinary,
  repoIndex,
  startForbiddenRegistry,
  startHangServer,
  startRegistry,
  startRepoServer,
  // @ts-expect-error: a plain ESM script shared with the fixture generator
} from "../../../../scripts/sources/error-servers.mjs";
import { loadChart } from "../../src/chart/load.js";
import { locateChart } from "../../src/downloader/locate-chart.js";
import type { LocateOptions } from "../../src/downloader/source.js";
import { ExitCode, HelmTrivyError } from "../../src/errors.js";
import { RegistryClient } from "../../src/registry/client.js";
import { parseOciRef } from "../../src/registry/reference.js";
import { buildChartTgz, fixtureChart, repoRoot, tempDir } from "../repo/test-servers.js";

interface ErrorCase {
  name: string;
  chart: string;
  repo?: string;
  version?: string;
  plainHttp?: boolean;
  username?: string;
  password?: string;
  repos?: boolean;
  status: number;
  stderr: string;
}

const fixture = JSON.parse(readFileSync(path.join(repoRoot, "fixtures/repo/helm/error-cases.json"), "utf8")) as {
  helm: string;
  cases: ErrorCase[];
};

/** Our exit status for each case (Helm exits 1 for all of them). */
const wantStatus: Record<string, ExitCode> = {
  "unknown repository alias": ExitCode.RepoUnknown,
  "no cached index": ExitCode.RepoUnknown,
  "bare chart name": ExitCode.RepoUnknown,
  "chart not in the index (--repo)": ExitCode.NotFound,
  "chart not in the index (repo/name)": ExitCode.NotFound,
  "version not found (--repo)": ExitCode.NotFound,
  "version not found (repo/name)": ExitCode.NotFound,
  "401 from an HTTP repository": ExitCode.AuthFailed,
  "403 from an HTTP repository": ExitCode.AuthFailed,
  "401 from an archive": ExitCode.AuthFailed,
  "404 of an archive URL": ExitCode.NotFound,
  "404 of an index's archive": ExitCode.NotFound,
  "500 of an index": ExitCode.Network,
  "connection refused": ExitCode.Network,
  "timeout (no answer in 120 s)": ExitCode.Network,
  "DNS failure": ExitCode.Network,
  "corrupt archive (not gzip)": ExitCode.BadArchive,
  "truncated archive": ExitCode.BadArchive,
  "corrupt archive URL": ExitCode.BadArchive,
  // Helm 4.1.4 does not check the index's digest (status 0): we refuse the archive on purpose.
  "digest mismatch": ExitCode.DigestMismatch,
  "index not YAML": ExitCode.BadIndex,
  "index is HTML": ExitCode.BadIndex,
  "index without apiVersion": ExitCode.BadIndex,
  "OCI exact version with no tag": ExitCode.NotFound,
  "OCI constraint with no tag": ExitCode.NotFound,
  "OCI tag in the reference, absent": ExitCode.NotFound,
  "OCI repository without tags": ExitCode.NotFound,
  "OCI 401 without credentials": ExitCode.AuthFailed,
  "OCI 401 with wrong credentials": ExitCode.AuthFailed,
  "OCI 403": ExitCode.AuthFailed,
  "OCI connection refused": ExitCode.Network,
};

const hasRegistry = registryBinary() !== undefined;
if (!hasRegistry) console.warn("OCI error cases skipped: docker-registry is not installed");
const dns = /^\s*nameserver\s+(\S+)/m.exec(readFileSync("/etc/resolv.conf", "utf8"))?.[1] ?? "127.0.0.1";

type Server = { url: string; host: string; close(): Promise<void> };
let repo: Server;
let forbidden: Server;
let hang: Server;
let open: { host: string; close(): Promise<void> } | undefined;
let authed: { host: string; close(): Promise<void> } | undefined;
let closedPort: number;
let home: string;

const homeEnv = (name: string) => ({
  HOME: path.join(home, name),
  HELM_CONFIG_HOME: path.join(home, name, "config"),
  HELM_CACHE_HOME: path.join(home, name, "cache"),
  HELM_DATA_HOME: path.join(home, name, "data"),
  HELM_TRIVY_CACHE_DIR: path.join(home, name, "trivy-charts"),
});

beforeAll(async () => {
  home = tempDir("helm-errors");
  const tgz = buildChartTgz(fixtureChart("demo"));
  repo = await startRepoServer(Buffer.from(tgz));
  forbidden = await startForbiddenRegistry();
  hang = await startHangServer();
  closedPort = await freePort();
  const e = homeEnv("repos");
  mkdirSync(e.HELM_CONFIG_HOME, { recursive: true });
  mkdirSync(path.join(e.HELM_CACHE_HOME, "repository"), { recursive: true });
  writeFileSync(
    path.join(e.HELM_CONFIG_HOME, "repositories.yaml"),
    `apiVersion: ""\nrepositories:\n- name: fix\n  url: ${repo.url}/repo\n- name: nocache\n  url: ${repo.url}/other\n`,
  );
  writeFileSync(path.join(e.HELM_CACHE_HOME, "repository/fix-index.yaml"), repoIndex(Buffer.from(tgz)));
  if (hasRegistry) {
    open = await startRegistry();
    authed = await startRegistry(`alice:${bcrypt.hashSync("s3cret", 4)}\n`);
    const meta = (await loadChart(fixtureChart("demo"))).metadata;
    await new RegistryClient({ plainHttp: true }).pushChart(parseOciRef(`oci://${open.host}/charts`), tgz, {
      name: meta.name,
      version: meta.version,
      json: new TextEncoder().encode(JSON.stringify(meta)),
    });
  }
}, 30_000);

afterAll(async () => {
  await repo?.close();
  await forbidden?.close();
  await hang?.close();
  await open?.close();
  await authed?.close();
  rmSync(home, { recursive: true, force: true });
});

function fill(s: string, homeDir: string): string {
  return s
    .replaceAll("{{URL}}", repo.url)
    .replaceAll("{{CLOSEDHOST}}", `127.0.0.1:${closedPort}`)
    .replaceAll("{{CLOSED}}", `http://127.0.0.1:${closedPort}`)
    .replaceAll("{{HANG}}", hang.url)
    .replaceAll("{{OCIAUTH}}", authed?.host ?? "")
    .replaceAll("{{OCI403}}", forbidden.host)
    .replaceAll("{{OCI}}", open?.host ?? "")
    .replaceAll("{{HOME}}", homeDir)
    .replaceAll("{{DNS}}", dns.includes(":") ? `[${dns}]` : dns);
}

/** Helm's message: its `Error: ` line without the prefix. */
function helmMessage(stderr: string): string {
  const line = stderr.split("\n").find((l) => l.startsWith("Error: "));
  if (line === undefined) throw new Error(`no Error: line in ${JSON.stringify(stderr)}`);
  return line.slice("Error: ".length);
}

describe(`chart source errors = Helm ${fixture.helm}'s texts`, () => {
  it("covers every case the generator recorded, and each has our exit status", () => {
    expect(fixture.cases.map((c) => c.name).sort()).toEqual(Object.keys(wantStatus).sort());
  });

  for (const c of fixture.cases) {
    const oci = c.chart.startsWith("oci://");
    it.skipIf(oci && !hasRegistry)(c.name, async () => {
      const env = homeEnv(c.repos ? "repos" : "bare");
      const opts: LocateOptions = {
        env,
        retry: { attempts: 1, baseDelayMs: 1, maxDelayMs: 1 },
        // The hanging server: Helm waits its 120 s client timeout; the text is the same sooner.
        timeoutMs: c.name.startsWith("timeout") ? 300 : 10_000,
        ...(c.repo && { repoUrl: fill(c.repo, env.HOME) }),
        ...(c.version && { version: c.version }),
        ...(c.plainHttp && { plainHttp: true }),
        ...(c.username && { username: c.username, password: c.password as string }),
      };
      let err: unknown;
      try {
        await locateChart(fill(c.chart, env.HOME), opts);
      } catch (e) {
        err = e;
      }
      expect(err, "an error").toBeInstanceOf(HelmTrivyError);
      const e = err as HelmTrivyError;
      expect(e.exitCode).toBe(wantStatus[c.name]);
      expect(e.message).not.toContain("\n");
      if (c.status === 0) {
        // Helm accepted it (see wantStatus); only our own one-line message.
        expect(c.stderr).toBe("");
        return;
      }
      expect(c.status).toBe(1);
      const want = fill(helmMessage(c.stderr), env.HOME);
      expect(e.message.slice(0, want.length)).toBe(want);
      const rest = e.message.slice(want.length);
      if (rest !== "") expect(rest).toMatch(/^: \S/);
    });
  }
});
