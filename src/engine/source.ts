// Bytes <-> text with everything needed to write a file back exactly as it was outside the edits.
// UTF-8 is the default; a PEP 263 coding line (`# -*- coding: latin-1 -*-` on the first or second
// line) can declare another encoding, which is read and written back byte for byte when it is
// Latin-1, ASCII or a single-byte code page. Anything else is refused, never guessed.

const BOM = "\uFEFF";

export interface DecodedSource {
  /** The text without the BOM; tree-sitter offsets index into this string. */
  text: string;
  bom: boolean;
  /** The encoding a coding line declares when it is not UTF-8 ("iso-8859-1", "ascii", ...). */
  encoding?: string;
}

/** A file the tool will not read: binary, not valid in its encoding, or an encoding it cannot write. */
export class DecodeError extends Error {}

/** A rewritten text that the file's declared encoding cannot represent. */
export class EncodeError extends Error {}

/** Python's own patterns (tokenize.detect_encoding): the cookie, and a line that lets line 2 count. */
const CODING = /^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)/;
const BLANK_OR_COMMENT = /^[ \t\f]*(?:[#\r\n]|$)/;

/** Names Python accepts for its codecs, as `encodings.normalize_encoding` spells them. */
const UTF8 = new Set(["utf_8", "utf8", "u8", "utf", "utf8_ucs2", "utf8_ucs4", "cp65001"]);
const LATIN1 = new Set([
  "latin_1",
  "latin1",
  "latin",
  "l1",
  "iso_8859_1",
  "iso8859_1",
  "iso_8859_1_1987",
  "iso_ir_100",
  "iso_latin_1",
  "8859",
  "cp819",
  "ibm819",
  "csisolatin1",
]);
const ASCII = new Set([
  "ascii",
  "us_ascii",
  "us",
  "646",
  "ansi_x3.4_1968",
  "ansi_x3_4_1968",
  "ansi_x3.4_1986",
  "cp367",
  "csascii",
  "ibm367",
  "iso646_us",
  "iso_646.irv_1991",
  "iso_ir_6",
]);
/** Python names the WHATWG decoder does not know under the same spelling. */
const PYTHON_ALIASES: Record<string, string> = {
  mac_roman: "macintosh",
  macroman: "macintosh",
  mac_cyrillic: "x-mac-cyrillic",
  maccyrillic: "x-mac-cyrillic",
  latin7: "iso-8859-13",
  l7: "iso-8859-13",
  latin8: "iso-8859-14",
  l8: "iso-8859-14",
  latin9: "iso-8859-15",
  l9: "iso-8859-15",
  latin10: "iso-8859-16",
  l10: "iso-8859-16",
  cp874: "windows-874",
  thai: "windows-874",
  koi8_r: "koi8-r",
  koi8_u: "koi8-u",
};
/** Encodings with one byte per character: decoding and encoding are both a table lookup. */
const SINGLE_BYTE = new Set([
  "ibm866",
  "iso-8859-2",
  "iso-8859-3",
  "iso-8859-4",
  "iso-8859-5",
  "iso-8859-6",
  "iso-8859-7",
  "iso-8859-8",
  "iso-8859-8-i",
  "iso-8859-10",
  "iso-8859-13",
  "iso-8859-14",
  "iso-8859-15",
  "iso-8859-16",
  "koi8-r",
  "koi8-u",
  "macintosh",
  "windows-874",
  "windows-1250",
  "windows-1251",
  "windows-1252",
  "windows-1253",
  "windows-1254",
  "windows-1255",
  "windows-1256",
  "windows-1257",
  "windows-1258",
  "x-mac-cyrillic",
]);

const SUPPORTED = "UTF-8, ASCII, Latin-1 and single-byte code pages";

interface Declaration {
  /** The name as written in the file. */
  name: string;
  line: number;
}

/** The encoding a PEP 263 coding line declares, looked for where Python looks for it. */
export function codingDeclaration(bytes: Uint8Array): Declaration | undefined {
  let start = 0;
  for (let line = 1; line <= 2 && start < bytes.length; line++) {
    let end = bytes.indexOf(0x0a, start);
    if (end < 0) end = bytes.length;
    let text = Buffer.from(bytes.buffer, bytes.byteOffset + start, end - start).toString("latin1");
    if (line === 1 && text.startsWith("\xEF\xBB\xBF")) text = text.slice(3);
    const match = CODING.exec(text);
    if (match) return { name: match[1]!, line };
    if (!BLANK_OR_COMMENT.test(text)) return undefined;
    start = end + 1;
  }
  return undefined;
}

/** `encodings.normalize_encoding` plus the lower-casing `codecs.lookup` does. */
const normalize = (name: string): string =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9.]+/g, "_")
    .replace(/^_+|_+$/g, "");

type Codec =
  | { kind: "utf-8" }
  | { kind: "latin-1" }
  | { kind: "ascii" }
  | { kind: "single-byte"; name: string }
  | { kind: "unsupported"; known: boolean };

