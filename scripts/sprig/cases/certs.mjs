/**
 * Certificate and key functions: everything deterministic about them (errors, key round trips,
 * buildCustomCert's result and how the certificate struct prints). The random parts are compared
 * structurally with Helm-made certificates (scripts/sprig/gen-cert-fixtures.mjs).
 *
 * Key material (../cert-material.json) was made once: RSA/EC/Ed25519/X25519 keys by openssl,
 * the DSA key by Helm's `genPrivateKey "dsa"`, caCert/ecCaCert by Helm's genCAWithKey.
 */
import { readFileSync } from "node:fs";

const k = JSON.parse(readFileSync(new URL("../cert-material.json", import.meta.url), "utf8"));
const b64 = (s) => Buffer.from(s).toString("base64");
/** The key material a template names (`.k.NAME`, `.b64.NAME`), so fixtures stay small. */
function material(template) {
  const used = (prefix, all) =>
    Object.fromEntries(
      Object.entries(all).filter(
        ([name]) => template.includes(`${prefix}.${name} `) || template.includes(`${prefix}.${name})`),
      ),
    );
  const data = {};
  const keys = used(".k", k);
  if (Object.keys(keys).length > 0) data.k = keys;
  const encoded = used(".b64", { ca: b64(k.caCert), rsa: b64(k.rsa) });
  if (Object.keys(encoded).length > 0) data.b64 = encoded;
  return data;
}
const c = (name, template, data) => ({ name, template, data: data ?? material(template) });
const ok = (name, call) => c(name, `{{ $c := ${call} }}ok`);

