/** Sprig's regex functions (regex.go): the non-must forms panic (MustCompile) on a bad pattern. */
import { canBackquote, quote } from "../../../govalue/strconv.js";
import { GoError, type GoFunc } from "../../../govalue/value.js";
import { goFunc, intArg } from "./gofunc.js";
import { compileRegexp, expand, findAll, quoteMeta, replaceAll, split } from "./re2.js";
import { withGoType } from "./reflect.js";

/** regexp.MustCompile's panic text. */
function mustCompile(expr: string): RegExp {
  try {
    return compileRegexp(expr);
  } catch (e) {
    if (!(e instanceof GoError)) throw e;
    const q = canBackquote(expr) ? `\`${expr}\`` : quote(expr);
    throw new GoError(`regexp: Compile(${q}): ${e.message}`);
  }
}

const strings = (v: string[]) => withGoType(v, "[]string");

const ops = {
  match: (re: RegExp, s: string) => findAll(re, s, 1).length > 0,
  findAll: (re: RegExp, s: string, n: bigint) => strings(findAll(re, s, intArg(n)).map((m) => m[0])),
  find: (re: RegExp, s: string) => findAll(re, s, 1)[0]?.[0] ?? "",
  replaceAll: (re: RegExp, s: string, repl: string) => replaceAll(re, s, (m) => expand(repl, m)),
  replaceAllLiteral: (re: RegExp, s: string, repl: string) => replaceAll(re, s, () => repl),
  split: (re: RegExp, s: string, n: bigint, expr: string) => strings(split(re, expr, s, intArg(n))),
};

export const regexFuncs: Record<string, GoFunc> = {
  regexMatch: goFunc(["string", "string"], (expr: string, s: string) => {
    try {
      return ops.match(compileRegexp(expr), s);
    } catch (e) {
      if (e instanceof GoError) return false;
      throw e;
    }
  }),
  mustRegexMatch: goFunc(["string", "string"], (expr: string, s: string) => ops.match(compileRegexp(expr), s)),
  regexFindAll: goFunc(["string", "string", "int"], (expr: string, s: string, n: bigint) =>
    ops.findAll(mustCompile(expr), s, n),
  ),
  mustRegexFindAll: goFunc(["string", "string", "int"], (expr: string, s: string, n: bigint) =>
    ops.findAll(compileRegexp(expr), s, n),
  ),
  regexFind: goFunc(["string", "string"], (expr: string, s: string) => ops.find(mustCompile(expr), s)),
  mustRegexFind: goFunc(["string", "string"], (expr: string, s: string) => ops.find(compileRegexp(expr), s)),
  regexReplaceAll: goFunc(["string", "string", "string"], (expr: string, s: string, r: string) =>
    ops.replaceAll(mustCompile(expr), s, r),
  ),
  mustRegexReplaceAll: goFunc(["string", "string", "string"], (expr: string, s: string, r: string) =>
    ops.replaceAll(compileRegexp(expr), s, r),
  ),
  regexReplaceAllLiteral: goFunc(["string", "string", "string"], (expr: string, s: string, r: string) =>
    ops.replaceAllLiteral(mustCompile(expr), s, r),
  ),
  mustRegexReplaceAllLiteral: goFunc(["string", "string", "string"], (expr: string, s: string, r: string) =>
    ops.replaceAllLiteral(compileRegexp(expr), s, r),
  ),
  regexSplit: goFunc(["string", "string", "int"], (expr: string, s: string, n: bigint) =>
    ops.split(mustCompile(expr), s, n, expr),
  ),
  mustRegexSplit: goFunc(["string", "string", "int"], (expr: string, s: string, n: bigint) =>
    ops.split(compileRegexp(expr), s, n, expr),
  ),
  regexQuoteMeta: goFunc(["string"], quoteMeta),
};
