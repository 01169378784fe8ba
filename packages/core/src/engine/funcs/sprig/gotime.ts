/**
 * The part of Go's time package Sprig's date functions need: a time.Time value (instant +
 * location), layout formatting and parsing with the reference time `Mon Jan 2 15:04:05 MST 2006`,
 * durations and their String(). Zones come from Intl (IANA names, "UTC", "Local").
 */
import { GoError, type GoFunc, GoObject, type GoValue } from "../../../govalue/value.js";

const NS_PER_SEC = 1_000_000_000n;

const localZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";

/** time.LoadLocation: undefined for an unknown zone name. */
export function loadLocation(name: string): string | undefined {
  if (name === "" || name === "UTC") return "UTC";
  if (name === "Local") return "Local";
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: name });
    return name;
  } catch {
    return undefined;
  }
}

interface ZoneInfo {
  offsetSec: number;
  abbr: string;
}

function zoneInfo(loc: string, unixSec: number): ZoneInfo {
  if (loc === "UTC") return { offsetSec: 0, abbr: "UTC" };
  const tz = loc === "Local" ? localZone() : loc;
  const d = new Date(unixSec * 1000);
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone: tz,
    hourCycle: "h23",
    year: "numeric",
    month: "numeric",
    day: "numeric",
    hour: "numeric",
    minute: "numeric",
    second: "numeric",
    timeZoneName: "short",
  }).formatToParts(d);
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value ?? 0);
  const asUtc = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
  const offsetSec = Math.round((asUtc - Math.floor(unixSec) * 1000) / 1000);
  let abbr = parts.find((p) => p.type === "timeZoneName")?.value ?? "";
  if (abbr === "UTC" || abbr === "GMT")
    abbr = offsetSec === 0 ? (tz === "UTC" || tz === "Etc/UTC" ? "UTC" : abbr) : abbr;
  if (/^GMT[+-]/.test(abbr)) abbr = offsetAbbr(offsetSec); // Go prints "+03" where tzdata has no name
  return { offsetSec, abbr };
}

function offsetAbbr(off: number): string {
  const sign = off < 0 ? "-" : "+";
  const a = Math.abs(off);
  const h = String(Math.floor(a / 3600)).padStart(2, "0");
  const m = Math.floor((a % 3600) / 60);
  return m === 0 ? `${sign}${h}` : `${sign}${h}${String(m).padStart(2, "0")}`;
}

export class GoTime extends GoObject {
  readonly goType = "time.Time";
  constructor(
    /** Nanoseconds since the Unix epoch. */
    readonly ns: bigint,
    readonly loc: string,
    /** A fixed zone from parsing (name, offset) overrides the location's rules. */
    readonly fixed?: ZoneInfo,
  ) {
    super();
  }

  get unix(): bigint {
    const s = this.ns / NS_PER_SEC;
    return this.ns < 0n && this.ns % NS_PER_SEC !== 0n ? s - 1n : s;
  }

  zone(): ZoneInfo {
    return this.fixed ?? zoneInfo(this.loc, Number(this.unix));
  }

  in(loc: string): GoTime {
    return new GoTime(this.ns, loc);
  }

  field(): GoValue | undefined {
    return undefined;
  }

  override method(name: string): GoFunc | undefined {
    switch (name) {
      case "Unix":
        return { params: [], fn: () => this.unix };
      case "UnixNano":
        return { params: [], fn: () => this.ns };
      case "Format":
        return { params: ["string"], fn: (l) => formatTime(this, l as string) };
      case "UTC":
        return { params: [], fn: () => this.in("UTC") };
      case "Local":
        return { params: [], fn: () => this.in("Local") };
      case "Year":
        return { params: [], fn: () => BigInt(civil(this).year) };
      case "String":
        return { params: [], fn: () => this.format() };
    }
    return undefined;
  }

  /** Time.String(): "2006-01-02 15:04:05.999999999 -0700 MST". */
  format(): string {
    return formatTime(this, "2006-01-02 15:04:05.999999999 -0700 MST");
  }
}

export function nowTime(): GoTime {
  const ms = BigInt(Date.now());
  return new GoTime(ms * 1_000_000n, "Local");
}

interface Civil {
  year: number;
  month: number;
  day: number;
  hour: number;
  min: number;
  sec: number;
  nsec: number;
  weekday: number;
  yday: number;
  offsetSec: number;
  abbr: string;
}

function civil(t: GoTime): Civil {
  const z = t.zone();
  const sec = t.unix + BigInt(z.offsetSec);
  const nsec = Number(t.ns - t.unix * NS_PER_SEC);
  const d = new Date(Number(sec) * 1000);
  const start = Date.UTC(d.getUTCFullYear(), 0, 1);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    min: d.getUTCMinutes(),
    sec: d.getUTCSeconds(),
    nsec,
    weekday: d.getUTCDay(),
    yday: Math.floor((d.getTime() - start) / 86_400_000) + 1,
    offsetSec: z.offsetSec,
    abbr: z.abbr,
  };
}

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];
const DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

