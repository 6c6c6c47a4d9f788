// The registry: the one list of transforms. The CLI, the README table and the fixture driver all
// read it.
import type { Transform } from "../src/engine/types.js";
import { asyncSleep } from "./async-sleep.js";
import { pydanticModelConfig } from "./pydantic-model-config.js";
import { pydanticValidators } from "./pydantic-validators.js";
import { pydanticV1Methods } from "./pydantic-v1-methods.js";
import { statusConstants } from "./status-constants.js";

// One entry a line, in code order.
export const TRANSFORMS: readonly Transform[] = [
  asyncSleep,
  pydanticModelConfig,
  pydanticValidators,
  pydanticV1Methods,
  statusConstants,
];

/** Looks up transforms by CLI name or code. */
export function findTransform(nameOrCode: string): Transform | undefined {
  const wanted = nameOrCode.toLowerCase();
  return TRANSFORMS.find((t) => t.name === wanted || t.code.toLowerCase() === wanted);
}
