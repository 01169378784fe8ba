/** The `diff` command's outputs: what an upgrade adds and removes, as text or JSON. */
import type { ChartDiff } from "../action/diff-charts.js";
import { colorPalette, type Palette, plainPalette } from "./color.js";
import type { FormatOptions } from "./model.js";
import { renderColumns } from "./text-table.js";

export function formatDiffText(diff: ChartDiff, options: FormatOptions = {}): string {
  const p: Palette = options.color ? colorPalette : plainPalette;
  let out = `${p.bold(`${diff.from.name} ${diff.from.version} -> ${diff.to.name} ${diff.to.version}`)}\n\n`;
  out += "Images:\n";
  if (diff.images.added.length + diff.images.removed.length === 0) out += "  (no change)\n";
  for (const i of diff.images.removed) out += `  - ${i.image}\n`;
  for (const i of diff.images.added) out += `  + ${i.image}\n`;
  out += "\nVulnerabilities:\n";
  const rows: string[][] = [];
  for (const v of diff.vulnerabilities.removed) {
    rows.push(["-", p.severity(v.severity, v.severity), v.id, v.pkg, v.installed, v.images.join(", ")]);
  }
  for (const v of diff.vulnerabilities.added) {
    rows.push(["+", p.severity(v.severity, v.severity), v.id, v.pkg, v.installed, v.images.join(", ")]);
  }
  out += rows.length === 0 ? "  (no change)\n" : renderColumns(rows, "  ");
  for (const f of diff.failed) out += `\nwarning: ${f.side} ${f.image} could not be scanned: ${f.error}`;
  if (diff.failed.length > 0) out += "\n";
  out += `\n${diff.images.added.length} image(s) added, ${diff.images.removed.length} removed; ${diff.vulnerabilities.added.length} vulnerabilit${diff.vulnerabilities.added.length === 1 ? "y" : "ies"} added, ${diff.vulnerabilities.removed.length} removed, ${diff.vulnerabilities.unchanged} unchanged\n`;
  return out;
}

export function formatDiffJson(diff: ChartDiff): string {
  const { reports: _reports, ...rest } = diff;
  return `${JSON.stringify({ schemaVersion: 1, ...rest }, null, 2)}\n`;
}
