// Which transforms a run uses: the ones named (by name or code), or all of them.
import type { Transform } from "../engine/types.js";
import { TRANSFORMS, findTransform } from "../../transforms/index.js";
import { UsageError } from "./discover.js";

export function selectTransforms(names: string[]): Transform[] {
  if (!names.length) return [...TRANSFORMS];
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
