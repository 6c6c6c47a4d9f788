// Colour for terminals, from Node's own util.styleText (no dependency needed).
import { styleText } from "node:util";

export function colorDiff(diff: string): string {
  return diff
    .split("\n")
    .map((line) => {
      if (line.startsWith("+++") || line.startsWith("---")) return styleText("bold", line);
      if (line.startsWith("@@")) return styleText("cyan", line);
      if (line.startsWith("+")) return styleText("green", line);
      if (line.startsWith("-")) return styleText("red", line);
      return line;
    })
    .join("\n");
}

export function paint(
  color: boolean,
  style: Parameters<typeof styleText>[0],
  text: string,
): string {
  return color ? styleText(style, text) : text;
}
