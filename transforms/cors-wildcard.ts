// FF402: CORSMiddleware that allows every origin lets any website call the API from a visitor's
// browser and read the answers; with allow_credentials=True it does so with the visitor's cookies.
import type { RuleContext } from "../src/knowledge/context.js";
import { inferClass } from "../src/knowledge/inference.js";
import type { Node } from "../src/engine/parser.js";
import { keywordArguments, listItems } from "../src/engine/syntax.js";
import type { Diagnostic } from "../src/engine/types.js";
import type { Rule } from "../src/knowledge/rule.js";

const CORS = new Set([
  "fastapi.middleware.cors.CORSMiddleware",
  "starlette.middleware.cors.CORSMiddleware",
]);

const MIDDLEWARE = new Set(["fastapi.middleware.Middleware", "starlette.middleware.Middleware"]);

/** Origins a match-all `allow_origin_regex` accepts (Starlette uses `fullmatch`). */
const PROBES = ["https://attacker.invalid", "http://evil.example.net:8080"];

const CONTAINERS = new Set(["list", "tuple", "set"]);

/** How a value came to be the wildcard: written there, through a constant, a settings default. */
interface Wildcard {
  via?: string;
}

export const corsWildcard: Rule = {
  name: "cors-wildcard",
  code: "FF402",
  summary: 'CORSMiddleware with allow_origins=["*"] or a match-all allow_origin_regex',
  rule: "Configure CORS with the specific origins that may call the API, never a wildcard",
  gives: ["detect"],
  severity: "error",
  docs: {
    why: 'With allow_origins=["*"] any website can call the API from a visitor\'s browser and read the responses (an API reached through a private network or IP allow-list is exposed to every page the visitor opens). With allow_credentials=True as well, Starlette answers with the request\'s own Origin and Access-Control-Allow-Credentials: true (on preflights, and on requests that carry cookies), so any site can make requests with the visitor\'s cookies and read the answers. A match-all allow_origin_regex (".*") does the same. List the front-end origins, read from settings.',
    bad: 'from fastapi import FastAPI\nfrom fastapi.middleware.cors import CORSMiddleware\n\napp = FastAPI()\napp.add_middleware(\n    CORSMiddleware,\n    allow_origins=["*"],\n    allow_credentials=True,\n    allow_methods=["*"],\n    allow_headers=["*"],\n)\n',
    good: 'from fastapi import FastAPI\nfrom fastapi.middleware.cors import CORSMiddleware\n\nfrom app.config import settings\n\napp = FastAPI()\napp.add_middleware(\n    CORSMiddleware,\n    allow_origins=settings.cors_origins,\n    allow_credentials=True,\n    allow_methods=["*"],\n    allow_headers=["*"],\n)\n',
  },
  prefilter: [/CORSMiddleware/, /allow_origin/],
  check(ctx: RuleContext): Diagnostic[] {
    const out: Diagnostic[] = [];
    for (const { fn, args } of ctx.callsTo(["add_middleware", "Middleware", "CORSMiddleware"])) {
      const items = listItems(args);
      const q = ctx.qualifiedName(fn);
      let middleware: Node | undefined;
      if (fn.type === "attribute" && fn.childForFieldName("attribute")!.text === "add_middleware") {
        // app.add_middleware(middleware_class, **options)
        middleware = middlewareClass(items, "middleware_class");
      } else if (q && MIDDLEWARE.has(q)) {
        // Middleware(cls, **options)
        middleware = middlewareClass(items, "cls");
      } else if (q && CORS.has(q)) {
        // CORSMiddleware(app, allow_origins=...): the class wrapping an app directly.
        middleware = fn;
      }
      if (!middleware || !CORS.has(ctx.qualifiedName(middleware) ?? "")) continue;
      const keywords = keywordArguments(args);
      const credentials = keywords.get("allow_credentials")?.childForFieldName("value");
      const withCredentials = credentials?.type === "true";
      const origins = keywords.get("allow_origins");
      const originsValue = origins?.childForFieldName("value");
      const wildcard = originsValue && wildcardOrigins(ctx, originsValue);
      if (origins && wildcard) {
        const via = wildcard.via ? ` (${wildcard.via})` : "";
        out.push(
          ctx.diagnostic(
            this,
            origins,
            withCredentials
              ? `CORS allows every origin${via} with allow_credentials=True: Starlette then answers preflights and requests that carry cookies with the request's own Origin and Access-Control-Allow-Credentials: true, so any website can send requests with the visitor's cookies and read the answers; list the allowed origins (from settings)`
              : `CORS allows every origin${via}: any website can call the API from a visitor's browser and read the answers; list the allowed origins (from settings)`,
          ),
        );
      }
      const regex = keywords.get("allow_origin_regex");
      const regexValue = regex?.childForFieldName("value");
      const pattern = regexValue && constantString(ctx, regexValue);
      if (regex && pattern && matchesAll(pattern.text)) {
        const via = pattern.via ? ` (${pattern.via})` : "";
        out.push(
          ctx.diagnostic(
            this,
            regex,
            withCredentials
              ? `allow_origin_regex matches every origin${via} and allow_credentials=True: Starlette echoes any request's Origin with Access-Control-Allow-Credentials: true, so any website can send requests with the visitor's cookies and read the answers; match only your own origins`
              : `allow_origin_regex matches every origin${via}: any website can call the API from a visitor's browser and read the answers; match only your own origins`,
          ),
        );
      }
    }
    return out;
  },
};

