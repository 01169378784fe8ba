// A schema whose $ref points into a remote document: Helm 4.1.4 (offline) names the document,
// without the fragment. The expected prefix was printed by Helm 4.1.4 for nginx-ingress's
// schema; what follows `dial tcp:` names the resolver of the machine, so it is not compared.
import { describe, expect, it } from "vitest";
import { newGoMap } from "../../src/govalue/value.js";
import { validateAgainstSingleSchema } from "../../src/values/schema.js";

const DOC = "https://raw.githubusercontent.com/nginxinc/kubernetes-json-schema/master/v1.36.1/_definitions.json";

describe("remote $ref", () => {
  it("reports the document it failed to load, not the fragment", () => {
    const schema = {
      type: "object",
      properties: {
        selector: {
          $ref: `${DOC}#/definitions/io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelector/properties/matchLabels`,
        },
      },
    };
    const got = validateAgainstSingleSchema(newGoMap(), new TextEncoder().encode(JSON.stringify(schema)));
    expect(
      got.startsWith(`failing loading "${DOC}": HTTP request failed for ${DOC}: Get "${DOC}": dial tcp: lookup `),
    ).toBe(true);
  });
});
