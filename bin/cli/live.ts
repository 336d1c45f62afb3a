import { SingleBar } from 'cli-progress';
import { InputError } from '../../lib/errors';
import type { Inventory } from '../../lib/model';
import { ALL_COLLECTORS } from '../../lib/sources/live/collectors';
import { collectInventory, selectCollectors, type ProgressEvent } from '../../lib/sources/live/collect';
import { collectorServicesFor } from '../../lib/sources/live/plan';
import type { Io } from './program';

/** Flags that only make sense when collecting from AWS, with their spelling for messages. */
export const LIVE_ONLY_FLAGS = [
  ['regions', '--regions'],
  ['profile', '--profile'],
  ['roleArn', '--role-arn'],
  ['externalId', '--external-id'],
  ['roleSessionName', '--role-session-name'],
  ['endpointUrl', '--endpoint-url'],
  ['concurrency', '--concurrency'],
] as const;

/** Flags shared by `audit` (live mode) and `collect`. */
export interface LiveFlags {
  readonly regions?: string[];
  readonly services?: string[];
  readonly profile?: string;
  readonly roleArn?: string;
  readonly externalId?: string;
  readonly roleSessionName?: string;
  readonly endpointUrl?: string;
  readonly concurrency?: string;
  readonly quiet?: boolean;
}

/** Collects the account the credentials (or the assumed role) belong to, with progress on a TTY. */
export async function collectLive(flags: LiveFlags, io: Io): Promise<Inventory> {
  const concurrency = flags.concurrency === undefined ? undefined : Number(flags.concurrency);
  if (concurrency !== undefined && (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 256)) {
    throw new InputError('BAD_CONCURRENCY', `--concurrency must be a whole number from 1 to 256, not ${JSON.stringify(flags.concurrency)}`);
  }
  if (flags.externalId && !flags.roleArn) throw new InputError('EXTERNAL_ID_WITHOUT_ROLE', '--external-id needs --role-arn');
  if (flags.endpointUrl && !/^https?:\/\/[^\s/]+/.test(flags.endpointUrl)) {
    throw new InputError('BAD_ENDPOINT', `--endpoint-url must be an http(s) URL, not ${JSON.stringify(flags.endpointUrl)}`);
  }
  const collectors = selectCollectors(ALL_COLLECTORS, collectorServicesFor(flags.services));
  const progress = flags.quiet || !(io.stderr as { isTTY?: boolean }).isTTY ? undefined : progressBar(io);
  try {
    return await collectInventory({
      collectors,
      ...(flags.regions ? { regions: flags.regions } : {}),
      ...(flags.profile ? { profile: flags.profile } : {}),
      ...(flags.roleArn ? { roleArn: flags.roleArn } : {}),
      ...(flags.externalId ? { externalId: flags.externalId } : {}),
      ...(flags.roleSessionName ? { roleSessionName: flags.roleSessionName } : {}),
      ...(flags.endpointUrl ? { endpointUrl: flags.endpointUrl } : {}),
      ...(concurrency ? { concurrency } : {}),
      ...(progress ? { onProgress: progress.update } : {}),
    });
  } finally {
    progress?.stop();
  }
}

/** One line on stderr: tasks done of planned, and the last (region, service, kind) with its count. */
function progressBar(io: Io): { update: (e: ProgressEvent) => void; stop: () => void } {
  const bar = new SingleBar(
    { stream: io.stderr as NodeJS.WriteStream, format: 'collecting [{bar}] {value}/{total} {last}', hideCursor: true, clearOnComplete: true, barsize: 24 },
  );
  let started = false;
  let done = 0;
  return {
    update: (e) => {
      if (e.type === 'plan') {
        bar.start(e.tasks, 0, { last: `regions ${e.regions.join(', ')}` });
        started = true;
        return;
      }
      done += 1;
      const what = `${e.region} ${e.kind}: ${e.issue ? e.issue.code : `${e.count}`}`;
      if (started) bar.update(done, { last: what });
    },
    stop: () => {
      if (started) bar.stop();
    },
  };
}
