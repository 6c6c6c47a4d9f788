// Typed captures: a query's capture names read from its source by the type checker, so that a
// rule asking a match for `@fn` where its query spells `@func` does not compile.
import type { Node, QueryMatch } from "./parser.js";

// prettier-ignore
type NameChar =
  | "a" | "b" | "c" | "d" | "e" | "f" | "g" | "h" | "i" | "j" | "k" | "l" | "m"
  | "n" | "o" | "p" | "q" | "r" | "s" | "t" | "u" | "v" | "w" | "x" | "y" | "z"
  | "A" | "B" | "C" | "D" | "E" | "F" | "G" | "H" | "I" | "J" | "K" | "L" | "M"
  | "N" | "O" | "P" | "Q" | "R" | "S" | "T" | "U" | "V" | "W" | "X" | "Y" | "Z"
  | "0" | "1" | "2" | "3" | "4" | "5" | "6" | "7" | "8" | "9" | "_" | "." | "-";

type TakeName<S extends string, Name extends string = ""> = S extends `${infer C}${infer Rest}`
  ? C extends NameChar
    ? TakeName<Rest, `${Name}${C}`>
    : Name
  : Name;

/**
 * The capture names a query source spells (`@name`), when the source is a literal type (a
 * `const` template without substitutions); any string otherwise.
 */
export type CaptureName<S extends string> = string extends S
  ? string
  : S extends `${string}@${infer Rest}`
    ? TakeName<Rest> | CaptureName<Rest>
    : never;

/** One match of a query: the pattern that matched and its captures by name. */
export interface Captures<N extends string> {
  /** Index of the matching pattern within its query. */
  readonly pattern: number;
  /** The node captured as `name`; throws when this match has none (another pattern's capture). */
  node(name: N): Node;
  /** The node captured as `name`, if this match has one. */
  get(name: N): Node | undefined;
}

/** The typed view of a query match. */
export function capturesOf<N extends string>(m: QueryMatch): Captures<N> {
  const get = (name: N): Node | undefined => m.captures.find((c) => c.name === name)?.node;
  return {
    pattern: m.patternIndex,
    get,
    node(name: N): Node {
      const node = get(name);
      if (!node) throw new Error(`pattern ${m.patternIndex} has no capture @${name}`);
      return node;
    },
  };
}
