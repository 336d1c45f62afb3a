import { readFile, writeFile } from 'node:fs/promises';
import { InputError, SnapshotFormatError } from '../../errors';
import { jsonPath, zodProblems, type Problem } from '../../engine/zod-problems';
import { RESOURCE_KINDS, SCHEMA_VERSION, inventorySchema, type Inventory } from '../../model';

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
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : (error as Error).message;
    throw new InputError('SNAPSHOT_UNREADABLE', `cannot read snapshot ${file}: ${why}`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new SnapshotFormatError(file, [{ path: '$', message: `not valid JSON: ${(error as Error).message}` }]);
  }
  return parseSnapshot(raw, file);
}

/**
 * Validates a parsed snapshot and returns the Inventory. Either the whole document is valid or a
 * SnapshotFormatError lists every problem with its JSON path; nothing is partially loaded.
 */
export function parseSnapshot(raw: unknown, file?: string): Inventory {
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
  const problems: Problem[] = [];
  const resources = (raw as { resources?: unknown } | null)?.resources;
  if (typeof resources !== 'object' || resources === null) return problems;
  for (const kind of RESOURCE_KINDS) {
    const list: unknown = (resources as Record<string, unknown>)[kind];
    if (!Array.isArray(list)) continue;
    const seen = new Map<string, number>();
    list.forEach((resource: unknown, index) => {
      const id = (resource as { id?: unknown } | null)?.id;
      if (typeof id !== 'string') return;
      const first = seen.get(id);
      if (first === undefined) seen.set(id, index);
      else problems.push({ path: jsonPath(['resources', kind, index, 'id']), message: `duplicate id ${JSON.stringify(id)} (first at index ${first})` });
    });
  }
  return problems;
}
