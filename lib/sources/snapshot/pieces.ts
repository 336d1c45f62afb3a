/**
 * A snapshot's JSON cut into pieces without parsing it whole: the top-level fields, and each
 * resource of each kind on its own. Reading a large snapshot one resource at a time keeps only
 * the file's bytes and the validated inventory in memory, instead of the file as one string, its
 * whole parsed document and the validated copy at once (see readSnapshot).
 *
 * Only the common, plain shape is cut: one object whose keys are the four fields of a snapshot,
 * each once, `resources` holding each kind once as an array. Anything else (another key, a key
 * twice, a byte out of place) gives `undefined`, and the caller parses the document whole, which
 * reports what is wrong exactly as before. Each piece is later given to JSON.parse, which decides
 * whether it is valid JSON; this file only has to find where pieces begin and end, and to check
 * the few bytes between them.
 */

/** Byte offsets `[start, end)` of one JSON value in the file. */
export type Span = readonly [start: number, end: number];

export interface SnapshotPieces {
  /** `schemaVersion`, `source`, `coverage`: whichever the document has. */
  readonly fields: ReadonlyMap<string, Span>;
  /** Each kind's resources, in the document's order of kinds and of resources. */
  readonly resources: ReadonlyMap<string, readonly Span[]>;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const FIELDS = new Set(['schemaVersion', 'source', 'coverage']);

/** Where a JSON value starting at `at` ends, or undefined when its bounds cannot be found. */
export function valueEnd(bytes: Uint8Array, at: number): number | undefined {
  const first = bytes[at];
  if (first === QUOTE) return stringEnd(bytes, at);
  if (first === OPEN_OBJECT || first === OPEN_ARRAY) return nestedEnd(bytes, at);
  // A number or a literal: up to the byte that follows it.
  let end = at;
  while (end < bytes.length && !isWhitespace(bytes[end]!) && bytes[end] !== COMMA && bytes[end] !== CLOSE_OBJECT && bytes[end] !== CLOSE_ARRAY) end += 1;
  return end > at ? end : undefined;
}

function stringEnd(bytes: Uint8Array, at: number): number | undefined {
  for (let i = at + 1; i < bytes.length; i += 1) {
    if (bytes[i] === BACKSLASH) i += 1;
    else if (bytes[i] === QUOTE) return i + 1;
  }
  return undefined;
}

/** The end of an object or array: brackets counted outside strings (JSON.parse checks that they pair). */
function nestedEnd(bytes: Uint8Array, at: number): number | undefined {
  let depth = 0;
  for (let i = at; i < bytes.length; i += 1) {
    const byte = bytes[i];
    if (byte === QUOTE) {
      const end = stringEnd(bytes, i);
      if (end === undefined) return undefined;
      i = end - 1;
    } else if (byte === OPEN_OBJECT || byte === OPEN_ARRAY) depth += 1;
    else if (byte === CLOSE_OBJECT || byte === CLOSE_ARRAY) {
      depth -= 1;
      if (depth === 0) return i + 1;
    }
  }
  return undefined;
}

function isWhitespace(byte: number): boolean {
  return byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09;
}

/** A cursor over the bytes that reads the structure between pieces and gives up on anything unexpected. */
class Cursor {
  at = 0;

  constructor(private readonly bytes: Uint8Array) {}

  skipWhitespace(): void {
    while (this.at < this.bytes.length && isWhitespace(this.bytes[this.at]!)) this.at += 1;
  }

  /** Consumes `byte` after optional whitespace; false when something else comes. */
  take(byte: number): boolean {
    this.skipWhitespace();
    if (this.bytes[this.at] !== byte) return false;
    this.at += 1;
    return true;
  }

  peek(): number | undefined {
    this.skipWhitespace();
    return this.bytes[this.at];
  }

  value(): Span | undefined {
    this.skipWhitespace();
    const end = valueEnd(this.bytes, this.at);
    if (end === undefined) return undefined;
    const span: Span = [this.at, end];
    this.at = end;
    return span;
  }

  /** An object key, decoded as JSON.parse decodes it (escapes included). */
  key(): string | undefined {
    if (this.peek() !== QUOTE) return undefined;
    const span = this.value();
    if (!span) return undefined;
    try {
      return JSON.parse(Buffer.from(this.bytes.buffer, this.bytes.byteOffset + span[0], span[1] - span[0]).toString('utf8')) as string;
    } catch {
      return undefined;
    }
  }

  atEnd(): boolean {
    this.skipWhitespace();
    return this.at === this.bytes.length;
  }

  /** Reads `{ "key": value, … }`, handing each key to `onEntry`, which reads the value; false on anything unexpected. */
  entries(onEntry: (key: string) => boolean): boolean {
    if (!this.take(OPEN_OBJECT)) return false;
    if (this.take(CLOSE_OBJECT)) return true;
    for (;;) {
      const key = this.key();
      if (key === undefined || !this.take(COLON) || !onEntry(key)) return false;
      if (this.take(CLOSE_OBJECT)) return true;
      if (!this.take(COMMA)) return false;
    }
  }

  /** Reads `[ value, … ]` into spans; undefined on anything unexpected. */
  elements(): Span[] | undefined {
    if (!this.take(OPEN_ARRAY)) return undefined;
    const spans: Span[] = [];
    if (this.take(CLOSE_ARRAY)) return spans;
    for (;;) {
      const span = this.value();
      if (!span) return undefined;
      spans.push(span);
      if (this.take(CLOSE_ARRAY)) return spans;
      if (!this.take(COMMA)) return undefined;
    }
  }
}

/** The pieces of a snapshot of the plain shape, or undefined (see the file comment). */
export function snapshotPieces(bytes: Uint8Array): SnapshotPieces | undefined {
  const cursor = new Cursor(bytes);
  const fields = new Map<string, Span>();
  const resources = new Map<string, Span[]>();
  let sawResources = false;
  const readResources = () =>
    cursor.entries((kind) => {
      if (resources.has(kind)) return false;
      const spans = cursor.elements();
      if (!spans) return false;
      resources.set(kind, spans);
      return true;
    });
  const plain = cursor.entries((key) => {
    if (key === 'resources') {
      if (sawResources) return false;
      sawResources = true;
      return readResources();
    }
    if (!FIELDS.has(key) || fields.has(key)) return false;
    const span = cursor.value();
    if (!span) return false;
    fields.set(key, span);
    return true;
  });
  return plain && sawResources && cursor.atEnd() ? { fields, resources } : undefined;
}
