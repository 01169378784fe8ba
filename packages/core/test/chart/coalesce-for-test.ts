// The values Helm validates schemas against are the coalesced values; for our fixtures
// (no user values, no globals, no nulls) that is each chart's values with its subcharts'
// values placed under their names, parent keys winning, and Helm's empty `global` map.
import type { Chart } from "../../src/chart/index.js";
import { type GoMap, isGoMap, newGoMap } from "../../src/govalue/value.js";

export function coalesceForTest(c: Chart): GoMap {
  const out = newGoMap(Object.entries(c.values));
  if (!isGoMap(out.global)) out.global = newGoMap();
  for (const d of c.dependencies) {
    const mine = out[d.metadata.name];
    const sub = coalesceForTest(d);
    out[d.metadata.name] = isGoMap(mine) ? newGoMap([...Object.entries(sub), ...Object.entries(mine)]) : sub;
  }
  return out;
}
