#!/usr/bin/env node
// Records real Helm's stderr and exit status for every way a chart source can fail
// (error-servers.mjs lists the cases) into fixtures/repo/helm/error-cases.json. Dev time only:
//   HELM_BIN=/path/to/helm-4.1.4 node scripts/sources/gen-error-cases.mjs
// Needs docker-registry (Debian) for the OCI cases. Addresses and digests that change from run
// to run are written as placeholders ({{URL}}, {{OCI}}, {{DNS}}, ...) that the tests fill in.
import { execFileSync, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { homedir, tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import {
  errorCases,
  freePort,
  helmArgs,
  repoIndex,
  sha256,
  startForbiddenRegistry,
  startHangServer,
  startRegistry,
  startRepoServer,
} from "./error-servers.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "../..");
const helm = process.env.HELM_BIN ?? join(homedir(), ".cache/helm-trivy-dev/helm");
const version = execFileSync(helm, ["version", "--template", "{{.Version}}"], { encoding: "utf8" }).trim();
const bcrypt = createRequire(join(root, "packages/core/package.json"))("bcryptjs");

function run(cmd, args, env) {
  return new Promise((resolve) => {
    const p = spawn(cmd, args, { env, timeout: 150_000 });
    let stdout = "";
    let stderr = "";
    p.stdout.on("data", (d) => (stdout += d));
    p.stderr.on("data", (d) => (stderr += d));
    p.on("close", (status) => resolve({ status, stdout, stderr }));
  });
}

const tmp = mkdtempSync(join(tmpdir(), "helm-trivy-gen-errors-"));
/** Helm's homes: `repos` cases get repositories.yaml and a cached index, the others nothing. */
const homeEnv = (name) => ({
  PATH: "/usr/bin:/bin",
  HOME: join(tmp, name),
  HELM_CONFIG_HOME: join(tmp, name, "config"),
  HELM_CACHE_HOME: join(tmp, name, "cache"),
  HELM_DATA_HOME: join(tmp, name, "data"),
});
const env = homeEnv("repos");
const bareEnv = homeEnv("bare");
execFileSync(helm, ["package", join(root, "fixtures/repo/charts/demo"), "-d", tmp], { env });
const tgz = readFileSync(join(tmp, "demo-1.2.0.tgz"));

const repo = await startRepoServer(tgz);
const forbidden = await startForbiddenRegistry();
const hang = await startHangServer();
const open = await startRegistry();
const authed = await startRegistry(`alice:${bcrypt.hashSync("s3cret", 10)}\n`);
const closedPort = await freePort();
const dns = /^nameserver\s+(\S+)/m.exec(readFileSync("/etc/resolv.conf", "utf8"))?.[1];

try {
  execFileSync(helm, ["push", join(tmp, "demo-1.2.0.tgz"), `oci://${open.host}/charts`, "--plain-http"], {
    env,
    stdio: "ignore",
  });
  mkdirSync(env.HELM_CONFIG_HOME, { recursive: true });
  mkdirSync(join(env.HELM_CACHE_HOME, "repository"), { recursive: true });
  writeFileSync(
    join(env.HELM_CONFIG_HOME, "repositories.yaml"),
    `apiVersion: ""\ngenerated: "0001-01-01T00:00:00Z"\nrepositories:\n- name: fix\n  url: ${repo.url}/repo\n- name: nocache\n  url: ${repo.url}/other\n`,
  );
  writeFileSync(join(env.HELM_CACHE_HOME, "repository/fix-index.yaml"), repoIndex(tgz));

  const places = [
    ["{{URL}}", repo.url],
    ["{{CLOSED}}", `http://127.0.0.1:${closedPort}`],
    ["{{HANG}}", hang.url],
    ["{{CLOSEDHOST}}", `127.0.0.1:${closedPort}`],
    ["{{OCI}}", open.host],
    ["{{OCIAUTH}}", authed.host],
    ["{{OCI403}}", forbidden.host],
  ];
  const fill = (s) => places.reduce((t, [k, v]) => t.replaceAll(k, v), s);
  const unfill = (s) => {
    let t = s
      .replaceAll(join(tmp, "repos"), "{{HOME}}")
      .replaceAll(join(tmp, "bare"), "{{HOME}}")
      .replaceAll(sha256(tgz), "{{TGZSHA}}");
    // Longest first: {{CLOSED}} contains {{CLOSEDHOST}}'s text.
    for (const [k, v] of [...places].sort((a, b) => b[1].length - a[1].length)) t = t.replaceAll(v, k);
    if (dns) t = t.replaceAll(` on ${dns}:53:`, " on {{DNS}}:53:");
    return t;
  };

  const cases = [];
  for (const c of errorCases) {
    const filled = Object.fromEntries(Object.entries(c).map(([k, v]) => [k, typeof v === "string" ? fill(v) : v]));
    // Asynchronously: the servers run in this process and must keep answering.
    const r = await run(helm, helmArgs(filled), c.repos ? env : bareEnv);
    cases.push({ ...c, status: r.status, stderr: unfill(r.stderr), stdoutBytes: r.stdout.length });
    process.stderr.write(`${c.name}: ${r.status} ${unfill(r.stderr).trim().split("\n").at(-1)}\n`);
  }
  // A lock whose digest no longer matches Chart.yaml: `helm dependency build` refuses it.
  const lk = join(tmp, "lockcase");
  mkdirSync(join(lk, "lk/templates"), { recursive: true });
  execFileSync("cp", ["-r", join(root, "fixtures/repo/charts/local-child"), lk]);
  const chartYaml = (v) =>
    `apiVersion: v2\nname: lk\nversion: 0.1.0\ndependencies:\n- name: local-child\n  version: "${v}"\n  repository: file://../local-child\n`;
  writeFileSync(join(lk, "lk/Chart.yaml"), chartYaml("0.1.0"));
  execFileSync(helm, ["dependency", "update", join(lk, "lk")], { env: bareEnv, stdio: "ignore" });
  writeFileSync(join(lk, "lk/Chart.yaml"), chartYaml(">=0.1.0"));
  rmSync(join(lk, "lk/charts"), { recursive: true, force: true });
  const lr = await run(helm, ["dependency", "build", join(lk, "lk")], bareEnv);
  const lock = { status: lr.status, stderr: lr.stderr, chartLock: readFileSync(join(lk, "lk/Chart.lock"), "utf8") };

  const out = join(root, "fixtures/repo/helm/error-cases.json");
  writeFileSync(out, `${JSON.stringify({ helm: version, cases, lockOutOfSync: lock }, null, 2)}\n`);
  console.log(`wrote ${out} (${cases.length} cases)`);
} finally {
  await repo.close();
  await forbidden.close();
  await hang.close();
  await open.close();
  await authed.close();
  rmSync(tmp, { recursive: true, force: true });
}
