// Atomic writes: the new content goes to a temporary file beside the target, created exclusively
// (O_EXCL: an existing file or link of that name makes it fail, nothing is followed) and with the
// target's mode, then renamed over it. A reader sees the old file or the new one, never a part.
// On any failure the temporary file is removed. Only a run killed outright (SIGKILL, power loss)
// can leave one behind: `.<name>.<random>.fastapi-fix.tmp`, safe to delete.
import { randomBytes } from "node:crypto";
import {
  closeSync,
  fchmodSync,
  fchownSync,
  fsyncSync,
  openSync,
  renameSync,
  statSync,
  unlinkSync,
  writeSync,
} from "node:fs";
import path from "node:path";

export const TEMP_SUFFIX = ".fastapi-fix.tmp";

export interface WriteOptions {
  /** The random part of the temporary name (tests pin it). */
  token?: string;
  /** Called once the temporary file is complete, just before the rename (tests inject failures). */
  beforeRename?: (temp: string) => void;
}

/** The temporary file used to replace `target`: hidden, beside it, unique per write. */
export function tempPathFor(target: string, token: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.${token}${TEMP_SUFFIX}`);
}

export function writeAtomic(target: string, data: Uint8Array, options: WriteOptions = {}): void {
  const stat = statSync(target);
  if (!stat.isFile()) {
    throw Object.assign(new Error(`not a regular file: ${target}`), { code: "ENOTFILE" });
  }
  const mode = stat.mode & 0o7777;
  const temp = tempPathFor(target, options.token ?? randomBytes(6).toString("hex"));
  const fd = openSync(temp, "wx", mode);
  try {
    try {
      fchmodSync(fd, mode);
      if (stat.uid !== process.getuid?.() || stat.gid !== process.getgid?.()) {
        try {
          // Keep the owner when allowed (root fixing someone else's checkout).
          fchownSync(fd, stat.uid, stat.gid);
        } catch {
          // not allowed: the file becomes ours, as with any editor that saves by renaming
        }
      }
      for (let done = 0; done < data.length;) done += writeSync(fd, data, done);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    options.beforeRename?.(temp);
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
