import { describe, expect, it } from "vitest";
import { imageKeyLine, lastKey } from "../../src/report/template-lines.js";

const place = (path: string, raw = "x:1", container?: string) => ({
  path,
  raw,
  ...(container !== undefined ? { container } : {}),
});

describe("lastKey", () => {
  it.each([
    ["spec.template.spec.containers[1].image", "image"],
    ["spec.containers[0].env[2].value", "value"],
    ["spec.containers[0].args[3]", "args"],
    ["data.image", "image"],
  ])("%s -> %s", (path, key) => expect(lastKey(path)).toBe(key));
});

describe("imageKeyLine", () => {
  const two = [
    "apiVersion: apps/v1", // 1
    "kind: Deployment",
    "spec:",
    "  template:",
    "    spec:", // 5
    "      containers:",
    "        - name: web",
    '          image: "{{ .Values.image.repository }}:{{ .Values.image.tag }}"',
    "          ports:",
    "            - containerPort: 80", // 10
    "        {{- if .Values.sidecar.enabled }}",
    "        - name: sidecar",
    "          image: {{ .Values.sidecar.image | quote }}",
    "          env:",
    "            - name: HELPER_IMAGE", // 15
    "              value: {{ .Values.helper | quote }}",
    "        {{- end }}",
  ].join("\n");

  it("one image: key: its line", () => {
    expect(
      imageKeyLine(
        "kind: Pod\nspec:\n  containers:\n  - name: a\n    image: {{ .Values.i }}\n",
        place("spec.containers[0].image"),
      ),
    ).toBe(5);
  });

  it("several image: keys told apart by the container's literal name", () => {
    expect(imageKeyLine(two, place("spec.template.spec.containers[0].image", "r/web:1", "web"))).toBe(8);
    expect(imageKeyLine(two, place("spec.template.spec.containers[1].image", "r/side:1", "sidecar"))).toBe(13);
  });

  it("an env value: the value key inside the container's item (through the env item)", () => {
    expect(imageKeyLine(two, place("spec.template.spec.containers[1].env[0].value", "r/h:1", "sidecar"))).toBe(16);
  });

  it("a literal reference picks its line", () => {
    const text =
      "containers:\n- name: {{ .Values.a }}\n  image: nginx:1.25\n- name: {{ .Values.b }}\n  image: {{ .Values.b }}\n";
    expect(imageKeyLine(text, place("spec.containers[0].image", "nginx:1.25"))).toBe(3);
  });

  it("a key on the item's dash line belongs to that item", () => {
    const text = "containers:\n- image: {{ .Values.a }}\n  name: one\n- image: {{ .Values.b }}\n  name: two\n";
    expect(imageKeyLine(text, place("spec.containers[1].image", "b:1", "two"))).toBe(4);
  });

  it("ambiguous (templated names) or absent (written by a helper): no line", () => {
    const text =
      "containers:\n- name: {{ .Values.a }}\n  image: {{ .Values.a }}\n- name: {{ .Values.b }}\n  image: {{ .Values.b }}\n";
    expect(imageKeyLine(text, place("spec.containers[0].image", "a:1", "a"))).toBeUndefined();
    expect(
      imageKeyLine('spec:\n  {{- include "common.containers" . | nindent 2 }}\n', place("spec.containers[0].image")),
    ).toBeUndefined();
  });

  it("comments and keys that only end in image are not candidates", () => {
    const text = "# image: old\nspec:\n  pullImage: x\n  image: {{ .Values.i }}\n";
    expect(imageKeyLine(text, place("spec.image"))).toBe(4);
  });
});
