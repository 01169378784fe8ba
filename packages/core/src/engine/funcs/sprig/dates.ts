/** Sprig's date functions (date.go) over GoTime. */
import { GoError, type GoFunc, type GoValue } from "../../../govalue/value.js";
import { goFunc } from "./gofunc.js";
import {
  durationString,
  formatTime,
  GoTime,
  loadLocation,
  nowTime,
  parseDuration,
  parseTime,
  roundToSecond,
} from "./gotime.js";

/** date/dateInZone accept a time.Time or Unix seconds (int, int64); anything else means now. */
function toTime(date: GoValue): GoTime {
  if (date instanceof GoTime) return date;
  if (typeof date === "bigint") return new GoTime(date * 1_000_000_000n, "Local");
  return nowTime();
}

function dateInZone(fmt: string, date: GoValue, zone: string): string {
  const loc = loadLocation(zone) ?? "UTC";
  return formatTime(toTime(date).in(loc), fmt);
}

function dateModify(fmt: string, date: GoTime): GoTime {
  try {
    return new GoTime(date.ns + parseDuration(fmt), date.loc, date.fixed);
  } catch {
    return date;
  }
}

function mustDateModify(fmt: string, date: GoTime): GoTime {
  return new GoTime(date.ns + parseDuration(fmt), date.loc, date.fixed);
}

/** duration: a string of seconds or an int64 of seconds; Go's int (and floats) give "0s". */
function duration(sec: GoValue): string {
  let n = 0n;
  if (typeof sec === "string") n = /^[+-]?\d+$/.test(sec) ? BigInt(sec) : 0n;
  else if (typeof sec === "bigint") n = sec;
  return durationString(BigInt.asIntN(64, n * 1_000_000_000n));
}

function durationRound(v: GoValue): string {
  let d = 0n;
  if (typeof v === "string") {
    try {
      d = parseDuration(v);
    } catch {
      d = 0n;
    }
  } else if (typeof v === "bigint") d = v;
  else if (v instanceof GoTime) d = nowTime().ns - v.ns;
  let u = BigInt.asUintN(64, d);
  if (d < 0n) u = BigInt.asUintN(64, -u);
  const hour = 3_600_000_000_000n;
  const steps: [bigint, string][] = [
    [hour * 24n * 365n, "y"],
    [hour * 24n * 30n, "mo"],
    [hour * 24n, "d"],
    [hour, "h"],
    [60_000_000_000n, "m"],
    [1_000_000_000n, "s"],
  ];
  for (const [size, unit] of steps) if (u > size) return `${u / size}${unit}`;
  return "0s";
}

function ago(date: GoValue): string {
  let t: GoTime;
  if (date instanceof GoTime) t = date;
  else if (typeof date === "bigint") t = new GoTime(date * 1_000_000_000n, "Local");
  else t = nowTime();
  return durationString(roundToSecond(nowTime().ns - t.ns));
}

function toDate(fmt: string, s: string): GoTime {
  try {
    return parseTime(fmt, s, "Local");
  } catch (e) {
    if (e instanceof GoError) return new GoTime(-62135596800n * 1_000_000_000n, "UTC"); // Go's zero Time
    throw e;
  }
}

export const dateFuncs: Record<string, GoFunc> = {
  ago: goFunc(["interface {}"], ago),
  date: goFunc(["string", "interface {}"], (fmt: string, d: GoValue) => dateInZone(fmt, d, "Local")),
  date_in_zone: goFunc(["string", "interface {}", "string"], dateInZone),
  dateInZone: goFunc(["string", "interface {}", "string"], dateInZone),
  date_modify: goFunc(["string", "time.Time"], dateModify),
  dateModify: goFunc(["string", "time.Time"], dateModify),
  must_date_modify: goFunc(["string", "time.Time"], mustDateModify),
  mustDateModify: goFunc(["string", "time.Time"], mustDateModify),
  duration: goFunc(["interface {}"], duration),
  durationRound: goFunc(["interface {}"], durationRound),
  htmlDate: goFunc(["interface {}"], (d: GoValue) => dateInZone("2006-01-02", d, "Local")),
  htmlDateInZone: goFunc(["interface {}", "string"], (d: GoValue, z: string) => dateInZone("2006-01-02", d, z)),
  now: goFunc([], nowTime),
  toDate: goFunc(["string", "string"], toDate),
  mustToDate: goFunc(["string", "string"], (fmt: string, s: string) => parseTime(fmt, s, "Local")),
  unixEpoch: goFunc(["time.Time"], (t: GoTime) => String(t.unix)),
};
