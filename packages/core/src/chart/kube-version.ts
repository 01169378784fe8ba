/**
 * Chart.yaml's `kubeVersion` against the target cluster version (Helm's
 * chartutil.IsCompatibleRange as pkg/action uses it). An unparsable constraint or version
 * counts as incompatible, exactly like Helm.
 */

import { satisfies, tryParseConstraints } from "../semver/constraints.js";
import { tryParseVersion } from "../semver/version.js";
import { ChartLoadError } from "./errors.js";
import type { Chart } from "./model.js";

/** The Kubernetes version `helm template` assumes without --kube-version. */
export const defaultKubeVersion = "v1.35.0";

export function isCompatibleRange(constraint: string, version: string): boolean {
  const v = tryParseVersion(version);
  if (v === undefined) return false;
  const c = tryParseConstraints(constraint);
  if (c instanceof Error) return false;
  return satisfies(v, c);
}

/**
 * Throws Helm's error when the chart's kubeVersion excludes `kubeVersion` (a `vX.Y.Z`
 * string as .Capabilities.KubeVersion prints it). Only the chart given is checked: Helm
 * checks the root chart, not its subcharts.
 */
export function checkKubeVersion(chart: Chart, kubeVersion: string = defaultKubeVersion): void {
  const want = chart.metadata.kubeVersion;
  if (want === undefined || want === "") return;
  if (!isCompatibleRange(want, kubeVersion)) {
    throw new ChartLoadError(
      `chart requires kubeVersion: ${want} which is incompatible with Kubernetes ${kubeVersion}`,
    );
  }
}
