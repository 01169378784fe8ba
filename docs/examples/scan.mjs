#!/usr/bin/env node
// Using @helm-trivy/core as a library: list a chart's images, scan them, print a summary and
// write a SARIF file. Run from the repository root after `pnpm build`:
//   node docs/examples/scan.mjs fixtures/charts/demo fixtures/trivy/trivy
import { writeFileSync } from "node:fs";
import { formatReport, HelmTrivyError, listImages, scanChart, scanExitCode } from "../../packages/core/dist/index.js";

const [chart = "fixtures/charts/demo", trivyPath = "trivy"] = process.argv.slice(2);

try {
  const listed = await listImages({ chart, values: { values: ["replicaCount=2"] } });
  console.log(`${listed.chart.name} ${listed.chart.version} runs ${listed.images.images.length} image(s):`);
  for (const img of listed.images.images) console.log(`  ${img.image}  (${img.sources[0].template})`);

  const { report } = await scanChart({
    chart,
    scan: { trivyPath, severity: ["CRITICAL", "HIGH"] },
    onScanProgress: (e) => e.type === "finished" && console.log(`  scanned ${e.done}/${e.total} ${e.image}`),
  });
  console.log(`${report.summary.vulnerabilities} CRITICAL/HIGH finding(s)`);
  writeFileSync("helm-trivy.sarif", formatReport(report, "sarif", { toolVersion: "example", artifactRoot: chart }));
  process.exitCode = scanExitCode(report, "CRITICAL");
} catch (e) {
  // Every foreseen failure is a HelmTrivyError with the CLI's exit status (docs/exit-codes.md).
  console.error(`Error: ${e.message}`);
  process.exitCode = e instanceof HelmTrivyError ? e.exitCode : 70;
}
