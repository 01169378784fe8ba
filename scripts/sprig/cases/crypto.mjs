/** Deterministic crypto and encoding functions (random ones are property-tested instead). */
const c = (name, template, data) => ({ name, template, data });

export const cases = [
  c("sha1sum", '{{ sha1sum "Hello world!" }} {{ sha1sum "" }}'),
  c("sha256sum", '{{ sha256sum "Hello world!" }} {{ sha256sum "é" }}'),
  c("sha512sum", '{{ sha512sum "Hello world!" }}'),
  c("adler32sum", '{{ adler32sum "Hello world!" }} {{ adler32sum "" }}'),
  c("adler32sum-long", '{{ repeat 2000 "xyz" | adler32sum }}'),
  c("sha256sum-config", '{{ dict "a" 1 | toString | sha256sum | trunc 12 }}'),
  c("derivePassword-long", '{{ derivePassword 1 "long" "password" "user" "example.com" }}'),
  c("derivePassword-maximum", '{{ derivePassword 3 "maximum" "pw" "me" "site.org" }}'),
  c(
    "derivePassword-pin",
    '{{ derivePassword 1 "pin" "pw" "me" "site.org" }} {{ derivePassword 1 "basic" "pw" "me" "site.org" }}',
  ),
  c(
    "derivePassword-short",
    '{{ derivePassword 2 "short" "pw" "me" "site.org" }} {{ derivePassword 2 "medium" "pw" "me" "site.org" }}',
  ),
  c("derivePassword-unknown", '{{ derivePassword 1 "nope" "pw" "me" "site.org" }}'),
  c("decryptAES", '{{ decryptAES "secret" "BwcHBwcHBwcHBwcHBwcHBxbravPemwIeoo6QF6/qFr0=" }}'),
  c("decryptAES-wrong-key", '{{ decryptAES "other" "BwcHBwcHBwcHBwcHBwcHBxe+4S6uDnW1EPeokXGFWi8=" | len }}'),
  c("decryptAES-bad-b64", '{{ decryptAES "secret" "!!!" }}'),
  c("decryptAES-short", '{{ decryptAES "secret" "YWJj" }}'),
  c("decryptAES-partial-block", '{{ decryptAES "secret" "BwcHBwcHBwcHBwcHBwcHBxbrav8=" }}'),
  c("decryptAES-only-iv", '{{ decryptAES "secret" "BwcHBwcHBwcHBwcHBwcHBw==" }}'),
  c("encryptAES-empty", '{{ encryptAES "k" "" }}|'),
  c("htpasswd-colon", '{{ htpasswd "a:b" "pw" }}'),
  c("bcrypt-too-long", '{{ repeat 73 "x" | bcrypt }}'),
  c("randAlphaNum-zero", "{{ randAlphaNum 0 }}|{{ randAlpha -1 }}|"),
  c("randBytes-negative", "{{ randBytes -1 }}"),
  c(
    "randAlpha-len",
    "{{ randAlpha 12 | len }} {{ randNumeric 7 | len }} {{ randAscii 5 | len }} {{ randBytes 9 | len }}",
  ),
  c("uuidv4-len", "{{ uuidv4 | len }}"),
  c("shuffle-len", '{{ shuffle "hello" | len }} {{ shuffle "" }}|'),
  c("shuffle-sorted", '{{ shuffle "cabd" | splitList "" | sortAlpha | join "" }}'),
];
