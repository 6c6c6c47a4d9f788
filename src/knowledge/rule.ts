// A rule of this tool: a transform over the RuleContext, with the cheap conditions before
// parsing that only FastAPI and Pydantic knowledge can state (the module names a model, or
// declares routes).
import { passesPrefilter, type Transform } from "../engine/types.js";
import type { RuleContext } from "./context.js";

/** What a rule is about, for the cheap test before parsing. */
export type RuleScope = "models" | "routes" | "app";

export interface Rule extends Transform<RuleContext> {
  /**
   * What else must hold before parsing: `models` when the rule only concerns Pydantic models (the
   * file must name a model class the index knows), `routes` when it only concerns route handlers,
   * `app` when it concerns any module of a FastAPI project (one that builds an app or a router:
   * the security rules have nothing to say about a library); with several, any of them.
   */
  scope?: RuleScope | readonly RuleScope[];
  /** Text that makes the transform worth running whatever its scope says. */
  alsoWhen?: RegExp;
}

/** A route decorator or registration somewhere in the text: `.get(`, `.api_route(`, ... */
const ROUTE_TEXT =
  /\.(get|post|put|patch|delete|options|head|trace|api_route|add_api_route|websocket)\s*\(/;

/** What the project's names say about a text, for the scope conditions. */
export interface NameTests {
  /** The text names a model class (or Pydantic itself). */
  mentionsModel(text: string): boolean;
  /** The text names an app or router class, or a router the project builds. */
  mentionsRouter(text: string): boolean;
  /** The project builds a FastAPI app or router somewhere. */
  usesFastAPI(): boolean;
}

/**
 * The cheap test that decides whether a transform runs on a text at all, before anything is
 * parsed: its prefilter, and the model or route condition its scope adds.
 */
export function worthRunning(t: Rule, text: string, names: NameTests): boolean {
  if (!passesPrefilter(t, text)) return false;
  if (t.alsoWhen?.test(text)) return true;
  if (!t.scope) return true;
  return scopesOf(t).some((s) =>
    s === "routes"
      ? ROUTE_TEXT.test(text) && names.mentionsRouter(text)
      : s === "app"
        ? names.usesFastAPI()
        : names.mentionsModel(text),
  );
}

/** A rule's scopes as a list (none for a rule without one). */
export function scopesOf(t: Rule): readonly RuleScope[] {
  return typeof t.scope === "string" ? [t.scope] : (t.scope ?? []);
}
