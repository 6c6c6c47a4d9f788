// v1's `regex` and v2's `pattern`: a pattern literal as the v2 keyword value that accepts what v1
// accepted (anchored at the start, compiled with Python's re where the Rust engine of Pydantic v2
// would reject it or read it otherwise). Used by FF104 (Field()/Query()/StringConstraints()
// keywords) and FF111 (constr(regex=...)).
import type { RuleContext } from "../../src/knowledge/context.js";
import type { Node } from "../../src/engine/parser.js";
import type { ImportRequirement } from "../../src/engine/types.js";

export const REGEX_NOTE =
  "v1 `regex` matched only at the start of the string, v2 `pattern` matches anywhere in it: anchor the pattern with ^ if it must match at the start";

/**
 * The text of a v1 `regex` value as a v2 `pattern` that accepts the same strings. v1 used
 * `re.match` (anchored at the start), v2 searches: a plain string literal gets a leading `^`,
 * or `^(?:...)` when it has an alternation. `exact` is false when that cannot be done (a name,
 * an f-string, inline flags).
 */
function anchoredPattern(ctx: RuleContext, value: Node): { text: string; exact: boolean } {
  const text = ctx.text(value);
  const parts =
    value.type === "string"
      ? [value]
      : value.type === "concatenated_string"
        ? value.namedChildren.filter((c): c is Node => c?.type === "string")
        : [];
  if (
    !parts.length ||
    (value.type === "concatenated_string" && parts.length !== value.namedChildCount)
  )
    return { text, exact: false };
  const pieces: Array<{ open: Node; close: Node; content: string }> = [];
  for (const part of parts) {
    const open = part.children.find((c) => c?.type === "string_start");
    const close = part.children.find((c) => c?.type === "string_end");
    if (!open || !close || part.children.some((c) => c?.type === "interpolation"))
      return { text, exact: false };
    if (/[fFbBtT]/.test(open.text)) return { text, exact: false };
    pieces.push({ open, close, content: ctx.source.slice(open.endIndex, close.startIndex) });
  }
  const content = pieces.map((p) => p.content).join("");
  // Global inline flags such as (?i) must stay first; (?m) would change what ^ means.
  const flags = /^\(\?[aiLsux]+\)/.exec(pieces[0]!.content)?.[0] ?? "";
  const rest = content.slice(flags.length);
  if (/\(\?[aiLmsux]+\)/.test(rest)) return { text, exact: false };
  // A verbose pattern's comment would swallow the `)` that closes `^(?:...`.
  if (flags.includes("x") && content.includes("#") && content.includes("|"))
    return { text, exact: false };
  const raw = /[rR]/.test(pieces[0]!.open.text);
  // `\A` also in a plain string: Python keeps an unknown escape as it is.
  const anchored =
    rest.startsWith("^") || rest.startsWith("\\A") || (!raw && rest.startsWith("\\\\A"));
  const alternation = content.includes("|");
  if (anchored && !alternation) return { text, exact: true };
  const first = pieces[0]!.open.endIndex - value.startIndex + flags.length;
  const last = pieces[pieces.length - 1]!.close.startIndex - value.startIndex;
  if (!alternation) return { text: `${text.slice(0, first)}^${text.slice(first)}`, exact: true };
  return {
    text: `${text.slice(0, first)}^(?:${text.slice(first, last)})${text.slice(last)}`,
    exact: true,
  };
}

/** What to write for a v2 `pattern` value. */
export interface PatternPlan {
  text: string;
  /** False when v1's anchoring at the start could not be reproduced (REGEX_NOTE). */
  exact: boolean;
  /** Set when the pattern is compiled with Python's re: the reason, for the message. */
  compiled?: string;
  imports: ImportRequirement[];
  /** Set when the pattern needs a person. */
  problem?: string;
}

/**
 * The v2 `pattern` value for a pattern literal: anchored like v1's `regex` when `anchor` is set,
 * and wrapped in `re.compile(...)` when it uses what only Python's `re` reads as Pydantic v1 did.
 * A compiled pattern makes Pydantic (2.7 and later) validate the field with Python's `re`; its
 * JSON schema and OpenAPI `pattern` stay the same string.
 */
