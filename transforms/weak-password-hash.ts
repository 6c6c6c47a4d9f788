// FF405: passwords hashed with fast digests (hashlib), weak passlib schemes, and passwords
// checked with `==`.
import type { RuleContext } from "../src/knowledge/context.js";
import { literalString } from "../src/knowledge/routes.js";
import type { Node } from "../src/engine/parser.js";
import { keywordArguments, listItems } from "../src/engine/syntax.js";
import type { Diagnostic } from "../src/engine/types.js";
import type { Rule } from "../src/knowledge/rule.js";

/** hashlib constructors: fast digests, unfit for passwords. */
const DIGESTS = [
  "md5",
  "sha1",
  "sha224",
  "sha256",
  "sha384",
  "sha512",
  "sha3_224",
  "sha3_256",
  "sha3_384",
  "sha3_512",
  "blake2b",
  "blake2s",
];

/** passlib schemes that store passwords in the clear. */
const PLAIN_SCHEMES = new Set(["plaintext", "ldap_plaintext", "roundup_plaintext"]);

/** passlib schemes that are unsalted, fast or outdated (bcrypt, argon2, scrypt, pbkdf2_* are fine). */
const WEAK_SCHEMES = new Set([
  ...PLAIN_SCHEMES,
  "md5_crypt",
  "apr_md5_crypt",
  "sun_md5_crypt",
  "sha1_crypt",
  "sha256_crypt",
  "sha512_crypt",
  "des_crypt",
  "bsdi_crypt",
  "bigcrypt",
  "crypt16",
  "ldap_md5",
  "ldap_sha1",
  "ldap_salted_md5",
  "ldap_salted_sha1",
  "ldap_salted_sha256",
  "ldap_salted_sha512",
  "ldap_hex_md5",
  "ldap_hex_sha1",
  "ldap_des_crypt",
  "ldap_bsdi_crypt",
  "ldap_md5_crypt",
  "ldap_sha1_crypt",
  "ldap_sha256_crypt",
  "ldap_sha512_crypt",
  "hex_md4",
  "hex_md5",
  "hex_sha1",
  "hex_sha256",
  "hex_sha512",
  "mysql323",
  "mysql41",
  "postgres_md5",
  "oracle10",
  "oracle11",
  "lmhash",
  "nthash",
  "bsd_nthash",
  "msdcc",
  "msdcc2",
  "cisco_pix",
  "cisco_asa",
  "cisco_type7",
  "htdigest",
  "django_salted_md5",
  "django_salted_sha1",
  "django_des_crypt",
]);

const COMPARISONS = `(comparison_operator) @cmp`;

/** Words that make a name about passwords. */
const PASSWORD_WORDS = new Set(["password", "passwords", "passwd", "pwd", "pw", "passphrase"]);
/** Words that make a name a hash of something (`hashed_password`, `password_hash`, `digest`). */
const HASH_WORDS = new Set(["hash", "hashed", "digest", "hexdigest", "crypt", "encrypted"]);
/** Words that make a password-ish name about something else than the secret itself. */
const NOT_SECRET = new Set([
  "token",
  "tokens",
  "reset",
  "field",
  "label",
  "policy",
  "length",
  "len",
  "min",
  "max",
  "regex",
  "pattern",
  "url",
  "placeholder",
  "error",
  "errors",
  "message",
  "msg",
  "hint",
  "context",
  "ctx",
  "hasher",
  "scheme",
  "schemes",
  "prompt",
  "strength",
  "expire",
  "expires",
  "expiry",
  "changed",
  "updated",
  "at",
  "date",
  "attempts",
  "retries",
  "form",
  "flow",
  "bearer",
  "grant",
  "salt",
  "rules",
  "validator",
  "required",
  "manager",
]);
/** Callees whose result is a yes/no answer about a password, not a value (`verify_password(...) == True`). */
const CHECKS = new Set([
  "verify",
  "check",
  "checkpw",
  "validate",
  "compare",
  "is",
  "match",
  "matches",
  "generate",
  "random",
  "len",
]);
/** A comparison of two user inputs: a confirmation field (`password != password_confirm`). */
const CONFIRMATION = /confirm|repeat|again|retype|re_?pass|verif|second|\d$/i;
/** Qualifiers of two inputs compared in a password change (`new_password == old_password`). */
const CHANGE_WORDS = new Set(["new", "old", "current", "previous"]);

