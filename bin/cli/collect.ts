import { resolve } from 'node:path';
import { InputError } from '../../lib/errors';
import { RESOURCE_KINDS } from '../../lib/model';
import { writeSnapshot } from '../../lib/sources/snapshot/snapshot';
import { EXIT } from './exit-codes';
import { collectLive, type LiveFlags } from './live';
import type { Io } from './program';

export interface CollectFlags extends LiveFlags {
  readonly output: string;
}

/** Collects the live account and writes the snapshot; a summary of what was collected and what failed goes to stderr. */
export async function runCollect(flags: CollectFlags, io: Io): Promise<number> {
  const inventory = await collectLive(flags, io);
  await writeSnapshot(resolve(flags.output), inventory).catch((error: NodeJS.ErrnoException) => {
    if (error instanceof InputError) throw error;
    throw new InputError('OUTPUT_UNWRITABLE', `cannot write ${flags.output}: ${error.code ?? error.message}`);
  });
  const counts = RESOURCE_KINDS.map((kind) => [kind, inventory.resources[kind]?.length ?? 0] as const).filter(([, n]) => n > 0);
  const failed = inventory.coverage.filter((c) => c.status === 'error');
  const stats = inventory.source.collection;
  if (!flags.quiet) {
    io.stderr.write(
      `hardeks: wrote ${flags.output}: account ${inventory.source.accountId}, ${inventory.source.regions?.length ?? 0} regions, ` +
        `${counts.reduce((n, [, c]) => n + c, 0)} resources in ${counts.length} kinds` +
        (stats ? `, ${Object.values(stats.calls).reduce((a, b) => a + b, 0)} calls in ${(stats.durationMs / 1000).toFixed(1)} s` : '') +
        '\n',
    );
    for (const c of failed) {
      io.stderr.write(`hardeks:   not collected: ${c.kind}${c.part ? ` (${c.part})` : ''} in ${c.region}: ${c.issue?.code} ${c.issue?.operation ?? ''} ${c.issue?.message ?? ''}\n`);
    }
  }
  return EXIT.OK;
}
