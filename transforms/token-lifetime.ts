// FF404: JWTs that never expire, access tokens that live for days, and decoding that does not
// pin the algorithm or turns verification off.
import type { RuleContext } from "../src/knowledge/context.js";
import { literalString } from "../src/knowledge/routes.js";
import type { Node } from "../src/engine/parser.js";
import { keywordArguments, listItems } from "../src/engine/syntax.js";
import type { Diagnostic } from "../src/engine/types.js";
import type { Rule } from "../src/knowledge/rule.js";

/** python-jose's and PyJWT's module functions, by qualified name. */
const ENCODERS = new Set(["jose.jwt.encode", "jwt.encode"]);
const DECODERS = new Set(["jose.jwt.decode", "jwt.decode"]);

/** The longest lifetime an access token should have, in minutes. */
const MAX_MINUTES = 30;

const ASSIGN = `(assignment left: (_) @left right: (_) @value)`;
const KEYWORD = `(keyword_argument name: (identifier) @name value: (_) @value)`;
const DEFAULT = `[(default_parameter name: (identifier) @name value: (_) @value) (typed_default_parameter name: (identifier) @name value: (_) @value)]`;
const PAIR = `(pair key: (string) @key value: (_) @value)`;
/** Calls of functions spelled with "access" (`create_access_token(...)`): positional lifetimes. */
const ACCESS_CALL = `(call function: (_) @fn arguments: (argument_list) @args (#match? @fn "[Aa]ccess"))`;

/** Words that make a name an expiry (`ACCESS_TOKEN_EXPIRE_MINUTES`, `expires_delta`, `exp`). */
const EXPIRY = new Set([
  "exp",
  "expire",
  "expires",
  "expiry",
  "expiration",
  "lifetime",
  "lifespan",
  "ttl",
]);

/** Minutes per unit word. */
const UNITS: Record<string, number> = {
  seconds: 1 / 60,
  second: 1 / 60,
  secs: 1 / 60,
  sec: 1 / 60,
  minutes: 1,
  minute: 1,
  mins: 1,
  min: 1,
  hours: 60,
  hour: 60,
  hrs: 60,
  days: 1440,
  day: 1440,
  weeks: 10080,
};

/** `timedelta(...)` arguments in positional order, in minutes. */
const TIMEDELTA: Array<[string, number]> = [
  ["days", 1440],
  ["seconds", 1 / 60],
  ["microseconds", 1 / 60_000_000],
  ["milliseconds", 1 / 60_000],
  ["minutes", 1],
  ["hours", 60],
  ["weeks", 10080],
];

/** Words next to "access" that name something other than a token (`ACCESS_CODE_...`, `ACCESS_KEY_...`). */
const NOT_TOKEN = new Set(["code", "key", "keys", "log", "logs", "link", "links", "url", "grant"]);

/** Verbs of functions that make tokens. */
const MAKING = new Set([
  "create",
  "generate",
  "make",
  "issue",
  "build",
  "encode",
  "sign",
  "mint",
  "new",
  "gen",
]);

/** Option keys of jwt.decode() that turn a check off when set to False. */
const VERIFY_OFF: Record<string, string> = {
  verify_signature:
    "jwt.decode() with verify_signature off accepts forged tokens: anyone can write any claims; verify the signature with the key and algorithms=[...]",
  verify_exp:
    "jwt.decode() with verify_exp off accepts expired tokens forever; leave expiry checking on",
};

