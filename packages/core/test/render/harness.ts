/**
 * Runs one render case (cases.json) through our pipeline the way `helm template` runs it from
 * fixtures/charts: values flags merged, chart loaded, rendered, printed. Returns what helm
 * would print: stdout, the stderr lines and the exit code.
 */
import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { loadChart } from "../../src/chart/index.js";
import {
  formatTemplateOutput,
  parseKubeVersionFlag,
  renderChart,
  splitApiVersionsFlag,
  type TemplateRenderer,
} from "../../src/render/index.js";
import { fsValuesReader } from "../../src/values/fs-reader.js";
import { HelmLog } from "../../src/values/log.js";
import { mergeUserValues } from "../../src/values/options.js";

const here = dirname(fileURLToPath(import.meta.url));
export const fixturesDir = resolve(here, "../../../../fixtures/charts");

export interface RenderCase {
  name: string;
  chart: string;
  release?: string;
  flags?: {
    values?: string[];
    set?: string[];
    setString?: string[];
    setJson?: string[];
    setLiteral?: string[];
    setFile?: string[];
    showOnly?: string[];
    apiVersions?: string[];
    namespace?: string;
    kubeVersion?: string;
    includeCrds?: boolean;
    skipTests?: boolean;
    noHooks?: boolean;
    skipSchemaValidation?: boolean;
    isUpgrade?: boolean;
  };
}

export interface Outcome {
  stdout: string;
  stderr: string[];
  code: number;
}

export function loadCases(): RenderCase[] {
  return JSON.parse(readFileSync(join(here, "cases.json"), "utf8")) as RenderCase[];
}

export function expected(name: string): Outcome {
  const read = (ext: string) => readFileSync(join(here, "expected", `${name}.${ext}`), "utf8");
  return {
    stdout: read("out"),
    stderr: read("err")
      .split("\n")
      .filter((l) => l !== ""),
    code: Number(read("code").trim()),
  };
}

export async function runCase(c: RenderCase, engine: TemplateRenderer): Promise<Outcome> {
  const f = c.flags ?? {};
  const log = new HelmLog();
  const fail = (message: string): Outcome => ({
    stdout: "",
    stderr: [...log.lines(), ...`Error: ${message}`.split("\n").filter((l) => l !== "")],
    code: 1,
  });
  try {
    const values = mergeUserValues(
      {
        valueFiles: f.values ?? [],
        values: f.set ?? [],
        stringValues: f.setString ?? [],
        jsonValues: f.setJson ?? [],
        literalValues: f.setLiteral ?? [],
        fileValues: f.setFile ?? [],
      },
      fsValuesReader(fixturesDir),
    );
    const chart = await loadChart(join(fixturesDir, c.chart));
    const result = renderChart(chart, {
      engine,
      values,
      log,
      ...(c.release ? { releaseName: c.release } : {}),
      ...(f.namespace ? { namespace: f.namespace } : {}),
      ...(f.kubeVersion ? { kubeVersion: parseKubeVersionFlag(f.kubeVersion) } : {}),
      ...(f.apiVersions ? { apiVersions: f.apiVersions.flatMap(splitApiVersionsFlag) } : {}),
      ...(f.isUpgrade ? { isUpgrade: true } : {}),
      ...(f.skipSchemaValidation ? { skipSchemaValidation: true } : {}),
    });
    const stdout = formatTemplateOutput(result, {
      includeCrds: f.includeCrds ?? false,
      skipTests: f.skipTests ?? false,
      noHooks: f.noHooks ?? false,
      showOnly: f.showOnly ?? [],
    });
    return { stdout, stderr: log.lines(), code: 0 };
  } catch (e) {
    return fail((e as Error).message);
  }
}

/** Go text/template on text without actions prints it unchanged: enough for plain fixtures. */
export const plainTextEngine: TemplateRenderer = (templates) => {
  const out = new Map<string, string>();
  for (const t of templates) {
    // Partials are executed by Helm but never printed.
    if (t.name.slice(t.name.lastIndexOf("/") + 1).startsWith("_")) continue;
    if (t.text.includes("{{")) throw new Error(`plain-text engine cannot render ${t.name}`);
    out.set(t.name, t.text);
  }
  return out;
};
