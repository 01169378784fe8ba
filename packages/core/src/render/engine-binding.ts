/**
 * The template engine `renderChart` uses by default. The engine (engine/) is written in
 * parallel; until its `renderTemplates` lands this binding reports that it is missing.
 */
import type { TemplateRenderer } from "./renderables.js";

export const defaultEngine: TemplateRenderer = () => {
  throw new Error("template engine not available in this build");
};
