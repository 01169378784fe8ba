/**
 * `-o sarif` from the built binary: each finding at the line of the `image:` key (or the env
 * `value:` key) that brings the image in the chart's template source, with the rendered
 * resource path as a logical location; valid against the SARIF 2.1.0 schema.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { built, freshCacheHome, type RunResult, repoRoot, run, stubTrivy } from "./helpers.js";

// Ajv and the schema are the core's test dependencies.
const coreRequire = createRequire(join(repoRoot, "packages/core/package.json"));
const schemaPath = (() => {
  try {
    return coreRequire.resolve("@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json");
  } catch {
    return undefined;
  }
})();

interface SarifLocation {
  physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } };
  logicalLocations: { name: string; fullyQualifiedName: string; kind: string }[];
  message: { text: string };
}
interface SarifResult {
  ruleId: string;
  message: { text: string };
  locations: SarifLocation[];
}

describe.skipIf(!built)("SARIF locations at template lines", () => {
  let r: RunResult;
  // biome-ignore lint/suspicious/noExplicitAny: a parsed SARIF document, checked by the tests
  let doc: any;
  let results: SarifResult[];
  beforeAll(() => {
    r = run(["fixtures/charts/demo", "--trivy-path", stubTrivy, "-o", "sarif"], { cacheHome: freshCacheHome() });
    doc = JSON.parse(r.stdout);
    results = doc.runs[0].results;
  });
  const at = (id: string) =>
    results
      .find((x) => x.ruleId === id)!
      .locations.map((l) => [l.physicalLocation.artifactLocation.uri, l.physicalLocation.region.startLine]);

  it("the line of the image: key of each container, and of the env value naming an image", () => {
    expect(r.status).toBe(0);
    // deployment.yaml: web's image at line 20, the sidecar's at 25; worker.yaml: 15, its env value 18.
    expect(at("GHSA-fx12-aaaa-bbbb")).toEqual([["fixtures/charts/demo/templates/deployment.yaml", 20]]);
    expect(at("CVE-2024-92001")).toEqual([["fixtures/charts/demo/templates/worker.yaml", 15]]);
    expect(at("CVE-2024-90001")).toEqual([
      ["fixtures/charts/demo/templates/deployment.yaml", 25],
      ["fixtures/charts/demo/templates/worker.yaml", 18],
    ]);
    // The lines really hold those keys.
    const line = (file: string, n: number) => readFileSync(join(repoRoot, file), "utf8").split("\n")[n - 1];
    expect(line("fixtures/charts/demo/templates/deployment.yaml", 25)).toMatch(/^\s+image: /);
    expect(line("fixtures/charts/demo/templates/worker.yaml", 18)).toMatch(/^\s+value: /);
  });

  it("the rendered path as a logical location and in the messages", () => {
    const alpine = results.find((x) => x.ruleId === "CVE-2024-90001")!;
    expect(alpine.locations[1]!.logicalLocations).toEqual([
      {
        name: "spec.jobTemplate.spec.template.spec.containers[0].env[0].value",
        fullyQualifiedName:
          "demo/templates/worker.yaml:CronJob/release-name-demo-worker/spec.jobTemplate.spec.template.spec.containers[0].env[0].value",
        kind: "element",
      },
    ]);
    expect(alpine.locations[0]!.message.text).toBe(
      "rendered at Deployment/release-name-demo spec.template.spec.containers[1].image",
    );
    expect(alpine.message.text).toContain(
      "Rendered at: Deployment/release-name-demo spec.template.spec.containers[1].image (templates/deployment.yaml)",
    );
  });

  it.skipIf(!schemaPath)("is valid against the SARIF 2.1.0 schema", async () => {
    const { default: Ajv } = (await import(coreRequire.resolve("ajv"))) as { default: new (o: object) => AjvLike };
    const schema = JSON.parse(readFileSync(schemaPath!, "utf8"));
    schema.$id = schema.id;
    delete schema.id;
    delete schema.$schema;
    const validate = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false, validateFormats: false }).compile(schema);
    expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
    const broken = structuredClone(doc);
    broken.runs[0].results[0].locations[0].physicalLocation.region.startLine = 0;
    expect(validate(broken)).toBe(false);
  });
});

interface AjvLike {
  compile(schema: object): ((doc: unknown) => boolean) & { errors?: unknown };
}