function codecFor(declared: string): Codec {
  const key = normalize(declared);
  // tokenize's _get_normal_name: anything starting "utf-8-" or "latin-1-"/"iso-8859-1-" counts.
  if (UTF8.has(key) || key.startsWith("utf_8_")) return { kind: "utf-8" };
  if (LATIN1.has(key) || /^(latin_1|iso_8859_1|iso_latin_1)_/.test(key)) return { kind: "latin-1" };
  if (ASCII.has(key)) return { kind: "ascii" };
  const candidates = [PYTHON_ALIASES[key], key.replace(/_/g, "-"), key].filter(
    (c): c is string => !!c,
  );
  const iso = /^iso_?8859_?(\d+)$/.exec(key);
  if (iso) candidates.unshift(`iso-8859-${iso[1]}`);
  for (const label of candidates) {
    let name: string;
    try {
      name = new TextDecoder(label).encoding;
    } catch {
      continue;
    }
    // WHATWG folds latin-1 and ASCII labels into windows-1252; those were handled above, so
    // windows-1252 here must have been asked for by one of its own names.
    if (name === "windows-1252" && !["cp1252", "windows_1252", "x_cp1252", "1252"].includes(key))
      return { kind: "unsupported", known: true };
    if (SINGLE_BYTE.has(name)) return { kind: "single-byte", name };
    return { kind: "unsupported", known: true };
  }
  return { kind: "unsupported", known: false };
}

/** Byte offset -> "line:column" (both 1-based, the column in bytes), for error messages. */
function bytePosition(bytes: Uint8Array, offset: number): string {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  return `${line}:${offset - lineStart + 1}`;
}

const declaredOn = (d: Declaration): string => `declared on line ${d.line}`;

const hexByte = (b: number): string => `0x${b.toString(16).toUpperCase().padStart(2, "0")}`;

/** The offset of the first byte that does not belong to a well-formed UTF-8 sequence. */
export function firstInvalidUtf8(bytes: Uint8Array): number | undefined {
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) lo = 0xa0; // no overlong forms
      if (b === 0xed) hi = 0x9f; // no surrogates
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) lo = 0x90;
      if (b === 0xf4) hi = 0x8f; // nothing above U+10FFFF
    } else return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined) return i;
      if (k === 1 ? c < lo || c > hi : c < 0x80 || c > 0xbf) return i;
    }
    i += need + 1;
  }
  return undefined;
}

/**
 * windows-1252's 0x80-0x9f, spelled out: some Node versions decode "windows-1252" as ISO-8859-1.
 * The five bytes the code page leaves undefined keep their C1 code points, as WHATWG has it.
 */
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152,
  0x8d, 0x17d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122,
  0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

interface SingleByteTable {
  /** Byte -> UTF-16 code unit; -1 where the encoding leaves the byte undefined. */
  decode: Int32Array;
  /** Code unit -> byte. */
  encode: Map<number, number>;
}

const tables = new Map<string, SingleByteTable>();

/** The table of a single-byte encoding, built by decoding every byte once. */
function singleByteTable(name: string): SingleByteTable {
  let table = tables.get(name);
  if (table) return table;
  const decode = new Int32Array(256).fill(-1);
  const decoder = new TextDecoder(name, { fatal: true });
  for (let b = 0; b < 256; b++) {
    if (name === "windows-1252") {
      decode[b] = b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80]! : b;
      continue;
    }
    try {
      const ch = decoder.decode(Uint8Array.of(b));
      if (ch.length === 1) decode[b] = ch.charCodeAt(0);
    } catch {
      // a byte the encoding leaves undefined
    }
  }
  const encode = new Map<number, number>();
  for (let b = 0; b < 256; b++)
    if (decode[b]! >= 0 && !encode.has(decode[b]!)) encode.set(decode[b]!, b);
  table = { decode, encode };
  tables.set(name, table);
  return table;
}

/** Decodes with a single-byte table; the offset of the first undefined byte if there is one. */
function decodeSingleByte(bytes: Uint8Array, name: string): string | number {
  const { decode } = singleByteTable(name);
  const parts: string[] = [];
  const CHUNK = 8192;
  const units = new Uint16Array(Math.min(CHUNK, bytes.length));
  for (let start = 0; start < bytes.length; start += CHUNK) {
    const end = Math.min(bytes.length, start + CHUNK);
    for (let i = start; i < end; i++) {
      const unit = decode[bytes[i]!]!;
      if (unit < 0) return i;
      units[i - start] = unit;
    }
    parts.push(String.fromCharCode(...units.subarray(0, end - start)));
  }
  return parts.join("");
}

/**
 * Decodes a Python file's bytes: UTF-8 (with or without a BOM) unless a PEP 263 coding line
 * declares Latin-1, ASCII or a single-byte code page. Throws DecodeError for binary files, bytes
 * that are not valid in the file's encoding, and encodings the tool cannot write back exactly.
 */
