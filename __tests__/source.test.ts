// Bytes <-> text: BOM kept, binary and non-UTF-8 files refused, offsets turned into lines/columns.
import {
  DecodeError,
  asRenames,
  EncodeError,
  LineIndex,
  codingDeclaration,
  decodeSource,
  encodeSource,
  firstInvalidUtf8,
} from "../src/engine/source.js";

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
    ["Latin-1 text without a coding line", [...Buffer.from("x = '"), 0xe9, 0x27, 0x0a]],
    ["a coding line on line 3 does not count", [...Buffer.from("\n\n# coding: latin-1\n"), 0xe9]],
    ["a coding line after code on line 1", [...Buffer.from("x = 1\n# coding: latin-1\n"), 0xe9]],
  ])("invalid UTF-8: %s", (_, data) => {
    expect(() => decodeSource(Buffer.from(data))).toThrow(DecodeError);
    expect(() => decodeSource(Buffer.from(data))).toThrow(/UTF-8/);
  });
});

describe("PEP 263 coding lines", () => {
  test.each([
    ["# -*- coding: latin-1 -*-\n", { name: "latin-1", line: 1 }],
    ["#!/usr/bin/env python\n# -*- coding: iso-8859-1 -*-\n", { name: "iso-8859-1", line: 2 }],
    ["\n# vim: set fileencoding=cp1252 :\n", { name: "cp1252", line: 2 }],
    ["# coding=utf-8\n", { name: "utf-8", line: 1 }],
    ["\uFEFF# coding: utf-8\n", { name: "utf-8", line: 1 }],
    ["x = 1\n# coding: latin-1\n", undefined],
    ["\n\n# coding: latin-1\n", undefined],
    ["# no cookie here\nx = 1\n", undefined],
    ["", undefined],
  ])("%j", (text, expected) => {
    expect(codingDeclaration(Buffer.from(text, "utf8"))).toEqual(expected);
  });

  test("Latin-1: every byte is the code point of the same value, written back byte for byte", () => {
    // 0x80-0x9f are C1 controls in ISO-8859-1; windows-1252 (what TextDecoder("latin1") really
    // is) would turn 0x80 into the euro sign and could not give the byte back.
    const body = [0x78, 0x20, 0x3d, 0x20, 0x27, 0xe9, 0x80, 0x9f, 0xa4, 0xff, 0x27, 0x0a];
    for (const name of [
      "latin-1",
      "iso-8859-1",
      "latin1",
      "ISO_8859_1",
      "l1",
      "iso-latin-1-unix",
    ]) {
      const input = Buffer.concat([Buffer.from(`# -*- coding: ${name} -*-\n`), Buffer.from(body)]);
      const decoded = decodeSource(input);
      expect(decoded.encoding).toBe("iso-8859-1");
      expect(decoded.text).toContain("x = 'é\u0080\u009f¤ÿ'");
      expect(encodeSource(decoded).equals(input)).toBe(true);
      const edited = encodeSource({ ...decoded, text: decoded.text.replace("x =", "y =") });
      expect(
        edited.equals(Buffer.from(input.toString("latin1").replace("x =", "y ="), "latin1")),
      ).toBe(true);
    }
  });

  test("a single-byte code page round-trips; what it cannot encode is refused", () => {
    const input = Buffer.concat([
      Buffer.from("# -*- coding: cp1252 -*-\nprice = '"),
      Buffer.from([0x80, 0x20, 0x39, 0x27, 0x0a]), // "€ 9"
    ]);
    const decoded = decodeSource(input);
    expect(decoded.encoding).toBe("windows-1252");
    expect(decoded.text).toContain("price = '€ 9'");
    expect(encodeSource(decoded).equals(input)).toBe(true);
    expect(() => encodeSource({ ...decoded, text: decoded.text + "# 😀\n" })).toThrow(EncodeError);
    for (const name of ["iso-8859-15", "latin9", "koi8-r", "cp1251", "mac-roman"]) {
      const source = Buffer.from(`# coding: ${name}\nx = 1\n`);
      expect(encodeSource(decodeSource(source)).equals(source)).toBe(true);
    }
  });

  test("ASCII: a byte above 0x7f is an error, and so is writing one", () => {
    const ok = decodeSource(Buffer.from("# coding: ascii\nx = 1\n"));
    expect(ok.encoding).toBe("ascii");
    expect(() => encodeSource({ ...ok, text: "x = 'é'\n" })).toThrow(/ascii cannot encode U\+00E9/);
    expect(() =>
      decodeSource(Buffer.from([...Buffer.from("# coding: ascii\nx = '"), 0xe9])),
    ).toThrow(/not valid ASCII.*0xE9 at 2:6/);
  });

  test("Latin-1 cannot encode what lies beyond U+00FF", () => {
    const decoded = decodeSource(Buffer.from("# coding: latin-1\nx = 1\n"));
    expect(() => encodeSource({ ...decoded, text: "x = '→'\n" })).toThrow(EncodeError);
  });

  test.each([
    ["shift_jis", /encoding 'shift_jis' \(declared on line 1\) is not supported/],
    ["euc-jp", /is not supported/],
    ["utf-16", /is not supported/],
    ["klingon", /unknown encoding 'klingon' \(declared on line 1\)/],
  ])("%s is refused with a clear message", (name, message) => {
    const input = Buffer.from(`# -*- coding: ${name} -*-\nx = 1\n`);
    expect(() => decodeSource(input)).toThrow(DecodeError);
    expect(() => decodeSource(input)).toThrow(message);
  });

  test("a BOM says UTF-8: a coding line saying otherwise is refused", () => {
    const input = Buffer.from([0xef, 0xbb, 0xbf, ...Buffer.from("# coding: latin-1\nx = 1\n")]);
    expect(() => decodeSource(input)).toThrow(/byte order mark/);
    const utf8 = Buffer.from([0xef, 0xbb, 0xbf, ...Buffer.from("# coding: utf-8\nx = 'é'\n")]);
    expect(decodeSource(utf8)).toEqual({ text: "# coding: utf-8\nx = 'é'\n", bom: true });
  });

  test("invalid UTF-8 is located", () => {
    expect(firstInvalidUtf8(Buffer.from("x = 'é😀'\n"))).toBeUndefined();
    expect(firstInvalidUtf8(Buffer.from([0x61, 0x0a, 0x62, 0xe9, 0x0a]))).toBe(3);
    expect(() => decodeSource(Buffer.from([0x61, 0x0a, 0x62, 0xe9, 0x0a]))).toThrow(
      "not valid UTF-8 (byte 0xE9 at 2:2); no coding line (PEP 263) declares another encoding",
    );
    // Agrees with the strict decoder on every two-byte sequence.
    const strict = new TextDecoder("utf-8", { fatal: true });
    for (let a = 0x80; a < 0x100; a += 3) {
      for (let b = 0; b < 0x100; b += 5) {
        const data = Uint8Array.of(a, b, 0x80, 0x80);
        let valid = true;
        try {
          strict.decode(data);
        } catch {
          valid = false;
        }
        expect(firstInvalidUtf8(data) === undefined).toBe(valid);
      }
    }
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

describe("asRenames", () => {
  test("renames with spaces or tabs, several in one import; 'as' inside a word is none", () => {
    const text = [
      "import numpy as np",
      "from x import (a as b,",
      "  c\tas\td)",
      "class Base: pass",
      "with open(f)  as  fh: pass",
      "except E as e: pass",
      "",
    ].join("\n");
    expect(asRenames(text)).toEqual([
      ["numpy", "np"],
      ["a", "b"],
      ["c", "d"],
      ["E", "e"],
    ]);
  });
});
