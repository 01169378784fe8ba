/**
 * Inputs of the Helm-level engine cases, checked against the real Helm 4.1.4 (Go 1.25): what
 * the Go 1.19 oracle cannot say (range over integers, `else with`, `call`'s newer messages) and
 * Helm's own behaviour (include, tpl, required, fail, lookup, error rewriting, `<no value>`).
 * `notes` is the body of templates/NOTES.txt; `files` adds chart files; `values` is values.yaml.
 */
import { comparisons } from "./case-sources.mjs";

export const MARK_BEGIN = "<<<";
export const MARK_END = ">>>";

const n = (notes, values, files) => ({ notes, ...(values ? { values } : {}), ...(files ? { files } : {}) });

const helpers = {
  "templates/_helpers.tpl": [
    '{{- define "lbl" }}app: {{ .name }}{{ end }}',
    '{{- define "nested" }}[{{ include "lbl" . }}]{{ end }}',
    '{{- define "bad" }}{{ .x.y }}{{ end }}',
    '{{- define "callsbad" }}{{ include "bad" . }}{{ end }}',
    '{{- define "req" }}{{ required "need x" .x }}{{ end }}',
    '{{- define "rec" }}{{ include "rec" . }}{{ end }}',
    '{{- define "trec" }}{{ template "trec" . }}{{ end }}',
    '{{- define "dot" }}{{ . }}{{ end }}',
    '{{- define "tplme" }}{{ tpl .t .ctx }}{{ end }}',
  ].join("\n"),
};

const go125 = [
  n("{{ range 3 }}[{{ . }}]{{ end }}"),
  n("{{ range $i := 4 }}{{ $i }}{{ end }}"),
  n("{{ range $i, $j := 3 }}{{ end }}"),
  n("{{ range 0 }}x{{ else }}none{{ end }}"),
  n("{{ range -2 }}x{{ else }}none{{ end }}"),
  n("{{ range len .Values.l }}{{ . }}{{ end }}", { l: [1, 2] }),
  n("{{ range .Values.n }}{{ . }}{{ end }}", { n: 3 }),
  n("{{ range 3 }}{{ if eq . 1 }}{{ continue }}{{ end }}{{ . }}{{ end }}"),
  n("{{ range 10 }}{{ if eq . 2 }}{{ break }}{{ end }}{{ . }}{{ end }}"),
  n("{{ with .Values.a }}A{{ else with .Values.b }}B{{ . }}{{ else }}D{{ end }}", { b: "bee" }),
  n("{{ with .Values.a }}A{{ else with .Values.b }}B{{ else with .Values.c }}C{{ . }}{{ end }}", { c: 3 }),
  n("{{ with .Values.a }}A{{ else with .Values.b }}B{{ else }}none{{ end }}"),
  n("{{ if 1 }}{{ else with 2 }}{{ end }}"),
  n("{{ with 1 }}{{ else if 2 }}{{ . }}{{ end }}"),
  n("{{ call .Values.f }}", { f: "notfunc" }),
  n("{{ call nil }}"),
  n("{{ call 1 }}"),
  n('{{ call "x" }}'),
  n("{{ call .Values.m }}", { m: { a: 1 } }),
  n("{{ call }}"),
  n("{{ 1 ) }}"),
  n("{{ ( 1 }}"),
  n("{{ .Values.x \n"),
  n("{{ $x=1 }}"),
];

