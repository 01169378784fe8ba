#!/usr/bin/env node
import { spawnSync } from "node:child_process";
/**
 * Which function names Helm 4.1.4's templates know:
 *   HELM_BIN=~/.cache/helm-trivy-dev/helm node scripts/engine/gen-funcmap-names.mjs
 * Candidates: Sprig's genericMap (Masterminds/sprig functions.go, read through the source
 * search), Helm's pkg/engine additions and Go's builtins, plus names Helm 3 dropped or never had.
 * Each is checked with the real Helm (a template naming an unknown function fails to parse);
 * writes packages/core/test/engine/helm-func-names.json.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const helm = process.env.HELM_BIN ?? join(process.env.HOME ?? "/root", ".cache/helm-trivy-dev/helm");

const sprig = `hello ago date date_in_zone date_modify dateInZone dateModify duration durationRound htmlDate
htmlDateInZone must_date_modify mustDateModify mustToDate now toDate unixEpoch abbrev abbrevboth trunc trim
upper lower title untitle substr repeat trimall trimAll trimSuffix trimPrefix nospace initials randAlphaNum
randAlpha randAscii randNumeric randSeededNumeric swapcase shuffle snakecase camelcase kebabcase wrap wrapWith
contains hasPrefix hasSuffix quote squote cat indent nindent replace plural sha1sum sha256sum sha512sum
adler32sum toString atoi int64 int float64 seq toDecimal split splitList splitn toStrings until untilStep add1
add sub div mod mul randInt add1f addf subf divf mulf biggest max min maxf minf ceil floor round join sortAlpha
default empty coalesce all any compact mustCompact fromJson toJson toPrettyJson toRawJson mustFromJson
mustToJson mustToPrettyJson mustToRawJson ternary deepCopy mustDeepCopy typeOf typeIs typeIsLike kindOf kindIs
deepEqual env expandenv getHostByName base dir clean ext isAbs osBase osClean osDir osExt osIsAbs b64enc b64dec
b32enc b32dec tuple list dict get set unset hasKey pluck keys pick omit merge mergeOverwrite mustMerge
mustMergeOverwrite values append push mustAppend mustPush prepend mustPrepend first mustFirst rest mustRest last
mustLast initial mustInitial reverse mustReverse uniq mustUniq without mustWithout has mustHas slice mustSlice
concat dig chunk mustChunk bcrypt htpasswd genPrivateKey derivePassword buildCustomCert genCA genCAWithKey
genSelfSignedCert genSelfSignedCertWithKey genSignedCert genSignedCertWithKey encryptAES decryptAES randBytes
uuidv4 semver semverCompare fail regexMatch mustRegexMatch regexFindAll mustRegexFindAll regexFind mustRegexFind
regexReplaceAll mustRegexReplaceAll regexReplaceAllLiteral mustRegexReplaceAllLiteral regexSplit mustRegexSplit
regexQuoteMeta urlParse urlJoin`;
const helmExtra = `toToml fromToml toYaml mustToYaml toYamlPretty fromYaml fromYamlArray fromJsonArray mustFromYaml
include tpl required lookup`;
const builtins = "and or not len index slice print printf println html js urlquery call eq ne lt le gt ge";

const candidates = [...new Set([...sprig.split(/\s+/), ...helmExtra.split(/\s+/), ...builtins.split(/\s+/)])]
  .filter(Boolean)
  .sort();

function known(name) {
  const dir = mkdtempSync(join(tmpdir(), "hf-"));
  try {
    mkdirSync(join(dir, "templates"));
    writeFileSync(join(dir, "Chart.yaml"), "apiVersion: v2\nname: hf\nversion: 0.1.0\n");
    writeFileSync(join(dir, "templates/NOTES.txt"), `{{ if false }}{{ ${name} }}{{ end }}`);
    const r = spawnSync(helm, ["template", "x", dir], { encoding: "utf8" });
    if (r.status === 0) return true;
    if (r.stderr.includes(`function "${name}" not defined`)) return false;
    throw new Error(`${name}: ${r.stderr}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const present = [];
const absent = [];
for (const name of candidates) (known(name) ? present : absent).push(name);
const out = join(here, "../../packages/core/test/engine/helm-func-names.json");
writeFileSync(out, `${JSON.stringify({ helm: "v4.1.4", present, absent }, null, 1)}\n`);
console.log(`present ${present.length}, absent ${absent.length}: ${absent.join(" ")}`);
