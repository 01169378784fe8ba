/**
 * strconv.FormatFloat(f, 'g', -1, 32|64), the number text of go-yaml and sigs.k8s.io/yaml
 * (float map keys, TOML and JSON errors). govalue's formatFloat is Go's algorithm; this name
 * stays because the YAML reader and writer call it with a bit size.
 */
import { formatFloat } from "../govalue/strconv.js";

export function formatFloatG(f: number, bits: 32 | 64 = 64): string {
  return formatFloat(f, "g", -1, bits);
}
