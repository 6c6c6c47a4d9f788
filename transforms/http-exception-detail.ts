// FF209: an HTTPException without `detail` answers with the bare reason phrase; clients get
// nothing to act on.
import type { RuleContext } from "../src/knowledge/context.js";
import { listItems } from "../src/engine/syntax.js";
import type { Diagnostic } from "../src/engine/types.js";
import type { Rule } from "../src/knowledge/rule.js";
import { HTTP_EXCEPTIONS } from "../src/project/fastapi-names.js";

const QUERY = `(call function: [(identifier) (attribute)] @fn arguments: (argument_list) @args (#match? @fn "HTTPException$")) @call`;

export const httpExceptionDetail: Rule = {
  name: "http-exception-detail",
  code: "FF209",
  summary: "HTTPException raised without detail",
  rule: "Provide user-friendly error messages in the detail field",
  gives: ["detect"],
  docs: {
    why: "Without detail the client receives only the status's reason phrase; a message (and an error code) tells it what went wrong.",
    bad: "raise HTTPException(status.HTTP_404_NOT_FOUND)\n",
    good: 'raise HTTPException(status.HTTP_404_NOT_FOUND, detail="Item not found")\n',
  },
  prefilter: /HTTPException/,
  query: QUERY,
  check(ctx: RuleContext): Diagnostic[] {
    const out: Diagnostic[] = [];
    for (const m of ctx.captures(QUERY)) {
      const fn = m.node("fn");
      const q = ctx.qualifiedName(fn);
      if (!q || !HTTP_EXCEPTIONS.has(q)) continue;
      const args = listItems(m.node("args"));
      // (status_code, detail, headers): detail is the second positional or the keyword.
      const positional = args.filter((a) => a.type !== "keyword_argument");
      const named = args.some(
        (a) =>
          (a.type === "keyword_argument" && a.childForFieldName("name")!.text === "detail") ||
          a.type === "list_splat" ||
          a.type === "dictionary_splat",
      );
      if (named || positional.length >= 2) continue;
      out.push(
        ctx.diagnostic(this, m.node("call"), "HTTPException without detail: say what went wrong"),
      );
    }
    return out;
  },
};
