/** The template engine `helm template` uses: Helm's engine over our text/template. */
import { renderTemplates } from "../engine/helm.js";
import type { TemplateRenderer } from "./renderables.js";

export const defaultEngine: TemplateRenderer = (templates, opts) => renderTemplates(templates, opts ?? {});
