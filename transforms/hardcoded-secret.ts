// FF401: secrets written into the source (a signing key, a password, a token, a connection URL with
// its password) end up in every clone, image and log of the repository; they belong in the
// environment, read through settings.
import type { RuleContext } from "../src/knowledge/context.js";
import type { Node } from "../src/engine/parser.js";
import { listItems, removeListItems } from "../src/engine/syntax.js";
import type { Diagnostic, Edit } from "../src/engine/types.js";
import type { Rule } from "../src/knowledge/rule.js";

const ASSIGNMENTS = `(assignment left: (identifier) @name right: (_) @value) @assign`;
const KEYWORDS = `(keyword_argument name: (identifier) @name value: [(string) (concatenated_string)] @value)`;
const POSITIONALS = `(argument_list [(string) (concatenated_string)] @value)`;

/** Last words that make a name a secret by themselves: `DB_PASSWORD`, `GITHUB_TOKEN`. */
const SECRET_WORDS = new Set([
  "secret",
  "password",
  "passwd",
  "pwd",
  "passphrase",
  "token",
  "apikey",
  "secretkey",
]);

/** Words before a final `key` that make it a secret: `SECRET_KEY`, `API_KEY`, `PRIVATE_KEY`. */
const KEY_QUALIFIERS = new Set([
  "secret",
  "private",
  "api",
  "signing",
  "encryption",
  "access",
  "auth",
  "master",
  "fernet",
  "hmac",
  "jwt",
  "session",
  "app",
]);

/** Callees whose second argument (or `default=`) is what the code uses when the variable is unset. */
const ENV_READERS = new Set(["os.getenv", "os.environ.get"]);

const FIELDS = new Set(["pydantic.Field", "pydantic.fields.Field"]);

/** `scheme://user:password@host`: the password is the second group. */
const DSN = /^\s*[a-z][a-z0-9+.-]*:\/\/([^:@/\s]*):([^@/\s]*)@/i;

/** A template slot where the password goes: `{}`, `{password}`, `%s`, `%(pw)s`, `${DB_PASSWORD}`, `$PW`. */
const TEMPLATE = /^(\{[^{}]*\}|%(\([^)]*\))?s|\$\{[^}]*\}|\$[A-Za-z_]\w*)$/;

const PEM = /-----BEGIN (?:[A-Z]+ )*PRIVATE KEY-----/;

/** Values that are placeholders, compared lower-cased with everything but letters and digits dropped. */
const PLACEHOLDERS = new Set([
  "changeme",
  "changethis",
  "changeit",
  "replaceme",
  "secret",
  "secretkey",
  "mysecret",
  "mysecretkey",
  "supersecret",
  "supersecretkey",
  "topsecret",
  "password",
  "passwd",
  "pass",
  "token",
  "apikey",
  "todo",
  "fixme",
  "tbd",
  "placeholder",
  "dummy",
  "example",
  "test",
  "testing",
  "none",
  "null",
  "default",
]);

/** A path to a key file (`keys/private.pem`), not the key. */
const KEY_FILE = /^[\w.~/\\:-]+\.(pem|key|crt|der|p12|pfx|json)$/i;

type Finding =
  | { kind: "secret"; placeholder: boolean }
  | { kind: "dsn"; placeholder: boolean }
  | { kind: "pem" };

