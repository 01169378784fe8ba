/**
 * The HTTP edge shared by chart repositories and OCI registries (Helm's pkg/getter
 * HTTPGetter): node:http/https with Helm's TLS options, bounded redirects, a timeout,
 * bounded retries with backoff on 429/5xx, and Go-like one-line network errors.
 */
import { readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import http from "node:http";
import https from "node:https";
import { ExitCode, HelmTrivyError } from "../errors.js";

export interface TlsOptions {
  readonly caFile?: string;
  readonly certFile?: string;
  readonly keyFile?: string;
  readonly insecureSkipTlsVerify?: boolean;
}

export interface RetryPolicy {
  /** Total attempts, including the first. */
  readonly attempts: number;
  /** Delay before the second attempt; doubles each time. Retry-After wins when given (capped). */
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
}

export const defaultRetry: RetryPolicy = { attempts: 4, baseDelayMs: 500, maxDelayMs: 10_000 };

export interface HttpRequest {
  readonly url: string;
  readonly method?: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: Uint8Array;
  readonly tls?: TlsOptions;
  /** Per attempt; Helm's default --timeout for getters is 120 s. */
  readonly timeoutMs?: number;
  /** Largest response body accepted. */
  readonly maxBytes?: number;
  readonly retry?: RetryPolicy;
}

export interface HttpResponse {
  readonly status: number;
  readonly headers: http.IncomingHttpHeaders;
  readonly body: Uint8Array;
  /** The URL that answered, after redirects. */
  readonly url: string;
}

const maxRedirects = 10;
const defaultMaxBytes = 512 * 1024 * 1024;

/** A transport failure (no HTTP status): DNS, refused, reset, timeout, TLS. */
export class NetworkError extends HelmTrivyError {
  constructor(message: string) {
    super(message, ExitCode.Network);
    this.name = "NetworkError";
  }
}

const tlsCache = new Map<string, Promise<https.AgentOptions>>();

async function tlsAgentOptions(tls: TlsOptions | undefined): Promise<https.AgentOptions> {
  if (!tls) return {};
  const key = JSON.stringify(tls);
  let p = tlsCache.get(key);
  if (!p) {
    p = (async () => {
      const read = async (f: string | undefined, what: string) => {
        if (!f) return undefined;
        try {
          return await readFile(f);
        } catch {
          throw new HelmTrivyError(`can't read ${what} file ${f}: check the path given`, ExitCode.Usage);
        }
      };
      const [ca, cert, keyPem] = await Promise.all([
        read(tls.caFile, "CA"),
        read(tls.certFile, "certificate"),
        read(tls.keyFile, "key"),
      ]);
      return {
        ...(ca && { ca }),
        ...(cert && { cert }),
        ...(keyPem && { key: keyPem }),
        rejectUnauthorized: !tls.insecureSkipTlsVerify,
      };
    })();
    tlsCache.set(key, p);
    p.catch(() => tlsCache.delete(key));
  }
  return p;
}

/**
 * The resolver Go's pure-Go DNS client names in "lookup HOST on SERVER:53": the first
 * nameserver of /etc/resolv.conf (Go's default 127.0.0.1:53 when it names none).
 */
let resolverAddr: string | undefined;
function dnsServer(): string {
  if (resolverAddr === undefined) {
    let ns: string | undefined;
    try {
      ns = /^\s*nameserver\s+(\S+)/m.exec(readFileSync("/etc/resolv.conf", "utf8"))?.[1];
    } catch {
      ns = undefined;
    }
    const host = ns ?? "127.0.0.1";
    resolverAddr = `${host.includes(":") ? `[${host}]` : host}:53`;
  }
  return resolverAddr;
}

/**
 * Go's net/http texts for a request that got no answer (Helm prints them as they are), each
 * followed by what to do where Go's text does not say it.
 */
export function describeNetworkError(method: string, url: string, e: NodeJS.ErrnoException): string {
  const u = new URL(url);
  const verb = method === "GET" ? "Get" : method.charAt(0) + method.slice(1).toLowerCase();
  const addr = `${u.hostname}:${u.port || (u.protocol === "https:" ? 443 : 80)}`;
  switch (e.code) {
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return `${verb} "${url}": dial tcp: lookup ${u.hostname} on ${dnsServer()}: no such host: check the host name and your DNS`;
    case "ECONNREFUSED":
      return `${verb} "${url}": dial tcp ${addr}: connect: connection refused: is the server running at that address?`;
    case "ECONNRESET":
      return `${verb} "${url}": connection reset by peer`;
    case "ETIMEDOUT":
      return `${verb} "${url}": context deadline exceeded (Client.Timeout exceeded while awaiting headers): the server did not answer in time`;
    default:
      if (e.code?.startsWith("ERR_TLS") || /certificate|self.signed|SSL|TLS/i.test(e.message)) {
        return `${verb} "${url}": tls: failed to verify certificate: ${e.message}: use --ca-file, or --insecure-skip-tls-verify`;
      }
      return `${verb} "${url}": ${e.message}`;
  }
}

function once(req: HttpRequest, url: string, agentOpts: https.AgentOptions): Promise<HttpResponse> {
  const method = req.method ?? "GET";
  const u = new URL(url);
  const isHttps = u.protocol === "https:";
  if (!isHttps && u.protocol !== "http:") {
    return Promise.reject(
      new HelmTrivyError(`unsupported protocol scheme "${u.protocol.slice(0, -1)}"`, ExitCode.Usage),
    );
  }
  const timeoutMs = req.timeoutMs ?? 120_000;
  const maxBytes = req.maxBytes ?? defaultMaxBytes;
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { "User-Agent": "Helm/4.1.4", ...req.headers };
    if (req.body) headers["Content-Length"] = String(req.body.length);
    const options: https.RequestOptions = { method, headers, ...(isHttps ? agentOpts : {}) };
    const r = (isHttps ? https : http).request(u, options, (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on("data", (c: Buffer) => {
        size += c.length;
        if (size > maxBytes) {
          res.destroy();
          reject(new NetworkError(`${method} "${url}": response larger than ${maxBytes} bytes`));
          return;
        }
        chunks.push(c);
      });
      res.on("end", () =>
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: new Uint8Array(Buffer.concat(chunks)),
          url,
        }),
      );
      res.on("error", (e) => reject(new NetworkError(describeNetworkError(method, url, e))));
    });
    r.setTimeout(timeoutMs, () => {
      const e: NodeJS.ErrnoException = new Error("timeout");
      e.code = "ETIMEDOUT";
      r.destroy(e);
    });
    r.on("error", (e: NodeJS.ErrnoException) => reject(new NetworkError(describeNetworkError(method, url, e))));
    r.end(req.body);
  });
}

