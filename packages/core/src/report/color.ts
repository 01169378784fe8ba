/** ANSI styling for the table; a no-op palette when colours are off. */
import type { Severity } from "../scan/types.js";

export interface Palette {
  severity(s: Severity, text: string): string;
  bold(text: string): string;
  dim(text: string): string;
  error(text: string): string;
}

const wrap = (open: string, text: string) => (text === "" ? text : `\u001b[${open}m${text}\u001b[0m`);
const SEVERITY_CODES: Record<Severity, string> = {
  CRITICAL: "1;31",
  HIGH: "31",
  MEDIUM: "33",
  LOW: "34",
  UNKNOWN: "90",
};

export const colorPalette: Palette = {
  severity: (s, t) => wrap(SEVERITY_CODES[s], t),
  bold: (t) => wrap("1", t),
  dim: (t) => wrap("2", t),
  error: (t) => wrap("31", t),
};

export const plainPalette: Palette = {
  severity: (_s, t) => t,
  bold: (t) => t,
  dim: (t) => t,
  error: (t) => t,
};

/**
 * Colours only for a terminal, never when NO_COLOR is set to anything non-empty
 * (https://no-color.org) or `--no-color` is given.
 */
export function shouldColor(isTty: boolean, env: NodeJS.ProcessEnv, noColorFlag = false): boolean {
  if (noColorFlag) return false;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== "") return false;
  return isTty;
}

/** Display width of a cell: ANSI escapes take no room. */
export function visibleLength(s: string): number {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: ANSI escapes start with ESC.
  return [...s.replace(/\u001b\[[0-9;]*m/g, "")].length;
}
