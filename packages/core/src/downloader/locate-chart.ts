/**
 * Helm's action.ChartPathOptions.LocateChart for every kind of chart name: a local directory
 * or archive, `oci://...`, `--repo URL name`, an archive URL, or `repo/name` from
 * repositories.yaml. Remote archives are loaded from memory (never unpacked to disk), and
 * dependencies missing from charts/ are fetched (see dependencies.ts).
 */
import { stat } from "node:fs/promises";
import path from "node:path";
import { loadChart } from "../chart/load.js";
import type { Chart } from "../chart/model.js";
import { ExitCode, HelmTrivyError } from "../errors.js";
import { isOci } from "../registry/reference.js";
import { effectiveVersion } from "../repo/versions.js";
import { fetchMissingDependencies } from "./dependencies.js";
import {
  type FetchedArchive,
  fetchFromOci,
  fetchFromRepoName,
  fetchFromRepoUrl,
  fetchFromUrl,
  loadFetchedArchive,
} from "./fetch-archive.js";
import { type ChartSourceInfo, createFetchContext, type FetchContext, type LocateOptions } from "./source.js";

export { loadFetchedArchive };

export interface LocatedChart {
  readonly chart: Chart;
  readonly source: ChartSourceInfo;
}

async function exists(p: string): Promise<boolean> {
  try {
    await stat(p);
    return true;
  } catch {
    return false;
  }
}

async function fetchRemote(ctx: FetchContext, name: string, version: string): Promise<FetchedArchive> {
  if (isOci(name)) return fetchFromOci(ctx, name, version);
  if (ctx.opts.repoUrl) return fetchFromRepoUrl(ctx, ctx.opts.repoUrl, name, version, name);
  let u: URL | undefined;
  try {
    u = new URL(name);
  } catch {
    u = undefined;
  }
  if (u && (u.protocol === "http:" || u.protocol === "https:") && u.host !== "" && u.pathname.length > 1) {
    return fetchFromUrl(ctx, name, name);
  }
  if (u && !["http:", "https:"].includes(u.protocol) && /^[a-z][a-z0-9+.-]*:\/\//i.test(name)) {
    throw new HelmTrivyError(
      `scheme "${u.protocol.slice(0, -1)}" not supported (use http(s)://, oci://, repo/chart or a local path)`,
      ExitCode.Usage,
    );
  }
  const slash = name.indexOf("/");
  if (slash < 0) {
    throw new HelmTrivyError(
      `non-absolute URLs should be in form of repo_name/path_to_chart, got: ${name}`,
      ExitCode.RepoUnknown,
    );
  }
  return fetchFromRepoName(ctx, name.slice(0, slash), name.slice(slash + 1), version, name);
}

export async function locateChart(ref: string, opts: LocateOptions = {}): Promise<LocatedChart> {
  const name = ref.trim();
  const version = effectiveVersion(opts.version, opts.devel);
  const ctx = createFetchContext(opts);
  let chart: Chart;
  let source: ChartSourceInfo;
  let baseDir: string | undefined;
  if (await exists(name)) {
    const abs = path.resolve(name);
    const isDir = (await stat(abs)).isDirectory();
    chart = await loadChart(abs);
    source = { kind: isDir ? "directory" : "archive", ref, path: abs };
    baseDir = isDir ? abs : path.dirname(abs);
  } else if (path.isAbsolute(name) || name.startsWith(".")) {
    throw new HelmTrivyError(`path "${name}" not found`, ExitCode.NotFound);
  } else {
    const fetched = await fetchRemote(ctx, name, version);
    chart = loadFetchedArchive(fetched, ctx.paths.contentCache);
    source = fetched.source;
  }
  if (opts.fetchDependencies !== false) await fetchMissingDependencies(chart, ctx, baseDir);
  return { chart, source };
}
