import { BatchImportFindingsCommand, BatchUpdateFindingsCommand, type AwsSecurityFinding, type SecurityHubClient } from '@aws-sdk/client-securityhub';
import type { Finding, Report } from '../engine/types';
import { toAsff, type AsffFinding } from '../report/asff';
import { findingIdentity } from '../report/identity';

/** BatchImportFindings and BatchUpdateFindings take at most this many findings per call. */
export const SECURITY_HUB_BATCH = 100;

export interface SecurityHubSync {
  /** Findings Security Hub accepted, over every import call (archives included). */
  readonly imported: number;
  /** Findings it refused, with its reason: the rest of the batch still lands. */
  readonly refused: readonly { readonly id: string; readonly code: string; readonly message: string }[];
  /** Resolved findings still reported (now PASS): their workflow set to RESOLVED. */
  readonly resolved: number;
  /** Resolved findings whose resource is gone: re-imported with RecordState ARCHIVED. */
  readonly archived: number;
  readonly calls: number;
}

export interface SecurityHubSyncOptions {
  /** Every finding goes to this region; default: each finding's own. */
  readonly region?: string;
  readonly now: Date;
}

/**
 * Imports every finding of this run (PASS included, so a fixed problem shows as PASSED), marks
 * the baseline's problems that are now fixed RESOLVED, and archives those whose resource is gone.
 * Finding ids are stable across runs, so an import updates rather than duplicates.
 */
export async function syncSecurityHub(clientFor: (region: string) => SecurityHubClient, current: Report, baseline: Report | undefined, resolved: readonly Finding[], options: SecurityHubSyncOptions): Promise<SecurityHubSync> {
  const asffOptions = options.region ? { region: options.region } : {};
  const present = new Set(current.findings.map(findingIdentity));
  const stillReported = resolved.filter((f) => present.has(findingIdentity(f)));
  const gone = resolved.filter((f) => !present.has(findingIdentity(f)));
  const previous = (findings: readonly Finding[]) => (baseline && findings.length > 0 ? toAsff({ ...baseline, findings }, asffOptions) : []);

  const imports = [...toAsff(current, asffOptions), ...previous(gone).map((f) => archived(f, options.now))];
  const importResult = await importFindings(clientFor, imports);
  const resolveCalls = await markResolved(clientFor, previous(stillReported));
  return { ...importResult, resolved: stillReported.length, archived: gone.length, calls: importResult.calls + resolveCalls };
}

/** A provider archives its own finding by importing it again with RecordState ARCHIVED and a newer UpdatedAt. */
function archived(finding: AsffFinding, now: Date): AsffFinding {
  return { ...finding, RecordState: 'ARCHIVED', UpdatedAt: now.toISOString() };
}

async function importFindings(clientFor: (region: string) => SecurityHubClient, findings: readonly AsffFinding[]): Promise<Pick<SecurityHubSync, 'imported' | 'refused' | 'calls'>> {
  let imported = 0;
  let calls = 0;
  const refused: { id: string; code: string; message: string }[] = [];
  for (const [region, inRegion] of byRegion(findings)) {
    for (const batch of chunks(inRegion, SECURITY_HUB_BATCH)) {
      const out = await clientFor(region).send(new BatchImportFindingsCommand({ Findings: batch as unknown as AwsSecurityFinding[] }));
      calls += 1;
      imported += out.SuccessCount ?? 0;
      for (const f of out.FailedFindings ?? []) refused.push({ id: f.Id ?? '?', code: f.ErrorCode ?? '?', message: f.ErrorMessage ?? '' });
    }
  }
  return { imported, refused, calls };
}

/** BatchUpdateFindings is the customer's side of the workflow: providers cannot change it by import once a finding exists. */
async function markResolved(clientFor: (region: string) => SecurityHubClient, findings: readonly AsffFinding[]): Promise<number> {
  let calls = 0;
  for (const [region, inRegion] of byRegion(findings)) {
    for (const batch of chunks(inRegion, SECURITY_HUB_BATCH)) {
      await clientFor(region).send(
        new BatchUpdateFindingsCommand({
          FindingIdentifiers: batch.map((f) => ({ Id: f.Id, ProductArn: f.ProductArn })),
          Workflow: { Status: 'RESOLVED' },
        }),
      );
      calls += 1;
    }
  }
  return calls;
}

/** Findings grouped by the region whose Security Hub receives them (BatchImportFindings accepts only its own region's). */
function byRegion(findings: readonly AsffFinding[]): Map<string, AsffFinding[]> {
  const groups = new Map<string, AsffFinding[]>();
  for (const f of findings) {
    const region = String(f.Region);
    const group = groups.get(region);
    if (group) group.push(f);
    else groups.set(region, [f]);
  }
  return groups;
}

export function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
