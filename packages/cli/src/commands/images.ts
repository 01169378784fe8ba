/** `helm-trivy images CHART`: the images a chart runs, without scanning them (like helm-images). */
import { annotationNote, formatImages, IMAGES_FORMATS, type ImagesFormat, listImages } from "@helm-trivy/core";
import { Command } from "commander";
import { type CommandContext, runCommand } from "../context.js";
import { addOutputFlags, addRenderFlags, addSourceFlags, addValuesFlags, chartRequest } from "../flags.js";

export function imagesCommand(ctx: CommandContext): Command {
  const cmd = new Command("images")
    .description("list the container images CHART would run (no scan)")
    .argument("<chart>", "chart directory, .tgz, repo/name, oci:// reference or URL");
  addSourceFlags(cmd);
  addValuesFlags(cmd);
  addRenderFlags(cmd);
  addOutputFlags(cmd, IMAGES_FORMATS, "text")
    .option("--json", "same as --output json")
    .option("--values-set", "also render with each ci/*-values.yaml and list the union")
    .addHelpText(
      "after",
      `
Output formats: text (one image a line), table (with workload and templates), json (with every
place each image is named; invalid references last, with "invalid": true).
When Chart.yaml has an artifacthub.io/images (or Bitnami images) annotation, the table ends with
the images only in the render or only in the annotation, text prints that on stderr (not with
--quiet), and json gives each image "annotated": true|false.`,
    )
    .action(async (chart: string, o: Record<string, unknown>) => {
      await runCommand(ctx, o, async (out) => {
        const format: ImagesFormat = o.json === true ? "json" : (o.output as ImagesFormat);
        out.progress.step(`Rendering ${chart}...`);
        const result = await listImages({
          ...chartRequest(chart, o, ctx.helmEnv, out.warn),
          valueSets: o.valuesSet === true,
          searchCrds: o.includeCrds === true,
        });
        for (const p of result.images.problems) {
          out.warn(`warning: ${p.template}: skipped a document that is not YAML: ${p.message}`);
        }
        if (result.annotationError) out.warn(`warning: ${result.annotationError} (not compared)`);
        const annotation = result.annotation;
        out.emit(formatImages(result.images, format, { color: out.color, ...(annotation ? { annotation } : {}) }));
        // One image a line stays clean for scripts: the disagreement goes to stderr.
        if (format === "text" && annotation) for (const line of annotationNote(annotation)) out.warn(line);
        return 0;
      });
    });
  return cmd;
}
