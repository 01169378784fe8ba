import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { httpRequest, NetworkError } from "../../src/repo/http-getter.js";

// A server that answers 503 twice then 200 on /flaky, and never answers on /silent.
let server: Server;
let base: string;
const hits = { flaky: 0, silent: 0 };

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === "/flaky") {
      hits.flaky++;
      if (hits.flaky <= 2) {
        res.writeHead(503).end("busy");
        return;
      }
      res.writeHead(200).end("ok");
      return;
    }
    hits.silent++; // never answer: the client's timeout must fire
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

const retry = { attempts: 4, baseDelayMs: 1, maxDelayMs: 5 };

describe("httpRequest retries", () => {
  it("retries 5xx with backoff until the server answers", async () => {
    const res = await httpRequest({ url: `${base}/flaky`, retry });
    expect(res.status).toBe(200);
    expect(hits.flaky).toBe(3);
  });

  it("does not retry a timeout: the server already had the whole timeout", async () => {
    const err = await httpRequest({ url: `${base}/silent`, retry, timeoutMs: 200 }).catch((e) => e);
    expect(err).toBeInstanceOf(NetworkError);
    expect(hits.silent).toBe(1);
  });
});