export function v2Pattern(ctx: RuleContext, value: Node, anchor: boolean): PatternPlan {
  const anchored = anchor ? anchoredPattern(ctx, value) : { text: ctx.text(value), exact: true };
  const plain: PatternPlan = { ...anchored, imports: [] };
  const decoded = literalValue(ctx, value);
  if (decoded === undefined) return plain;
  const verdict = regexVerdict(decoded, ctx.declares("python", "3.11") !== "no");
  if (!verdict.pythonOnly) return plain;
  const { what, rust } = verdict.pythonOnly;
  const reason =
    rust === "rejects"
      ? `the Rust regex engine of Pydantic v2 rejects ${what}`
      : `the Rust regex engine of Pydantic v2 reads ${what} otherwise than Python's re`;
  if (verdict.pythonError) {
    // Pydantic v1 could not compile it either; Rust may read it, in its own way.
    if (rust !== "rejects") return plain;
    return {
      ...plain,
      problem: `${reason}, and Python's re cannot compile this pattern either (${verdict.pythonError}): fix the pattern by hand`,
    };
  }
  if (ctx.declares("pydantic", "2") === "yes" && ctx.declares("pydantic", "2.7") === "no") {
    return {
      ...plain,
      problem: `${reason}; a compiled re pattern needs Pydantic 2.7: require pydantic>=2.7 or set regex_engine="python-re" in the model config`,
    };
  }
  const re = ctx.ensureImport(value, "re");
  if (!re.ok)
    return { ...plain, problem: `${reason}, and \`re\` cannot be imported here (${re.reason})` };
  return {
    text: `${re.expr}.compile(${anchored.text})`,
    exact: anchored.exact,
    compiled: reason,
    imports: re.requirement ? [re.requirement] : [],
  };
}

/**
 * The value of a str literal (plain, raw or implicitly concatenated; no f-string, no bytes), as
 * Python reads it, or undefined.
 */
function literalValue(ctx: RuleContext, value: Node): string | undefined {
  const parts =
    value.type === "string"
      ? [value]
      : value.type === "concatenated_string"
        ? value.namedChildren.filter((c): c is Node => c?.type === "string")
        : [];
  if (!parts.length) return undefined;
  if (value.type === "concatenated_string" && parts.length !== value.namedChildCount)
    return undefined;
  let out = "";
  for (const part of parts) {
    const open = part.children.find((c) => c?.type === "string_start");
    const close = part.children.find((c) => c?.type === "string_end");
    if (!open || !close || part.children.some((c) => c?.type === "interpolation")) return undefined;
    if (/[fFbBtT]/.test(open.text)) return undefined;
    const content = ctx.source.slice(open.endIndex, close.startIndex).replace(/\r\n?/g, "\n");
    out += /[rR]/.test(open.text) ? content : unescape(content);
  }
  return out;
}

const SIMPLE_ESCAPES: Record<string, string> = {
  "\\": "\\",
  "'": "'",
  '"': '"',
  a: "\x07",
  b: "\b",
  f: "\f",
  n: "\n",
  r: "\r",
  t: "\t",
  v: "\v",
};

/** The escapes of a non-raw str literal, as Python reads them (an unknown one stays as it is). */
function unescape(text: string): string {
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c !== "\\" || i + 1 >= text.length) {
      out += c;
      continue;
    }
    const d = text[i + 1]!;
    if (d === "\n") {
      i++;
      continue;
    }
    if (d in SIMPLE_ESCAPES) {
      out += SIMPLE_ESCAPES[d];
      i++;
      continue;
    }
    const octal = /^[0-7]{1,3}/.exec(text.slice(i + 1));
    if (octal) {
      out += String.fromCodePoint(parseInt(octal[0], 8));
      i += octal[0].length;
      continue;
    }
    const hex = { x: 2, u: 4, U: 8 }[d];
    if (hex) {
      const digits = text.slice(i + 2, i + 2 + hex);
      if (digits.length === hex && /^[0-9a-fA-F]+$/.test(digits)) {
        const cp = parseInt(digits, 16);
        if (cp <= 0x10ffff) {
          out += String.fromCodePoint(cp);
          i += 1 + hex;
          continue;
        }
      }
    }
    const named = d === "N" ? /^\{[^}]*\}/.exec(text.slice(i + 2)) : null;
    if (named) {
      // A named character: a plain one stands for it (its name is not looked up).
      out += "\uE000";
      i += 1 + named[0].length;
      continue;
    }
    out += c;
  }
  return out;
}

// ---- which regex engine a pattern needs --------------------------------------------------------

