// Bytes <-> text with everything needed to write a file back exactly as it was outside the edits.

const BOM = "\uFEFF";

export interface DecodedSource {
  /** The text without the BOM; tree-sitter offsets index into this string. */
  text: string;
  bom: boolean;
}

export class DecodeError extends Error {}

/** Decodes a Python file's bytes as UTF-8, the only encoding the tool rewrites. */
export function decodeSource(bytes: Uint8Array): DecodedSource {
  if (bytes.includes(0)) throw new DecodeError("binary file (contains NUL bytes)");
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw new DecodeError("not valid UTF-8");
  }
  const bom = text.startsWith(BOM);
  return { text: bom ? text.slice(1) : text, bom };
}

/** Encodes text back to bytes, restoring the BOM when the file had one. */
export function encodeSource(source: DecodedSource): Buffer {
  return Buffer.from((source.bom ? BOM : "") + source.text, "utf8");
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
