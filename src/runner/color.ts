// Colour for terminals, from Node's own util.styleText (no dependency needed).
import { styleText } from "node:util";

type Style = Parameters<typeof styleText>[0];

/** Colours whatever the stream: the caller has already decided (`--color`, or a terminal). */
const style = (format: Style, text: string): string =>
  styleText(format, text, { validateStream: false });

export function colorDiff(diff: string): string {
  return diff
    .split("\n")
    .map((line) => {
      if (line.startsWith("+++") || line.startsWith("---")) return style("bold", line);
      if (line.startsWith("@@")) return style("cyan", line);
      if (line.startsWith("+")) return style("green", line);
      if (line.startsWith("-")) return style("red", line);
      return line;
    })
    .join("\n");
}

export function paint(color: boolean, format: Style, text: string): string {
  return color ? style(format, text) : text;
}