/**
 * What Pydantic v2's Rust `regex` engine would make of a pattern written for Python's `re` (which
 * Pydantic v1 used): `pythonOnly` names the first construct the Rust engine rejects (or, when there
 * is none, the first it reads otherwise), `pythonError` why Python's `re` rejects the pattern (as
 * far as this scan sees; its mistakes only ever cost a diagnostic or a needless `re.compile`).
 */
export interface RegexVerdict {
  pythonOnly?: { what: string; rust: "rejects" | "reads otherwise" };
  pythonError?: string;
}

/** The escapes Python's `re` knows outside a character class (besides digits). */
const PY_ESCAPES = new Set("AbBdDsSwWZafnrtvxuUN\\");
/** Inside a character class. */
const PY_CLASS_ESCAPES = new Set("bdDsSwWafnrtvxuUN\\");
/** Whitespace a verbose (`(?x)`) Python pattern skips. */
const PY_VERBOSE_SPACE = new Set(" \t\n\r\v\f");
const OCTAL = /[0-7]/;
const HEX = /^[0-9a-fA-F]+$/;

/**
 * Rough size, in bytes, of what the Rust engine compiles for one copy of an item. Measured on
 * pydantic-core 2.33: `\w{209}` is the longest `\w` repetition under its 10 MiB limit, `\d{2046}`,
 * `.{10485}`, `\s{15419}`, `\S{5448}`, `\D{822}`, `\W{225}`.
 */
const RUST_LIMIT = 10 * 1024 * 1024;
const RUST_COST: Record<string, number> = {
  w: 50_200,
  W: 46_700,
  d: 5_130,
  D: 12_800,
  s: 700,
  S: 1_930,
  any: 1_010,
  literal: 20,
};

/** One open group of the scan. */
interface Frame {
  /** Its group number when it captures. */
  group?: number;
  verbose: boolean;
  /** Rust cost of the group so far, and of its last item (the one a quantifier repeats). */
  cost: number;
  last: number;
  /** Only global flag groups seen so far (Python takes `(?x)` only there). */
  start: boolean;
  /** The fewest and most characters the current branch matches, and its last item. */
  lo: number;
  hi: number;
  lastLo: number;
  lastHi: number;
  /** Over the branches before the current one. */
  altLo: number;
  altHi: number;
  /** A look-around (zero width); a look-behind must have a fixed width in Python. */
  look?: "ahead" | "behind";
}

function frame(verbose: boolean, start = false): Frame {
  return {
    verbose,
    cost: 0,
    last: 0,
    start,
    lo: 0,
    hi: 0,
    lastLo: 0,
    lastHi: 0,
    altLo: Infinity,
    altHi: -Infinity,
  };
}

/**
 * Scans a pattern the way Python's `re` parses it (escapes, character classes, groups, verbose
 * mode) and reports the constructs the Rust engine of Pydantic v2 does not take as Python did:
 * look-around, backreferences, atomic groups and possessive quantifiers, conditionals, `(?#...)`
 * comments, `\Z`, octal escapes, `\N{...}`, the `a` flag, `{,n}` and a `{` that Python reads as a
 * literal, escaped non-ASCII characters, `[\b]`, and what Rust reads otherwise: `\<`, `\>`,
 * `\b{...}`, `[` inside a class, `&&` `--` `~~` in a class, spaces in a verbose class, and
 * repetitions that grow past the Rust engine's size limit. `python311` is false when the project
 * runs on a Python older than 3.11 (no atomic groups or possessive quantifiers there).
 */
