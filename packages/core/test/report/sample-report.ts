/** A small report with every shape the formatters handle: findings, a failed scan, an invalid reference. */
import type { ScanReport } from "../../src/report/model.js";
import { zeroCounts } from "../../src/scan/types.js";

export function sampleReport(): ScanReport {
  return {
    chart: { name: "demo", version: "1.2.0", appVersion: "2.3.0", source: "charts/demo" },
    images: [
      {
        image: "docker.io/library/alpine:3.19",
        workload: true,
        sources: [
          {
            template: "demo/templates/deployment.yaml",
            kind: "Deployment",
            name: "x-demo",
            container: "web",
            path: "spec.template.spec.containers[0].image",
            rule: "container",
            raw: "alpine:3.19",
          },
          {
            template: "demo/charts/sub/templates/job.yaml",
            kind: "Job",
            name: "x-sub",
            container: "job",
            path: "spec.template.spec.containers[0].image",
            rule: "container",
            raw: "alpine:3.19",
          },
        ],
        result: {
          image: "docker.io/library/alpine:3.19",
          status: "ok",
          os: "alpine 3.19.1",
          vulnerabilities: [
            { id: "CVE-2024-2", pkg: "musl", installed: "1.2.4", severity: "LOW", title: "musl | issue" },
            {
              id: "CVE-2024-1",
              pkg: "libssl3",
              installed: "3.1.4-r5",
              fixed: "3.1.4-r6",
              severity: "CRITICAL",
              title: "openssl: heap overflow",
              url: "https://avd.aquasec.com/nvd/cve-2024-1",
            },
          ],
          counts: { ...zeroCounts(), CRITICAL: 1, LOW: 1 },
        },
      },
      {
        image: "docker.io/example/missing:1.0",
        workload: false,
        sources: [
          {
            template: "demo/templates/cm.yaml",
            kind: "ConfigMap",
            name: "cfg",
            path: "data.image",
            rule: "image-key",
            raw: "example/missing:1.0",
          },
        ],
        result: {
          image: "docker.io/example/missing:1.0",
          status: "error",
          error: "MANIFEST_UNKNOWN: manifest unknown",
          vulnerabilities: [],
          counts: zeroCounts(),
        },
      },
    ],
    invalid: [
      {
        raw: "repo:",
        reason: "invalid reference format",
        ref: { invalid: true, raw: "repo:", reason: "invalid reference format" } as never,
        workload: true,
        sources: [
          {
            template: "demo/templates/bad.yaml",
            kind: "Pod",
            name: "bad",
            container: "c",
            path: "spec.containers[0].image",
            rule: "container",
            raw: "repo:",
          },
        ],
      },
    ],
    summary: {
      images: 2,
      scanned: 1,
      failed: 1,
      cached: 0,
      invalid: 1,
      counts: { ...zeroCounts(), CRITICAL: 1, LOW: 1 },
      vulnerabilities: 2,
    },
    trivyVersion: "0.58.1",
  };
}