/** The middleware class argument: the first positional one, or the keyword. */
function middlewareClass(items: Node[], keyword: string): Node | undefined {
  const first = items[0];
  if (first && first.type !== "keyword_argument") {
    return first.type === "list_splat" || first.type === "dictionary_splat" ? undefined : first;
  }
  const named = items.find(
    (a) => a.type === "keyword_argument" && a.childForFieldName("name")!.text === keyword,
  );
  return named?.childForFieldName("value") ?? undefined;
}

/** The text of a plain string literal, or undefined. */
function stringText(ctx: RuleContext, node: Node): string | undefined {
  if (node.type !== "string") return undefined;
  const open = node.children.find((c) => c?.type === "string_start");
  const close = node.children.find((c) => c?.type === "string_end");
  if (!open || !close || node.children.some((c) => c?.type === "interpolation")) return undefined;
  if (/[bBfF]/.test(open.text)) return undefined;
  const raw = ctx.source.slice(open.endIndex, close.startIndex);
  // Outside a raw string `\\.` is `\.` to the regex: only that escape matters to a pattern.
  return /[rR]/.test(open.text) ? raw : raw.replace(/\\\\/g, "\\");
}

/**
 * The value a name certainly has in this module: the right side of its one assignment at module
 * level (`ORIGINS = ["*"]`), or undefined.
 */
function constantValue(ctx: RuleContext, id: Node): Node | undefined {
  const found = ctx.bindings(id.text, id);
  const only = found?.length === 1 ? found[0]! : undefined;
  if (only?.kind !== "assignment" || only.scope.kind !== "module") return undefined;
  const statement = only.statement;
  if (statement.type !== "assignment" || !statement.childForFieldName("left")?.equals(only.node))
    return undefined;
  return statement.childForFieldName("right") ?? undefined;
}

/**
 * The default a settings class of this module gives a field, for `settings.FIELD` where
 * `settings` is certainly an instance of that class.
 */
function settingsDefault(ctx: RuleContext, node: Node): Node | undefined {
  const object = node.childForFieldName("object");
  const field = node.childForFieldName("attribute")?.text;
  if (object?.type !== "identifier" || !field) return undefined;
  const cls = inferClass(ctx, object);
  if (!cls?.instance || cls.union || !cls.definition) return undefined;
  if (ctx.classKind(cls.definition) !== "settings") return undefined;
  for (const statement of cls.definition.childForFieldName("body")?.namedChildren ?? []) {
    const assign = statement?.type === "expression_statement" ? statement.namedChildren[0] : null;
    if (assign?.type !== "assignment") continue;
    if (assign.childForFieldName("left")?.text !== field) continue;
    return assign.childForFieldName("right") ?? undefined;
  }
  return undefined;
}

/** Whether allow_origins lets every origin in: `["*"]`, `"*"`, or a name proven to hold one. */
function wildcardOrigins(ctx: RuleContext, value: Node, depth = 0): Wildcard | undefined {
  if (depth > 2) return undefined;
  // "*" as a plain string: Starlette's `"*" in allow_origins` is true for it too.
  if (stringText(ctx, value) === "*") return {};
  if (CONTAINERS.has(value.type)) {
    return listItems(value).some((item) => stringText(ctx, item) === "*") ? {} : undefined;
  }
  if (value.type === "identifier") {
    const right = constantValue(ctx, value);
    const inner = right && wildcardOrigins(ctx, right, depth + 1);
    return inner ? { via: inner.via ?? `${value.text} is ["*"]` } : undefined;
  }
  if (value.type === "attribute") {
    const right = settingsDefault(ctx, value);
    const inner = right && wildcardOrigins(ctx, right, depth + 1);
    return inner ? { via: `${value.text} defaults to ["*"]` } : undefined;
  }
  return undefined;
}

/** A string literal, or a module constant holding one. */
function constantString(ctx: RuleContext, value: Node): { text: string; via?: string } | undefined {
  const text = stringText(ctx, value);
  if (text !== undefined) return { text };
  if (value.type !== "identifier") return undefined;
  const right = constantValue(ctx, value);
  const inner = right && stringText(ctx, right);
  return inner !== undefined ? { text: inner, via: `${value.text} is "${inner}"` } : undefined;
}

/** True when the pattern fully matches any origin (`.*`, `^https?://.*$`). */
function matchesAll(pattern: string): boolean {
  let source = pattern;
  let flags = "";
  const inline = /^\(\?([a-z]+)\)/.exec(source);
  if (inline) {
    if (/[^is]/.test(inline[1]!)) return false;
    flags = inline[1]!;
    source = source.slice(inline[0].length);
  }
  let compiled: RegExp;
  try {
    compiled = new RegExp(`^(?:${source})$`, flags);
  } catch {
    return false;
  }
  return PROBES.every((origin) => compiled.test(origin));
}
