// Which transforms a run uses: those `--select` names (names, codes, code prefixes such as FF3,
// or groups such as `sqlalchemy`), less those `--ignore` names; without a selection, all of them
// but the opt-in ones.
import { safetyLabel } from "../engine/types.js";
import type { Rule } from "../knowledge/rule.js";
import { TRANSFORMS, findTransform } from "../../transforms/index.js";
import { UsageError } from "./discover.js";

/** The parts of the stack, by code family. */
export const GROUPS: Readonly<Record<string, RegExp>> = {
  async: /^FF0/,
  pydantic: /^FF1/,
  fastapi: /^FF2/,
  sqlalchemy: /^FF3/,
  security: /^FF[45]/,
};

export interface Selection {
  /** What to run; empty: the default set. */
  select: readonly string[];
  /** What to leave out of it. */
  ignore?: readonly string[];
}

/**
 * The rules a selector stands for. A rule named by its name or full code is `direct`: an opt-in
 * rule runs only when named so, never through a group or a code prefix.
 */
function resolve(selector: string): { rules: Rule[]; direct: boolean } | undefined {
  const one = findTransform(selector);
  if (one) return { rules: [one], direct: true };
  const group = GROUPS[selector.toLowerCase()];
  if (group) return { rules: TRANSFORMS.filter((t) => group.test(t.code)), direct: false };
  if (/^FF\d{0,2}$/i.test(selector)) {
    const prefix = selector.toUpperCase();
    const rules = TRANSFORMS.filter((t) => t.code.startsWith(prefix));
    if (rules.length) return { rules, direct: false };
  }
  return undefined;
}

function unknownSelector(selectors: readonly string[], option: string): never {
  throw new UsageError(
    `${option}: unknown rule or group ${selectors.map((u) => `'${u}'`).join(", ")}; give a code prefix such as FF3, a group (${Object.keys(GROUPS).join(", ")}) or a rule; valid names: ${TRANSFORMS.map((t) => t.name).join(", ")}`,
  );
}

/**
 * The transforms of a run. Without a selection: every transform except the opt-in ones
 * (`optIn`), whose fixes change what clients see; they run, and report, only when named.
 */
export function selectTransforms(selection: Selection): Rule[] {
  const picked = new Set<Rule>();
  if (!selection.select.length) {
    for (const t of TRANSFORMS) if (!t.optIn) picked.add(t);
  } else {
    const unknown = selection.select.filter((s) => !resolve(s));
    if (unknown.length) unknownSelector(unknown, "--select");
    for (const s of selection.select) {
      const { rules, direct } = resolve(s)!;
      for (const t of rules) if (direct || !t.optIn) picked.add(t);
    }
  }
  const ignore = selection.ignore ?? [];
  const unknown = ignore.filter((s) => !resolve(s));
  if (unknown.length) unknownSelector(unknown, "--ignore");
  for (const s of ignore) for (const t of resolve(s)!.rules) picked.delete(t);
  return TRANSFORMS.filter((t) => picked.has(t));
}

/**
 * A file's rules: `select` (or the default set when it is empty), plus `extend`, less `ignore`
 * (which takes opt-in rules out too). Selectors were checked where they were read.
 */
export function ruleNames(
  select: readonly string[],
  extend: readonly string[],
  ignore: readonly string[],
): string[] {
  const picked = new Set(selectTransforms({ select }));
  if (extend.length) for (const t of selectTransforms({ select: extend })) picked.add(t);
  for (const s of ignore) for (const t of resolve(s)?.rules ?? []) picked.delete(t);
  return TRANSFORMS.filter((t) => picked.has(t)).map((t) => t.name);
}

/** The rules among `transforms` that the selectors name by their own name or code. */
export function namedRules(selectors: readonly string[], transforms: readonly string[]): string[] {
  const named = new Set(selectors.map((s) => findTransform(s)?.name));
  return transforms.filter((t) => named.has(t));
}

/**
 * The safety label, marked for a transform that runs only when named: "unsafe / detect (opt-in)".
 */
export function selectionLabel(t: Rule): string {
  return t.optIn ? `${safetyLabel(t)} (opt-in)` : safetyLabel(t);
}
