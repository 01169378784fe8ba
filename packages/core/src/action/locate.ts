/**
 * Helm's LocateChart for what needs no network: a chart directory or a `.tgz` on disk. Remote
 * references (`repo/name`, `--repo`, `oci://`, `https://`) go to the downloader's locator when
 * one is given; without it they fail with the source exit status and a hint.
 */
import { stat } from "node:fs/promises";
import { isAbsolute, resolve } from "node:path";
import { ExitCode, HelmTrivyError } from "../errors.js";
import type { ChartLocator, ChartSourceOptions, LocatedChart } from "./types.js";

/** True for references that name a chart in a repository or registry rather than on disk. */
export function isRemoteReference(ref: string, options: ChartSourceOptions = {}): boolean {
  if (options.repo) return true;
  return /^(oci|https?):\/\//.test(ref);
}

/** Helm's answer for a local path that is not there, or a `repo/name` whose repository is unknown. */
export async function locateLocalChart(ref: string, options: ChartSourceOptions = {}): Promise<LocatedChart> {
  if (ref.trim() === "") throw new HelmTrivyError("no chart name given", ExitCode.Usage);
  if (isRemoteReference(ref, options)) {
    throw new HelmTrivyError(
      `cannot fetch ${JSON.stringify(options.repo ? `${options.repo} ${ref}` : ref)}: this build reads local charts only; download the chart (helm pull) and pass its path`,
      ExitCode.RepoUnknown,
    );
  }
  try {
    await stat(ref);
    return { path: resolve(ref), source: ref };
  } catch {
    if (isAbsolute(ref) || ref.startsWith(".")) {
      throw new HelmTrivyError(`path "${ref}" not found`, ExitCode.NotFound);
    }
    if (!ref.includes("/")) {
      throw new HelmTrivyError(
        `non-absolute URLs should be in form of repo_name/path_to_chart, got: ${ref}`,
        ExitCode.NotFound,
      );
    }
    throw new HelmTrivyError(`repo ${ref.slice(0, ref.indexOf("/"))} not found`, ExitCode.RepoUnknown);
  }
}

export const localChartLocator: ChartLocator = locateLocalChart;
