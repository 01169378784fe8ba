/**
 * The root chart's top-level template data (`.Values`, `.Chart`, `.Capabilities`, `.Release`),
 * built the same way for the first render and for a re-render on a larger stack.
 */
import type { Chart } from "../chart/model.js";
import { type GoMap, newGoMap } from "../govalue/value.js";
import { type CapabilitiesObject, type KubeVersionInfo, makeCapabilities } from "./capabilities.js";
import { chartValue } from "./chart-map.js";

/** What `.Release` and `.Capabilities` are made of (plain data: it crosses to a worker). */
export interface ReleaseSettings {
  releaseName?: string;
  namespace?: string;
  isUpgrade?: boolean;
  revision?: number;
  kubeVersion?: KubeVersionInfo;
  /** `--api-versions`, appended to the defaults. */
  apiVersions?: readonly string[];
}

/** `.Release` (a plain map in Helm 4). */
function releaseValue(o: ReleaseSettings): GoMap {
  const isUpgrade = o.isUpgrade ?? false;
  return newGoMap([
    ["Name", o.releaseName ?? "release-name"],
    ["Namespace", o.namespace ?? "default"],
    ["IsUpgrade", isUpgrade],
    ["IsInstall", !isUpgrade],
    ["Revision", BigInt(o.revision ?? 1)],
    ["Service", "Helm"],
  ]);
}

export function capabilitiesFor(o: ReleaseSettings): CapabilitiesObject {
  return makeCapabilities({
    ...(o.kubeVersion ? { kubeVersion: o.kubeVersion } : {}),
    ...(o.apiVersions ? { apiVersions: o.apiVersions } : {}),
  });
}

/** The root's top-level data; subcharts get theirs from it (renderables.ts). */
export function topLevelData(chart: Chart, values: GoMap, caps: CapabilitiesObject, o: ReleaseSettings): GoMap {
  return newGoMap([
    ["Values", values],
    ["Chart", chartValue(chart)],
    ["Capabilities", caps],
    ["Release", releaseValue(o)],
  ]);
}