export const tokenLifetime: Rule = {
  name: "token-lifetime",
  code: "FF404",
  summary:
    "JWTs without exp, access tokens living over 30 minutes, jwt.decode() without algorithms= or with verification off",
  rule: "Access tokens must expire (30 minutes at most); decode them with a fixed algorithm list and verification on",
  gives: ["detect"],
  severity: "error",
  docs: {
    why: 'A JWT is valid until its "exp": a token without one, or an access token that lives for days, stays usable long after it leaks (logs, browser storage, a proxy), and cannot be revoked without a server-side list. Keep access tokens short (15-30 minutes) and renew them with a refresh token. Decoding must name the algorithms you sign with (python-jose accepts whatever the token header says without algorithms=; PyJWT 2 refuses to decode) and keep signature and expiry verification on. Test modules are not checked: they build expired and unsigned tokens on purpose.',
    bad: 'from datetime import datetime, timedelta, timezone\n\nfrom jose import jwt\n\nACCESS_TOKEN_EXPIRE_MINUTES = 60 * 24 * 8\n\n\ndef create_access_token(subject: str) -> str:\n    return jwt.encode({"sub": subject}, SECRET_KEY, algorithm="HS256")\n\n\ndef read_token(token: str) -> dict:\n    return jwt.decode(token, SECRET_KEY)\n',
    good: 'from datetime import datetime, timedelta, timezone\n\nfrom jose import jwt\n\nACCESS_TOKEN_EXPIRE_MINUTES = 15\n\n\ndef create_access_token(subject: str) -> str:\n    expire = datetime.now(timezone.utc) + timedelta(minutes=ACCESS_TOKEN_EXPIRE_MINUTES)\n    return jwt.encode({"sub": subject, "exp": expire}, SECRET_KEY, algorithm="HS256")\n\n\ndef read_token(token: str) -> dict:\n    return jwt.decode(token, SECRET_KEY, algorithms=["HS256"])\n',
  },
  // A JWT library, or a name about access tokens (`ACCESS_TOKEN_EXPIRE_MINUTES` in config.py).
  // The rules of FastAPI development: a project that builds no app or router is a library.
  scope: "app",
  prefilter: /\bjwt\b|access_?(?:token|expir|exp_|ttl|lifetime)/i,
  queries: [ASSIGN, KEYWORD, DEFAULT, PAIR, ACCESS_CALL],
  check(ctx: RuleContext): Diagnostic[] {
    // Tests build tokens without exp, expired and unsigned on purpose, and decode to inspect.
    if (ctx.isTestFile) return [];
    const out: Diagnostic[] = [];
    if (/\bjwt\b/.test(ctx.source)) {
      checkEncode(this, ctx, out);
      checkDecode(this, ctx, out);
    }
    if (/access/i.test(ctx.source)) checkLifetimes(this, ctx, out);
    return out.sort((a, b) => a.start - b.start);
  },
};

type Self = { code: string; name: string };

// ---- jwt.encode ----------------------------------------------------------------------------

function checkEncode(self: Self, ctx: RuleContext, out: Diagnostic[]): void {
  for (const { fn, args } of ctx.callsTo(["encode"])) {
    if (!ENCODERS.has(ctx.qualifiedName(fn) ?? "")) continue;
    const items = listItems(args);
    if (items.some((a) => a.type === "list_splat" || a.type === "dictionary_splat")) continue;
    const payload =
      items[0] && items[0].type !== "keyword_argument"
        ? items[0]
        : (
            keywordArguments(args).get("claims") ?? keywordArguments(args).get("payload")
          )?.childForFieldName("value");
    if (!payload || !lacksExp(ctx, payload)) continue;
    out.push(
      ctx.diagnostic(
        self,
        payload,
        'JWT payload without "exp": the token never expires; add "exp" (e.g. datetime.now(timezone.utc) + timedelta(minutes=15))',
      ),
    );
  }
}

/** True when the payload certainly has no "exp" key: a literal, or a local only given other keys. */
function lacksExp(ctx: RuleContext, payload: Node): boolean {
  const literal = literalKeys(ctx, payload);
  if (literal) return !literal.includes("exp");
  if (payload.type !== "identifier") return false;
  const bindings = ctx.bindings(payload.text, payload);
  if (bindings?.length !== 1) return false;
  const [b] = bindings;
  if (b!.kind !== "assignment" || b!.statement.type !== "assignment") return false;
  if (!b!.statement.childForFieldName("left")?.equals(b!.node)) return false;
  const initial = literalKeys(ctx, b!.statement.childForFieldName("right"));
  if (!initial || initial.includes("exp")) return false;
  const refs = ctx.references(b!);
  if (typeof refs === "string") return false;
  return refs.every((r) => r.equals(b!.node) || r.equals(payload) || addsNoExp(ctx, r));
}

