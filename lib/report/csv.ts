import { stringify } from 'csv-stringify/sync';
import type { Finding, Report } from '../engine/types';
import { resourceName } from './catalog-info';

/** The CSV columns, in order; the header row names them. */
export const CSV_COLUMNS = [
  'check_id',
  'title',
  'status',
  'severity',
  'service',
  'account_id',
  'region',
  'resource_id',
  'resource_kind',
  'resource_name',
  'key',
  'message',
  'suppressed',
  'suppression_reason',
  'suppression_expires',
  'security_hub',
  'cis_aws',
  'cis_eks',
  'well_architected',
  'template_file',
  'template_line',
  'construct_path',
  'remediation',
] as const;

/**
 * One row per finding, RFC 4180 quoting by csv-stringify. Cells a spreadsheet would run as a
 * formula (starting with = + - @, tab or carriage return) are prefixed with an apostrophe, since
 * messages and resource names come from the audited account.
 */
export function formatCsv(report: Report): string {
  const rows = report.findings.map((f) => CSV_COLUMNS.map((column) => neutralise(cell(f, column))));
  return stringify([[...CSV_COLUMNS], ...rows], { eof: true, record_delimiter: 'unix' });
}

function cell(f: Finding, column: (typeof CSV_COLUMNS)[number]): string {
  const origin = f.resource.origin?.kind === 'cfn' ? f.resource.origin : undefined;
  const versioned = (ids: Readonly<Record<string, readonly string[]>>) =>
    Object.entries(ids)
      .map(([version, controls]) => `v${version}: ${controls.join(' ')}`)
      .join('; ');
  switch (column) {
    case 'check_id':
      return f.checkId;
    case 'title':
      return f.title;
    case 'status':
      return f.status;
    case 'severity':
      return f.severity;
    case 'service':
      return f.service;
    case 'account_id':
      return f.resource.accountId;
    case 'region':
      return f.resource.region;
    case 'resource_id':
      return f.resource.id;
    case 'resource_kind':
      return f.resource.kind;
    case 'resource_name':
      return resourceName(f);
    case 'key':
      return f.key ?? '';
    case 'message':
      return f.message;
    case 'suppressed':
      return f.suppressed ? 'true' : 'false';
    case 'suppression_reason':
      return f.suppressed?.reason ?? '';
    case 'suppression_expires':
      return f.suppressed?.expires ?? '';
    case 'security_hub':
      return f.frameworks.securityHub.join(' ');
    case 'cis_aws':
      return versioned(f.frameworks.cisAws);
    case 'cis_eks':
      return versioned(f.frameworks.cisEks);
    case 'well_architected':
      return f.frameworks.wellArchitected.join(' ');
    case 'template_file':
      return origin?.file ?? '';
    case 'template_line':
      return origin?.line !== undefined ? String(origin.line) : '';
    case 'construct_path':
      return origin?.constructPath ?? '';
    case 'remediation':
      return f.remediation;
  }
}

const neutralise = (value: string) => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);