const helmFuncs = [
  n('{{ include "lbl" .Values }}', { name: "web" }, helpers),
  n('{{ include "nested" .Values }}', { name: "web" }, helpers),
  n('{{ include "nope" . }}', undefined, helpers),
  n('{{ include "bad" .Values }}', { x: 1 }, helpers),
  n('{{ include "callsbad" .Values }}', { x: 1 }, helpers),
  n('{{ include "callsbad" .Values }}', { x: null }, helpers),
  n('{{ include "req" .Values }}', {}, helpers),
  n('{{ include "dot" .Values.missing }}|{{ include "dot" nil }}|{{ include "dot" 1 }}', {}, helpers),
  n("{{ include 1 . }}"),
  n('{{ include "lbl" }}', undefined, helpers),
  n('{{ template "bad" .Values }}', { x: 1 }, helpers),
  n('{{ template "trec" . }}', undefined, helpers),
  n('{{ tpl "{{ .Values.a }}" . }}', { a: "A" }),
  n('{{ tpl "{{ .Template.Name }}|{{ .Template.BasePath }}" . }}'),
  n('{{ tpl "{{ .x }}" (dict "x" 1) }}'),
  n('{{ tpl "x" "str" }}'),
  n('{{ tpl "" . }}'),
  n('{{ tpl "{{ .nope }}|{{ .Values.nope }}" . }}'),
  n('{{ tpl "{{ .Values.x.y }}" . }}', { x: 1 }),
  n('{{ tpl "{{ .Values.x.y " . }}'),
  n('{{ tpl "{{ fail \\"boom\\" }}" . }}'),
  n('{{ tpl "{{ required \\"r\\" .nope }}" . }}'),
  n('{{ tpl "{{ define \\"z\\" }}Z{{ end }}{{ include \\"z\\" . }}" . }}'),
  n('{{ tpl "{{ define \\"z\\" }}Z{{ end }}" . }}{{ include "z" . }}'),
  n('{{ tpl "{{ include \\"lbl\\" .Values }}" . }}', { name: "n" }, helpers),
  n('{{ tpl "{{ include \\"bad\\" .Values }}" . }}', { x: 1 }, helpers),
  n("{{ tpl .Values.t . }}", { t: "{{ .Release.Name }}-{{ .Chart.Name }}" }),
  n('{{ tpl "{{ template \\"gotpl\\" }}" . }}'),
  n('{{ include "tplme" (dict "t" "{{ .a }}" "ctx" (dict "a" 7)) }}', undefined, helpers),
  n("{{ tpl 1 . }}"),
  n('{{ required "need" .Values.x }}', { x: "ok" }),
  n('{{ required "need" .Values.x }}'),
  n('{{ required "need" .Values.x }}', { x: "" }),
  n('{{ required "need" .Values.x }}', { x: 0 }),
  n('{{ required "need" .Values.x }}', { x: false }),
  n('{{ required "need" .Values.x }}', { x: null }),
  n('{{ required "" "" }}'),
  n('{{ required "a%sb 100%" "" }}'),
  n('{{ required "multi\nline" nil }}'),
  n("{{ required 3 .x }}"),
  n('{{ .Values.x | required "piped" }}'),
  n('{{ fail "boom" }}'),
  n('{{ fail "a%db" }}'),
  n("{{ fail 3 }}"),
  n('{{ if true }}{{ fail "in if" }}{{ end }}'),
  n('{{ lookup "v1" "Pod" "ns" "name" }}|{{ lookup "v1" "Pod" "" "" | len }}'),
  n('{{ getHostByName "localhost" | printf "%q" }}'),
];

const values = [
  n("{{ .Values.missing }}|{{ .Values.a.missing }}|{{ .nope }}", { a: {} }),
  n("{{ .Values.missing.deeper }}"),
  n("{{ .Values.a.b.c }}", { a: { b: null } }),
  n("{{ .Values.s.x }}", { s: "str" }),
  n("{{ .Values.n }} {{ .Values.f }} {{ .Values.big }} {{ .Values.neg }}", { n: 1, f: 1.5, big: 1234567, neg: -0.001 }),
  n("{{ .Values.l }} {{ .Values.m }}", { l: [1, "a", null], m: { b: 1, a: [true] } }),
  n('{{ .Values.nil }}|{{ print .Values.nil }}|{{ printf "%v" .Values.missing }}', { nil: null }),
  n("{{ eq .Values.n 1 }}", { n: 1 }),
  n("{{ eq .Values.n 1.0 }}", { n: 1 }),
  n("{{ lt .Values.n 2 }}", { n: 1 }),
  n("{{ if .Values.missing }}y{{ else }}n{{ end }}"),
  n("{{ range .Values.missing }}y{{ else }}n{{ end }}"),
  n("{{ len .Values.missing }}"),
  n("{{ .Values.missing | len }}"),
  n('{{ index .Values "missing" }}|{{ index .Values.m "k" }}', { m: { k: "v" } }),
  n("{{ index .Values.l 5 }}", { l: [1] }),
  n('{{ printf "%s" .Values.missing }}'),
  n("{{ .Release.Name }} {{ .Release.Namespace }} {{ .Chart.Name }} {{ .Template.Name }} {{ .Template.BasePath }}"),
  n("{{ .Values.x.y }}", { x: 1 }),
  n('{{ printf "%d" .Values.n }}', { n: 3 }),
  n('{{ .Values.a | printf "%s" }}', {}),
  n('{{ 1 | printf "%d %d" .Values.n }}', { n: 2 }),
  n("{{ .Values.m.a 1 }}", { m: { a: 1 } }),
];