export const weakPasswordHash: Rule = {
  name: "weak-password-hash",
  code: "FF405",
  summary:
    "passwords hashed with hashlib or a weak passlib scheme, or checked with == instead of verify()",
  rule: "Hash passwords with bcrypt or argon2 (passlib CryptContext) and check them with verify()",
  gives: ["detect"],
  severity: "error",
  docs: {
    why: "md5, sha1 and sha256 are built to be fast: a leaked table of such hashes is cracked in bulk on a GPU, and without a salt identical passwords share a hash. Password hashes must be salted and slow (bcrypt, argon2, scrypt, pbkdf2) and are checked with the context's verify(), which re-hashes with the stored salt and compares in constant time; `==` on a password or a hash leaks timing and, on a plain stored password, means the passwords are stored as written. Test modules are not checked.",
    bad: 'import hashlib\n\nfrom passlib.context import CryptContext\n\npwd_context = CryptContext(schemes=["md5_crypt"])\n\n\ndef hash_password(password: str) -> str:\n    return hashlib.sha256(password.encode()).hexdigest()\n\n\ndef authenticate(user, password: str) -> bool:\n    return user.hashed_password == hash_password(password)\n',
    good: 'from passlib.context import CryptContext\n\npwd_context = CryptContext(schemes=["bcrypt"], deprecated="auto")\n\n\ndef hash_password(password: str) -> str:\n    return pwd_context.hash(password)\n\n\ndef authenticate(user, password: str) -> bool:\n    return pwd_context.verify(password, user.hashed_password)\n',
  },
  // A password-ish name (hashlib and comparisons need one), or passlib.
  // The rules of FastAPI development: a project that builds no app or router is a library.
  scope: "app",
  prefilter: /pass(?:word|wd|phrase|lib)|pwd|\bpw\b/i,
  query: COMPARISONS,
  check(ctx: RuleContext): Diagnostic[] {
    // Tests build users with throwaway hashes and cheap schemes on purpose.
    if (ctx.isTestFile) return [];
    const out: Diagnostic[] = [];
    if (/\bhashlib\b/.test(ctx.source)) checkHashlib(this, ctx, out);
    if (/\bpasslib\b/.test(ctx.source)) checkPasslib(this, ctx, out);
    checkComparisons(this, ctx, out);
    return out.sort((a, b) => a.start - b.start);
  },
};

type Self = { code: string; name: string };

// ---- hashlib -------------------------------------------------------------------------------

function checkHashlib(self: Self, ctx: RuleContext, out: Diagnostic[]): void {
  // The Pwned Passwords range API is queried with the SHA-1 of the password, by design.
  const pwnedCheck = /pwnedpasswords|haveibeenpwned/i.test(ctx.source);
  for (const { call, fn, args } of ctx.callsTo([...DIGESTS, "new"])) {
    const algorithm = digestName(ctx, call);
    if (!algorithm) continue;
    if (algorithm === "sha1" && pwnedCheck) continue;
    const items = listItems(args);
    const positional = items.filter((a) => a.type !== "keyword_argument");
    const keywords = keywordArguments(args);
    const data =
      positional[ctx.qualifiedName(fn) === "hashlib.new" ? 1 : 0] ??
      (keywords.get("data") ?? keywords.get("string"))?.childForFieldName("value");
    if (data && isPasswordInput(ctx, data) && !feedsPasswordHasher(ctx, call))
      out.push(ctx.diagnostic(self, call, digestMessage(algorithm)));
  }
  // `h = hashlib.sha256()` ... `h.update(password.encode())`.
  for (const { call, fn, args } of ctx.callsTo(["update"])) {
    const object = fn.type === "attribute" ? fn.childForFieldName("object") : null;
    if (object?.type !== "identifier") continue;
    const bindings = ctx.bindings(object.text, object);
    if (bindings?.length !== 1) continue;
    const statement = bindings[0]!.statement;
    if (bindings[0]!.kind !== "assignment" || statement.type !== "assignment") continue;
    const right = statement.childForFieldName("right");
    const algorithm = right?.type === "call" ? digestName(ctx, right) : undefined;
    const data = listItems(args)[0];
    if (algorithm && data && data.type !== "keyword_argument" && isPasswordInput(ctx, data))
      out.push(ctx.diagnostic(self, call, digestMessage(algorithm)));
  }
}

