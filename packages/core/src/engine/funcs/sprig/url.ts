/** Sprig's urlParse/urlJoin over Go's net/url (the common forms: scheme, authority, opaque). */
import { GoError, type GoFunc, type GoMap, type GoValue, newGoMap } from "../../../govalue/value.js";
import { goFunc } from "./gofunc.js";
import { kindName } from "./reflect.js";

type Mode = "path" | "host" | "userinfo" | "fragment" | "query";

/** net/url's shouldEscape for the modes Sprig reaches. */
function shouldEscape(c: string, mode: Mode): boolean {
  if (/[A-Za-z0-9]/.test(c)) return false;
  if (mode === "host") {
    if ("!$&'()*+,;=:[]<>\"".includes(c)) return false;
  }
  if ("-_.~".includes(c)) return false;
  if ("$&+,/:;=?@".includes(c)) {
    switch (mode) {
      case "path":
        return c === "?";
      case "userinfo":
        return c === "@" || c === "/" || c === "?" || c === ":";
      case "query":
        return true;
      case "fragment":
        return false;
    }
  }
  if (mode === "fragment" && "!()*".includes(c)) return false;
  return true;
}

function urlEscape(s: string, mode: Mode): string {
  let out = "";
  for (const b of Buffer.from(s, "utf8")) {
    const c = String.fromCharCode(b);
    out += b < 0x80 && !shouldEscape(c, mode) ? c : `%${b.toString(16).toUpperCase().padStart(2, "0")}`;
  }
  return out;
}

function urlUnescape(s: string, what: string): string {
  const bytes: number[] = [];
  for (let i = 0; i < s.length; i++) {
    if (s[i] === "%") {
      const h = s.slice(i + 1, i + 3);
      if (!/^[0-9a-fA-F]{2}$/.test(h))
        throw new GoError(
          `unable to parse url: parse ${JSON.stringify(what)}: invalid URL escape ${JSON.stringify(s.slice(i, i + 3))}`,
        );
      bytes.push(Number.parseInt(h, 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(s[i], "utf8"));
    }
  }
  return Buffer.from(bytes).toString("utf8");
}

interface GoURL {
  scheme: string;
  opaque: string;
  user?: { name: string; password?: string };
  host: string;
  path: string;
  rawQuery: string;
  fragment: string;
}

function parseURL(raw: string): GoURL {
  const u: GoURL = { scheme: "", opaque: "", host: "", path: "", rawQuery: "", fragment: "" };
  let rest = raw;
  const hash = rest.indexOf("#");
  if (hash >= 0) {
    u.fragment = urlUnescape(rest.slice(hash + 1), raw);
    rest = rest.slice(0, hash);
  }
  const sm = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(rest);
  if (sm) {
    u.scheme = sm[1].toLowerCase();
    rest = rest.slice(sm[0].length);
  } else if (rest.startsWith(":")) {
    throw new GoError(`unable to parse url: parse ${JSON.stringify(raw)}: missing protocol scheme`);
  }
  const q = rest.indexOf("?");
  if (q >= 0) {
    u.rawQuery = rest.slice(q + 1);
    rest = rest.slice(0, q);
  }
  if (u.scheme === "" && !rest.startsWith("/") && (rest.split("/")[0] ?? "").includes(":")) {
    throw new GoError(
      `unable to parse url: parse ${JSON.stringify(raw)}: first path segment in URL cannot contain colon`,
    );
  }
  if (u.scheme !== "" && !rest.startsWith("/")) {
    u.opaque = rest;
    return u;
  }
  if ((u.scheme !== "" || !rest.startsWith("///")) && rest.startsWith("//")) {
    const auth = rest.slice(2);
    const slash = auth.indexOf("/");
    const authority = slash >= 0 ? auth.slice(0, slash) : auth;
    rest = slash >= 0 ? auth.slice(slash) : "";
    const at = authority.lastIndexOf("@");
    let host = authority;
    if (at >= 0) {
      const info = authority.slice(0, at);
      host = authority.slice(at + 1);
      const colon = info.indexOf(":");
      u.user =
        colon >= 0
          ? { name: urlUnescape(info.slice(0, colon), raw), password: urlUnescape(info.slice(colon + 1), raw) }
          : { name: urlUnescape(info, raw) };
    }
    u.host = urlUnescape(host, raw);
  }
  u.path = urlUnescape(rest, raw);
  return u;
}

function hostname(host: string): string {
  if (host.startsWith("[")) {
    const end = host.indexOf("]");
    return end >= 0 ? host.slice(1, end) : host.slice(1);
  }
  const colon = host.lastIndexOf(":");
  return colon >= 0 && /^\d*$/.test(host.slice(colon + 1)) ? host.slice(0, colon) : host;
}

function userString(user: GoURL["user"]): string {
  if (!user) return "";
  let s = urlEscape(user.name, "userinfo");
  if (user.password !== undefined) s += `:${urlEscape(user.password, "userinfo")}`;
  return s;
}

function urlParse(v: string): GoMap {
  const u = parseURL(v);
  return newGoMap([
    ["scheme", u.scheme],
    ["host", u.host],
    ["hostname", hostname(u.host)],
    ["path", u.path],
    ["query", u.rawQuery],
    ["opaque", u.opaque],
    ["fragment", u.fragment],
    ["userinfo", userString(u.user)],
  ]);
}

function dictGetOrEmpty(d: GoMap, key: string): string {
  if (!Object.hasOwn(d, key)) return "";
  const v: GoValue = d[key];
  if (typeof v !== "string") {
    if (v === null || v === undefined)
      throw new GoError("runtime error: invalid memory address or nil pointer dereference");
    throw new GoError(`unable to parse ${key} key, must be of type string, but ${kindName(v)} found`);
  }
  return v;
}

function urlString(u: GoURL): string {
  let out = "";
  if (u.scheme !== "") out += `${u.scheme}:`;
  if (u.opaque !== "") {
    out += u.opaque;
  } else {
    if (u.scheme !== "" || u.host !== "" || u.user) {
      if (u.host !== "" || u.path !== "" || u.user) out += "//";
      if (u.user) out += `${userString(u.user)}@`;
      if (u.host !== "") out += urlEscape(u.host, "host");
    }
    const path = urlEscape(u.path, "path");
    if (path !== "" && path[0] !== "/" && u.host !== "") out += "/";
    if (out === "" && (path.split("/")[0] ?? "").includes(":")) out += "./";
    out += path;
  }
  if (u.rawQuery !== "") out += `?${u.rawQuery}`;
  if (u.fragment !== "") out += `#${urlEscape(u.fragment, "fragment")}`;
  return out;
}

function urlJoin(d: GoMap | null): string {
  const m = d ?? newGoMap();
  const u: GoURL = {
    scheme: dictGetOrEmpty(m, "scheme"),
    host: dictGetOrEmpty(m, "host"),
    path: dictGetOrEmpty(m, "path"),
    rawQuery: dictGetOrEmpty(m, "query"),
    opaque: dictGetOrEmpty(m, "opaque"),
    fragment: dictGetOrEmpty(m, "fragment"),
  };
  const userinfo = dictGetOrEmpty(m, "userinfo");
  if (userinfo !== "") u.user = parseURL(`proto://${userinfo}@host`).user;
  return urlString(u);
}

export const urlFuncs: Record<string, GoFunc> = {
  urlParse: goFunc(["string"], urlParse),
  urlJoin: goFunc(["map[string]interface {}"], urlJoin),
  // Helm replaces Sprig's DNS lookup: without --enable-dns it always returns "".
  getHostByName: goFunc(["string"], () => ""),
};