/**
 * The keys of a dict display whose keys are all plain strings (`{"sub": x}`), or of `dict(sub=x)`;
 * undefined for anything else (`{**claims}`, a computed key, a comprehension).
 */
function literalKeys(ctx: RuleContext, node: Node | null | undefined): string[] | undefined {
  if (!node) return undefined;
  if (node.type === "parenthesized_expression" && node.namedChildren.length === 1)
    return literalKeys(ctx, node.namedChildren[0]);
  if (node.type === "dictionary") {
    const keys: string[] = [];
    for (const item of listItems(node)) {
      const key = item.type === "pair" ? literalString(item.childForFieldName("key")) : undefined;
      if (key === undefined) return undefined;
      keys.push(key);
    }
    return keys;
  }
  if (node.type === "call") {
    const fn = node.childForFieldName("function")!;
    if (ctx.qualifiedName(fn) !== "builtins.dict") return undefined;
    const items = listItems(node.childForFieldName("arguments")!);
    if (items.some((i) => i.type !== "keyword_argument")) return undefined;
    return items.map((i) => i.childForFieldName("name")!.text);
  }
  return undefined;
}

/** True for a use of the payload dict that cannot give it an "exp" key: `p["sub"] = ...`, `p.update(sub=...)`. */
function addsNoExp(ctx: RuleContext, ref: Node): boolean {
  const parent = ref.parent;
  if (!parent) return false;
  if (parent.type === "subscript" && parent.childForFieldName("value")?.equals(ref)) {
    const key = literalString(parent.childForFieldName("subscript"));
    return key !== undefined && key !== "exp";
  }
  if (parent.type !== "attribute" || !parent.childForFieldName("object")?.equals(ref)) return false;
  const method = parent.childForFieldName("attribute")!.text;
  const call = parent.parent;
  const args = call?.type === "call" ? call.childForFieldName("arguments") : null;
  if (!args || args.type !== "argument_list") return false;
  const items = listItems(args);
  switch (method) {
    case "get":
    case "copy":
    case "items":
    case "keys":
    case "values":
    case "pop":
      return true;
    case "setdefault": {
      const key = literalString(items[0]);
      return key !== undefined && key !== "exp";
    }
    case "update":
      return items.every((i) => {
        if (i.type === "keyword_argument") return i.childForFieldName("name")!.text !== "exp";
        const keys = literalKeys(ctx, i);
        return !!keys && !keys.includes("exp");
      });
    default:
      return false;
  }
}

// ---- jwt.decode ----------------------------------------------------------------------------

function checkDecode(self: Self, ctx: RuleContext, out: Diagnostic[]): void {
  for (const { call, fn, args } of ctx.callsTo(["decode"])) {
    const q = ctx.qualifiedName(fn);
    if (!q || !DECODERS.has(q)) continue;
    const jose = q.startsWith("jose.");
    const items = listItems(args);
    const keywords = keywordArguments(args);
    let verifyOff = false;
    const options = keywords.get("options")?.childForFieldName("value");
    if (options?.type === "dictionary") {
      for (const pair of listItems(options)) {
        if (pair.type !== "pair") continue;
        const key = literalString(pair.childForFieldName("key"));
        if (!key || !VERIFY_OFF[key] || pair.childForFieldName("value")?.type !== "false") continue;
        out.push(ctx.diagnostic(self, pair, VERIFY_OFF[key]));
        if (key === "verify_signature") verifyOff = true;
      }
    }
    // PyJWT 1: decode(jwt, key, verify=True, algorithms=None, ...).
    const verify = keywords.get("verify");
    if (!jose && verify?.childForFieldName("value")?.type === "false") {
      out.push(
        ctx.diagnostic(
          self,
          verify,
          "jwt.decode(verify=False) accepts forged and expired tokens: anyone can write any claims; verify with the key and algorithms=[...]",
        ),
      );
      verifyOff = true;
    }
    if (verifyOff) continue;
    if (items.some((a) => a.type === "list_splat" || a.type === "dictionary_splat")) continue;
    const positional = items.filter((a) => a.type !== "keyword_argument");
    let algorithms = keywords.get("algorithms")?.childForFieldName("value");
    if (!algorithms && positional.length >= 3) {
      // python-jose: decode(token, key, algorithms, ...); PyJWT 1 and 2 differ there: leave it.
      if (!jose) continue;
      algorithms = positional[2];
    }
    if (algorithms && algorithms.type !== "none") continue;
    out.push(
      ctx.diagnostic(
        self,
        call,
        jose
          ? "jwt.decode() without algorithms=: python-jose then accepts whatever algorithm the token's header names; pass algorithms=[...] with the one you sign with"
          : "jwt.decode() without algorithms=: PyJWT 1 accepts whatever algorithm the token's header names and PyJWT 2 refuses to decode; pass algorithms=[...] with the one you sign with",
      ),
    );
  }
}

