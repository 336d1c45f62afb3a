import { GetObjectCommand, ListObjectsV2Command, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import type { Report } from '../engine/types';
import { HardeksError } from '../errors';
import { parseReport } from '../report/read-report';

/**
 * Where reports live in the bucket. Each run writes `<account>/<date>/<scope>-<time>Z.json` (and
 * `.html`); `<account>/latest/<scope>.json` points at the last run whose deliveries all succeeded,
 * the baseline the next run is compared with. `scope` is `account` for a whole-account audit, or a
 * region name for one target of an organization audit.
 */
export interface ReportLocation {
  readonly json: string;
  readonly html: string;
  readonly pointer: string;
}

export function reportLocation(accountId: string, scope: string, generatedAt: string): ReportLocation {
  const { date, time } = dateAndTime(generatedAt);
  const base = `${accountId}/${date}/${scope}-${time}Z`;
  return { json: `${base}.json`, html: `${base}.html`, pointer: latestPointerKey(accountId, scope) };
}

export const latestPointerKey = (accountId: string, scope: string): string => `${accountId}/latest/${scope}.json`;

/** `2026-11-26T02:00:05.123Z` → `2026-11-26` and `020005`. */
export function dateAndTime(iso: string): { date: string; time: string } {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2}):(\d{2})/.exec(iso);
  if (!match) throw new HardeksError('BAD_TIMESTAMP', `not an ISO timestamp: ${iso}`);
  return { date: match[1]!, time: `${match[2]}${match[3]}${match[4]}` };
}

/** What the pointer object holds. */
interface LatestPointer {
  readonly key: string;
  readonly generatedAt: string;
}

/** The baseline to compare with: the last delivered report, or why there is none. */
export type PreviousReport =
  | { readonly found: true; readonly key: string; readonly report: Report }
  | { readonly found: false; readonly reason: string };

export class ReportStore {
  constructor(
    private readonly s3: S3Client,
    readonly bucket: string,
  ) {}

  async readText(key: string): Promise<string | undefined> {
    try {
      const out = await this.s3.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
      return (await out.Body?.transformToString('utf-8')) ?? '';
    } catch (error) {
      if (isMissing(error)) return undefined;
      throw error;
    }
  }

  async readJson<T>(key: string): Promise<T | undefined> {
    const text = await this.readText(key);
    return text === undefined ? undefined : (JSON.parse(text) as T);
  }

  async write(key: string, body: string, contentType: string): Promise<void> {
    await this.s3.send(new PutObjectCommand({ Bucket: this.bucket, Key: key, Body: body, ContentType: contentType }));
  }

  writeJson(key: string, value: unknown): Promise<void> {
    return this.write(key, `${JSON.stringify(value, null, 2)}\n`, 'application/json');
  }

  /** Every key under a prefix, over as many pages as S3 returns. */
  async list(prefix: string): Promise<string[]> {
    const keys: string[] = [];
    let token: string | undefined;
    do {
      const page = await this.s3.send(new ListObjectsV2Command({ Bucket: this.bucket, Prefix: prefix, ...(token ? { ContinuationToken: token } : {}) }));
      for (const object of page.Contents ?? []) if (object.Key) keys.push(object.Key);
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
    return keys;
  }

  /**
   * The report the pointer names. A missing pointer is a first run; a pointer to a report that
   * expired or does not parse is said so, and the run compares with nothing.
   */
  async previous(accountId: string, scope: string): Promise<PreviousReport> {
    const pointer = await this.readJson<LatestPointer>(latestPointerKey(accountId, scope));
    if (!pointer) return { found: false, reason: 'first run: no earlier report' };
    const text = await this.readText(pointer.key);
    if (text === undefined) return { found: false, reason: `the earlier report ${pointer.key} no longer exists (expired?)` };
    try {
      return { found: true, key: pointer.key, report: parseReport(text, `s3://${this.bucket}/${pointer.key}`) };
    } catch (error) {
      return { found: false, reason: (error as Error).message };
    }
  }

  /** Moves the baseline to this run's report. */
  markLatest(location: ReportLocation, generatedAt: string): Promise<void> {
    const pointer: LatestPointer = { key: location.json, generatedAt };
    return this.writeJson(location.pointer, pointer);
  }
}

function isMissing(error: unknown): boolean {
  const e = error as { name?: string; $metadata?: { httpStatusCode?: number } } | null;
  return e?.name === 'NoSuchKey' || e?.name === 'NotFound' || e?.$metadata?.httpStatusCode === 404;
}
