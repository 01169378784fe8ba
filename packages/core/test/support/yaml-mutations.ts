// Random edits of real YAML texts, for the property tests that check a fast reader against the
// full parser: a cut at a random place, a few characters deleted there and a few YAML-significant
// pieces inserted, so the edited texts sit near the edges of what the fast readers accept.
import fc from "fast-check";

/** Pieces of YAML syntax and scalars that change how a text parses; each test adds its own. */
export const yamlSyntaxSnippets: readonly string[] = [
  ": ",
  ":",
  "\t",
  " #",
  "#",
  "'",
  '"',
  "''",
  "- ",
  "-",
  "  ",
  " ",
  "&a ",
  "*a",
  "!!str ",
  "? ",
  "{",
  "}",
  "[",
  "]",
  "{}",
  "[]",
  "|",
  "|-",
  ">",
  "|2",
  "\\",
  "\n",
  "\n  ",
  "\n- ",
  "%",
  "---",
  "...",
  "\u0085",
  "\r",
  "null",
  "~",
  "true",
  ".inf",
  "<<: ",
  "é",
  "x",
];

/** A text of the pool with up to 6 characters deleted at one place and up to 3 snippets put there. */
export function editedText(pool: readonly string[], snippets: readonly string[]): fc.Arbitrary<string> {
  const edit = fc.record({
    text: fc.constantFrom(...pool),
    at: fc.nat(),
    del: fc.nat({ max: 6 }),
    ins: fc.array(fc.constantFrom(...snippets), { maxLength: 3 }),
  });
  return edit.map(({ text, at, del, ins }) => {
    const p = at % (text.length + 1);
    return text.slice(0, p) + ins.join("") + text.slice(p + del);
  });
}
