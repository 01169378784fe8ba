#!/usr/bin/env node
/**
 * Builds packages/core/test/sprig/cert-fixtures/helm-certs.json: certificates and keys made by
 * the real Helm 4.1.4 (Sprig 3.3 on Go 1.25) for templates that exercise every branch of
 * Sprig's certificate builders. They are random, so the test compares them structurally with
 * ours (DER layout with serials, keys, key ids and signatures masked; validity spans; key types).
 *
 *   HELM_BIN=~/.cache/helm-trivy-dev/helm node scripts/sprig/gen-cert-fixtures.mjs
 *
 * Dev-time only: the test reads the committed fixture.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..", "..");
const outFile = join(root, "packages/core/test/sprig/cert-fixtures/helm-certs.json");
const helm = process.env.HELM_BIN;
if (!helm) {
  console.error("set HELM_BIN to a Helm 4.1.4 binary");
  process.exit(2);
}

const k = JSON.parse(readFileSync(join(here, "cert-material.json"), "utf8"));
const b64 = (s) => Buffer.from(s).toString("base64");
const data = { k, b64: { ca: b64(k.caCert), rsa: b64(k.rsa) } };

/** Each template prints the PEM blocks to compare, in a fixed order. */
const both = (v) => `{{ ${v}.Cert }}{{ ${v}.Key }}`;
const cases = [
  { name: "ca", template: `{{ $c := genCA "my-ca" 365 }}${both("$c")}` },
  {
    name: "self-signed-sans",
    template: `{{ $c := genSelfSignedCert "self.example" (list "10.0.0.1" "::1" "::ffff:1.2.3.4" "2001:db8::1") (list "a.example.com" "*.b" "c") 30 }}${both("$c")}`,
  },
  {
    name: "signed",
    template: `{{ $ca := genCA "the-ca" 3650 }}{{ $c := genSignedCert "leaf" (list "192.168.0.1") (list "x" "y.z") 10 $ca }}{{ $ca.Cert }}${both("$c")}`,
  },
  {
    name: "signed-same-cn",
    template: `{{ $ca := genCA "same" 2 }}{{ $c := genSignedCert "same" nil nil 1 $ca }}{{ $ca.Cert }}${both("$c")}`,
  },
  { name: "empty-subject-san", template: `{{ $c := genSelfSignedCert "" nil (list "only-san") 5 }}${both("$c")}` },
  { name: "empty-subject-ip", template: `{{ $c := genSelfSignedCert "" (list "1.1.1.1") nil 5 }}${both("$c")}` },
  { name: "empty-all", template: `{{ $c := genSelfSignedCert "" nil nil 1 }}${both("$c")}` },
  { name: "empty-ca", template: `{{ $c := genCA "" 1 }}${both("$c")}` },
  { name: "utf8-cn", template: `{{ $c := genCA "*.star & ünï" 0 }}${both("$c")}` },
  { name: "negative-days", template: `{{ $c := genCA "neg" -1 }}${both("$c")}` },
  { name: "generalized-time", template: `{{ $c := genCA "long" 40000 }}${both("$c")}` },
  { name: "past-generalized-time", template: `{{ $c := genCA "past" -40000 }}${both("$c")}` },
  { name: "max-duration", template: `{{ $c := genCA "edge" 106751 }}${both("$c")}` },
  { name: "wrapped-duration", template: `{{ $c := genCA "wrap" 200000 }}${both("$c")}` },
  { name: "wrapped-negative", template: `{{ $c := genCA "wrapneg" -200000 }}${both("$c")}` },
  { name: "ec-ca", template: `{{ $c := genCAWithKey "ec" 365 .Values.data.k.ec256 }}${both("$c")}` },
  {
    name: "ec384-self",
    template: `{{ $c := genSelfSignedCertWithKey "p384" nil (list "p") 2 .Values.data.k.ec384 }}${both("$c")}`,
  },
  { name: "ec521-ca", template: `{{ $c := genCAWithKey "p521" 3 .Values.data.k.ec521 }}${both("$c")}` },
  {
    name: "ed25519-self",
    template: `{{ $c := genSelfSignedCertWithKey "ed" (list "127.0.0.1") nil 4 .Values.data.k.ed25519 }}${both("$c")}`,
  },
  { name: "ed25519-ca", template: `{{ $c := genCAWithKey "edca" 4 .Values.data.k.ed25519 }}${both("$c")}` },
  { name: "rsa-pkcs8-ca", template: `{{ $c := genCAWithKey "p8" 4 .Values.data.k.rsaPkcs8 }}${both("$c")}` },
  {
    name: "rsa-ca-signs-ec",
    template: `{{ $ca := genCA "rsaca" 30 }}{{ $c := genSignedCertWithKey "leaf-ec" nil (list "e") 3 $ca .Values.data.k.ec384 }}{{ $ca.Cert }}${both("$c")}`,
  },
  {
    name: "ec-ca-signs-rsa",
    template: `{{ $ca := genCAWithKey "ecca" 10 .Values.data.k.ec256 }}{{ $c := genSignedCert "leaf" nil nil 1 $ca }}{{ $ca.Cert }}${both("$c")}`,
  },
  {
    name: "ec384-ca-signs",
    template: `{{ $ca := genCAWithKey "p384ca" 10 .Values.data.k.ec384 }}{{ $c := genSignedCertWithKey "leaf" nil nil 1 $ca .Values.data.k.ec256 }}{{ $ca.Cert }}${both("$c")}`,
  },
  {
    name: "ec521-ca-signs",
    template: `{{ $ca := genCAWithKey "p521ca" 3 .Values.data.k.ec521 }}{{ $c := genSignedCertWithKey "x" nil nil 1 $ca .Values.data.k.ed25519 }}{{ $ca.Cert }}${both("$c")}`,
  },
  {
    name: "ed25519-ca-signs",
    template: `{{ $ca := genCAWithKey "edca" 3 .Values.data.k.ed25519 }}{{ $c := genSignedCert "x" (list "::") nil 1 $ca }}{{ $ca.Cert }}${both("$c")}`,
  },
  {
    name: "custom-ca-signs",
    template: `{{ $ca := buildCustomCert .Values.data.b64.ca .Values.data.b64.rsa }}{{ $c := genSignedCert "from-custom" nil (list "d") 7 $ca }}{{ $ca.Cert }}${both("$c")}`,
  },
  {
    name: "self-signed-as-ca",
    template: `{{ $ca := genSelfSignedCert "not-a-ca" nil nil 3 }}{{ $c := genSignedCert "leaf" nil nil 1 $ca }}{{ $ca.Cert }}${both("$c")}`,
  },
];

