/**
 * Re-rendering on a larger stack. Helm allows 1000 nested `include`s of one name (and Go's
 * stack grows to 1 GB); our executor spends a JavaScript stack frame chain per level and the
 * main thread's stack ends near 650 levels. Renders never pay for this: only when the engine
 * reports that the stack ran out does renderChart run the same templates again in a worker
 * thread with a large stack, waiting for it synchronously (Atomics.wait + receiveMessageOnPort).
 */
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { MessageChannel, receiveMessageOnPort, Worker } from "node:worker_threads";
import type { Chart } from "../chart/model.js";
import type { GoMap } from "../govalue/value.js";
import type { ReleaseSettings } from "./top-data.js";

/**
 * The worker's stack: over 40 000 nested include levels (40 names cycling to Helm's 1000 each
 * fit), while a runaway with no Helm limit (a `tpl` that calls itself; Helm crashes on it)
 * still ends in our error within a few seconds and a few hundred MB.
 */
const STACK_SIZE_MB = 64;
const TIMEOUT_MS = 300_000;

/** What the worker needs to rebuild the render's input: plain, structured-cloneable data. */
export interface LargeStackJob {
  /** The processed chart tree (dependencies enabled/aliased, import-values applied). */
  chart: Chart;
  /** The user's values, before coalescing. */
  userValues: GoMap;
  release: ReleaseSettings;
  strict: boolean;
}

export type LargeStackResult =
  | { ok: true; files: Map<string, string> }
  | { ok: false; message: string; stackExhausted: boolean };

/** The built worker script: beside this module, or in dist/ when this runs from src/ (tests). */
function workerUrl(): URL | undefined {
  const candidates = [
    new URL("./large-stack-worker.js", import.meta.url),
    new URL("../../dist/render/large-stack-worker.js", import.meta.url),
  ];
  return candidates.find((u) => u.protocol === "file:" && existsSync(fileURLToPath(u)));
}

/** Whether re-rendering on a large stack is possible here (the worker script is built). */
export function largeStackAvailable(): boolean {
  return workerUrl() !== undefined;
}

/** Runs `job` in a worker with a large stack; undefined when no worker can be started. */
export function renderOnLargeStack(job: LargeStackJob): LargeStackResult | undefined {
  const url = workerUrl();
  if (url === undefined) return undefined;
  const signal = new Int32Array(new SharedArrayBuffer(4));
  const { port1, port2 } = new MessageChannel();
  const worker = new Worker(url, {
    workerData: { job, port: port2, signal },
    transferList: [port2],
    resourceLimits: { stackSizeMb: STACK_SIZE_MB },
    stdout: false,
    stderr: false,
  });
  worker.unref();
  try {
    const waited = Atomics.wait(signal, 0, 0, TIMEOUT_MS);
    const msg = receiveMessageOnPort(port1);
    if (msg === undefined) {
      const why = waited === "timed-out" ? "timed out" : "ended without an answer";
      return { ok: false, message: `rendering template failed: render on a large stack ${why}`, stackExhausted: true };
    }
    return msg.message as LargeStackResult;
  } finally {
    port1.close();
    void worker.terminate();
  }
}
