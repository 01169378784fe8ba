/** Translates eemeli `yaml` syntax errors into go-yaml v2 (libyaml) error texts. */
import type { YAMLError } from "yaml";

export function toGoYamlError(err: YAMLError, _text: string): string {
  return `yaml: ${err.code}: ${err.message.split("\n")[0]}`;
}