function retryDelay(res: HttpResponse | undefined, attempt: number, policy: RetryPolicy): number {
  const ra = res?.headers["retry-after"];
  if (typeof ra === "string" && /^\d+$/.test(ra.trim())) return Math.min(Number(ra) * 1000, policy.maxDelayMs);
  return Math.min(policy.baseDelayMs * 2 ** attempt, policy.maxDelayMs);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * One logical request: follows redirects (dropping Authorization when the host changes, as
 * Go's client does) and retries 429/5xx and reset connections with backoff, then returns
 * whatever status the server gave last. Throws NetworkError when no response came.
 */
export async function httpRequest(req: HttpRequest): Promise<HttpResponse> {
  const agentOpts = await tlsAgentOptions(req.tls);
  const policy = req.retry ?? defaultRetry;
  for (let attempt = 0; ; attempt++) {
    let res: HttpResponse | undefined;
    let err: unknown;
    try {
      res = await followRedirects(req, agentOpts);
    } catch (e) {
      if (!(e instanceof NetworkError)) throw e;
      err = e;
    }
    const retriable = res ? res.status === 429 || res.status >= 500 : isTransient(err);
    if (!retriable || attempt + 1 >= policy.attempts) {
      if (res) return res;
      throw err;
    }
    await sleep(retryDelay(res, attempt, policy));
  }
}

/**
 * A reset connection is worth another try; a timeout is not: the server already had the whole
 * timeout (120 s by default, as in Helm, which never retries), so retrying would multiply the wait.
 */
function isTransient(e: unknown): boolean {
  return e instanceof NetworkError && /connection reset/.test(e.message);
}

async function followRedirects(req: HttpRequest, agentOpts: https.AgentOptions): Promise<HttpResponse> {
  let url = req.url;
  let current = req;
  for (let i = 0; i <= maxRedirects; i++) {
    const res = await once(current, url, agentOpts);
    const loc = res.headers.location;
    if (![301, 302, 303, 307, 308].includes(res.status) || !loc) return res;
    const next = new URL(loc, url);
    const sameHost = next.host === new URL(url).host;
    const headers = { ...current.headers };
    if (!sameHost) {
      delete headers.Authorization;
      delete headers.authorization;
    }
    const keepBody = res.status === 307 || res.status === 308;
    current = {
      ...current,
      headers,
      method: keepBody ? current.method : current.method === "HEAD" ? "HEAD" : "GET",
      ...(keepBody ? {} : { body: undefined }),
    };
    url = next.toString();
  }
  throw new NetworkError(`Get "${req.url}": stopped after ${maxRedirects} redirects`);
}

export function basicAuthHeader(username: string, password: string): string {
  return `Basic ${Buffer.from(`${username}:${password}`).toString("base64")}`;
}
