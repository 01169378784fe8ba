/**
 * Loading a chart from a directory (Helm's LoadDir): walk the tree in lexical order following
 * symbolic links (Helm's sympath.Walk), skip what `.helmignore` (plus Helm's default
 * `templates/.?*`) excludes, refuse irregular files, strip a UTF-8 BOM, then loadFiles.
 *
 * The file system calls are synchronous behind the async signature: a chart is hundreds of small
 * files, and fs/promises' readFile costs several thread-pool round trips each (a third of a
 * small chart's `helm-trivy template` time went to waiting on them).
 */
import { lstatSync, readdirSync, readFileSync, realpathSync, statSync } from "node:fs";
import path from "node:path";
import { quote } from "../govalue/strconv.js";
import { ChartLoadError } from "./errors.js";
import { helmIgnoreFile, IgnoreRules } from "./ignore.js";
import { type ArchiveLimits, defaultArchiveLimits, loadArchiveFiles } from "./load-archive.js";
import { loadFiles } from "./load-files.js";
import type { Chart, ChartFile } from "./model.js";

/** Walk depth bound: Helm follows symlinked directories forever; we stop with an error. */
const maxWalkDepth = 256;

export interface DirLoadOptions {
  readonly limits?: ArchiveLimits;
  /** Receives Helm's log lines (e.g. the symbolic link notice); default: ignore. */
  readonly log?: (line: string) => void;
}

const byteOrder = (a: string, b: string) => Buffer.compare(Buffer.from(a), Buffer.from(b));

function stripBom(d: Uint8Array): Uint8Array {
  return d[0] === 0xef && d[1] === 0xbb && d[2] === 0xbf ? d.subarray(3) : d;
}

/** The files of a chart directory as LoadDir collects them, before LoadFiles. */
export async function readChartDir(dir: string, options: DirLoadOptions = {}): Promise<ChartFile[]> {
  const limits = options.limits ?? defaultArchiveLimits;
  const topdir = path.resolve(dir);
  let rules = IgnoreRules.empty();
  const ifile = path.join(topdir, helmIgnoreFile);
  if (exists(ifile)) {
    const text = new TextDecoder().decode(readFileSync(ifile));
    try {
      rules = IgnoreRules.parse(text);
    } catch (e) {
      throw new ChartLoadError((e as Error).message);
    }
  }
  rules.addDefaults();

  const files: ChartFile[] = [];
  let remaining = limits.maxChartSize;

  // `abs` is the path as walked (symlinks unresolved), `rel` its chart-relative name.
  const visit = (abs: string, rel: string, depth: number): void => {
    if (depth > maxWalkDepth) throw new ChartLoadError(`lstat ${abs}: file name too long`);
    let info = lstatSync(abs);
    if (info.isSymbolicLink()) {
      let resolved: string;
      try {
        resolved = realpathSync(abs);
      } catch (e) {
        const err = e as NodeJS.ErrnoException;
        throw new ChartLoadError(
          `error evaluating symlink ${abs}: lstat ${err.path ?? abs}: no such file or directory`,
        );
      }
      options.log?.(
        `found symbolic link in path: ${abs} resolves to ${resolved}. Contents of linked file included and used`,
      );
      info = lstatSync(resolved);
    }
    if (rel !== "") {
      if (info.isDirectory()) {
        if (rules.ignores(rel, true)) return;
      } else {
        if (rules.ignores(rel, false)) return;
        if (!info.isFile()) {
          throw new ChartLoadError(`cannot load irregular file ${abs} as it has file mode type bits set`);
        }
        if (info.size > limits.maxFileSize) {
          throw new ChartLoadError(
            `chart file ${quote(path.basename(abs))} is larger than the maximum file size ${limits.maxFileSize}`,
          );
        }
        if (info.size > remaining) {
          throw new ChartLoadError(`chart exceeds maximum decompressed size of ${limits.maxChartSize} bytes`);
        }
        const data = new Uint8Array(readFileSync(abs));
        remaining -= data.length;
        files.push({ name: rel, data: stripBom(data) });
        return;
      }
    }
    if (!info.isDirectory()) return;
    const names = readdirSync(abs).sort(byteOrder);
    for (const name of names) {
      visit(path.join(abs, name), rel === "" ? name : `${rel}/${name}`, depth + 1);
    }
  };
  visit(topdir, "", 0);
  return files;
}

/** Helm's LoadDir. */
export async function loadDir(dir: string, options: DirLoadOptions = {}): Promise<Chart> {
  const limits = options.limits ?? defaultArchiveLimits;
  const files = await readChartDir(dir, options);
  return loadFiles(files, { unpackArchive: (b) => loadArchiveFiles(b, limits) });
}

function exists(p: string): boolean {
  try {
    statSync(p);
    return true;
  } catch {
    return false;
  }
}
