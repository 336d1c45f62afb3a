/** Exit codes are a contract with CI pipelines; keep them stable. */
export const EXIT = {
  /** No FAIL at or above the threshold. */
  OK: 0,
  /** Unsuppressed FAIL findings at or above the threshold. */
  FAILED: 1,
  /** Usage or input error: bad flag, unreadable or invalid file. */
  USAGE: 2,
  /** `--strict` and some findings are UNKNOWN or ERROR (and none FAIL at or above the threshold). */
  INCOMPLETE: 3,
  /** A bug in hardeks. */
  INTERNAL: 4,
} as const;
