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
  // Validate before writing so a snapshot on disk is always readable again.
  parseSnapshot(JSON.parse(JSON.stringify(inventory)), file);
  await writeFile(file, serializeSnapshot(inventory), 'utf8');
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
  const problems: Problem[] = parsed.success ? duplicateIds(parsed.data) : zodProblems(parsed.error);
  if (!parsed.success || problems.length > 0) throw new SnapshotFormatError(file, problems);
  return parsed.data as Inventory;
}

/** Ids are how resources refer to each other, so each must be unique within its kind. */
function duplicateIds(inventory: Inventory): Problem[] {
  const problems: Problem[] = [];
  for (const kind of RESOURCE_KINDS) {
    const seen = new Map<string, number>();
    (inventory.resources[kind] ?? []).forEach((resource, index) => {
      const first = seen.get(resource.id);
      if (first === undefined) seen.set(resource.id, index);
      else problems.push({ path: jsonPath(['resources', kind, index, 'id']), message: `duplicate id ${JSON.stringify(resource.id)} (first at index ${first})` });
    });
  }
  return problems;
}