/**
 * The algorithm a hashlib constructor call uses (`hashlib.sha256(...)` -> "sha256",
 * `hashlib.new("md5", ...)` -> "md5"), unless it says `usedforsecurity=False`.
 */
function digestName(ctx: RuleContext, call: Node): string | undefined {
  const q = ctx.qualifiedName(call.childForFieldName("function")!);
  if (!q?.startsWith("hashlib.")) return undefined;
  const name = q.slice("hashlib.".length);
  const args = call.childForFieldName("arguments")!;
  const keywords = keywordArguments(args);
  if (keywords.get("usedforsecurity")?.childForFieldName("value")?.type === "false")
    return undefined;
  if (name === "new") {
    const first = listItems(args)[0];
    const algo =
      first && first.type !== "keyword_argument"
        ? first
        : keywords.get("name")?.childForFieldName("value");
    return literalString(algo)?.toLowerCase() ?? "new";
  }
  return DIGESTS.includes(name) ? name : undefined;
}

function digestMessage(algorithm: string): string {
  const spelled = algorithm === "new" ? "hashlib.new()" : algorithm;
  return `password hashed with ${spelled}: a fast digest is cracked offline in bulk; hash passwords with passlib's CryptContext(schemes=["bcrypt"]) (or argon2) and check them with verify()`;
}

/** True when the digest is only a pre-hash fed to bcrypt/passlib/argon2 in the same expression. */
function feedsPasswordHasher(ctx: RuleContext, call: Node): boolean {
  for (let n = call.parent; n; n = n.parent) {
    if (n.type.endsWith("statement") || n.type === "block") return false;
    if (n.type !== "call") continue;
    const fn = n.childForFieldName("function")!;
    const q = ctx.qualifiedName(fn) ?? "";
    if (/^(bcrypt|passlib|argon2|pwdlib)\./.test(q)) return true;
    if (["hashpw", "hash", "hash_password"].includes(lastName(fn)) && fn.type === "attribute")
      return true;
  }
  return false;
}

// ---- passlib -------------------------------------------------------------------------------

function checkPasslib(self: Self, ctx: RuleContext, out: Diagnostic[]): void {
  for (const { args, fn } of ctx.callsTo(["CryptContext"])) {
    if (ctx.qualifiedName(fn) !== "passlib.context.CryptContext") continue;
    const keywords = keywordArguments(args);
    const first = listItems(args)[0];
    const schemesNode =
      first && first.type !== "keyword_argument"
        ? first
        : keywords.get("schemes")?.childForFieldName("value");
    const schemes = schemeList(ctx, schemesNode);
    if (!schemes?.length) continue;
    const defaultNode = keywords.get("default")?.childForFieldName("value");
    const chosen = defaultNode ? literalString(defaultNode) : schemes[0]!.name;
    if (chosen === undefined) continue;
    const deprecatedNode = keywords.get("deprecated")?.childForFieldName("value");
    const deprecated = new Set<string>();
    let auto = false;
    if (deprecatedNode) {
      const listed = schemeList(ctx, deprecatedNode);
      if (!listed) continue;
      for (const d of listed) {
        if (d.name === "auto") auto = true;
        else deprecated.add(d.name);
      }
    }
    for (const { name, node } of schemes) {
      if (!WEAK_SCHEMES.has(name)) continue;
      const why = PLAIN_SCHEMES.has(name)
        ? "stores passwords as written"
        : "is fast, unsalted or outdated";
      if (name === chosen) {
        out.push(
          ctx.diagnostic(
            self,
            node,
            `CryptContext hashes new passwords with "${name}", which ${why}; use "bcrypt" or "argon2"`,
          ),
        );
      } else if (!auto && !deprecated.has(name)) {
        out.push(
          ctx.diagnostic(
            self,
            node,
            `CryptContext accepts "${name}", which ${why}, without deprecating it; add deprecated="auto" so old hashes are replaced when users log in`,
          ),
        );
      }
    }
  }
  // `from passlib.hash import md5_crypt` ... `md5_crypt.hash(password)`.
  for (const { call, fn } of ctx.callsTo(["hash", "encrypt"])) {
    const m = /^passlib\.hash\.(\w+)\.(?:hash|encrypt)$/.exec(ctx.qualifiedName(fn) ?? "");
    if (!m || !WEAK_SCHEMES.has(m[1]!)) continue;
    out.push(
      ctx.diagnostic(
        self,
        call,
        `password hashed with passlib's ${m[1]}, ${PLAIN_SCHEMES.has(m[1]!) ? "which stores it as written" : "a weak scheme (fast, unsalted or outdated)"}; use bcrypt or argon2 through CryptContext`,
      ),
    );
  }
}