export const hardcodedSecret: Rule = {
  name: "hardcoded-secret",
  code: "FF401",
  summary: "secrets (keys, passwords, tokens, passwords in connection URLs) written in the source",
  rule: "Never hardcode secrets; read them from the environment through a settings class",
  gives: ["unsafe", "detect"],
  severity: "error",
  docs: {
    why: 'A secret in the source is in every clone, fork, image and backup of the repository and cannot be rotated without a release; anyone who can read the code can sign tokens or reach the database. Read it from the environment (a pydantic BaseSettings field without a default fails at start-up when it is missing). Values read from the environment, empty strings and f-strings are left alone; a literal fallback of os.getenv(), obvious placeholders ("changeme", "your-secret-key") and test code are only hints. With --unsafe-fixes a settings field loses its literal default, so the value must come from the environment or .env.',
    bad: 'from pydantic_settings import BaseSettings\n\nDATABASE_URL = "postgresql://app:s3cr3t-pw@db:5432/app"\n\n\nclass Settings(BaseSettings):\n    secret_key: str = "9f8a7c1e2b3d4f5a6b7c8d9e0f1a2b3c"\n',
    good: 'import os\n\nfrom pydantic_settings import BaseSettings\n\nDATABASE_URL = os.environ["DATABASE_URL"]\n\n\nclass Settings(BaseSettings):\n    secret_key: str\n',
  },
  // A secret-like name, a private key block or a URL with a password, and a string literal.
  // The rules of FastAPI development: a project that builds no app or router is a library.
  scope: "app",
  prefilter: [
    /secret|passw|passphrase|pwd|token|(?:api|private|signing|encryption|access|auth|master|fernet|hmac|jwt|session|app)[_ ]?key|:\/\/[^\s'"@/]*:[^\s'"@/]*@/i,
    /["']/,
  ],
  queries: [ASSIGNMENTS, KEYWORDS, POSITIONALS],
  check(ctx: RuleContext): Diagnostic[] {
    const out: Diagnostic[] = [];
    const seen = new Set<number>();
    const hint = (node: Node, message: string): void => {
      seen.add(node.startIndex);
      out.push({ ...ctx.diagnostic(this, node, message), severity: "note" });
    };
    const report = (
      node: Node,
      finding: Finding,
      name: string | undefined,
      settings = false,
      edits?: Edit[],
      blocked?: string,
    ) => {
      seen.add(node.startIndex);
      const message = describe(finding, name, settings) + (blocked ? ` (no fix: ${blocked})` : "");
      if (ctx.isTestFile || ("placeholder" in finding && finding.placeholder)) {
        hint(node, message);
        return;
      }
      out.push(
        ctx.diagnostic(
          this,
          node,
          message,
          edits && {
            title: "Drop the literal default: read the value from the environment",
            safety: "unsafe",
            edits,
            // The app then needs the variable set to start: never part of a migration run.
            whenNamed: true,
          },
        ),
      );
    };

    // 1. os.getenv("SECRET_KEY", "literal"): read from the environment, but with a literal fallback.
    for (const { call, fn, args } of ctx.callsTo(["getenv", "get"])) {
      const q = ctx.qualifiedName(fn);
      if (!q || !ENV_READERS.has(q)) continue;
      const items = listItems(args);
      const variable = items[0] && literal(ctx, items[0]);
      const fallback =
        items[1]?.type !== "keyword_argument"
          ? items[1]
          : items
              .find(
                (a) =>
                  a.type === "keyword_argument" && a.childForFieldName("name")!.text === "default",
              )
              ?.childForFieldName("value");
      if (!fallback) continue;
      const value = literal(ctx, fallback);
      if (!value) continue;
      const target = assignedName(call);
      const named =
        (variable !== undefined && isSecretName(variable)) || (!!target && isSecretName(target));
      const finding = judge(value, named);
      if (!finding) continue;
      const what = variable !== undefined ? `\`${variable}\`` : "the variable";
      hint(
        fallback,
        `${what} falls back to a hardcoded ${finding.kind === "dsn" ? "connection URL with a password" : "secret"} when it is unset: drop the fallback so a missing variable stops the app at start-up`,
      );
    }

    // 2. Module- and class-level assignments: `SECRET_KEY = "..."`, `secret_key: str = "..."`.
    for (const m of ctx.captures(ASSIGNMENTS)) {
      const assign = m.node("assign");
      const scope = ctx.scopeAt(assign);
      if (scope.kind !== "module" && scope.kind !== "class") continue;
      const name = m.node("name").text;
      const value = m.node("value");
      const cls = scope.kind === "class" ? scope.node : undefined;
      const settings = !!cls && ctx.classKind(cls) === "settings";
      const text = literal(ctx, value);
      if (text !== undefined) {
        if (seen.has(value.startIndex)) continue;
        const finding = judge(text, isSecretName(name));
        if (!finding) continue;
        const type = assign.childForFieldName("type");
        if (!settings || finding.kind === "pem" || !isField(type)) {
          report(value, finding, name);
          continue;
        }
        const blocked = fieldBlocker(type);
        const edits = blocked
          ? undefined
          : [{ start: type.endIndex, end: value.endIndex, text: "" }];
        report(value, finding, name, true, edits, blocked);
        continue;
      }
      // `secret_key: str = Field("...", description=...)` / `Field(default="...")` in a class.
      if (!cls || value.type !== "call") continue;
      const fn = value.childForFieldName("function")!;
      if (!FIELDS.has(ctx.qualifiedName(fn) ?? "")) continue;
      const list = value.childForFieldName("arguments");
      if (list?.type !== "argument_list") continue;
      const items = listItems(list);
      const index = items.findIndex(
        (a, i) =>
          (i === 0 && a.type !== "keyword_argument" && a.type !== "list_splat") ||
          (a.type === "keyword_argument" && a.childForFieldName("name")!.text === "default"),
      );
      const item = items[index];
      const node = item?.type === "keyword_argument" ? item.childForFieldName("value")! : item;
      const content = node && literal(ctx, node);
      if (!node || content === undefined || seen.has(node.startIndex)) continue;
      const finding = judge(content, isSecretName(name));
      if (!finding) continue;
      const type = assign.childForFieldName("type");
      if (!settings || finding.kind === "pem" || !isField(type)) {
        report(node, finding, name);
        continue;
      }
      const blocked =
        fieldBlocker(type) ??
        (items.some((a) => a.type === "list_splat" || a.type === "dictionary_splat")
          ? "Field() takes unpacked arguments"
          : undefined);
      const edits = blocked ? undefined : removeListItems(items, [index]);
      report(node, finding, name, true, edits, blocked);
    }

    // 3. Keyword arguments: `Settings(secret_key="...")`, `SessionMiddleware(app, secret_key="...")`.
    for (const m of ctx.captures(KEYWORDS)) {
      const value = m.node("value");
      if (seen.has(value.startIndex)) continue;
      const text = literal(ctx, value);
      if (text === undefined) continue;
      const name = m.node("name").text;
      const finding = judge(text, isSecretName(name));
      if (finding) report(value, finding, name);
    }

    // 4. Positional arguments: `create_engine("postgresql://app:pw@db/app")`.
    for (const m of ctx.captures(POSITIONALS)) {
      const value = m.node("value");
      if (seen.has(value.startIndex)) continue;
      const text = literal(ctx, value);
      if (text === undefined) continue;
      const finding = judge(text, false);
      if (finding) report(value, finding, undefined);
    }
    return out.sort((a, b) => a.start - b.start);
  },
};

/** The words of a name: `jwtSecretKey` and `JWT_SECRET_KEY` -> ["jwt", "secret", "key"]. */
function words(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .map((w) => w.replace(/\d+$/, ""));
}

/**
 * A name for a secret: its LAST word is one (`DB_PASSWORD`, `GITHUB_TOKEN`, `SECRET_KEY`), so
 * `TOKEN_URL`, `TOKEN_TYPE`, `PASSWORD_MIN_LENGTH`, `SECRET_KEY_NAME` are not.
 */
function isSecretName(name: string): boolean {
  const w = words(name);
  const last = w[w.length - 1];
  if (!last) return false;
  if (SECRET_WORDS.has(last)) return true;
  return last === "key" && KEY_QUALIFIERS.has(w[w.length - 2] ?? "");
}

/** What a non-empty literal is: a secret (when its name says so), a URL with a password, a key block. */
function judge(value: string, named: boolean): Finding | undefined {
  if (PEM.test(value)) return { kind: "pem" };
  const dsn = DSN.exec(value);
  if (dsn) {
    const [, user, password] = dsn;
    if (!password || TEMPLATE.test(password)) return undefined;
    return { kind: "dsn", placeholder: password === user || isPlaceholder(password) };
  }
  if (!named || !value.trim()) return undefined;
  // A template slot (`${SECRET_KEY}`), a path to a key file: not the secret itself.
  if (/\$\{[^}]*\}|\{\{[^}]*\}\}/.test(value) || KEY_FILE.test(value)) return undefined;
  return { kind: "secret", placeholder: isPlaceholder(value) };
}