/** Layout elements, longest first where prefixes overlap (as Go's nextStdChunk decides). */
const TOKENS = [
  "January",
  "Monday",
  "2006",
  "2",
  "Jan",
  "Mon",
  "MST",
  "01",
  "02",
  "03",
  "04",
  "05",
  "06",
  "002",
  "15",
  "1",
  "3",
  "4",
  "5",
  "_2",
  "PM",
  "pm",
  "Z07:00:00",
  "-07:00:00",
  "Z070000",
  "-070000",
  "Z07:00",
  "-07:00",
  "Z0700",
  "-0700",
  "Z07",
  "-07",
];

type Chunk = { lit: string } | { std: string };

function chunks(layout: string): Chunk[] {
  const out: Chunk[] = [];
  let lit = "";
  let i = 0;
  while (i < layout.length) {
    const rest = layout.slice(i);
    const frac = /^[.,](0+|9+)(?!\d)/.exec(rest);
    if (frac) {
      if (lit) out.push({ lit });
      lit = "";
      out.push({ std: frac[0] });
      i += frac[0].length;
      continue;
    }
    let tok: string | undefined = TOKENS.filter((t) => rest.startsWith(t)).sort((a, b) => b.length - a.length)[0];
    // Go reads "Jan"/"Mon" only when not followed by a lower-case letter ("Monday" is its own element).
    if ((tok === "Jan" || tok === "Mon") && /^[a-z]/.test(rest.slice(3))) tok = undefined;
    if (tok === "2" && rest.startsWith("2006")) tok = "2006";
    if (tok === undefined) {
      lit += layout[i];
      i++;
      continue;
    }
    if (lit) out.push({ lit });
    lit = "";
    out.push({ std: tok });
    i += tok.length;
  }
  if (lit) out.push({ lit });
  return out;
}

const pad = (n: number, w: number) => String(n).padStart(w, "0");

function zoneText(std: string, off: number): string {
  if (std.startsWith("Z") && off === 0) return "Z";
  const sign = off < 0 ? "-" : "+";
  const a = Math.abs(off);
  const h = pad(Math.floor(a / 3600), 2);
  const m = pad(Math.floor((a % 3600) / 60), 2);
  const s = pad(a % 60, 2);
  switch (std.replace(/^Z/, "-")) {
    case "-07:00:00":
      return `${sign}${h}:${m}:${s}`;
    case "-070000":
      return `${sign}${h}${m}${s}`;
    case "-07:00":
      return `${sign}${h}:${m}`;
    case "-0700":
      return `${sign}${h}${m}`;
    default:
      return `${sign}${h}`;
  }
}

/** Time.Format(layout). */
export function formatTime(t: GoTime, layout: string): string {
  const c = civil(t);
  let out = "";
  for (const ch of chunks(layout)) {
    if ("lit" in ch) {
      out += ch.lit;
      continue;
    }
    const s = ch.std;
    if (/^[.,]/.test(s)) {
      const digits = s.length - 1;
      const f = pad(c.nsec, 9).slice(0, digits);
      if (s[1] === "0") out += s[0] + f;
      else {
        const trimmed = f.replace(/0+$/, "");
        if (trimmed) out += s[0] + trimmed;
      }
      continue;
    }
    switch (s) {
      case "2006":
        out += pad(c.year, 4);
        break;
      case "06":
        out += pad(c.year % 100, 2);
        break;
      case "January":
        out += MONTHS[c.month - 1];
        break;
      case "Jan":
        out += MONTHS[c.month - 1].slice(0, 3);
        break;
      case "01":
        out += pad(c.month, 2);
        break;
      case "1":
        out += c.month;
        break;
      case "Monday":
        out += DAYS[c.weekday];
        break;
      case "Mon":
        out += DAYS[c.weekday].slice(0, 3);
        break;
      case "02":
        out += pad(c.day, 2);
        break;
      case "_2":
        out += String(c.day).padStart(2, " ");
        break;
      case "2":
        out += c.day;
        break;
      case "002":
        out += pad(c.yday, 3);
        break;
      case "15":
        out += pad(c.hour, 2);
        break;
      case "03":
        out += pad(c.hour % 12 === 0 ? 12 : c.hour % 12, 2);
        break;
      case "3":
        out += c.hour % 12 === 0 ? 12 : c.hour % 12;
        break;
      case "04":
        out += pad(c.min, 2);
        break;
      case "4":
        out += c.min;
        break;
      case "05":
        out += pad(c.sec, 2);
        break;
      case "5":
        out += c.sec;
        break;
      case "PM":
        out += c.hour >= 12 ? "PM" : "AM";
        break;
      case "pm":
        out += c.hour >= 12 ? "pm" : "am";
        break;
      case "MST":
        // A zone without a name (a parsed numeric offset) prints as -0700.
        out += c.abbr !== "" ? c.abbr : zoneText("-0700", c.offsetSec);
        break;
      default:
        out += zoneText(s, c.offsetSec);
    }
  }
  return out;
}

