/**
 * Go's net.ParseIP (netip.ParseAddr, zones refused) and IP.To4, for the IP SANs Sprig writes:
 * dotted IPv4 without leading zeros, IPv6 with one "::" and an optional IPv4 tail.
 */

function parseIPv4(s: string): number[] | null {
  const parts = s.split(".");
  if (parts.length !== 4) return null;
  const out: number[] = [];
  for (const p of parts) {
    if (!/^[0-9]{1,3}$/.test(p) || (p.length > 1 && p[0] === "0")) return null;
    const n = Number(p);
    if (n > 255) return null;
    out.push(n);
  }
  return out;
}

function parseIPv6(text: string): Uint8Array | null {
  const ip = new Uint8Array(16);
  let s = text;
  let ellipsis = -1;
  let i = 0;
  if (s.startsWith("::")) {
    ellipsis = 0;
    s = s.slice(2);
    if (s === "") return ip;
  }
  while (i < 16) {
    let off = 0;
    let acc = 0;
    while (off < s.length && /[0-9a-fA-F]/.test(s[off])) {
      acc = acc * 16 + Number.parseInt(s[off], 16);
      off++;
      if (off > 4) return null;
    }
    if (off === 0) return null;
    if (off < s.length && s[off] === ".") {
      if ((ellipsis < 0 && i !== 12) || i + 4 > 16) return null;
      const v4 = parseIPv4(s);
      if (v4 === null) return null;
      ip.set(v4, i);
      i += 4;
      s = "";
      break;
    }
    ip[i] = acc >> 8;
    ip[i + 1] = acc & 0xff;
    i += 2;
    s = s.slice(off);
    if (s === "") break;
    if (s[0] !== ":") return null;
    s = s.slice(1);
    if (s === "") return null;
    if (s[0] === ":") {
      if (ellipsis >= 0) return null;
      ellipsis = i;
      s = s.slice(1);
      if (s === "") break;
    }
  }
  if (s !== "") return null;
  if (i < 16) {
    if (ellipsis < 0) return null;
    const n = 16 - i;
    for (let j = i - 1; j >= ellipsis; j--) ip[j + n] = ip[j];
    ip.fill(0, ellipsis, ellipsis + n);
  } else if (ellipsis >= 0) {
    return null;
  }
  return ip;
}

/** net.ParseIP(s).To4() or the 16-byte form: the bytes Go writes in a SAN. */
export function parseIP(s: string): Uint8Array | null {
  if (s.includes(":")) {
    const ip = parseIPv6(s);
    if (ip === null) return null;
    const mapped = ip.subarray(0, 10).every((b) => b === 0) && ip[10] === 0xff && ip[11] === 0xff;
    return mapped ? ip.slice(12) : ip;
  }
  const v4 = parseIPv4(s);
  return v4 === null ? null : Uint8Array.from(v4);
}