const errors = [
  n("{{ .Values.x.y }}\n{{ end }}"),
  n("{{ if }}"),
  n("line\n{{ nofunc }}"),
  n('{{ template "zz" }}'),
  n("{{ index (list 1) 5 }}"),
  n("{{ printf 3 }}"),
  n("{{ .Values.x.y }}", { x: [1] }),
  n("{{ range .Values.s }}{{ end }}", { s: "str" }),
  n('{{ define "a" }}x{{ end }}{{ define "a" }}y{{ end }}'),
  { notes: "ok", files: { "templates/other.yaml": "{{ .Values.bad.x }}" }, values: { bad: 1 } },
  { notes: "ok", files: { "templates/other.yaml": "{{ if }}" } },
  { notes: "{{ .Values.x.y }}", files: { "templates/zz.yaml": "{{ .Values.x.y }}" }, values: { x: 1 } },
  {
    notes: "ok",
    files: { "templates/a/deep.yaml": "{{ .Values.x.y }}", "templates/b.yaml": "{{ .Values.x.z }}" },
    values: { x: 1 },
  },
];

/**
 * Nesting met in real charts: `tpl ""` inside a tpl (promtail's empty extraServerConfigs) and
 * moderately deep include chains. Chains near Helm's per-name limit of 1000 need the render's
 * large-stack retry: they are render cases (fixtures/charts/render-deep-include).
 */
const nestingHelpers = {
  "templates/_helpers.tpl": [
    '{{- define "down" }}{{ if gt (int .) 0 }}{{ include "down" (sub (int .) 1) }}{{ else }}bottom{{ end }}{{ end }}',
    '{{- define "tplrec" }}{{ if gt (int .n) 0 }}[{{ tpl "{{ define \\"at\\" }}{{ .n }}{{ end }}{{ include \\"tplrec\\" (dict \\"n\\" (sub (int .n) 1)) }}" . }}]{{ else }}{{ include "at" . }}{{ end }}{{ end }}',
    '{{- define "deep" }}{{ if gt (int .n) 0 }}{{ include "deep" (dict "n" (sub (int .n) 1) "v" .v) | nindent 2 }}{{ else }}{{ tpl .v.t .v }}{{ end }}{{ end }}',
  ].join("\n"),
};

const nesting = [
  n('{{ tpl "{{ tpl \\"\\" . }}" . }}'),
  n('{{ tpl "a{{ tpl .Values.e . }}b" . }}', { e: "" }),
  n("{{ tpl .Values.outer . }}", { outer: "x: 1\n{{ tpl .Values.e . }}\ny: 2", e: "" }),
  n("{{ tpl .Values.outer . }}", { outer: "[{{ tpl .Values.e . }}]", e: "  \n " }),
  n("{{ tpl .Values.outer . }}", { outer: "[{{ tpl .Values.e . }}]", e: "{{/* only a comment */}}" }),
  n("{{ tpl .Values.outer . }}", {
    outer: '[{{ tpl .Values.e . }}{{ include "q" . }}]',
    e: '{{ define "q" }}Q{{ end }}',
  }),
  n("{{ tpl .Values.outer . }}", { outer: "[{{ tpl .Values.mid . }}]", mid: "<{{ tpl .Values.e . }}>", e: "" }),
  n('{{ include "down" 10 }}', undefined, nestingHelpers),
  n('{{ include "down" 200 }}', undefined, nestingHelpers),
  n('{{ include "tplrec" (dict "n" 3) }}', undefined, nestingHelpers),
  n('{{ include "tplrec" (dict "n" 40) }}', undefined, nestingHelpers),
  n('{{ include "deep" (dict "n" 300 "v" (dict "t" "{{ .t | len }}")) | len }}', undefined, nestingHelpers),
];

