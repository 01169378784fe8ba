// Turns a render case's structured flags into `helm template` arguments. Shared by the fixture
// generator (which runs real Helm) so that the cases stay the single description of a test.
export function helmTemplateArgs(c) {
  const f = c.flags ?? {};
  const args = ["template"];
  if (c.release) args.push(c.release);
  args.push(c.chart);
  const multi = {
    values: "-f",
    set: "--set",
    setString: "--set-string",
    setJson: "--set-json",
    setLiteral: "--set-literal",
    setFile: "--set-file",
    showOnly: "--show-only",
    apiVersions: "--api-versions",
  };
  for (const [k, flag] of Object.entries(multi)) for (const v of f[k] ?? []) args.push(flag, v);
  if (f.namespace) args.push("--namespace", f.namespace);
  if (f.kubeVersion) args.push("--kube-version", f.kubeVersion);
  for (const b of ["includeCrds", "skipTests", "noHooks", "skipSchemaValidation", "isUpgrade"]) {
    if (f[b]) args.push(`--${b.replace(/[A-Z]/g, (m) => `-${m.toLowerCase()}`)}`);
  }
  return args;
}
