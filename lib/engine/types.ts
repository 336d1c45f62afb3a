import type { Origin, ResourceKind } from '../model';

export const SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const STATUSES = ['FAIL', 'ERROR', 'UNKNOWN', 'PASS', 'NOT_APPLICABLE'] as const;
/**
 * PASS and FAIL are judgements; UNKNOWN means the inputs could not be established (a denied
 * call, a failed region, an unresolved template value); ERROR means the check itself broke.
 */
export type Status = (typeof STATUSES)[number];

/** Higher is more severe: `critical` 4 … `info` 0. */
export function severityRank(severity: Severity): number {
  return SEVERITIES.length - 1 - SEVERITIES.indexOf(severity);
}

export function isSeverity(value: string): value is Severity {
  return (SEVERITIES as readonly string[]).includes(value);
}

/**
 * Control ids a check maps to. CIS ids are keyed by benchmark version (`'3.0'`, `'4.0'`; CIS EKS
 * `'1.7'`). Where no Security Hub or CIS control covers a check, it names the AWS Well-Architected
 * security best practice it enforces (`SEC03-BP02`) rather than borrowing an unrelated control.
 */
export interface Frameworks {
  readonly securityHub: readonly string[];
  readonly cisAws: Readonly<Record<string, readonly string[]>>;
  readonly cisEks: Readonly<Record<string, readonly string[]>>;
  readonly wellArchitected: readonly string[];
}

/** The resource a finding is about: a modelled resource, or the account itself (region- and account-scope checks). */
export interface FindingResource {
  readonly id: string;
  readonly kind: ResourceKind | 'account';
  readonly region: string;
  readonly accountId: string;
  readonly origin?: Origin;
}

export interface SuppressionMark {
  readonly reason: string;
  readonly expires?: string;
  /** Where the suppression came from: a file path, `cfn-metadata`, or `api`. */
  readonly source: string;
}

/** One judgement of one check about one resource (and, for granular checks, one key). Field names are a public contract. */
export interface Finding {
  readonly checkId: string;
  readonly title: string;
  readonly status: Status;
  readonly severity: Severity;
  readonly service: string;
  readonly message: string;
  /** Granular findings: `LogType::audit`, `Port::22`, `Action::iam:*`. */
  readonly key?: string;
  readonly resource: FindingResource;
  readonly frameworks: Frameworks;
  readonly remediation: string;
  readonly evidence?: Readonly<Record<string, unknown>>;
  readonly suppressed?: SuppressionMark;
}

export type StatusCounts = Record<Status, number>;

export interface ReportSummary {
  readonly total: number;
  readonly byStatus: StatusCounts;
  readonly bySeverity: Record<Severity, StatusCounts>;
  readonly byService: Record<string, StatusCounts>;
  /** Findings that carry a suppression (their status is unchanged). */
  readonly suppressed: number;
}

export interface SuppressionUsage {
  readonly applied: number;
  /** Suppressions past their expiry date: they no longer apply. */
  readonly expired: readonly { readonly checkId: string; readonly expires: string; readonly reason: string; readonly source: string }[];
  /** Suppressions that matched no finding. */
  readonly unused: readonly { readonly checkId: string; readonly reason: string; readonly source: string }[];
}

export interface ReportMetadata {
  readonly tool: { readonly name: 'hardeks'; readonly version: string };
  readonly generatedAt: string;
  readonly source: Readonly<Record<string, unknown>> & { readonly type: string };
  readonly checks: readonly string[];
  readonly suppressions: SuppressionUsage;
}

export interface Report {
  readonly metadata: ReportMetadata;
  readonly summary: ReportSummary;
  readonly findings: readonly Finding[];
}
