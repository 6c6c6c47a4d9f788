// Which transforms a run uses: the ones named (by name or code), or all of them but the opt-in ones.
import { safetyLabel } from "../engine/types.js";
import type { Rule } from "../knowledge/rule.js";
import { TRANSFORMS, findTransform } from "../../transforms/index.js";
import { UsageError } from "./discover.js";

/**
 * The transforms of a run. Without names: every transform except the opt-in ones (`optIn`),
 * whose fixes change what clients see; they run, and report, only when named.
 */
export function selectTransforms(names: string[]): Rule[] {
  if (!names.length) return TRANSFORMS.filter((t) => !t.optIn);
  const unknown = names.filter((n) => !findTransform(n));
  if (unknown.length) {
    const valid = TRANSFORMS.map((t) => t.name).join(", ");
    throw new UsageError(
      `unknown transform ${unknown.map((u) => `'${u}'`).join(", ")}; valid names: ${valid}`,
    );
  }
  const picked = new Set(names.map((n) => findTransform(n)!));
  return TRANSFORMS.filter((t) => picked.has(t));
}

/**
 * The safety label, marked for a transform that runs only when named: "unsafe / detect (opt-in)".
 */
export function selectionLabel(t: Rule): string {
  return t.optIn ? `${safetyLabel(t)} (opt-in)` : safetyLabel(t);
}
