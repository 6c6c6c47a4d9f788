// File system errors in words, so that the one line a file gets says what happened.
const REASONS: Record<string, string> = {
  EACCES: "permission denied",
  EPERM: "operation not permitted",
  EISDIR: "it is a folder",
  ENOENT: "it no longer exists",
  ELOOP: "too many levels of symbolic links",
  EIO: "input/output error",
  ENOSPC: "no space left on the device",
  EROFS: "read-only file system",
  EXDEV: "cross-device rename",
  ENOTFILE: "not a regular file",
};

export function describeError(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  if (!code) return (err as Error).message;
  return REASONS[code] ? `${REASONS[code]} (${code})` : code;
}
