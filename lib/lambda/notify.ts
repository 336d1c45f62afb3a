import { PublishCommand, type SNSClient } from '@aws-sdk/client-sns';
import { SEVERITIES, severityRank, type Finding, type Severity } from '../engine/types';
import { resourceName } from '../report/catalog-info';

/** Findings listed one per line in a notification; the rest are counted and left to the report. */
export const MAX_LISTED_FINDINGS = 25;

/** What a notification tells, whoever sends it (one account's audit or an organization's summary). */
export interface FailureNotice {
  /** `account 123456789012` or `the organization (12 accounts)`. */
  readonly subjectOf: string;
  readonly notifySeverity: Severity;
  readonly newFailures: readonly Finding[];
  readonly resolved: number;
  /** Lines that say where the full reports are. */
  readonly links: readonly string[];
  /** What could not be audited in full, with why: findings there are UNKNOWN. */
  readonly gaps: readonly string[];
}

/** SNS subjects are at most 100 printable ASCII characters. */
export function noticeSubject(notice: FailureNotice): string {
  const n = notice.newFailures.length;
  return `hardeks: ${n} new failing finding${n === 1 ? '' : 's'} in ${notice.subjectOf}`.replace(/[^\x20-\x7e]/g, '?').slice(0, 100);
}

export function noticeBody(notice: FailureNotice): string {
  const sorted = [...notice.newFailures].sort((a, b) => severityRank(b.severity) - severityRank(a.severity) || a.checkId.localeCompare(b.checkId));
  const counts = SEVERITIES.map((s) => [s, sorted.filter((f) => f.severity === s).length] as const).filter(([, n]) => n > 0);
  const lines = [
    `New FAIL findings at or above ${notice.notifySeverity} in ${notice.subjectOf}: ${counts.map(([s, n]) => `${n} ${s}`).join(', ')}.`,
    `Resolved since the last report: ${notice.resolved}.`,
    '',
    ...sorted.slice(0, MAX_LISTED_FINDINGS).map(findingLine),
    ...(sorted.length > MAX_LISTED_FINDINGS ? [`… and ${sorted.length - MAX_LISTED_FINDINGS} more in the report.`] : []),
    ...(notice.gaps.length > 0 ? ['', 'Not audited in full (findings there are UNKNOWN):', ...notice.gaps.slice(0, MAX_LISTED_FINDINGS).map((g) => `- ${g}`)] : []),
    ...(notice.gaps.length > MAX_LISTED_FINDINGS ? [`… and ${notice.gaps.length - MAX_LISTED_FINDINGS} more.`] : []),
    '',
    ...notice.links,
  ];
  return `${lines.join('\n')}\n`;
}

function findingLine(f: Finding): string {
  return `- [${f.severity.toUpperCase()}] ${f.checkId} — ${resourceName(f)}${f.key ? ` [${f.key}]` : ''} (${f.resource.accountId}, ${f.resource.region}): ${f.message}`;
}

export async function publishNotice(sns: SNSClient, topicArn: string, notice: FailureNotice): Promise<void> {
  await sns.send(new PublishCommand({ TopicArn: topicArn, Subject: noticeSubject(notice), Message: noticeBody(notice) }));
}
