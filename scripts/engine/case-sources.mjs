/** Inputs of the Go-level engine conformance cases; expectations come from the oracle. */
export const groups = {
  smoke: [
    { template: "hello {{ .a }} {{ .b.c }} {{ .nope }}", data: { a: 1, b: { c: "x" } } },
    { template: "{{ range $i, $v := .l }}[{{ $i }}={{ $v }}]{{ end }}", data: { l: [1, "a", true, null] } },
    { template: "{{ if .a }}yes{{ else }}no{{ end }}", data: { a: 0 } },
    { template: "{{ .a.b }}", data: { a: "s" } },
    { template: "{{ 1000000.0 }} {{ 3 }} {{ 0x10 }} {{ 'a' }} {{ 1e3 }} {{ 1i }}" },
  ],
};
