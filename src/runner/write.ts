// Atomic writes: the new content goes to a temporary file beside the target, created exclusively
// and with the target's mode, then renamed over it. A reader sees the old file or the new one.
import { randomBytes } from "node:crypto";
import {
  closeSync,
  fchmodSync,
  fsyncSync,
  openSync,
  renameSync,
  statSync,
  unlinkSync,
  writeSync,
} from "node:fs";
import path from "node:path";

export function writeAtomic(target: string, data: Uint8Array): void {
  const { mode } = statSync(target);
  const temp = path.join(
    path.dirname(target),
    `.${path.basename(target)}.${randomBytes(6).toString("hex")}.fastapi-fix.tmp`,
  );
  const fd = openSync(temp, "wx", mode & 0o7777);
  try {
    try {
      fchmodSync(fd, mode & 0o7777);
      writeSync(fd, data);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, target);
  } catch (err) {
    try {
      unlinkSync(temp);
    } catch {
      // already gone
    }
    throw err;
  }
}
