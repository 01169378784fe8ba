/**
 * Go's encoding/pem (Decode, EncodeToMemory) and base64.StdEncoding's strict decoding, since
 * Sprig's certificate functions accept exactly what Go accepts (text around blocks, headers,
 * blocks whose base64 does not decode are skipped).
 */

export interface PemBlock {
  readonly type: string;
  readonly headers: ReadonlyMap<string, string>;
  readonly bytes: Uint8Array;
}

const STD_B64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** base64.StdEncoding.DecodeString: padding required, CR and LF ignored; null when invalid. */
export function decodeStdBase64(s: string): Uint8Array | null {
  const clean = s.replace(/[\r\n]/g, "");
  if (!STD_B64.test(clean)) return null;
  return new Uint8Array(Buffer.from(clean, "base64"));
}

/** Go's getLine: up to "\n", trailing spaces, tabs and CRs trimmed. */
function getLine(data: string): [line: string, rest: string] {
  const i = data.indexOf("\n");
  const [line, rest] = i < 0 ? [data, ""] : [data.slice(0, i), data.slice(i + 1)];
  return [line.replace(/[ \t\r]+$/, ""), rest];
}

const BEGIN = "\n-----BEGIN ";
const END = "\n-----END ";
const EOL = "-----";

/** pem.Decode over a string holding bytes (Latin-1 style, one char per byte). */
function decodeBinary(data: string): PemBlock | null {
  let rest = data;
  for (let guard = 0; guard < 100_000; guard++) {
    if (rest.startsWith(BEGIN.slice(1))) rest = rest.slice(BEGIN.length - 1);
    else {
      const i = rest.indexOf(BEGIN);
      if (i < 0) return null;
      rest = rest.slice(i + BEGIN.length);
    }
    let typeLine: string;
    [typeLine, rest] = getLine(rest);
    if (!typeLine.endsWith(EOL)) continue;
    typeLine = typeLine.slice(0, -EOL.length);

    const headers = new Map<string, string>();
    let truncated = false;
    for (;;) {
      if (rest.length === 0) {
        truncated = true;
        break;
      }
      const [line, next] = getLine(rest);
      const colon = line.indexOf(":");
      if (colon < 0) break;
      headers.set(line.slice(0, colon).trim(), line.slice(colon + 1).trim());
      rest = next;
    }
    if (truncated) return null;

    let endIndex: number;
    let endTrailerIndex: number;
    if (headers.size === 0 && rest.startsWith(END.slice(1))) {
      endIndex = 0;
      endTrailerIndex = END.length - 1;
    } else {
      endIndex = rest.indexOf(END);
      endTrailerIndex = endIndex + END.length;
    }
    if (endIndex < 0) continue;
    let endTrailer = rest.slice(endTrailerIndex);
    const trailerLen = typeLine.length + EOL.length;
    if (endTrailer.length < trailerLen) continue;
    const restOfEndLine = endTrailer.slice(trailerLen);
    endTrailer = endTrailer.slice(0, trailerLen);
    if (!endTrailer.startsWith(typeLine) || !endTrailer.endsWith(EOL)) continue;
    if (getLine(restOfEndLine)[0].length !== 0) continue;
    const b64 = rest.slice(0, endIndex).replace(/[ \t\r\n]/g, "");
    const bytes = decodeStdBase64(b64);
    if (bytes === null) continue;
    return { type: typeLine, headers, bytes };
  }
  return null;
}

/** pem.Decode: the first well-formed block in the text, or null. */
export function pemDecode(text: string | Uint8Array): PemBlock | null {
  const binary = Buffer.from(typeof text === "string" ? Buffer.from(text, "utf8") : text).toString("latin1");
  const b = decodeBinary(binary);
  if (b === null) return null;
  // Types and header values were read byte-wise; give them back as UTF-8 text.
  const utf8 = (s: string) => Buffer.from(s, "latin1").toString("utf8");
  return {
    type: utf8(b.type),
    headers: new Map([...b.headers].map(([k, v]) => [utf8(k), utf8(v)])),
    bytes: b.bytes,
  };
}

/** pem.EncodeToMemory for a block without headers: 64-column base64 lines. */
export function pemEncode(type: string, bytes: Uint8Array): string {
  const b64 = Buffer.from(bytes).toString("base64");
  let out = `-----BEGIN ${type}-----\n`;
  for (let i = 0; i < b64.length; i += 64) out += `${b64.slice(i, i + 64)}\n`;
  return `${out}-----END ${type}-----\n`;
}
