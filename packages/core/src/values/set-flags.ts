/**
 * The `--set*` part of Helm's Options.MergeValues: lines applied in Helm's fixed order of flags
 * (`--set-json`, `--set`, `--set-string`, `--set-file`, `--set-literal`), later ones overriding,
 * with Helm's error wrapping (`failed parsing --set data: ...`).
 */
import type { GoMap } from "../govalue/value.js";
import { parseSetInto, type SetKind } from "./strvals.js";

/** A failure of the values flags; the message is what helm prints after `Error: `. */
export class ValuesError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ValuesError";
  }
}

/** The `--set*` flags, each list in the order given on the command line. */
export interface SetFlags {
  /** `--set-json` lines. */
  jsonValues?: string[];
  /** `--set` lines. */
  values?: string[];
  /** `--set-string` lines. */
  stringValues?: string[];
  /** `--set-file` lines. */
  fileValues?: string[];
  /** `--set-literal` lines. */
  literalValues?: string[];
}

const ORDER: ReadonlyArray<[keyof SetFlags, SetKind]> = [
  ["jsonValues", "set-json"],
  ["values", "set"],
  ["stringValues", "set-string"],
  ["fileValues", "set-file"],
  ["literalValues", "set-literal"],
];

/** Applies every `--set*` line to `base` (mutated). Throws ValuesError with Helm's text. */
export function applySetFlags(base: GoMap, flags: SetFlags, readFile?: (path: string) => string): void {
  for (const [field, kind] of ORDER) {
    for (const line of flags[field] ?? []) {
      try {
        parseSetInto(kind, line, base, readFile ? { readFile } : {});
      } catch (e) {
        // Helm drops the JSON decoder's message and repeats the line instead.
        if (kind === "set-json") throw new ValuesError(`failed parsing --set-json data ${line}`);
        throw new ValuesError(`failed parsing --${kind} data: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
  }
}