/** Methods of Go values (semver's *Version) reached as arguments through variables and chains. */
const methods = [
  n('{{ $v := semver "1.2.3" }}{{ printf "%d.%d" $v.Major $v.Minor | quote }}'),
  n('{{ printf "%d" (semver "4.5.6").Minor }}'),
  n('{{ $v := semver "1.2.3" }}{{ $v.Major }}|{{ $v.Original }}|{{ $v.String }}'),
  n('{{ $v := semver "1.2.3" }}{{ print $v.Major $v.Patch }}'),
  n('{{ $v := semver "1.2.3" }}{{ $v.Major 1 }}'),
  n('{{ $v := semver "1.2.3" }}{{ 1 | $v.Major }}'),
  n('{{ $v := semver "1.2.3-beta.1" }}{{ $v.Prerelease | upper }}'),
  n('{{ $s := .Values.s }}{{ printf "%v" $s }}|{{ $s 1 }}', { s: "x" }),
];

/** `.Values` is a common.Values: its methods answer before its keys; its sub-tables are plain maps. */
const valuesMethods = [
  n('{{ dig "a" "b" "none" .Values.AsMap }}|{{ dig "x" "" .Values.AsMap | quote }}', { a: { b: "B" } }),
  n("{{ .Values.AsMap | toJson }}"),
  n("{{ .Values.AsMap | toJson }}", { AsMap: "key" }),
  n("{{ .Values.a.AsMap }}|{{ .Values.a.YAML }}", { a: { b: 1 } }),
  n("{{ .Values.YAML }}", { b: [1, "x"], a: { c: null } }),
  n('{{ .Values.Table "a.b" | toJson }}|{{ (.Values.Table "a").AsMap | toJson }}', { a: { b: { c: 1 } } }),
  n('{{ .Values.Table "a.x" }}', { a: { b: 1 } }),
  n('{{ .Values.Table "a.b" }}', { a: { b: 1 } }),
  n('{{ .Values.PathValue "a.b" }}|{{ .Values.PathValue "top" }}', { a: { b: 2 }, top: "t" }),
  n('{{ .Values.PathValue "a" }}', { a: { b: 2 } }),
  n('{{ .Values.PathValue "" }}'),
  n("{{ .Values.AsMap 1 }}"),
  n("{{ .Values.Table }}"),
  n("{{ with .Values }}{{ .AsMap | len }}{{ end }}|{{ range $k, $v := .Values }}{{ $k }}{{ end }}", { k1: 1, k2: 2 }),
  n("{{ .Subcharts }}|{{ typeOf .Values.AsMap }}"),
  n('{{ tpl "{{ .Values.AsMap | len }}" . }}', { a: 1 }),
];

/**
 * Go-level cases whose Go 1.25 texts differ from the oracle's Go 1.19 (comparison errors name
 * the types since): run with their data as .Values, under `with` so that dot is that map.
 */
const viaValues = (cases) =>
  cases.map((c) => ({ notes: `{{- with .Values }}${c.template}{{ end }}`, values: c.data ?? {} }));

export const groups = {
  comparisons: viaValues(comparisons),
  go125,
  "helm-funcs": helmFuncs,
  "helm-values": values,
  "helm-errors": errors,
  nesting,
  methods,
  "values-methods": valuesMethods,
};
