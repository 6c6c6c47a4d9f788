// FF306: every table-backed model records when its rows were created and last changed.
import type { Diagnostic } from "../src/engine/types.js";
import type { RuleContext } from "../src/knowledge/context.js";
import type { Rule } from "../src/knowledge/rule.js";
import { bodyAssigns, classBases, timestampsDefined } from "../src/project/summary.js";

const WANTED = ["created_at", "updated_at"];

export const modelTimestamps: Rule = {
  name: "model-timestamps",
  code: "FF306",
  summary: "mapped models without created_at / updated_at columns",
  rule: "Add created_at and updated_at timestamps to all models",
  gives: ["detect"],
  docs: {
    why: "Knowing when a row was created and last changed answers most support questions and makes incremental exports possible. A mapped class with its own table (`__tablename__`) that neither defines `created_at` and `updated_at` nor inherits them from a mixin or base of the project is reported; a base the tool cannot see into (from another package) may add them, so such classes are left alone.",
    bad: 'class Invoice(Base):\n    __tablename__ = "invoices"\n\n    id: Mapped[int] = mapped_column(primary_key=True)\n',
    good: 'class Invoice(TimestampMixin, Base):\n    __tablename__ = "invoices"\n\n    id: Mapped[int] = mapped_column(primary_key=True)\n',
  },
  prefilter: /__tablename__/,
  check(ctx: RuleContext): Diagnostic[] {
    const out: Diagnostic[] = [];
    for (const scope of ctx.scopes.allScopes()) {
      if (scope.kind !== "class") continue;
      const cls = scope.node;
      // Its own table: `__tablename__` in the body (not an abstract base or a mixin).
      if (!bodyAssigns(cls, "__tablename__") || ctx.mapping(cls).mapped !== "yes") continue;
      const inherited = ctx.index.inheritedTimestamps(classBases(cls, ctx));
      if (!inherited) continue;
      const have = new Set([...inherited, ...(timestampsDefined(cls) ?? [])]);
      const missing = WANTED.filter((w) => !have.has(w));
      if (!missing.length) continue;
      const name = cls.childForFieldName("name")!;
      out.push(
        ctx.diagnostic(
          this,
          name,
          `model ${name.text} has no ${missing.join(" or ")} column: add timestamps (a mixin shares them)`,
        ),
      );
    }
    return out;
  },
};
