/** Aligned plain-text columns (two spaces apart); cells may carry ANSI colours. */
import { visibleLength } from "./color.js";

export function renderColumns(rows: readonly (readonly string[])[], indent = ""): string {
  const widths: number[] = [];
  for (const row of rows) {
    row.forEach((cell, i) => {
      widths[i] = Math.max(widths[i] ?? 0, visibleLength(cell));
    });
  }
  return rows
    .map((row) => {
      const cells = row.map((cell, i) =>
        i === row.length - 1 ? cell : cell + " ".repeat((widths[i] ?? 0) - visibleLength(cell)),
      );
      return `${indent}${cells.join("  ")}`.trimEnd();
    })
    .map((line) => `${line}\n`)
    .join("");
}

/** Cuts long free text (titles, errors) to `max` characters with an ellipsis. */
export function truncate(text: string, max: number): string {
  const chars = [...text.replace(/\s+/g, " ").trim()];
  return chars.length <= max ? chars.join("") : `${chars.slice(0, max - 1).join("")}…`;
}
