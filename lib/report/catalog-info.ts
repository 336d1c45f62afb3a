import { ALL_CHECKS } from '../checks';
import type { Check } from '../engine/check';
import type { Finding, Frameworks, Report } from '../engine/types';

/** What formatters know of a check: the catalog entry when the check is known, else what its findings carry. */
export interface CheckInfo {
  readonly id: string;
  readonly title: string;
  readonly service: string;
  readonly severity: Finding['severity'];
  readonly description: string;
  readonly risk: string;
  readonly remediation: string;
  readonly references: readonly string[];
  readonly frameworks: Frameworks;
}

/** Options every formatter takes. */
export interface FormatOptions {
  /** The check catalog that explains check ids (default: every check hardeks ships). */
  readonly catalog?: readonly Check[];
}

/**
 * The checks a report ran, in run order, each explained from the catalog. A check the catalog does
 * not know (a report from another hardeks version) is described by its first finding.
 */
export function checksOfReport(report: Report, catalog: readonly Check[] = ALL_CHECKS): CheckInfo[] {
  const known = new Map(catalog.map((c) => [c.id, c]));
  const ids = [...new Set([...report.metadata.checks, ...report.findings.map((f) => f.checkId)])];
  return ids.flatMap((id): CheckInfo[] => {
    const check = known.get(id);
    if (check) return [check];
    const finding = report.findings.find((f) => f.checkId === id);
    if (!finding) return [];
    const { title, service, severity, remediation, frameworks } = finding;
    return [{ id, title, service, severity, description: title, risk: '', remediation, references: [], frameworks }];
  });
}

/** Control ids as `Standard id` labels: `CIS AWS 3.0 1.4`, `Security Hub IAM.4`, … */
export function frameworkLabels(frameworks: Frameworks): string[] {
  const versioned = (name: string, ids: Readonly<Record<string, readonly string[]>>) =>
    Object.entries(ids).flatMap(([version, controls]) => controls.map((c) => `${name} ${version} ${c}`));
  return [
    ...frameworks.securityHub.map((id) => `Security Hub ${id}`),
    ...versioned('CIS AWS', frameworks.cisAws),
    ...versioned('CIS EKS', frameworks.cisEks),
    ...frameworks.wellArchitected.map((id) => `Well-Architected ${id}`),
  ];
}

/** The part of an id a person recognises: `cluster/prod` from an ARN, `account 1234…` for account-wide findings. */
export function resourceName(finding: Finding): string {
  const { id, kind, accountId } = finding.resource;
  if (kind === 'account') return `account ${accountId}`;
  return id.startsWith('arn:') ? id.split(':').slice(5).join(':') : id;
}