export const cases = [
  // Argument checking by text/template.
  c("genCA-args", '{{ genCA "x" }}'),
  c("genCA-days-string", '{{ genCA "x" "365" }}'),
  c("genCA-days-float", '{{ genCA "x" 1.5 }}'),
  c("genCA-days-values-float", '{{ genCA "x" .days }}', { days: 365 }),
  c("genSignedCert-map-ca", '{{ genSignedCert "x" nil nil 1 (dict "Cert" "a" "Key" "b") }}'),
  c("genSignedCert-string-ca", '{{ genSignedCert "x" nil nil 1 "ca" }}'),
  c("genSelfSignedCert-ips-string", '{{ genSelfSignedCert "x" "1.2.3.4" nil 1 }}'),

  // IP and DNS name handling (EC keys keep these fast).
  c("ips-not-string", '{{ genSelfSignedCertWithKey "x" (list 1) nil 1 .k.ec256 }}'),
  c("ips-nil-element", '{{ genSelfSignedCertWithKey "x" (list nil) nil 1 .k.ec256 }}'),
  c("ips-map-element", '{{ genSelfSignedCertWithKey "x" (list (dict "a" 1)) nil 1 .k.ec256 }}'),
  c("ips-bad", '{{ genSelfSignedCertWithKey "x" (list "1.2.3.4" "1.2.3") nil 1 .k.ec256 }}'),
  c("ips-leading-zero", '{{ genSelfSignedCertWithKey "x" (list "01.2.3.4") nil 1 .k.ec256 }}'),
  c("ips-zone", '{{ genSelfSignedCertWithKey "x" (list "fe80::1%eth0") nil 1 .k.ec256 }}'),
  c("ips-cidr", '{{ genSelfSignedCertWithKey "x" (list "10.0.0.0/8") nil 1 .k.ec256 }}'),
  c("ips-empty", '{{ genSelfSignedCertWithKey "x" (list "") nil 1 .k.ec256 }}'),
  c("ips-too-many-groups", '{{ genSelfSignedCertWithKey "x" (list "1:2:3:4:5:6:7:8:9") nil 1 .k.ec256 }}'),
  c("ips-double-ellipsis", '{{ genSelfSignedCertWithKey "x" (list "1::2::3") nil 1 .k.ec256 }}'),
  c("ips-full-with-ellipsis", '{{ genSelfSignedCertWithKey "x" (list "1:2:3:4::5:6:7:8") nil 1 .k.ec256 }}'),
  c("ips-long-group", '{{ genSelfSignedCertWithKey "x" (list "12345::") nil 1 .k.ec256 }}'),
  c("ips-v4-in-v6-misplaced", '{{ genSelfSignedCertWithKey "x" (list "1:2:3.4.5.6") nil 1 .k.ec256 }}'),
  c("ips-trailing-colon", '{{ genSelfSignedCertWithKey "x" (list "1:2:3:4:5:6:7:") nil 1 .k.ec256 }}'),
  ok(
    "ips-good",
    'genSelfSignedCertWithKey "x" (list "0.0.0.0" "255.255.255.255" "::" "::1" "1::" "a:B:c:D:e:F:0:1" "::ffff:1.2.3.4" "1:2:3:4:5:6:1.2.3.4" "::1.2.3.4" "2001:db8::8a2e:370:7334") nil 1 .k.ec256',
  ),
  c("ips-v4-256", '{{ genSelfSignedCertWithKey "x" (list "1.2.3.256") nil 1 .k.ec256 }}'),
  c("dns-not-string", '{{ genSelfSignedCertWithKey "x" nil (list "a" 2) 1 .k.ec256 }}'),
  c("dns-bool", '{{ genSelfSignedCertWithKey "x" nil (list true) 1 .k.ec256 }}'),
  c("dns-non-ascii", '{{ genSelfSignedCertWithKey "x" nil (list "ok" "héllo.example") 1 .k.ec256 }}'),
  c("dns-signed-non-ascii", '{{ genSignedCert "x" nil (list "ünï") 1 (buildCustomCert .b64.ca .b64.rsa) }}'),
  ok("dns-odd-but-ascii", 'genSelfSignedCertWithKey "" nil (list "" " " "*.x" "a_b" "UPPER") 1 .k.ec256'),
  c("ip-error-before-dns-error", '{{ genSelfSignedCertWithKey "x" (list "bad") (list 1) 1 .k.ec256 }}'),
  ok("cn-odd", 'genSelfSignedCertWithKey "ñ * & \\"quote\\" <>" nil nil 1 .k.ec256'),

  // *WithKey: the key comes back re-encoded as Go writes it.
  c("genCAWithKey-rsa-key", '{{ (genCAWithKey "x" 1 .k.rsa).Key | eq .k.rsa }}'),
  c("genCAWithKey-rsa-pkcs8-key", '{{ (genCAWithKey "x" 1 .k.rsaPkcs8).Key | eq .k.rsa }}'),
  c("genCAWithKey-ec-key", '{{ (genCAWithKey "x" 1 .k.ec256).Key }}'),
  c("genCAWithKey-ec384-key", '{{ (genSelfSignedCertWithKey "x" nil nil 1 .k.ec384).Key }}'),
  c("genCAWithKey-ec521-key", '{{ (genCAWithKey "x" 1 .k.ec521).Key }}'),
  c("genCAWithKey-ed25519-key", '{{ (genCAWithKey "x" 1 .k.ed25519).Key }}'),
  c("genCAWithKey-text-around", '{{ (genCAWithKey "x" 1 (printf "junk\\n%s\\ntrailer" .k.ec256)).Key }}'),
  c(
    "genSignedCertWithKey-key",
    '{{ (genSignedCertWithKey "x" nil nil 1 (buildCustomCert .b64.ca .b64.rsa) .k.ed25519).Key }}',
  ),
  c(
    "genSignedCert-ec-ca-key-type",
    '{{ (genSignedCertWithKey "x" nil nil 1 (buildCustomCert (b64enc .k.ecCaCert) (b64enc .k.ec256)) .k.ec384).Key }}',
  ),

  // Key parsing errors.
  c("withKey-empty", '{{ genCAWithKey "x" 1 "" }}'),
  c("withKey-no-pem", '{{ genCAWithKey "x" 1 "not a key" }}'),
  c("withKey-cert-block", '{{ genCAWithKey "x" 1 .k.caCert }}'),
  c(
    "withKey-unknown-type",
    '{{ genCAWithKey "x" 1 "-----BEGIN FOO PRIVATE KEY-----\\nAAAA\\n-----END FOO PRIVATE KEY-----\\n" }}',
  ),
  c(
    "withKey-openssh",
    '{{ genCAWithKey "x" 1 "-----BEGIN OPENSSH PRIVATE KEY-----\\nAAAA\\n-----END OPENSSH PRIVATE KEY-----\\n" }}',
  ),
  c(
    "withKey-rsa-garbage",
    '{{ genCAWithKey "x" 1 "-----BEGIN RSA PRIVATE KEY-----\\nAAAA\\n-----END RSA PRIVATE KEY-----\\n" }}',
  ),
  c(
    "withKey-ec-garbage",
    '{{ genCAWithKey "x" 1 "-----BEGIN EC PRIVATE KEY-----\\nAAAA\\n-----END EC PRIVATE KEY-----\\n" }}',
  ),
  c(
    "withKey-pkcs8-garbage",
    '{{ genCAWithKey "x" 1 "-----BEGIN PRIVATE KEY-----\\nAAAA\\n-----END PRIVATE KEY-----\\n" }}',
  ),
  c(
    "withKey-dsa-garbage",
    '{{ genCAWithKey "x" 1 "-----BEGIN DSA PRIVATE KEY-----\\nAAAA\\n-----END DSA PRIVATE KEY-----\\n" }}',
  ),
  // Go's encoding/asn1 texts for near-miss structures, in each block type.
  ...[
    "3000",
    "3003040100",
    "300302010004",
    "30030201ff",
    "3006020100040100",
    "300602010002010a",
    "3003020180",
    "30040202007f",
    "3080",
    "3005020100",
  ].flatMap((hex) =>
    ["RSA ", "EC ", "", "DSA "].map((t) =>
      c(
        `withKey-asn1-${t.trim().toLowerCase() || "pkcs8"}-${hex}`,
        `{{ genCAWithKey "x" 1 "-----BEGIN ${t}PRIVATE KEY-----\\n${Buffer.from(hex, "hex").toString("base64")}\\n-----END ${t}PRIVATE KEY-----\\n" }}`,
      ),
    ),
  ),
  c(
    "withKey-bad-base64",
    '{{ genCAWithKey "x" 1 "-----BEGIN RSA PRIVATE KEY-----\\n!!!!\\n-----END RSA PRIVATE KEY-----\\n" }}',
  ),
  c("withKey-ec-as-rsa", '{{ genCAWithKey "x" 1 (.k.ec256 | replace "EC PRIVATE" "RSA PRIVATE") }}'),
  c(
    "withKey-pkcs8-as-rsa",
    '{{ genCAWithKey "x" 1 (.k.rsaPkcs8 | replace "BEGIN PRIVATE" "BEGIN RSA PRIVATE" | replace "END PRIVATE" "END RSA PRIVATE") }}',
  ),
  c("withKey-rsa-as-ec", '{{ genCAWithKey "x" 1 (.k.rsa | replace "RSA PRIVATE" "EC PRIVATE") }}'),
  c("withKey-rsa-as-pkcs8", '{{ genCAWithKey "x" 1 (.k.rsa | replace "RSA PRIVATE" "PRIVATE") }}'),
  c("withKey-ec-as-pkcs8", '{{ genCAWithKey "x" 1 (.k.ec256 | replace "EC PRIVATE" "PRIVATE") }}'),
  c("withKey-secp256k1", '{{ genCAWithKey "x" 1 .k.ecK1 }}'),
  c("withKey-dsa", '{{ genCAWithKey "x" 1 .k.dsa }}'),
  c("withKey-dsa-pkcs8", '{{ genCAWithKey "x" 1 .k.dsaPkcs8 }}'),
  c("withKey-x25519", '{{ genCAWithKey "x" 1 .k.x25519 }}'),
  c("withKey-rsa512", '{{ genCAWithKey "x" 1 .k.rsa512 }}'),
  c("signedWithKey-dsa-signee", '{{ genSignedCertWithKey "x" nil nil 1 (buildCustomCert .b64.ca .b64.rsa) .k.dsa }}'),
  c(
    "signedWithKey-x25519-signee",
    '{{ (genSignedCertWithKey "x" nil nil 1 (buildCustomCert .b64.ca .b64.rsa) .k.x25519).Key }}',
  ),
  c("signed-ca-key-mismatch", '{{ genSignedCert "x" nil nil 1 (buildCustomCert .b64.ca (b64enc .k.ec256)) }}'),
  c("signed-ca-dsa-key", '{{ genSignedCert "x" nil nil 1 (buildCustomCert .b64.ca (b64enc .k.dsa)) }}'),

  // buildCustomCert.
  c(
    "buildCustomCert-roundtrip",
    "{{ $c := buildCustomCert .b64.ca .b64.rsa }}{{ eq $c.Cert .k.caCert }} {{ eq $c.Key .k.rsa }}",
  ),
  c("buildCustomCert-bad-cert-b64", '{{ buildCustomCert "!!" .b64.rsa }}'),
  c("buildCustomCert-unpadded-b64", '{{ buildCustomCert "YWJj ZA" .b64.rsa }}'),
  c("buildCustomCert-bad-key-b64", '{{ buildCustomCert .b64.ca "!!" }}'),
  c("buildCustomCert-not-pem", '{{ buildCustomCert (b64enc "hello") .b64.rsa }}'),
  c(
    "buildCustomCert-bad-der",
    '{{ buildCustomCert (b64enc "-----BEGIN CERTIFICATE-----\\nAAAA\\n-----END CERTIFICATE-----\\n") .b64.rsa }}',
  ),
  c("buildCustomCert-key-not-pem", '{{ buildCustomCert .b64.ca (b64enc "nope") }}'),
  c("buildCustomCert-key-is-cert", "{{ buildCustomCert .b64.ca .b64.ca }}"),
  c(
    "buildCustomCert-any-block-type",
    '{{ (buildCustomCert (.k.caCert | replace "CERTIFICATE" "X" | b64enc) .b64.rsa).Cert | trunc 12 }}',
  ),
  c("buildCustomCert-newlines-in-b64", "{{ (buildCustomCert (.b64.ca | wrap 20) .b64.rsa).Key | eq .k.rsa }}"),

  // The certificate struct in templates.
  c("cert-typeOf", '{{ $c := buildCustomCert .b64.ca .b64.rsa }}{{ typeOf $c }} {{ kindOf $c }} {{ printf "%T" $c }}'),
  c("cert-print", "{{ buildCustomCert .b64.ca .b64.rsa }}"),
  c("cert-printf-plus", '{{ printf "%+v" (buildCustomCert .b64.ca .b64.rsa) }}'),
  c("cert-printf-q", '{{ printf "%q" (buildCustomCert .b64.ca .b64.rsa) | trunc 40 }}'),
  c("cert-toYaml", "{{ buildCustomCert .b64.ca .b64.rsa | toYaml }}"),
  c("cert-toJson", "{{ buildCustomCert .b64.ca .b64.rsa | toJson }}"),
  c("cert-in-dict-toYaml", '{{ dict "tls" (buildCustomCert .b64.ca .b64.rsa) | toYaml }}'),
  c("cert-missing-field", "{{ (buildCustomCert .b64.ca .b64.rsa).Nope }}"),
  c("cert-lowercase-field", "{{ (buildCustomCert .b64.ca .b64.rsa).cert }}"),
  c(
    "cert-b64enc-fields",
    "{{ $c := buildCustomCert .b64.ca .b64.rsa }}{{ $c.Cert | b64enc | eq .b64.ca }} {{ $c.Key | b64enc | eq .b64.rsa }}",
  ),
  c("cert-empty", "{{ empty (buildCustomCert .b64.ca .b64.rsa) }}"),

  // genPrivateKey.
  c("genPrivateKey-unknown", '{{ genPrivateKey "foo" }}'),
  c("genPrivateKey-dsa-type", '{{ genPrivateKey "dsa" | trunc 31 }}'),
];
