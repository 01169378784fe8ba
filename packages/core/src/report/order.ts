/** The order findings are shown in, shared by every format: most severe first, then id, package. */
import { SEVERITIES, type Vulnerability } from "../scan/types.js";

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function compareVulnerabilities(a: Vulnerability, b: Vulnerability): number {
  return (
    SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity) ||
    cmp(a.id, b.id) ||
    cmp(a.pkg, b.pkg) ||
    cmp(a.installed, b.installed) ||
    cmp(a.target ?? "", b.target ?? "")
  );
}

export function sortedVulnerabilities(list: readonly Vulnerability[]): Vulnerability[] {
  return [...list].sort(compareVulnerabilities);
}

/**
 * A template name as the path of the file inside the chart: `mychart/templates/x.yaml` is
 * `templates/x.yaml`, `mychart/charts/sub/templates/y.yaml` is `charts/sub/templates/y.yaml`.
 */
export function chartRelativePath(template: string): string {
  const i = template.indexOf("/");
  return i < 0 ? template : template.slice(i + 1);
}