/** Obvious placeholders: "changeme", "your-secret-key", "<token>", "xxx", "TODO", 1-3 characters. */
function isPlaceholder(value: string): boolean {
  const v = value.trim();
  if (v.length <= 3) return true;
  if (/^<.*>$|^\{\{.*\}\}$|^(x+|\*+|\.+|-+|_+|0+|1234\d*)$/i.test(v)) return true;
  if (
    /^(your|my)[\W_]|change[\W_]?(me|this|it)|replace[\W_]?(me|this)|^(todo|fixme|tbd)\b/i.test(v)
  )
    return true;
  return PLACEHOLDERS.has(v.toLowerCase().replace(/[^a-z0-9]/g, ""));
}

function describe(finding: Finding, name: string | undefined, settings: boolean): string {
  const where = name ? ` in \`${name}\`` : "";
  switch (finding.kind) {
    case "pem":
      return `hardcoded private key${where}: load it from a file or secret store named by the environment / settings`;
    case "dsn":
      if (finding.placeholder)
        return `connection URL with a default password${where}: make sure the real URL comes from the environment / settings`;
      return settings
        ? `settings field \`${name}\` defaults to a connection URL with a hardcoded password: drop the default so the URL comes from the environment or .env`
        : `connection URL with a hardcoded password${where}: read the URL (or its password) from the environment / settings`;
    case "secret":
      if (finding.placeholder)
        return `placeholder secret${where}: make sure the real value comes from the environment / settings`;
      return settings
        ? `settings field \`${name}\` has a hardcoded secret as its default: drop the default so the value comes from the environment or .env`
        : `hardcoded secret${where}: read it from the environment (os.environ or a settings class) instead`;
  }
}

