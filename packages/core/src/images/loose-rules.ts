/**
 * The loose rules: images that operators and controllers will run, named in command lines and
 * environment variables rather than in a pod's `image` field. Pure functions over strings.
 *
 * In these contexts a word is only taken when it has a `/` or `:`, so that flags such as
 * `--image-pull-policy=Always` or `IMAGE_TAG=latest` are not mistaken for images.
 */
import { hasExplicitRegistry, parseImageRef } from "./reference.js";
import type { ImageRule } from "./types.js";

/** An image-like string found in a list of arguments or an env value. */
export interface LooseHit {
  readonly raw: string;
  readonly rule: ImageRule;
  /** Index of the argument it came from (for `args`/`command`). */
  readonly index: number;
  /** When true, only a valid reference counts (an invalid one is not reported). */
  readonly validOnly: boolean;
}

const FLAG_WITH_VALUE = /^--?([A-Za-z0-9][\w.-]*)=([\s\S]*)$/;
const BARE_FLAG = /^--?([A-Za-z0-9][\w.-]*)$/;
const NOT_AN_IMAGE_NAME = /PULL|POLICY|SECRET/;

/** A flag or variable name that names an image, not a pull policy or pull secret. */
export function namesAnImage(name: string): boolean {
  const upper = name.toUpperCase();
  return upper.includes("IMAGE") && !NOT_AN_IMAGE_NAME.test(upper);
}

/** Only words with a `/` or `:` count in loose contexts. */
export function looksLikeReference(word: string): boolean {
  return word.includes("/") || word.includes(":");
}

/**
 * Images in an `args` or `command` list. `undefined` stands for an element that is not a
 * string scalar (it can neither be a flag nor a value).
 */
export function imagesInArgs(args: readonly (string | undefined)[]): LooseHit[] {
  const hits: LooseHit[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === undefined) continue;
    const withValue = FLAG_WITH_VALUE.exec(arg);
    if (withValue !== null) {
      const [, flag, value] = withValue as unknown as [string, string, string];
      if (namesAnImage(flag)) {
        if (looksLikeReference(value)) hits.push(...flagValueHits(value, "arg-flag", i));
      } else if (isRegistryQualifiedAndPinned(value)) {
        hits.push({ raw: value, rule: "arg-registry", index: i, validOnly: true });
      }
      continue;
    }
    const bare = BARE_FLAG.exec(arg);
    if (bare !== null && namesAnImage(bare[1]!) && i + 1 < args.length) {
      const value = args[i + 1];
      if (value !== undefined && !value.startsWith("-") && looksLikeReference(value)) {
        hits.push(...flagValueHits(value, "arg-pair", i + 1));
        i++;
      }
    }
  }
  return hits;
}

const LIST_SEPARATORS = /[\s,]+/;

/**
 * The value of an image flag: one reference, or a list of them (`--images=a:1,b:2`, also
 * space-separated) when splitting on commas and blanks gives two or more parts that are all
 * valid references. Anything else stays one occurrence, reported invalid if it is not a reference.
 */
function flagValueHits(value: string, rule: "arg-flag" | "arg-pair", index: number): LooseHit[] {
  const parts = splitImageList(value);
  if (parts === undefined) return [{ raw: value, rule, index, validOnly: false }];
  return parts.map((raw) => ({ raw, rule: "arg-list", index, validOnly: false }));
}

/** The parts of a comma- or blank-separated list of valid references; undefined when the value is not one. */
export function splitImageList(value: string): string[] | undefined {
  if (!LIST_SEPARATORS.test(value)) return undefined;
  const parts = value.split(LIST_SEPARATORS).filter((p) => p !== "");
  if (parts.length < 2) return undefined;
  return parts.every((p) => !parseImageRef(p).invalid) ? parts : undefined;
}

/** `quay.io/x/y:v1` or `reg:5000/x@sha256:...`: a registry host and a tag or digest, written out. */
function isRegistryQualifiedAndPinned(value: string): boolean {
  if (!hasExplicitRegistry(value)) return false;
  const ref = parseImageRef(value);
  return !ref.invalid && !ref.defaultTag;
}

/**
 * Images in the value of an environment variable whose name names an image: each
 * whitespace-separated word, after `key=` when present (`4.2.0=quay.io/strimzi/kafka:0.48.0-kafka-4.2.0`).
 */
export function imagesInEnv(name: string, value: string): string[] {
  if (!namesAnImage(name)) return [];
  const out: string[] = [];
  for (const word of value.split(/\s+/)) {
    if (word === "") continue;
    const eq = word.indexOf("=");
    const ref = eq >= 0 ? word.slice(eq + 1) : word;
    if (looksLikeReference(ref)) out.push(ref);
  }
  return out;
}