// ---- lifetimes -----------------------------------------------------------------------------

function checkLifetimes(self: Self, ctx: RuleContext, out: Diagnostic[]): void {
  const done = new Set<number>();
  const report = (found: Lifetime | undefined): void => {
    if (!found || found.minutes <= MAX_MINUTES + 1e-9 || done.has(found.node.startIndex)) return;
    done.add(found.node.startIndex);
    out.push(
      ctx.diagnostic(
        self,
        found.node,
        `access token lifetime of ${duration(found.minutes)}: a leaked token stays usable that long; keep access tokens to ${MAX_MINUTES} minutes or less and renew them with a refresh token`,
      ),
    );
  };

  // `ACCESS_TOKEN_EXPIRE_MINUTES = 60 * 24 * 8`, `expire = now + timedelta(days=7)` in
  // create_access_token, `to_encode["exp"] = ...` there.
  for (const m of ctx.captures(ASSIGN)) {
    const left = m.get("left")!;
    const value = m.get("value")!;
    const name = targetName(left);
    if (name === undefined) continue;
    const unit = lifetimeName(name, inAccessFunction(ctx, left));
    if (unit !== undefined) report(lifetimeMinutes(ctx, value, unit));
  }
  // `create_access_token(data, expires_delta=timedelta(days=7))`, `update(exp=...)`.
  for (const m of ctx.captures(KEYWORD)) {
    const name = m.get("name")!;
    const value = m.get("value")!;
    const call = name.parent?.parent?.parent;
    const callee = call?.type === "call" ? lastName(call.childForFieldName("function")!) : "";
    // In create_access_token, a call that makes a refresh token is not about the access token.
    const context =
      isAccessName(callee) || (!words(callee).includes("refresh") && inAccessFunction(ctx, name));
    const unit = lifetimeName(name.text, context);
    if (unit !== undefined) report(lifetimeMinutes(ctx, value, unit));
  }
  // `def create_access_token(data, expires_delta=timedelta(days=7))`.
  for (const m of ctx.captures(DEFAULT)) {
    const name = m.get("name")!;
    const value = m.get("value")!;
    const def = name.parent?.parent?.parent;
    const access =
      def?.type === "function_definition" &&
      isAccessName(def.childForFieldName("name")?.text ?? "");
    const unit = lifetimeName(name.text, access);
    if (unit !== undefined) report(lifetimeMinutes(ctx, value, unit));
  }
  // `{"sub": subject, "exp": now + timedelta(days=7)}` in create_access_token.
  for (const m of ctx.captures(PAIR)) {
    const key = literalString(m.get("key"));
    const value = m.get("value")!;
    if (key === undefined) continue;
    const unit = lifetimeName(key, inAccessFunction(ctx, value));
    if (unit !== undefined) report(lifetimeMinutes(ctx, value, unit));
  }
  // `create_access_token(user.id, timedelta(days=7))`.
  for (const m of ctx.captures(ACCESS_CALL)) {
    if (!isAccessName(lastName(m.get("fn")!))) continue;
    for (const arg of listItems(m.get("args")!)) {
      if (arg.type === "keyword_argument") continue;
      const minutes = timedeltaMinutes(ctx, arg);
      if (minutes !== undefined) report({ minutes, node: arg });
    }
  }
}

/** The name an assignment target gives: `X`, `self.x`, `payload["exp"]`. */
function targetName(left: Node): string | undefined {
  if (left.type === "identifier") return left.text;
  if (left.type === "attribute") return left.childForFieldName("attribute")?.text;
  if (left.type === "subscript") return literalString(left.childForFieldName("subscript"));
  return undefined;
}

