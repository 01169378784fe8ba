/** Sprig's JSON functions (Helm's own toJson/fromJson override Sprig's in the Helm map). */
const c = (name, template, data) => ({ name, template, data });

export const cases = [
  c("mustToJson", '{{ mustToJson (dict "b" 1 "a" (list 1.5 "x<y" nil true)) }}'),
  c("mustToJson-values", "{{ mustToJson .v }}", { v: { n: 1000000, f: 0.000001, s: "é&", l: [] } }),
  c("mustToJson-int", "{{ mustToJson 5 }} {{ mustToJson (add 1 2) }}"),
  c("toPrettyJson", '{{ toPrettyJson (dict "a" (list 1 2) "b" (dict)) }}'),
  c("toPrettyJson-empty", "{{ toPrettyJson (list) }} {{ toPrettyJson nil }}"),
  c("mustToPrettyJson", '{{ mustToPrettyJson (dict "k" "<v>") }}'),
  c("toRawJson", '{{ toRawJson (dict "html" "<a href=\\"x\\">&</a>") }}'),
  c("mustToRawJson", '{{ mustToRawJson (list "<" ">") }}'),
  c("toJson-helm", '{{ toJson (dict "a" "<b>") }}'),
  c("fromJson-helm", '{{ fromJson "{\\"a\\":[1,2]}" }}'),
  c("mustFromJson", '{{ mustFromJson "{\\"a\\":[1,2.5,\\"x\\",null,true]}" }}'),
  c("mustFromJson-scalar", '{{ mustFromJson "42" }} {{ mustFromJson "\\"s\\"" | typeOf }}'),
  c("mustFromJson-bad", '{{ mustFromJson "{bad" }}'),
  c("mustFromJson-empty", '{{ mustFromJson "" }}'),
  c("mustFromJson-trailing", '{{ mustFromJson "{} x" }}'),
  c("toJson-roundtrip", '{{ dict "x" (list 1 2) | mustToJson | mustFromJson }}'),
];
