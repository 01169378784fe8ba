/**
 * Worker side of large-stack.ts: rebuilds the values and the templates' data from the job and
 * renders with the default engine, then posts the outcome and wakes the waiting thread.
 */
import type { MessagePort } from "node:worker_threads";
import { workerData } from "node:worker_threads";
import type { Chart } from "../chart/model.js";
import { RenderError, renderTemplates } from "../engine/helm.js";
import type { GoMap, GoValue } from "../govalue/value.js";
import { coalesceValues } from "../values/coalesce.js";
import type { LargeStackJob, LargeStackResult } from "./large-stack.js";
import { allTemplates } from "./renderables.js";
import { capabilitiesFor, topLevelData } from "./top-data.js";

/** Structured cloning gives maps Object.prototype; Go maps here are null-prototype objects. */
function restoreGoMaps(v: GoValue, seen: Set<object>): void {
  if (typeof v !== "object" || v === null || v instanceof Uint8Array || seen.has(v)) return;
  seen.add(v);
  if (Array.isArray(v)) {
    for (const e of v) restoreGoMaps(e, seen);
    return;
  }
  if (Object.getPrototypeOf(v) === Object.prototype) Object.setPrototypeOf(v, null);
  for (const k of Object.keys(v)) restoreGoMaps((v as GoMap)[k], seen);
}

function restoreChart(c: Chart, seen: Set<object>): void {
  restoreGoMaps(c.values, seen);
  for (const d of c.dependencies) restoreChart(d, seen);
}

function run(job: LargeStackJob): LargeStackResult {
  const seen = new Set<object>();
  restoreChart(job.chart, seen);
  restoreGoMaps(job.userValues, seen);
  try {
    // Warnings were already logged by the first render.
    const values = coalesceValues(job.chart, job.userValues, () => {});
    const caps = capabilitiesFor(job.release);
    const top = topLevelData(job.chart, values, caps, job.release);
    return { ok: true, files: renderTemplates(allTemplates(job.chart, top), { strict: job.strict }) };
  } catch (e) {
    if (e instanceof RenderError) return { ok: false, message: e.message, stackExhausted: e.stackExhausted };
    return { ok: false, message: `rendering template failed: ${(e as Error).message}`, stackExhausted: false };
  }
}

const { job, port, signal } = workerData as { job: LargeStackJob; port: MessagePort; signal: Int32Array };
let result: LargeStackResult;
try {
  result = run(job);
} catch (e) {
  result = { ok: false, message: `rendering template failed: ${(e as Error).message}`, stackExhausted: true };
}
port.postMessage(result);
Atomics.store(signal, 0, 1);
Atomics.notify(signal, 0);
