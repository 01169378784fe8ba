/** `helm template`: the rendered manifests as Helm prints them, plus the typed render. */
import { formatTemplateOutput } from "../render/output.js";
import type { RenderResult } from "../render/render-chart.js";
import { toHelmTrivyError } from "./errors.js";
import { buildUserValues, locateAndLoad, readValuesFile, renderLoaded } from "./render-release.js";
import type { ChartInfo, ChartRequest } from "./types.js";

export interface TemplateChartResult {
  chart: ChartInfo;
  /** Exactly what `helm template` prints on stdout. */
  output: string;
  render: RenderResult;
}

export async function templateChart(request: ChartRequest): Promise<TemplateChartResult> {
  // Helm reads the values before it loads the chart: a bad -f file wins over a bad chart.
  const values = buildUserValues(request.values, request.readFile ?? readValuesFile);
  const { chart, info } = await locateAndLoad(request);
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
  return { chart: info, output, render };
}
