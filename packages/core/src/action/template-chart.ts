/** `helm template`: the rendered manifests as Helm prints them, plus the typed render. */
import type { ChartSourceInfo } from "../downloader/source.js";
import { formatTemplateOutput } from "../render/output.js";
import type { RenderResult } from "../render/render-chart.js";
import { toHelmTrivyError } from "./errors.js";
import { checkReleaseName, locateValuesAndLoad, renderLoaded } from "./render-release.js";
import type { ChartInfo, ChartRequest } from "./types.js";

export interface TemplateChartResult {
  chart: ChartInfo;
  /** Exactly what `helm template` prints on stdout. */
  output: string;
  render: RenderResult;
  /** Where the downloader found the chart (absent with a custom locator). */
  origin?: ChartSourceInfo;
}

export async function templateChart(request: ChartRequest): Promise<TemplateChartResult> {
  const { chart, info, values, origin } = await locateValuesAndLoad(request);
  // `helm template` logs a bad release name before its error (the scan commands just fail).
  checkReleaseName(request.render?.releaseName ?? "release-name", request.onWarning);
  const render = renderLoaded(chart, values, request);
  const r = request.render ?? {};
  let output: string;
  try {
    output = formatTemplateOutput(render, {
      includeCrds: r.includeCrds ?? false,
      skipTests: r.skipTests ?? false,
      noHooks: r.noHooks ?? false,
      showOnly: r.showOnly ?? [],
    });
  } catch (e) {
    throw toHelmTrivyError(e);
  }
  return origin ? { chart: info, output, render, origin } : { chart: info, output, render };
}
