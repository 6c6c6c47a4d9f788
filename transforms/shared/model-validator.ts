// Writing a `@model_validator` classmethod into a model: the transforms that keep a v1 behaviour
// v2 has no setting for (Config.getter_dict, URL strings) generate one.
import type { RuleContext } from "../../src/knowledge/context.js";
import type { Node } from "../../src/engine/parser.js";
import type { ImportRequirement } from "../../src/engine/types.js";

export interface ModelValidatorSpec {
  /** The class the method goes into. */
  cls: Node;
  mode: "before" | "wrap" | "after";
  name: string;
  /** The parameters after `cls`; `{Name}` holes are filled with the imported names. */
  parameters: string;
  /** The return annotation, holes as above. */
  returns: string;
  /** The body, one line an entry, indented one step per leading tab; `{Name}` holes as above. */
  body: string[];
  /** Names the code uses besides `model_validator`, by module: [["typing", "Any"]]. */
  uses: ReadonlyArray<readonly [string, string]>;
  /** The indentation of the class body. */
  indent: string;
  /** Comment lines to put above the decorators. */
  comments?: string[];
}

/**
 * The text of the method, starting with a blank line (to follow a statement of the class body),
 * and the imports it needs; or why it cannot be written (a name taken, the method already there).
 */
export function modelValidator(
  ctx: RuleContext,
  spec: ModelValidatorSpec,
): { text: string; imports: ImportRequirement[] } | string {
  if (ctx.text(spec.cls.childForFieldName("body")!).includes(spec.name))
    return `the class already names ${spec.name}`;
  const names: Record<string, string> = {};
  const imports: ImportRequirement[] = [];
  for (const [module, name] of [["pydantic", "model_validator"] as const, ...spec.uses]) {
    const ensured = ctx.ensureImport(spec.cls, module, name);
    if (!ensured.ok) return ensured.reason;
    names[name] = ensured.expr;
    if (ensured.requirement) imports.push(ensured.requirement);
  }
  const fill = (line: string): string => line.replace(/\{(\w+)\}/g, (_, n: string) => names[n]!);
  const step = ctx.stylist.indent;
  const q = ctx.stylist.quote;
  const lines = [
    ...(spec.comments ?? []),
    `@${names.model_validator}(mode=${q}${spec.mode}${q})`,
    "@classmethod",
    `def ${spec.name}(cls, ${fill(spec.parameters)}) -> ${fill(spec.returns)}:`,
    ...spec.body.map((l) => fill(l.replace(/^\t*/, (tabs) => step.repeat(tabs.length + 1)))),
  ];
  const nl = ctx.stylist.newline;
  return { text: nl + lines.map((l) => `${nl}${spec.indent}${l}`).join(""), imports };
}