/**
 * The text of a plain string literal (no interpolation; implicit concatenation joined), or
 * undefined for anything else.
 */
function literal(ctx: RuleContext, node: Node): string | undefined {
  const parts =
    node.type === "string"
      ? [node]
      : node.type === "concatenated_string"
        ? node.namedChildren.filter((c): c is Node => !!c && c.type !== "comment")
        : [];
  if (!parts.length) return undefined;
  let text = "";
  for (const part of parts) {
    if (part.type !== "string") return undefined;
    const open = part.children.find((c) => c?.type === "string_start");
    const close = part.children.find((c) => c?.type === "string_end");
    if (!open || !close || part.children.some((c) => c?.type === "interpolation")) return undefined;
    text += ctx.source.slice(open.endIndex, close.startIndex);
  }
  return text;
}

/** The name a call is assigned to (`SECRET_KEY = os.getenv(...)`), or the keyword it is given as. */
function assignedName(call: Node): string | undefined {
  const parent = call.parent;
  if (parent?.type === "assignment" && parent.childForFieldName("right")?.equals(call)) {
    const left = parent.childForFieldName("left");
    return left?.type === "identifier" ? left.text : undefined;
  }
  if (parent?.type === "keyword_argument") return parent.childForFieldName("name")?.text;
  return undefined;
}

/** An annotated class attribute that is not a ClassVar: a field of the settings class. */
function isField(type: Node | null): type is Node {
  return !!type && !/\bClassVar\b/.test(type.text);
}

/**
 * Why a settings field cannot simply lose its default, or undefined when it can: an optional
 * field would default to None (Pydantic v1) instead of becoming required.
 */
function fieldBlocker(type: Node): string | undefined {
  if (/\bOptional\b|\bNone\b|\bAny\b/.test(type.text))
    return "the field is optional; make it required by hand";
  return undefined;
}
