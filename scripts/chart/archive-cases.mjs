// The archive cases: each a list of tar entries (see archive-builder.mjs). Shared by the
// expectation generator (which runs Helm on them) and the tests (which run our loader).
import { dirEntries } from "./archive-builder.mjs";

const chartYaml = "apiVersion: v2\nname: arc\nversion: 1.0.0\n";
const notes = "{{- range $p, $_ := .Files }}{{ $p }}\n{{ end }}";
const base = (root = "arc") => [
  { name: `${root}/Chart.yaml`, data: chartYaml },
  { name: `${root}/templates/NOTES.txt`, data: notes },
];

export const archiveCases = {
  "from-dir-v2-full": dirEntries("fixtures/charts/loader-v2-full", "full"),
  "from-dir-v1": dirEntries("fixtures/charts/loader-v1-requirements", "legacy"),
  "nested-tgz": [
    ...base(),
    { name: "arc/charts/sub-0.1.0.tgz", tgz: [...dirEntries("fixtures/charts/loader-v2-full/charts/sub", "sub")] },
    {
      name: "arc/charts/mid-1.0.0.tgz",
      tgz: [
        { name: "mid/Chart.yaml", data: "apiVersion: v2\nname: mid\nversion: 1.0.0\n" },
        {
          name: "mid/charts/leaf-1.0.0.tgz",
          tgz: [{ name: "leaf/Chart.yaml", data: "apiVersion: v2\nname: leaf\nversion: 1.0.0\n" }],
        },
      ],
    },
  ],
  "with-dirs-and-dotslash": [
    { name: "./arc/", type: "Directory" },
    { name: "./arc/Chart.yaml", data: chartYaml },
  ],
  "dir-entries": [
    { name: "arc/", type: "Directory" },
    ...base(),
    { name: "arc/files/", type: "Directory" },
    { name: "arc/files/a.txt", data: "a" },
  ],
  "parent-escape": [...base(), { name: "arc/../evil.txt", data: "x" }],
  "parent-escape-deep": [...base(), { name: "arc/files/../../../evil.txt", data: "x" }],
  "absolute-path": [...base(), { name: "arc//etc/passwd", data: "x" }],
  "chart-dir-is-file": [...base(), { name: "arc", data: "x" }],
  "chart-yaml-at-top": [{ name: "Chart.yaml", data: chartYaml }],
  "drive-letter": [...base(), { name: "arc/c:/x", data: "x" }],
  backslashes: [
    { name: "arc\\Chart.yaml", data: chartYaml },
    { name: "arc\\templates\\NOTES.txt", data: notes },
    { name: "arc\\files\\a.txt", data: "a" },
  ],
  symlink: [...base(), { name: "arc/link", type: "SymbolicLink", linkpath: "/etc/passwd" }],
  hardlink: [...base(), { name: "arc/hard", type: "Link", linkpath: "arc/Chart.yaml" }],
  "duplicate-entries": [...base(), { name: "arc/a.txt", data: "first" }, { name: "arc/a.txt", data: "second" }],
  bom: [
    { name: "arc/Chart.yaml", data: `\ufeff${chartYaml}` },
    { name: "arc/templates/NOTES.txt", data: notes },
  ],
  "oversize-file": [...base(), { name: "arc/big.txt", size: 5 * 1024 * 1024 + 1 }],
  "max-size-file": [...base(), { name: "arc/big.txt", size: 5 * 1024 * 1024 }],
  "no-chart-yaml": [{ name: "arc/values.yaml", data: "a: 1\n" }],
  empty: [],
  "helmignore-not-applied": [...base(), { name: "arc/.helmignore", data: "*.txt\n" }, { name: "arc/a.txt", data: "a" }],
  "bad-subchart-tgz": [...base(), { name: "arc/charts/bad-1.0.0.tgz", data: "not a tgz" }],
};