/** time.ParseInLocation for numeric layouts, month/day names and zone offsets. */
export function parseTime(layout: string, value: string, loc: string): GoTime {
  let v = value;
  let year = 1;
  let month = 1;
  let day = 1;
  let hour = 0;
  let min = 0;
  let sec = 0;
  let nsec = 0;
  let pm: boolean | undefined;
  let offset: number | undefined;
  let abbr: string | undefined;
  const fail = (elem: string) =>
    new GoError(
      `parsing time ${JSON.stringify(value)} as ${JSON.stringify(layout)}: cannot parse ${JSON.stringify(v)} as ${JSON.stringify(elem)}`,
    );
  const num = (elem: string, min: number, max: number, fixed: boolean): number => {
    const m = (fixed ? new RegExp(`^\\d{${max}}`) : new RegExp(`^\\d{${min},${max}}`)).exec(v);
    if (!m) throw fail(elem);
    v = v.slice(m[0].length);
    return Number(m[0]);
  };
  for (const ch of chunks(layout)) {
    if ("lit" in ch) {
      if (!v.startsWith(ch.lit)) throw fail(ch.lit);
      v = v.slice(ch.lit.length);
      continue;
    }
    const s = ch.std;
    if (/^[.,]/.test(s)) {
      const m = /^[.,](\d+)/.exec(v);
      if (m) {
        nsec = Number(m[1].padEnd(9, "0").slice(0, 9));
        v = v.slice(m[0].length);
      } else if (s[1] === "0") throw fail(s);
      continue;
    }
    switch (s) {
      case "2006":
        year = num(s, 4, 4, true);
        break;
      case "06": {
        const y = num(s, 2, 2, true);
        year = y >= 69 ? 1900 + y : 2000 + y;
        break;
      }
      case "January":
      case "Jan": {
        const names = MONTHS.map((n) => (s === "Jan" ? n.slice(0, 3) : n));
        const i = names.findIndex((n) => v.toLowerCase().startsWith(n.toLowerCase()));
        if (i < 0) throw fail(s);
        month = i + 1;
        v = v.slice(names[i].length);
        break;
      }
      case "Monday":
      case "Mon": {
        const names = DAYS.map((n) => (s === "Mon" ? n.slice(0, 3) : n));
        const i = names.findIndex((n) => v.toLowerCase().startsWith(n.toLowerCase()));
        if (i < 0) throw fail(s);
        v = v.slice(names[i].length);
        break;
      }
      case "01":
      case "1":
        month = num(s, 1, 2, s === "01");
        if (month < 1 || month > 12) throw new GoError(`parsing time ${JSON.stringify(value)}: month out of range`);
        break;
      case "02":
      case "2":
      case "_2":
        if (s === "_2" && v.startsWith(" ")) v = v.slice(1);
        day = num(s, 1, 2, s === "02");
        break;
      case "002":
        num(s, 3, 3, true);
        break;
      case "15":
        hour = num(s, 1, 2, false);
        break;
      case "03":
      case "3":
        hour = num(s, 1, 2, s === "03");
        break;
      case "04":
      case "4":
        min = num(s, 1, 2, s === "04");
        break;
      case "05":
      case "5":
        sec = num(s, 1, 2, s === "05");
        break;
      case "PM":
      case "pm": {
        const m = /^(AM|PM)/i.exec(v);
        if (!m) throw fail(s);
        pm = m[1].toUpperCase() === "PM";
        v = v.slice(2);
        break;
      }
      case "MST": {
        const m = /^(UTC|[A-Z]{3,5}|[+-]\d\d(\d\d)?)/.exec(v);
        if (!m) throw fail(s);
        abbr = m[0];
        v = v.slice(m[0].length);
        break;
      }
      default: {
        if (s.startsWith("Z") && v.startsWith("Z")) {
          offset = 0;
          v = v.slice(1);
          break;
        }
        const m = /^([+-])(\d\d):?(\d\d)?:?(\d\d)?/.exec(v);
        if (!m) throw fail(s);
        offset = (m[1] === "-" ? -1 : 1) * (Number(m[2]) * 3600 + Number(m[3] ?? 0) * 60 + Number(m[4] ?? 0));
        v = v.slice(m[0].length);
      }
    }
  }
  if (v !== "") throw new GoError(`parsing time ${JSON.stringify(value)}: extra text: ${JSON.stringify(v)}`);
  if (pm !== undefined && hour <= 12) hour = pm ? (hour % 12) + 12 : hour % 12;
  // setUTCFullYear keeps years 0-99 as they are (Date.UTC would move them to 19xx).
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  d.setUTCHours(hour, min, sec, 0);
  const base = BigInt(d.getTime() / 1000);
  if (offset !== undefined) {
    return new GoTime((base - BigInt(offset)) * NS_PER_SEC + BigInt(nsec), loc, {
      offsetSec: offset,
      abbr: abbr ?? "",
    });
  }
  if (abbr === "UTC") return new GoTime(base * NS_PER_SEC + BigInt(nsec), "UTC");
  // Wall clock in `loc`: correct by the zone's offset at that instant (twice, for DST edges).
  let guess = base;
  for (let k = 0; k < 2; k++) guess = base - BigInt(zoneInfo(loc, Number(guess)).offsetSec);
  return new GoTime(guess * NS_PER_SEC + BigInt(nsec), loc);
}

