/**
 * Every error hardeks raises on purpose carries a stable `code`: the CLI prints it, callers branch
 * on it, and messages may change while codes do not.
 */
export class HardeksError extends Error {
  constructor(
    readonly code: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** Bad input given to hardeks: a flag, a file, a configuration value. The CLI exits 2. */
export class InputError extends HardeksError {}

/** A snapshot that does not match the schema; `problems` lists every one with its JSON path. */
export class SnapshotFormatError extends InputError {
  constructor(
    readonly file: string | undefined,
    readonly problems: readonly { readonly path: string; readonly message: string }[],
  ) {
    super(
      'SNAPSHOT_INVALID',
      `${file ?? 'snapshot'} is not a valid hardeks snapshot (${problems.length} problem${problems.length === 1 ? '' : 's'}): ` +
        problems.map((p) => `${p.path}: ${p.message}`).join('; '),
    );
  }
}