/** The scheme names of a list, tuple or comma-separated string (or passlib.hash handlers). */
function schemeList(
  ctx: RuleContext,
  node: Node | null | undefined,
): Array<{ name: string; node: Node }> | undefined {
  if (!node) return undefined;
  const text = literalString(node);
  if (text !== undefined)
    return text
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean)
      .map((name) => ({ name, node }));
  if (node.type !== "list" && node.type !== "tuple") return undefined;
  const out: Array<{ name: string; node: Node }> = [];
  for (const item of listItems(node)) {
    const handler = /^passlib\.hash\.(\w+)$/.exec(ctx.qualifiedName(item) ?? "")?.[1];
    const name = literalString(item) ?? handler;
    if (name === undefined) return undefined;
    out.push({ name, node: item });
  }
  return out;
}

// ---- comparisons ---------------------------------------------------------------------------

interface Operand {
  /** The name the operand is known by (`password`, `hashed_password`, `hash_password`). */
  name: string;
  /** A plain password (not a hash of one). */
  plain: boolean;
  /** It is about a password (a hash of anything else, a file checksum, is not). */
  password: boolean;
}

function checkComparisons(self: Self, ctx: RuleContext, out: Diagnostic[]): void {
  for (const m of ctx.captures(COMPARISONS)) {
    const cmp = m.node("cmp");
    const children = cmp.children.filter((c): c is Node => !!c && c.type !== "comment");
    for (let i = 1; i + 1 < children.length; i += 2) {
      const op = children[i]!.type;
      if (op !== "==" && op !== "!=") continue;
      const a = operand(ctx, children[i - 1]!);
      const b = operand(ctx, children[i + 1]!);
      if (!a || !b || (!a.password && !b.password)) continue;
      if (a.plain && b.plain && twoInputs(a.name, b.name)) continue;
      out.push(
        ctx.diagnostic(
          self,
          cmp,
          `password checked with ${op}: store only a salted hash (passlib CryptContext with bcrypt or argon2) and check it with pwd_context.verify(password, hashed), which compares in constant time`,
        ),
      );
      break;
    }
  }
}

/** A confirmation field, or the old and new password of a change form: two inputs, no secret kept. */
function twoInputs(a: string, b: string): boolean {
  if (CONFIRMATION.test(a) || CONFIRMATION.test(b)) return true;
  const qa = words(a).filter((w) => CHANGE_WORDS.has(w));
  const qb = words(b).filter((w) => CHANGE_WORDS.has(w));
  return qa.length > 0 && qb.length > 0;
}

