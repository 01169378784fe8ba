#!/usr/bin/env node
/**
 * Engine benchmark: renders a large synthetic chart (helpers with nested includes, ranges,
 * conditionals, printf, comparisons) through renderTemplates and prints templates per second.
 *
 *   pnpm --filter @helm-trivy/core build      # tsc -b into packages/core/dist
 *   node bench/engine/render-bench.mjs [templates=2000] [rounds=5]
 */
import { renderTemplates } from "../../packages/core/dist/engine/helm.js";
import { newGoMap } from "../../packages/core/dist/govalue/value.js";

const N = Number(process.argv[2] ?? 2000);
const ROUNDS = Number(process.argv[3] ?? 5);

const helpers = `
{{- define "app.name" -}}{{ .Chart.Name }}{{- end }}
{{- define "app.fullname" -}}
{{- if .Values.fullnameOverride }}{{ .Values.fullnameOverride }}{{ else }}{{ .Release.Name }}-{{ include "app.name" . }}{{ end }}
{{- end }}
{{- define "app.labels" -}}
app.kubernetes.io/name: {{ include "app.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- range $k, $v := .Values.labels }}
{{ $k }}: {{ printf "%q" $v }}
{{- end }}
{{- end }}`;

const body = (i) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ include "app.fullname" . }}-${i}
  labels:
{{ include "app.labels" . | indent 4 }}
spec:
  replicas: {{ .Values.replicas }}
  template:
    spec:
      containers:
      {{- range $i, $c := .Values.containers }}
      - name: {{ $c.name }}
        image: "{{ $c.repo }}:{{ $c.tag | default "latest" }}"
        {{- if and $c.ports (gt (len $c.ports) 0) }}
        ports:
        {{- range $c.ports }}
        - containerPort: {{ . }}
        {{- end }}
        {{- end }}
        {{- with $c.env }}
        env:
        {{- range $k, $v := . }}
        - name: {{ $k }}
          value: {{ $v | quote }}
        {{- end }}
        {{- end }}
      {{- end }}
`;

const values = newGoMap([
  ["replicas", 3],
  [
    "labels",
    newGoMap([
      ["team", "core"],
      ["tier", "web"],
    ]),
  ],
  [
    "containers",
    [1, 2, 3].map((n) =>
      newGoMap([
        ["name", `c${n}`],
        ["repo", `registry.example.com/img${n}`],
        ["tag", n === 2 ? null : `v1.${n}`],
        ["ports", [8080, 9090]],
        [
          "env",
          newGoMap([
            ["A", "1"],
            ["B", "two"],
          ]),
        ],
      ]),
    ),
  ],
]);
const vals = newGoMap([
  ["Values", values],
  [
    "Release",
    newGoMap([
      ["Name", "rel"],
      ["Namespace", "default"],
    ]),
  ],
  [
    "Chart",
    newGoMap([
      ["Name", "bench"],
      ["Version", "1.0.0"],
    ]),
  ],
  ["Capabilities", newGoMap()],
  ["Files", newGoMap()],
  ["Subcharts", newGoMap()],
]);

const templates = [{ name: "bench/templates/_helpers.tpl", text: helpers, vals, basePath: "bench/templates" }];
for (let i = 0; i < N; i++) {
  templates.push({ name: `bench/templates/t${i}.yaml`, text: body(i), vals, basePath: "bench/templates" });
}

let best = Number.POSITIVE_INFINITY;
let bytes = 0;
for (let r = 0; r < ROUNDS; r++) {
  const t0 = performance.now();
  const out = renderTemplates(templates);
  const ms = performance.now() - t0;
  best = Math.min(best, ms);
  bytes = [...out.values()].reduce((a, s) => a + s.length, 0);
}
console.log(
  `${N} templates (parse + execute), best of ${ROUNDS}: ${best.toFixed(1)} ms, ` +
    `${Math.round((N / best) * 1000)} templates/s, ${(bytes / 1024).toFixed(0)} KiB output`,
);