export function regexVerdict(pattern: string, python311 = true): RegexVerdict {
  const verdict: RegexVerdict = {};
  // The first construct Rust rejects wins over one it reads otherwise.
  let otherwise: RegexVerdict["pythonOnly"];
  const only = (what: string, rust: "rejects" | "reads otherwise" = "rejects"): void => {
    if (rust === "rejects") verdict.pythonOnly ??= { what, rust };
    else otherwise ??= { what, rust };
  };
  const error = (why: string): void => {
    verdict.pythonError ??= why;
  };
  const p = pattern;
  const n = p.length;
  const stack: Frame[] = [frame(false, true)];
  const top = (): Frame => stack[stack.length - 1]!;
  let i = 0;
  let groups = 0;
  const open = new Set<number>();
  const names = new Map<string, number>();
  const widths = new Map<number, [number, number]>();
  /** What a quantifier here would repeat: nothing, an item, a quantified item (+ modifier). */
  let state: "none" | "item" | "repeated" = "none";

  /** An item that matches lo to hi characters and costs `cost` in Rust. */
  const item = (cost: number, lo = 1, hi = 1): void => {
    const f = top();
    f.cost += cost;
    f.last = cost;
    f.lo += lo;
    f.hi += hi;
    f.lastLo = lo;
    f.lastHi = hi;
    f.start = false;
    state = "item";
  };
  /** `^`, `$`, `\A`, `\Z`, `\b`, `\B`: nothing a quantifier could repeat. */
  const assertion = (): void => {
    const f = top();
    f.start = false;
    f.last = f.lastLo = f.lastHi = 0;
    state = "none";
  };
  /** A quantifier: the last item `min` to `max` times; Rust compiles `copies` of it. */
  const repeat = (min: number, max: number, copies: number, text: string): void => {
    const f = top();
    if (state === "none") error(`nothing to repeat before \`${text}\``);
    else if (state === "repeated") error(`multiple repeat \`${text}\``);
    f.cost += f.last * (copies - 1);
    f.last *= copies;
    f.lo += f.lastLo * (min - 1);
    f.hi += f.lastHi ? f.lastHi * (max - 1) : 0;
    f.lastLo *= min;
    f.lastHi = f.lastHi ? f.lastHi * max : 0;
    state = "repeated";
    // A lazy or possessive modifier.
    if (p[i] === "?") i++;
    else if (p[i] === "+") {
      i++;
      only(`the possessive quantifier \`${text}+\``, "reads otherwise");
      if (!python311) error("possessive quantifiers need Python 3.11");
    }
  };
  /**
   * The escape at p[i] === "\\" outside a class: the cost of what it matches, or "assertion" for
   * `\A`, `\Z`, `\b`, `\B` (which Python does not repeat).
   */
  const escape = (): number | "assertion" | { cost: number; width: [number, number] } => {
    const d = p[i + 1];
    if (d === undefined) {
      error("a trailing backslash");
      i++;
      return RUST_COST.literal!;
    }
    if (
      d === "0" ||
      (/[1-9]/.test(d) && OCTAL.test(d) && OCTAL.test(p[i + 2] ?? "") && OCTAL.test(p[i + 3] ?? ""))
    ) {
      const m = /^\\[0-7]{1,3}/.exec(p.slice(i))![0];
      i += m.length;
      if (parseInt(m.slice(1), 8) > 0o377) error(`octal escape \`${m}\` out of range`);
      only(`the octal escape \`${m}\``);
      return RUST_COST.literal!;
    }
    if (/[1-9]/.test(d)) {
      const m = /^\\[1-9][0-9]?/.exec(p.slice(i))![0];
      i += m.length;
      const group = Number(m.slice(1));
      only(`the backreference \`${m}\``);
      if (group > groups) error(`invalid group reference ${group}`);
      else if (open.has(group)) error(`a reference to the open group ${group}`);
      return { cost: 0, width: widths.get(group) ?? [0, Infinity] };
    }
    if (d.charCodeAt(0) > 0x7f) {
      i += 2;
      only(`the escaped non-ASCII character \`\\${d}\``);
      return RUST_COST.literal!;
    }
    if (/[A-Za-z]/.test(d) && !PY_ESCAPES.has(d)) {
      i += 2;
      error(`bad escape \\${d}`);
      // Read Rust's own escapes whole, so that their braces are not taken for Python's.
      if (d === "p" || d === "P") {
        rustBraces();
        return RUST_COST.w!;
      }
      return d === "z" ? "assertion" : RUST_COST.literal!;
    }
    i += 2;
    switch (d) {
      case "Z":
        only("`\\Z`");
        return "assertion";
      case "A":
        return "assertion";
      case "b":
      case "B":
        // `\b{2}` repeats the assertion (Python: nothing to repeat); Rust reads `\b{start}` as
        // an assertion of its own, and rejects other braces there.
        if (p[i] === "{" && !/^\{[0-9]*(,[0-9]*)?\}/.test(p.slice(i))) {
          const special = /^\{(start|end|start-half|end-half)\}/.test(p.slice(i)) && d === "b";
          only(`\`\\${d}{\``, special ? "reads otherwise" : "rejects");
        }
        return "assertion";
      case "<":
      case ">":
        only(`\`\\${d}\` (a word boundary in Rust)`, "reads otherwise");
        return RUST_COST.literal!;
      case "w":
      case "W":
      case "d":
      case "D":
      case "s":
      case "S":
        return RUST_COST[d]!;
      case "x":
      case "u":
      case "U":
      case "N":
        hexOrName(d);
        return RUST_COST.literal!;
    }
    return RUST_COST.literal!;
  };
  /** `\x..`, `\u....`, `\U........`, `\N{...}`: p[i] is just after the letter. */
  const hexOrName = (d: string): void => {
    if (d === "N") {
      only("`\\N{...}`");
      const m = /^\{[^}]*\}/.exec(p.slice(i));
      if (!m) error("\\N without {name}");
      i += m?.[0].length ?? 0;
      return;
    }
    const len = d === "x" ? 2 : d === "u" ? 4 : 8;
    const digits = p.slice(i, i + len);
    if (p[i] === "{") {
      error(`incomplete escape \\${d}`);
      rustBraces(); // Rust's \x{...}
    } else if (digits.length !== len || !HEX.test(digits)) error(`incomplete escape \\${d}`);
    else if (d === "U" && parseInt(digits, 16) > 0x10ffff) error(`bad escape \\U${digits}`);
    else i += len;
  };

  /** Skips Rust's `{...}` (after `\p`, `\x`...), or the one letter of `\pL`. */
  const rustBraces = (): void => {
    if (p[i] !== "{") {
      if (/[A-Za-z]/.test(p[i] ?? "")) i++;
      return;
    }
    const end = p.indexOf("}", i);
    i = end < 0 ? n : end + 1;
  };

  /** The character class at p[i] === "[". */
  const characterClass = (): number => {
    const verbose = top().verbose;
    i++;
    const negated = p[i] === "^";
    if (negated) i++;
    let cost = 0;
    const shorthand = (c: string): void => {
      cost = Math.max(cost, RUST_COST[c]!);
    };
    let first = true;
    while (i < n && (p[i] !== "]" || first)) {
      const c = p[i]!;
      const wasFirst = first;
      first = false;
      if (verbose && (PY_VERBOSE_SPACE.has(c) || c === "#")) {
        only("a space or `#` inside a character class of a verbose pattern", "reads otherwise");
      }
      if (c === "[") only("`[` inside a character class", "reads otherwise");
      if ((c === "&" || c === "-" || c === "~") && p[i + 1] === c) {
        only(`\`${c}${c}\` inside a character class`, "reads otherwise");
      }
      let value: number | undefined;
      if (c === "\\") {
        value = classEscape(shorthand);
      } else {
        value = p.codePointAt(i)!;
        i += value > 0xffff ? 2 : 1;
      }
      // A range: `a-z` (a `-` before the closing bracket is a literal).
      if (p[i] === "-" && p[i + 1] !== "]" && i + 1 < n) {
        if (wasFirst && c === "]") only("a range from a leading `]`", "reads otherwise");
        if (p[i + 1] === "-") only("`--` inside a character class", "reads otherwise");
        i++;
        let end: number | undefined;
        if (p[i] === "\\") end = classEscape(shorthand);
        else {
          end = p.codePointAt(i)!;
          i += end > 0xffff ? 2 : 1;
        }
        if (value === undefined || end === undefined) error("a bad character range");
        else if (end < value) error("a character range in reverse order");
      }
    }
    if (i >= n) {
      error("an unterminated character set");
      return RUST_COST.literal!;
    }
    i++; // ]
    if (negated) cost = Math.max(cost, RUST_COST.any!);
    return Math.max(cost, RUST_COST.literal!);
  };
  /** An escape inside a class at p[i] === "\\": the character it stands for, if one. */
  const classEscape = (shorthand: (c: string) => void): number | undefined => {
    const d = p[i + 1];
    if (d === undefined) {
      i++;
      return undefined;
    }
    if (OCTAL.test(d)) {
      const m = /^\\[0-7]{1,3}/.exec(p.slice(i))![0];
      i += m.length;
      if (parseInt(m.slice(1), 8) > 0o377) error(`octal escape \`${m}\` out of range`);
      only(`the octal escape \`${m}\``);
      return parseInt(m.slice(1), 8);
    }
    i += 2;
    if (d.charCodeAt(0) > 0x7f) {
      only(`the escaped non-ASCII character \`\\${d}\``);
      return d.codePointAt(0);
    }
    if (/[0-9A-Za-z]/.test(d) && !PY_CLASS_ESCAPES.has(d)) {
      error(`bad escape \\${d}`);
      if (d === "p" || d === "P") {
        rustBraces();
        shorthand("w");
      }
      return undefined;
    }
    switch (d) {
      case "b":
        only("`\\b` (a backspace) inside a character class");
        return 8;
      case "<":
      case ">":
        only(`\`\\${d}\` inside a character class`);
        return d.charCodeAt(0);
      case "w":
      case "W":
      case "d":
      case "D":
      case "s":
      case "S":
        shorthand(d);
        return undefined;
      case "x":
      case "u":
      case "U": {
        const start = i;
        hexOrName(d);
        return i > start ? parseInt(p.slice(start, i), 16) : undefined;
      }
      case "N":
        hexOrName(d);
        return undefined;
      case "a":
        return 7;
      case "f":
        return 12;
      case "n":
        return 10;
      case "r":
        return 13;
      case "t":
        return 9;
      case "v":
        return 11;
    }
    return d.codePointAt(0);
  };

  /** The group opening at p[i] === "(". */
  const group = (): void => {
    const outer = top();
    const push = (verbose: boolean, capture: boolean, look?: Frame["look"]): void => {
      const f = frame(verbose);
      if (look) f.look = look;
      if (capture) {
        f.group = ++groups;
        open.add(groups);
      }
      outer.start = false;
      stack.push(f);
      state = "none";
    };
    if (p[i + 1] !== "?") {
      i++;
      push(outer.verbose, true);
      return;
    }
    const rest = p.slice(i + 2);
    const named = /^P<([^>]*)>/.exec(rest);
    if (named) {
      i += 2 + named[0].length;
      const name = named[1]!;
      if (!/^[\p{L}\p{Nl}_][\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}]*$/u.test(name))
        error(`bad group name '${name}'`);
      else if (names.has(name)) error(`redefinition of group name '${name}'`);
      names.set(name, groups + 1);
      push(outer.verbose, true);
      return;
    }
    const reference = /^P=([^)]*)\)/.exec(rest);
    if (reference) {
      i += 2 + reference[0].length;
      only(`the backreference \`(?P=${reference[1]})\``);
      const number = names.get(reference[1]!);
      if (number === undefined) error(`unknown group name '${reference[1]}'`);
      else if (open.has(number)) error(`a reference to the open group ${reference[1]}`);
      item(0, ...(widths.get(number ?? 0) ?? [0, Infinity]));
      return;
    }
    const look = /^(=|!|<=|<!)/.exec(rest);
    if (look) {
      i += 2 + look[0].length;
      const behind = look[0].startsWith("<");
      only(`${behind ? "look-behind" : "look-ahead"} \`(?${look[0]}\``);
      push(outer.verbose, false, behind ? "behind" : "ahead");
      return;
    }
    if (rest.startsWith("#")) {
      only("the comment group `(?#...)`");
      const end = p.indexOf(")", i);
      if (end < 0) error("a missing ), unterminated comment");
      i = end < 0 ? n : end + 1;
      return;
    }
    if (rest.startsWith(">")) {
      i += 3;
      only("the atomic group `(?>`");
      if (!python311) error("atomic groups need Python 3.11");
      push(outer.verbose, false);
      return;
    }
    if (rest.startsWith("(")) {
      const m = /^\(([^)]*)\)/.exec(rest);
      only("the conditional group `(?(`");
      if (!m) error("a bad conditional group");
      else {
        const ref = m[1]!;
        if (/^[0-9]+$/.test(ref) ? Number(ref) > groups : !names.has(ref))
          error(`a conditional on the unknown group ${ref}`);
      }
      i += 2 + (m?.[0].length ?? 1);
      push(outer.verbose, false);
      return;
    }
    if (rest.startsWith(":")) {
      i += 3;
      push(outer.verbose, false);
      return;
    }
    const rustName = /^<[A-Za-z_][\w.[\]]*>/.exec(rest);
    if (rustName) {
      // Rust's `(?<name>...)`.
      error(`unknown extension ?<${rustName[0].slice(1, 2)}`);
      i += 2 + rustName[0].length;
      push(outer.verbose, true);
      return;
    }
    // Rust also has the flags U and R.
    const flags = /^([aiLmsuxUR]*)(?:-([imsxUR]*))?([:)])/.exec(rest);
    if (flags && /[UR]/.test(flags[1]! + (flags[2] ?? ""))) error("unknown flag");
    if (!flags || (!flags[1] && flags[2] === undefined)) {
      error(`unknown extension ?${rest.slice(0, 1)}`);
      i += 2;
      push(outer.verbose, false);
      return;
    }
    const [whole, on = "", off, end] = flags;
    i += 2 + whole.length;
    if (on.includes("L")) error("the L flag with a str pattern");
    if (on.includes("a") && on.includes("u")) error("flags 'a' and 'u' are incompatible");
    if (on.includes("a")) only("the ASCII flag `a`");
    if (end === ")") {
      if (off !== undefined) error("a missing :, flags cannot be turned off globally");
      if (!outer.start || stack.length > 1) {
        // Python 3.11 refuses them there; older ones applied them to the whole pattern, Rust
        // from that point on.
        if (python311) error("global flags not at the start of the expression");
        else only("a global flag after the start of the pattern", "reads otherwise");
      }
      if (on.includes("x")) outer.verbose = true;
      return;
    }
    const verbose = off?.includes("x") ? false : on.includes("x") ? true : outer.verbose;
    push(verbose, false);
  };

  while (i < n) {
    const c = p[i]!;
    const frame = top();
    if (frame.verbose && PY_VERBOSE_SPACE.has(c)) {
      i++;
      continue;
    }
    if (frame.verbose && c === "#") {
      const end = p.indexOf("\n", i);
      i = end < 0 ? n : end + 1;
      continue;
    }
    if (frame.verbose && /\s/u.test(c))
      only("a non-ASCII space in a verbose pattern", "reads otherwise");
    switch (c) {
      case "\\": {
        const cost = escape();
        if (cost === "assertion") assertion();
        else if (typeof cost === "number") item(cost);
        else item(cost.cost, ...cost.width);
        break;
      }
      case "[":
        item(characterClass());
        break;
      case "(":
        group();
        break;
      case ")": {
        i++;
        if (stack.length === 1) {
          error("an unbalanced parenthesis");
          break;
        }
        const closed = stack.pop()!;
        const lo = Math.min(closed.altLo, closed.lo);
        const hi = Math.max(closed.altHi, closed.hi);
        if (closed.group !== undefined) {
          open.delete(closed.group);
          widths.set(closed.group, [lo, hi]);
        }
        if (closed.look === "behind" && lo !== hi)
          error("look-behind requires fixed-width pattern");
        if (closed.look) item(closed.cost, 0, 0);
        else item(closed.cost, lo, hi);
        break;
      }
      case "|":
        i++;
        frame.start = false;
        frame.altLo = Math.min(frame.altLo, frame.lo);
        frame.altHi = Math.max(frame.altHi, frame.hi);
        frame.lo = frame.hi = 0;
        state = "none";
        break;
      case "*":
      case "+":
      case "?":
        i++;
        repeat(c === "+" ? 1 : 0, c === "?" ? 1 : Infinity, 1, c);
        break;
      case "{": {
        const m = /^\{([0-9]*)(?:(,)([0-9]*))?\}/.exec(p.slice(i));
        if (!m || (!m[1] && !m[2])) {
          i++;
          only("`{` as a literal character");
          item(RUST_COST.literal!);
          break;
        }
        i += m[0].length;
        const lo = m[1] ? Number(m[1]) : 0;
        const hi = m[2] ? (m[3] ? Number(m[3]) : undefined) : lo;
        if (!m[1]) only(`the quantifier \`${m[0]}\` without a lower bound`);
        if (hi !== undefined && hi < lo) error("min repeat greater than max repeat");
        repeat(lo, hi ?? Infinity, hi ?? lo + 1, m[0]);
        break;
      }
      case ".":
        i++;
        item(RUST_COST.any!);
        break;
      case "^":
      case "$":
        i++;
        assertion();
        break;
      default: {
        const cp = p.codePointAt(i)!;
        i += cp > 0xffff ? 2 : 1;
        item(RUST_COST.literal!);
      }
    }
  }
  if (stack.length > 1) error("a missing ), unterminated subpattern");
  const total = stack.reduce((sum, f) => sum + f.cost, 0);
  if (total > RUST_LIMIT * 0.8)
    only("a repetition that the Rust engine compiles past its size limit");
  verdict.pythonOnly ??= otherwise;
  return verdict;
}