export function decodeSource(bytes: Uint8Array): DecodedSource {
  if (bytes.includes(0)) throw new DecodeError("binary file (contains NUL bytes)");
  const hasBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const declared = codingDeclaration(bytes);
  const where = declared ? ` (declared on line ${declared.line})` : "";
  const codec: Codec = declared ? codecFor(declared.name) : { kind: "utf-8" };
  if (hasBom && codec.kind !== "utf-8")
    throw new DecodeError(
      `a UTF-8 byte order mark with a coding line that declares '${declared!.name}'${where}`,
    );
  switch (codec.kind) {
    case "utf-8": {
      const bad = firstInvalidUtf8(bytes);
      if (bad !== undefined) {
        const hint = declared ? "" : "; no coding line (PEP 263) declares another encoding";
        throw new DecodeError(
          `not valid UTF-8 (byte ${hexByte(bytes[bad]!)} at ${bytePosition(bytes, bad)})${hint}`,
        );
      }
      const text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
      const bom = text.startsWith(BOM);
      return { text: bom ? text.slice(1) : text, bom };
    }
    case "ascii": {
      const bad = bytes.findIndex((b) => b >= 0x80);
      if (bad >= 0)
        throw new DecodeError(
          `not valid ASCII (byte ${hexByte(bytes[bad]!)} at ${bytePosition(bytes, bad)}), the encoding ${declaredOn(declared!)}`,
        );
      return { text: Buffer.from(bytes).toString("latin1"), bom: false, encoding: "ascii" };
    }
    case "latin-1":
      // Buffer's "latin1" is ISO-8859-1 proper: every byte is the code point of the same value.
      // (TextDecoder("latin1") is windows-1252 and would not give the bytes back.)
      return { text: Buffer.from(bytes).toString("latin1"), bom: false, encoding: "iso-8859-1" };
    case "single-byte": {
      const text = decodeSingleByte(bytes, codec.name);
      if (typeof text === "number")
        throw new DecodeError(
          `not valid ${codec.name} (byte ${hexByte(bytes[text]!)} at ${bytePosition(bytes, text)}), the encoding ${declaredOn(declared!)}`,
        );
      const source = { text, bom: false, encoding: codec.name };
      let back: Buffer | undefined;
      try {
        back = encodeSource(source);
      } catch {
        back = undefined;
      }
      if (!back || !back.equals(bytes))
        throw new DecodeError(
          `encoding '${declared!.name}'${where} does not read back byte for byte; not rewritten`,
        );
      return source;
    }
    case "unsupported":
      throw new DecodeError(
        codec.known
          ? `encoding '${declared!.name}'${where} is not supported (fastapi-fix rewrites ${SUPPORTED})`
          : `unknown encoding '${declared!.name}'${where}`,
      );
  }
}

/**
 * Encodes text back to the file's bytes: its encoding, and the BOM when it had one. Throws
 * EncodeError when the encoding cannot represent a character of the text.
 */
export function encodeSource(source: DecodedSource): Buffer {
  const encoding = source.encoding;
  if (!encoding) return Buffer.from((source.bom ? BOM : "") + source.text, "utf8");
  const limit = encoding === "ascii" ? 0x7f : encoding === "iso-8859-1" ? 0xff : -1;
  const text = source.text;
  const out = Buffer.allocUnsafe(text.length);
  const table = limit < 0 ? singleByteTable(encoding).encode : undefined;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const byte = table ? table.get(code) : code <= limit ? code : undefined;
    if (byte === undefined) {
      const shown = text.codePointAt(i)!.toString(16).toUpperCase().padStart(4, "0");
      throw new EncodeError(`${encoding} cannot encode U+${shown}, which the fixes would write`);
    }
    out[i] = byte;
  }
  return out;
}

/** Line starts of a text, for turning offsets into 1-based line and column numbers. */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(readonly text: string) {
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) this.starts.push(i + 1);
  }

  /** 1-based line and column (in UTF-16 code units, as editors count them) of an offset. */
  position(offset: number): { line: number; column: number } {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - this.starts[lo]! + 1 };
  }

  lineStart(line: number): number {
    return this.starts[line - 1] ?? this.text.length;
  }

  get lineCount(): number {
    return this.starts.length;
  }
}

/** The first line of a piece of source, cut to `width` characters with "...": for messages. */
export function firstLine(text: string, width = 60): string {
  const line = text.split(/\r?\n/)[0]!;
  return line.length > width ? `${line.slice(0, width - 3)}...` : line;
}

/**
 * The `name as other` pairs of a text, where imports rename (and `with`/`except` bind: callers
 * want a superset). A search for the word "as" rather than a regular expression tried at every
 * word of the text.
 */
export function asRenames(text: string): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  const word = /\w/;
  const blank = (c: string | undefined): boolean => c === " " || c === "\t";
  for (let i = text.indexOf("as"); i >= 0; i = text.indexOf("as", i + 2)) {
    if (!blank(text[i - 1]) || !blank(text[i + 2])) continue;
    let start = i;
    while (start > 0 && blank(text[start - 1])) start--;
    let from = start;
    while (from > 0 && word.test(text[from - 1]!)) from--;
    let after = i + 2;
    while (blank(text[after])) after++;
    let to = after;
    while (to < text.length && word.test(text[to]!)) to++;
    if (from < start && after < to) {
      const pair: [string, string] = [text.slice(from, start), text.slice(after, to)];
      if (pair[0] !== pair[1]) out.push(pair);
    }
  }
  return out;
}