function runHelm(chartDir, template) {
  const marker = "@@CERTS@@";
  writeFileSync(join(chartDir, "templates/NOTES.txt"), `${marker}${template}${marker}`);
  const values = join(chartDir, "..", "values.json");
  writeFileSync(values, JSON.stringify({ data }));
  const r = spawnSync(helm, ["install", "x", chartDir, "--dry-run=client", "-f", values], { maxBuffer: 1 << 28 });
  const stdout = r.stdout.toString();
  const i = stdout.indexOf(marker);
  const j = stdout.lastIndexOf(marker);
  if (r.status !== 0 || i < 0 || j <= i) throw new Error(`helm failed: ${r.stderr.toString()}`);
  return stdout.slice(i + marker.length, j);
}

const tmp = mkdtempSync(join(tmpdir(), "sprig-certs-"));
const chartDir = join(tmp, "c");
mkdirSync(join(chartDir, "templates"), { recursive: true });
writeFileSync(join(chartDir, "Chart.yaml"), "apiVersion: v2\nname: c\nversion: 0.1.0\n");
const fixtures = cases.map((c) => ({
  name: c.name,
  // Our engine runs the template with the same data as dot's .Values.data.
  template: c.template,
  output: runHelm(chartDir, c.template),
}));
rmSync(tmp, { recursive: true, force: true });
mkdirSync(dirname(outFile), { recursive: true });
writeFileSync(outFile, `${JSON.stringify({ data, cases: fixtures }, null, 1)}\n`);
console.log(`${fixtures.length} Helm certificate cases written to ${outFile}`);