/** What a side of a comparison is, when it is a password or a hash; undefined otherwise. */
function operand(ctx: RuleContext, node: Node): Operand | undefined {
  const n = throughConversions(ctx, node);
  if (n.type === "call") {
    const fn = n.childForFieldName("function")!;
    const callee = lastName(fn);
    const args = listItems(n.childForFieldName("arguments")!);
    // `hashlib.sha256(password.encode()).hexdigest()`
    if ((callee === "hexdigest" || callee === "digest") && fn.type === "attribute") {
      const inner = fn.childForFieldName("object")!;
      if (inner.type === "call" && digestName(ctx, inner)) {
        const data = listItems(inner.childForFieldName("arguments")!)[0];
        return { name: callee, plain: false, password: !!data && isPasswordInput(ctx, data) };
      }
      return undefined;
    }
    // `.get("password")`
    if (callee === "get" && fn.type === "attribute") {
      const key = literalString(args[0]);
      return key === undefined ? undefined : named(key);
    }
    // `hash_password(pw)`, `get_password_hash(password)`
    const w = words(callee);
    if (w.some((x) => CHECKS.has(x))) return undefined;
    const aboutPassword = w.some((x) => PASSWORD_WORDS.has(x));
    if (!aboutPassword && !w.some((x) => HASH_WORDS.has(x))) return undefined;
    return {
      name: callee,
      plain: false,
      password: aboutPassword || args.some((arg) => isPasswordInput(ctx, arg)),
    };
  }
  if (n.type === "identifier") {
    const bindings = ctx.bindings(n.text, n);
    // `pwd` the module of the Unix password database, not a password.
    if (bindings?.some((b) => b.kind === "import" || b.kind === "from-import")) return undefined;
    return named(n.text);
  }
  if (n.type === "attribute") return named(n.childForFieldName("attribute")!.text);
  if (n.type === "subscript") {
    const key = literalString(n.childForFieldName("subscript"));
    return key === undefined ? undefined : named(key);
  }
  return undefined;
}

/** A name's meaning: a password, a hash of one, a hash of something; undefined otherwise. */
function named(name: string): Operand | undefined {
  const w = words(name);
  if (w.some((x) => NOT_SECRET.has(x))) return undefined;
  const password = w.some((x) => PASSWORD_WORDS.has(x)) || /passw(or)?d/i.test(name);
  const hash = w.some((x) => HASH_WORDS.has(x));
  if (!password && !hash) return undefined;
  return { name, plain: !hash, password };
}

/** True for a password as a value to hash: `password`, `user.password`, `form["password"]`, encoded. */
function isPasswordInput(ctx: RuleContext, node: Node): boolean {
  const n = throughConversions(ctx, node);
  if (n.type === "binary_operator" && n.childForFieldName("operator")?.type === "+")
    return (
      isPasswordInput(ctx, n.childForFieldName("left")!) ||
      isPasswordInput(ctx, n.childForFieldName("right")!)
    );
  if (n.type === "string")
    return n.namedChildren.some(
      (c) =>
        c?.type === "interpolation" && isPasswordInput(ctx, c.childForFieldName("expression")!),
    );
  const op = operand(ctx, n);
  return !!op && op.plain && op.password;
}

/** Looks through parentheses, `.encode()`, `.decode()`, `str(x)` and `bytes(x, "utf-8")`. */
function throughConversions(ctx: RuleContext, node: Node): Node {
  let n = node;
  for (;;) {
    if (n.type === "parenthesized_expression" && n.namedChildren.length === 1) {
      n = n.namedChildren[0]!;
      continue;
    }
    if (n.type !== "call") return n;
    const fn = n.childForFieldName("function")!;
    const args = listItems(n.childForFieldName("arguments")!);
    if (fn.type === "attribute" && ["encode", "decode"].includes(lastName(fn))) {
      n = fn.childForFieldName("object")!;
      continue;
    }
    const q = ctx.qualifiedName(fn);
    if ((q === "builtins.str" || q === "builtins.bytes") && args[0]) {
      if (args[0].type === "keyword_argument") return n;
      n = args[0];
      continue;
    }
    return n;
  }
}

function lastName(fn: Node): string {
  return fn.type === "attribute" ? (fn.childForFieldName("attribute")?.text ?? "") : fn.text;
}

function words(name: string): string[] {
  return name
    .replace(/([a-z])([A-Z])/g, "$1_$2")
    .replace(/([a-zA-Z])(\d)/g, "$1_$2")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}
