/**
 * `.Files` (Helm's engine.files, a map[string][]byte of the chart's non-template files) with
 * its methods: Get, GetBytes, Glob, Lines, AsConfig, AsSecrets.
 */
import { GoError, type GoFunc, type GoMap, GoObject, type GoValue, newGoMap } from "../govalue/value.js";
import { toYaml } from "../yaml/emit.js";
import { compileGlob } from "./glob.js";

const decoder = new TextDecoder();

function baseName(p: string): string {
  // path.Base: the last element after trailing slashes are removed.
  const trimmed = p.replace(/\/+$/, "");
  if (trimmed === "") return p === "" ? "." : "/";
  const i = trimmed.lastIndexOf("/");
  return i < 0 ? trimmed : trimmed.slice(i + 1);
}

function base64(data: Uint8Array): string {
  return Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString("base64");
}

/** Go's string([]byte): invalid UTF-8 becomes U+FFFD when printed, as TextDecoder does. */
function bytesToString(b: Uint8Array): string {
  return decoder.decode(b);
}

export class FilesObject extends GoObject {
  readonly goType = "engine.files";
  private readonly files: Map<string, Uint8Array>;

  constructor(files: Iterable<readonly [string, Uint8Array]>) {
    super();
    this.files = new Map(files);
  }

  field(_name: string): GoValue | undefined {
    return undefined;
  }

  override hasField(name: string): boolean {
    return this.method(name) !== undefined;
  }

  private getBytes(name: string): Uint8Array {
    return this.files.get(name) ?? new Uint8Array();
  }

  override method(name: string): GoFunc | undefined {
    switch (name) {
      case "GetBytes":
        return { params: ["string"], fn: (n) => this.getBytes(n as string) };
      case "Get":
        return { params: ["string"], fn: (n) => bytesToString(this.getBytes(n as string)) };
      case "Glob":
        return { params: ["string"], fn: (p) => this.glob(p as string) };
      case "Lines":
        return { params: ["string"], fn: (p) => this.lines(p as string) };
      case "AsConfig":
        return { params: [], fn: () => this.asConfig() };
      case "AsSecrets":
        return { params: [], fn: () => this.asSecrets() };
      default:
        return undefined;
    }
  }

  glob(pattern: string): FilesObject {
    const match = compileGlob(pattern) ?? (() => true);
    const out: Array<[string, Uint8Array]> = [];
    for (const [name, data] of this.files) if (match(name)) out.push([name, data]);
    return new FilesObject(out);
  }

  lines(path: string): GoValue[] {
    const data = this.files.get(path);
    if (data === undefined) return [];
    let s = bytesToString(data);
    if (s.length === 0) throw new GoError("runtime error: index out of range [-1]");
    if (s.endsWith("\n")) s = s.slice(0, -1);
    return s.split("\n");
  }

  /** The files by base name as a YAML map of strings (Helm's toYAML, trailing newline trimmed). */
  asConfig(): string {
    const m = newGoMap();
    for (const [name, data] of this.files) m[baseName(name)] = bytesToString(data);
    return toYaml(m);
  }

  asSecrets(): string {
    const m = newGoMap();
    for (const [name, data] of this.files) m[baseName(name)] = base64(data);
    return toYaml(m);
  }

  override asMap(): GoMap {
    const m = newGoMap();
    for (const [name, data] of this.files) m[name] = data;
    return m;
  }

  override marshalValue(): GoValue {
    return this.asMap();
  }

  format(): string {
    // fmt's %v of map[string][]byte: keys sorted, each value as a byte list.
    const names = [...this.files.keys()].sort();
    return `map[${names.map((n) => `${n}:[${Array.from(this.files.get(n) as Uint8Array).join(" ")}]`).join(" ")}]`;
  }
}
