/**
 * Splits a user's `--trivyargs` string into argv words the way a POSIX shell would tokenise
 * it (quotes and backslashes), without any expansion: no `$VAR`, globs or `~`, because the words
 * go straight to `spawn` and never through a shell.
 */

/** A `--trivyargs` string a shell would reject (an unterminated quote). */
export class ShellWordsError extends Error {
  override name = "ShellWordsError";
}

/** Characters a backslash still escapes inside double quotes (POSIX 2.2.3). */
const DOUBLE_QUOTE_ESCAPABLE = new Set(["$", "`", '"', "\\", "\n"]);

/** Bound on the input: argv strings beyond this are a mistake, not a use case. */
const MAX_INPUT = 64 * 1024;

export function splitShellWords(input: string): string[] {
  if (input.length > MAX_INPUT) throw new ShellWordsError(`trivy arguments too long (${input.length} > ${MAX_INPUT})`);
  const words: string[] = [];
  let word = "";
  // A word exists once any part of it was seen, so `''` yields one empty word.
  let inWord = false;
  let i = 0;
  while (i < input.length) {
    const c = input[i]!;
    if (c === " " || c === "\t" || c === "\n") {
      if (inWord) words.push(word);
      word = "";
      inWord = false;
      i++;
    } else if (c === "\\") {
      inWord = true;
      if (i + 1 >= input.length) {
        // A trailing lone backslash stays literal, as in dash and bash.
        word += "\\";
        i++;
      } else if (input[i + 1] === "\n") {
        i += 2; // line continuation
      } else {
        word += input[i + 1];
        i += 2;
      }
    } else if (c === "'") {
      inWord = true;
      const end = input.indexOf("'", i + 1);
      if (end < 0) throw new ShellWordsError(`unterminated single quote in trivy arguments at offset ${i}`);
      word += input.slice(i + 1, end);
      i = end + 1;
    } else if (c === '"') {
      inWord = true;
      const start = i;
      i++;
      for (;;) {
        if (i >= input.length)
          throw new ShellWordsError(`unterminated double quote in trivy arguments at offset ${start}`);
        const d = input[i]!;
        if (d === '"') {
          i++;
          break;
        }
        if (d === "\\" && i + 1 < input.length && DOUBLE_QUOTE_ESCAPABLE.has(input[i + 1]!)) {
          if (input[i + 1] !== "\n") word += input[i + 1];
          i += 2;
        } else {
          word += d;
          i++;
        }
      }
    } else {
      inWord = true;
      word += c;
      i++;
    }
  }
  if (inWord) words.push(word);
  return words;
}