function lastName(fn: Node): string {
  return fn.type === "attribute" ? (fn.childForFieldName("attribute")?.text ?? "") : fn.text;
}

function words(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/**
 * A function that makes access tokens (`create_access_token`, `encodeAccessJwt`): a verb of
 * making, "access" and "token"/"jwt", no "refresh". A route named `login_access_token` only
 * hands tokens out.
 */
function isAccessName(name: string): boolean {
  const w = words(name);
  return (
    w.includes("access") &&
    (w.includes("token") || w.includes("tokens") || w.includes("jwt")) &&
    !w.includes("refresh") &&
    w.some((x) => MAKING.has(x))
  );
}

/**
 * For a name that holds an access token's lifetime, its unit in minutes ("" when the value
 * must carry its own: a timedelta); undefined for any other name. In an access-token context
 * (inside create_access_token, an argument of it) an expiry name is enough; elsewhere it must
 * also say "access" (`ACCESS_TOKEN_EXPIRE_MINUTES`). Refresh tokens are meant to live long.
 */
function lifetimeName(name: string, accessContext: boolean): number | "" | undefined {
  const w = words(name);
  if (w.includes("refresh") || !w.some((x) => EXPIRY.has(x))) return undefined;
  if (!accessContext && (!w.includes("access") || w.some((x) => NOT_TOKEN.has(x))))
    return undefined;
  const unit = w.find((x) => UNITS[x] !== undefined);
  return unit ? UNITS[unit] : "";
}

/** True inside a function (or method) named like create_access_token. */
function inAccessFunction(ctx: RuleContext, node: Node): boolean {
  for (let s: ReturnType<RuleContext["scopeAt"]> | undefined = ctx.scopeAt(node); s; s = s.parent) {
    if (s.kind === "function") return isAccessName(s.node.childForFieldName("name")?.text ?? "");
    if (s.kind === "class" || s.kind === "module") return false;
  }
  return false;
}

/** A constant lifetime and the node that spells it. */
interface Lifetime {
  minutes: number;
  node: Node;
}

/**
 * The lifetime a value sets, in minutes: a constant `timedelta(...)`, `now + timedelta(...)`,
 * `time.time() + 3600`, or a number in the unit the name gives; undefined when not a constant.
 */
function lifetimeMinutes(ctx: RuleContext, value: Node, unit: number | ""): Lifetime | undefined {
  const v = unwrap(ctx, fieldDefault(ctx, value));
  const td = timedeltaMinutes(ctx, v);
  if (td !== undefined) return { minutes: td, node: v };
  if (v.type === "binary_operator" && v.childForFieldName("operator")?.type === "+") {
    const left = unwrap(ctx, v.childForFieldName("left")!);
    const right = unwrap(ctx, v.childForFieldName("right")!);
    const [l, r] = [timedeltaMinutes(ctx, left), timedeltaMinutes(ctx, right)];
    if (l !== undefined && r !== undefined) return { minutes: l + r, node: v };
    for (const [a, b] of [
      [left, right],
      [right, left],
    ] as const) {
      // `now + timedelta(days=7)`: the other side is the start, whatever it is.
      const delta = timedeltaMinutes(ctx, a);
      if (delta !== undefined)
        return number(b) === undefined ? { minutes: delta, node: a } : undefined;
      // `time.time() + 3600`: seconds.
      if (isClock(ctx, b)) {
        const seconds = number(a);
        return seconds === undefined ? undefined : { minutes: seconds / 60, node: a };
      }
    }
    return undefined;
  }
  if (unit === "") return undefined;
  const n = number(v);
  return n === undefined ? undefined : { minutes: n * unit, node: v };
}

/** A settings field's default: `Field(60 * 24)` / `Field(default=60 * 24)` -> its value. */
function fieldDefault(ctx: RuleContext, value: Node): Node {
  if (value.type !== "call") return value;
  const q = ctx.qualifiedName(value.childForFieldName("function")!);
  if (q !== "pydantic.Field" && q !== "pydantic.fields.Field" && q !== "sqlmodel.Field")
    return value;
  const args = value.childForFieldName("arguments")!;
  const first = listItems(args)[0];
  if (first && first.type !== "keyword_argument") return first;
  return keywordArguments(args).get("default")?.childForFieldName("value") ?? value;
}

/** Looks through parentheses, `int(...)`, `round(...)` and `(...).timestamp()`. */
function unwrap(ctx: RuleContext, node: Node): Node {
  let n = node;
  for (;;) {
    if (n.type === "parenthesized_expression" && n.namedChildren.length === 1) {
      n = n.namedChildren[0]!;
      continue;
    }
    if (n.type !== "call") return n;
    const fn = n.childForFieldName("function")!;
    const items = listItems(n.childForFieldName("arguments")!);
    const q = ctx.qualifiedName(fn);
    if ((q === "builtins.int" || q === "builtins.round") && items.length === 1) {
      n = items[0]!;
      continue;
    }
    if (fn.type === "attribute" && lastName(fn) === "timestamp" && !items.length) {
      n = fn.childForFieldName("object")!;
      continue;
    }
    return n;
  }
}

/** `time.time()`: the clock in seconds. */
function isClock(ctx: RuleContext, node: Node): boolean {
  if (node.type !== "call") return false;
  const q = ctx.qualifiedName(node.childForFieldName("function")!);
  return q === "time.time";
}

/** A constant `timedelta(...)` in minutes. */
function timedeltaMinutes(ctx: RuleContext, node: Node): number | undefined {
  if (node.type !== "call") return undefined;
  if (ctx.qualifiedName(node.childForFieldName("function")!) !== "datetime.timedelta")
    return undefined;
  let total = 0;
  let position = 0;
  for (const arg of listItems(node.childForFieldName("arguments")!)) {
    let factor: number | undefined;
    let value: Node | null = arg;
    if (arg.type === "keyword_argument") {
      const name = arg.childForFieldName("name")!.text;
      factor = TIMEDELTA.find(([n]) => n === name)?.[1];
      value = arg.childForFieldName("value");
    } else factor = TIMEDELTA[position++]?.[1];
    const n = value ? number(value) : undefined;
    if (factor === undefined || n === undefined) return undefined;
    total += n * factor;
  }
  return total;
}

/** The value of constant integer/float arithmetic (`60 * 24 * 8`), or undefined. */
function number(node: Node): number | undefined {
  switch (node.type) {
    case "integer":
    case "float": {
      const text = node.text.replace(/_/g, "");
      if (/[jJ]$/.test(text)) return undefined;
      const n = /^0[oO]/.test(text) ? parseInt(text.slice(2), 8) : Number(text);
      return Number.isFinite(n) ? n : undefined;
    }
    case "parenthesized_expression":
      return node.namedChildren.length === 1 ? number(node.namedChildren[0]!) : undefined;
    case "unary_operator": {
      const n = number(node.childForFieldName("argument")!);
      const op = node.childForFieldName("operator")?.type;
      return n === undefined ? undefined : op === "-" ? -n : op === "+" ? n : undefined;
    }
    case "binary_operator": {
      const a = number(node.childForFieldName("left")!);
      const b = number(node.childForFieldName("right")!);
      if (a === undefined || b === undefined) return undefined;
      switch (node.childForFieldName("operator")?.type) {
        case "+":
          return a + b;
        case "-":
          return a - b;
        case "*":
          return a * b;
        case "/":
          return b ? a / b : undefined;
        case "//":
          return b ? Math.floor(a / b) : undefined;
        case "**":
          return a ** b;
        default:
          return undefined;
      }
    }
    default:
      return undefined;
  }
}

/** `8 days`, `2 hours`, `45 minutes`, `1 hour 30 minutes`. */
function duration(minutes: number): string {
  const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? "" : "s"}`;
  const m = Math.round(minutes * 60) / 60;
  if (!Number.isInteger(m)) return plural(Math.round(minutes * 60), "second");
  if (m % 1440 === 0) return plural(m / 1440, "day");
  if (m % 60 === 0) return plural(m / 60, "hour");
  if (m > 60) return `${plural(Math.floor(m / 60), "hour")} ${plural(m % 60, "minute")}`;
  return plural(m, "minute");
}
