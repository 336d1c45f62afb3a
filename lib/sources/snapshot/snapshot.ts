import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { InputError, SnapshotFormatError } from '../../errors';
import { jsonPath, zodProblems, type Problem } from '../../engine/zod-problems';
import { RESOURCE_KINDS, RESOURCE_SCHEMAS, SCHEMA_VERSION, inventorySchema, isResourceKind, type Inventory, type ResourceKind } from '../../model';
import { snapshotPieces, type Span } from './pieces';

/**
 * A snapshot is the serialized Inventory: `hardeks collect` writes one, `hardeks audit --snapshot`
 * judges it offline with exactly the result a live audit of the same data gives.
 */
export function serializeSnapshot(inventory: Inventory): string {
  return `${JSON.stringify(inventory, null, 2)}\n`;
}

export async function writeSnapshot(file: string, inventory: Inventory): Promise<void> {
  // Validate before writing so a snapshot on disk is always readable again, and write the validated
  // form: its key order is the schema's, which is what reading gives back, so the file round-trips byte for byte.
  const canonical = parseSnapshot(JSON.parse(JSON.stringify(inventory)), file);
  await writeFile(file, serializeSnapshot(canonical), 'utf8');
}

export async function readSnapshot(file: string): Promise<Inventory> {
  const bytes = readBytes(file);
  return inventoryFromPieces(bytes) ?? validateSnapshot(parseText(bytes, file), file);
}

function readBytes(file: string): Buffer {
  try {
    // One read into one buffer of the file's size (the asynchronous read gathers chunks and copies them).
    return readFileSync(file);
  } catch (error) {
    throw unreadable(file, error);
  }
}

function unreadable(file: string, error: unknown): InputError {
  const code = (error as NodeJS.ErrnoException).code;
  const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : (error as Error).message;
  return new InputError('SNAPSHOT_UNREADABLE', `cannot read snapshot ${file}: ${why}`);
}

/** The whole document, parsed as one text: the way every snapshot that is not of the plain shape is read. */
function parseText(bytes: Buffer, file: string): unknown {
  let text: string;
  try {
    text = bytes.toString('utf8');
  } catch (error) {
    throw unreadable(file, error);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new SnapshotFormatError(file, [{ path: '$', message: `not valid JSON: ${(error as Error).message}` }]);
  }
}

/**
 * The inventory of a valid snapshot of the plain shape, read one resource at a time: each resource
 * is parsed from its own bytes and validated, and its parsed JSON is garbage at once, while young.
 * Parsing the whole text instead holds the text, the whole parsed document and its validated copy
 * together, and leaves the first two for a full garbage collection: for a 100 MB snapshot that is
 * 100 to 200 MB more at the peak of the audit, depending on when the collector runs. The same
 * schemas give the same inventory. Undefined when the document is not of that shape or anything in
 * it is wrong: the caller then reads it whole and reports every problem as always.
 */
function inventoryFromPieces(bytes: Buffer): Inventory | undefined {
  const pieces = snapshotPieces(bytes);
  if (!pieces || [...pieces.resources.keys()].some((kind) => !isResourceKind(kind))) return undefined;
  const parse = ([start, end]: Span): unknown => JSON.parse(bytes.toString('utf8', start, end));
  try {
    const fields = Object.fromEntries([...pieces.fields].map(([key, span]) => [key, parse(span)]));
    const shell = inventorySchema.safeParse({ ...fields, resources: {} });
    if (!shell.success) return undefined;
    const resources: Partial<Record<ResourceKind, unknown[]>> = {};
    for (const kind of RESOURCE_KINDS) {
      const spans = pieces.resources.get(kind);
      if (!spans) continue;
      const schema = RESOURCE_SCHEMAS[kind];
      const list: unknown[] = [];
      for (const span of spans) {
        const resource = schema.safeParse(parse(span));
        if (!resource.success) return undefined;
        list.push(resource.data);
      }
      if (duplicatesIn(kind, list).length > 0) return undefined;
      resources[kind] = list;
    }
    return { ...shell.data, resources } as Inventory;
  } catch {
    // A piece that is not valid JSON: the whole text's parse says where.
    return undefined;
  }
}

/**
 * Validates a parsed snapshot and returns the Inventory. Either the whole document is valid or a
 * SnapshotFormatError lists every problem with its JSON path; nothing is partially loaded.
 */
export function parseSnapshot(raw: unknown, file?: string): Inventory {
  return validateSnapshot(raw, file);
}

function validateSnapshot(raw: unknown, file: string | undefined): Inventory {
  const version = (raw as { schemaVersion?: unknown } | null)?.schemaVersion;
  if (typeof raw === 'object' && raw !== null && version !== undefined && version !== SCHEMA_VERSION) {
    throw new SnapshotFormatError(file, [
      { path: '$.schemaVersion', message: `schema version ${JSON.stringify(version)} is not supported; this hardeks reads version ${SCHEMA_VERSION}` },
    ]);
  }
  const parsed = inventorySchema.safeParse(raw);
  // Duplicates are looked for in the raw document too, so they are reported along with schema problems.
  const problems: Problem[] = [...(parsed.success ? [] : zodProblems(parsed.error)), ...duplicateIds(raw)];
  if (!parsed.success || problems.length > 0) throw new SnapshotFormatError(file, problems);
  return parsed.data as Inventory;
}

/** Ids are how resources refer to each other, so each must be unique within its kind. Reads the raw document defensively. */
function duplicateIds(raw: unknown): Problem[] {
  const resources = (raw as { resources?: unknown } | null)?.resources;
  if (typeof resources !== 'object' || resources === null) return [];
  return RESOURCE_KINDS.flatMap((kind) => duplicatesIn(kind, (resources as Record<string, unknown>)[kind]));
}

function duplicatesIn(kind: ResourceKind, list: unknown): Problem[] {
  const problems: Problem[] = [];
  if (!Array.isArray(list)) return problems;
  const seen = new Map<string, number>();
  list.forEach((resource: unknown, index) => {
    const id = (resource as { id?: unknown } | null)?.id;
    if (typeof id !== 'string') return;
    const first = seen.get(id);
    if (first === undefined) seen.set(id, index);
    else problems.push({ path: jsonPath(['resources', kind, index, 'id']), message: `duplicate id ${JSON.stringify(id)} (first at index ${first})` });
  });
  return problems;
}
