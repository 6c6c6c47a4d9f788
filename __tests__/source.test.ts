// Bytes <-> text: BOM kept, binary and non-UTF-8 files refused, offsets turned into lines/columns.
import { DecodeError, LineIndex, decodeSource, encodeSource } from "../src/engine/source.js";

const bytes = (...parts: Array<string | number[]>): Buffer =>
  Buffer.concat(
    parts.map((p) => (typeof p === "string" ? Buffer.from(p, "utf8") : Buffer.from(p))),
  );

const BOM = [0xef, 0xbb, 0xbf];

describe("decodeSource / encodeSource", () => {
  test("a file with a BOM: the text has none, encoding puts it back", () => {
    const input = bytes(BOM, "x = 1\r\ny = 'é'\r\n");
    const decoded = decodeSource(input);
    expect(decoded).toEqual({ text: "x = 1\r\ny = 'é'\r\n", bom: true });
    expect(decoded.text.charCodeAt(0)).not.toBe(0xfeff);
    expect(Buffer.compare(encodeSource(decoded), input)).toBe(0);
  });

  test("a file without a BOM round-trips byte for byte", () => {
    const input = bytes("# 日本語 😀\nx = 'naïve'\n");
    const decoded = decodeSource(input);
    expect(decoded).toEqual({ text: "# 日本語 😀\nx = 'naïve'\n", bom: false });
    expect(Buffer.compare(encodeSource(decoded), input)).toBe(0);
  });

  test("an edited text keeps the BOM", () => {
    const decoded = decodeSource(bytes(BOM, "x = 1\n"));
    const out = encodeSource({ ...decoded, text: "x = 2\n" });
    expect(Buffer.compare(out, bytes(BOM, "x = 2\n"))).toBe(0);
  });

  test("only the first BOM is the file's; a second one is text", () => {
    const input = bytes(BOM, BOM, "x\n");
    const decoded = decodeSource(input);
    expect(decoded.bom).toBe(true);
    expect(decoded.text).toBe("\uFEFFx\n");
    expect(Buffer.compare(encodeSource(decoded), input)).toBe(0);
  });

  test("an empty file", () => {
    expect(decodeSource(new Uint8Array())).toEqual({ text: "", bom: false });
    expect(decodeSource(Buffer.from(BOM))).toEqual({ text: "", bom: true });
    expect(encodeSource({ text: "", bom: true }).equals(Buffer.from(BOM))).toBe(true);
  });

  test("NUL bytes: a binary file", () => {
    expect(() => decodeSource(bytes("x = 1\n", [0], "y = 2\n"))).toThrow(DecodeError);
    expect(() => decodeSource(bytes("x = 1\n", [0]))).toThrow(/NUL/);
    // UTF-16 files are full of NUL bytes: refused, not mangled.
    expect(() => decodeSource(Buffer.from("\uFEFFx = 1\n", "utf16le"))).toThrow(DecodeError);
  });

  test.each([
    ["a lone continuation byte", [0x78, 0x80, 0x0a]],
    ["an invalid byte", [0xff, 0xfe, 0x78]],
    ["a truncated sequence at the end", [0x78, 0x3d, 0xc3]],
    ["a truncated sequence mid-text", [0xe6, 0x97, 0x78]],
    ["an overlong encoding", [0xc0, 0xaf]],
    ["an encoded surrogate", [0xed, 0xa0, 0x80]],
    ["Latin-1 text", [...Buffer.from("# -*- coding: latin-1 -*-\nx = '"), 0xe9, 0x27, 0x0a]],
  ])("invalid UTF-8: %s", (_, data) => {
    expect(() => decodeSource(Buffer.from(data))).toThrow(DecodeError);
    expect(() => decodeSource(Buffer.from(data))).toThrow(/UTF-8/);
  });
});

describe("LineIndex", () => {
  test("1-based lines and columns", () => {
    const index = new LineIndex("ab\ncd\n\nef");
    expect(index.position(0)).toEqual({ line: 1, column: 1 });
    expect(index.position(1)).toEqual({ line: 1, column: 2 });
    expect(index.position(2)).toEqual({ line: 1, column: 3 }); // the newline itself
    expect(index.position(3)).toEqual({ line: 2, column: 1 });
    expect(index.position(6)).toEqual({ line: 3, column: 1 });
    expect(index.position(7)).toEqual({ line: 4, column: 1 });
    expect(index.position(9)).toEqual({ line: 4, column: 3 }); // the end of the text
  });

  test("CRLF: the carriage return belongs to its line", () => {
    const index = new LineIndex("a\r\nb\r\n");
    expect(index.position(1)).toEqual({ line: 1, column: 2 });
    expect(index.position(3)).toEqual({ line: 2, column: 1 });
    expect(index.lineStart(2)).toBe(3);
  });

  test("columns count UTF-16 code units", () => {
    const index = new LineIndex("x\n😀é = 1\n");
    // "😀" is two code units: "é" starts at column 3, "=" at column 5.
    expect(index.position(4)).toEqual({ line: 2, column: 3 });
    expect(index.position(6)).toEqual({ line: 2, column: 5 });
  });

  test("lineStart and lineCount", () => {
    const text = "one\ntwo\nthree\n";
    const index = new LineIndex(text);
    expect(index.lineCount).toBe(4);
    expect(index.lineStart(1)).toBe(0);
    expect(index.lineStart(2)).toBe(4);
    expect(index.lineStart(3)).toBe(8);
    expect(index.lineStart(4)).toBe(text.length);
    expect(index.lineStart(99)).toBe(text.length);
    expect(new LineIndex("").lineCount).toBe(1);
    expect(new LineIndex("no newline").lineCount).toBe(1);
  });

  test("positions agree with a naive count on a larger text", () => {
    const text = Array.from({ length: 500 }, (_, i) => "x".repeat(i % 7) + "é").join("\n");
    const index = new LineIndex(text);
    for (let offset = 0; offset <= text.length; offset += 37) {
      const before = text.slice(0, offset);
      const line = before.split("\n").length;
      const column = offset - (before.lastIndexOf("\n") + 1) + 1;
      expect(index.position(offset)).toEqual({ line, column });
    }
  });
});
