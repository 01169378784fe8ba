/**
 * Loading a chart from `.tgz` bytes (Helm's LoadArchive / LoadArchiveFiles): gunzip, read the
 * tar entries, strip the first path element (the chart's directory), reject paths that
 * escape the chart, enforce Helm's decompressed size limits, then hand over to loadFiles.
 * `.helmignore` is not applied to archives, as in Helm.
 */
import { inflateRawSync, constants as zlibConstants } from "node:zlib";
import { cleanPath } from "../gopath/path.js";
import { quote } from "../govalue/strconv.js";
import { ChartLoadError } from "./errors.js";
import { loadFiles } from "./load-files.js";
import type { Chart, ChartFile } from "./model.js";
import { readTar, TarFormatError } from "./tar-reader.js";

export interface ArchiveLimits {
  /** Helm's MaxDecompressedChartSize: total bytes of all files. */
  readonly maxChartSize: number;
  /** Helm's MaxDecompressedFileSize: bytes of any one file. */
  readonly maxFileSize: number;
}

/** Helm 4.1.4's defaults: 100 MiB per chart, 5 MiB per file. */
export const defaultArchiveLimits: ArchiveLimits = {
  maxChartSize: 100 * 1024 * 1024,
  maxFileSize: 5 * 1024 * 1024,
};

const utf8bom = [0xef, 0xbb, 0xbf];
const drivePath = /^[a-zA-Z]:\//;

function stripBom(d: Uint8Array): Uint8Array {
  return d[0] === utf8bom[0] && d[1] === utf8bom[1] && d[2] === utf8bom[2] ? d.subarray(3) : d;
}

/**
 * Decompresses the first gzip member the way Helm consumes it: as a stream that stops when
 * the tar end is reached, so the CRC trailer is never checked and a member cut short only
 * fails if the tar entries themselves are cut (the tar reader then reports "unexpected EOF").
 */
function gunzip(bytes: Uint8Array, limits: ArchiveLimits): Uint8Array {
  if (bytes.length === 0) throw new ChartLoadError("EOF");
  if (bytes.length < 10) throw new ChartLoadError("unexpected EOF");
  if (bytes[0] !== 0x1f || bytes[1] !== 0x8b || bytes[2] !== 0x08) throw new ChartLoadError("gzip: invalid header");
  const flags = bytes[3] as number;
  let off = 10;
  const need = (n: number) => {
    if (off + n > bytes.length) throw new ChartLoadError("unexpected EOF");
  };
  if (flags & 0x04) {
    need(2);
    off += 2 + ((bytes[off] as number) | ((bytes[off + 1] as number) << 8));
  }
  for (const bit of [0x08, 0x10]) {
    if (flags & bit) {
      while (off < bytes.length && bytes[off] !== 0) off++;
      need(1);
      off++;
    }
  }
  if (flags & 0x02) off += 2;
  need(0);
  try {
    // Tar headers and padding add to the file bytes; twice the chart budget bounds memory
    // while never cutting off an archive that Helm would accept.
    return inflateRawSync(bytes.subarray(off), {
      finishFlush: zlibConstants.Z_SYNC_FLUSH,
      maxOutputLength: limits.maxChartSize * 2 + 1024 * 1024,
    });
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (err.code === "ERR_BUFFER_TOO_LARGE" || err instanceof RangeError) {
      throw new ChartLoadError(`decompressed chart is larger than the maximum size ${limits.maxChartSize}`);
    }
    throw new ChartLoadError("flate: corrupt input");
  }
}

/**
 * Helm's LoadArchiveFiles: the files of an archive, named relative to the chart root.
 * Throws ChartLoadError with Helm's text for unsafe or oversized content.
 */
export function loadArchiveFiles(bytes: Uint8Array, limits: ArchiveLimits = defaultArchiveLimits): ChartFile[] {
  const tar = gunzip(bytes, limits);
  const files: ChartFile[] = [];
  let remaining = limits.maxChartSize;
  try {
    readTar(tar, (hd) => {
      if (hd.type === "5") return true;
      if (hd.type === "x" || hd.type === "g") return true;
      // Archives made on Windows may use `\` throughout.
      const delimiter = hd.name.includes("\\") ? "\\" : "/";
      const parts = hd.name.split(delimiter);
      let n = parts.slice(1).join(delimiter).split(delimiter).join("/");
      if (n.startsWith("/")) throw new ChartLoadError("chart illegally contains absolute paths");
      n = cleanPath(n);
      if (n === ".") {
        throw new ChartLoadError(`chart illegally contains content outside the base directory: ${quote(hd.name)}`);
      }
      if (n.startsWith("..")) throw new ChartLoadError("chart illegally references parent directory");
      if (drivePath.test(n)) throw new ChartLoadError("chart contains illegally named files");
      if (parts[0] === "Chart.yaml") throw new ChartLoadError("chart yaml not in base directory");
      if (hd.size > remaining) {
        throw new ChartLoadError(`decompressed chart is larger than the maximum size ${limits.maxChartSize}`);
      }
      if (hd.size > limits.maxFileSize) {
        throw new ChartLoadError(
          `decompressed chart file ${quote(hd.name)} is larger than the maximum file size ${limits.maxFileSize}`,
        );
      }
      remaining -= hd.data.length;
      if (remaining <= 0) {
        throw new ChartLoadError(`decompressed chart is larger than the maximum size ${limits.maxChartSize}`);
      }
      files.push({ name: n, data: stripBom(hd.data) });
      return true;
    });
  } catch (e) {
    if (e instanceof TarFormatError) throw new ChartLoadError(e.message);
    throw e;
  }
  if (files.length === 0) throw new ChartLoadError("no files in chart archive");
  return files;
}

/** Helm's LoadArchive: a chart from `.tgz` bytes. `name` is only used in messages. */
export function loadArchive(bytes: Uint8Array, _name?: string, limits: ArchiveLimits = defaultArchiveLimits): Chart {
  const files = loadArchiveFiles(bytes, limits);
  return loadFiles(files, { unpackArchive: (b) => loadArchiveFiles(b, limits) });
}