// ---------------------------------------------------------------------------------------------
// Durations (int64 nanoseconds)

const UNITS: Record<string, bigint> = {
  ns: 1n,
  us: 1000n,
  µs: 1000n,
  μs: 1000n,
  ms: 1_000_000n,
  s: NS_PER_SEC,
  m: 60n * NS_PER_SEC,
  h: 3600n * NS_PER_SEC,
};

/** time.ParseDuration. */
export function parseDuration(s: string): bigint {
  const orig = s;
  const bad = () => new GoError(`time: invalid duration ${JSON.stringify(orig)}`);
  let neg = false;
  if (s.startsWith("-") || s.startsWith("+")) {
    neg = s[0] === "-";
    s = s.slice(1);
  }
  if (s === "0") return 0n;
  if (s === "") throw bad();
  let total = 0;
  let totalBig = 0n;
  while (s !== "") {
    const m = /^(\d*)(?:\.(\d*))?/.exec(s) as RegExpExecArray;
    if (m[0] === "" || m[0] === ".") throw bad();
    s = s.slice(m[0].length);
    const u = /^(ns|us|µs|μs|ms|s|m|h)/.exec(s);
    if (!u) {
      if (s === "") throw new GoError(`time: missing unit in duration ${JSON.stringify(orig)}`);
      const unit = /^[^\d.]*/.exec(s)?.[0] ?? s;
      throw new GoError(`time: unknown unit ${JSON.stringify(unit)} in duration ${JSON.stringify(orig)}`);
    }
    s = s.slice(u[0].length);
    const unit = UNITS[u[0]];
    totalBig += BigInt(m[1] || "0") * unit;
    if (m[2]) total += Number(`0.${m[2]}`) * Number(unit);
  }
  const r = totalBig + BigInt(Math.floor(total));
  if (r > (1n << 63n) - 1n) throw bad();
  return neg ? -r : r;
}

/** time.Duration.String(). */
export function durationString(d: bigint): string {
  if (d === 0n) return "0s";
  const neg = d < 0n;
  let u = neg ? -d : d;
  let out: string;
  if (u < NS_PER_SEC) {
    if (u < 1000n) out = `${u}ns`;
    else if (u < 1_000_000n) out = `${fracString(u, 3)}µs`;
    else out = `${fracString(u, 6)}ms`;
  } else {
    const frac = u % NS_PER_SEC;
    u /= NS_PER_SEC;
    const secs = u % 60n;
    u /= 60n;
    let secPart = `${secs}`;
    if (frac !== 0n) secPart += `.${frac.toString().padStart(9, "0").replace(/0+$/, "")}`;
    out = `${secPart}s`;
    if (u > 0n) {
      const mins = u % 60n;
      u /= 60n;
      out = `${mins}m${out}`;
      if (u > 0n) out = `${u}h${out}`;
    }
  }
  return neg ? `-${out}` : out;
}

function fracString(v: bigint, prec: number): string {
  const p = 10n ** BigInt(prec);
  const whole = v / p;
  const frac = (v % p).toString().padStart(prec, "0").replace(/0+$/, "");
  return frac ? `${whole}.${frac}` : `${whole}`;
}

/** Duration.Round(time.Second) with halves away from zero. */
export function roundToSecond(d: bigint): bigint {
  const r = d % NS_PER_SEC;
  const neg = d < 0n;
  const ar = neg ? -r : r;
  let q = d - r;
  if (ar + ar >= NS_PER_SEC) q += neg ? -NS_PER_SEC : NS_PER_SEC;
  return q;
}
