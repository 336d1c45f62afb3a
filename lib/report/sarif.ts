import { isAbsolute, relative, sep } from 'node:path';
import type * as Sarif from 'sarif';
import type { Finding, Report, Severity } from '../engine/types';
import { checksOfReport, frameworkLabels, resourceName, type CheckInfo, type FormatOptions } from './catalog-info';
import { findingIdentity, identityDigest } from './identity';

export interface SarifOptions extends FormatOptions {
  /** Template paths are made relative to this directory (the repository root GitHub resolves them from). */
  readonly baseDir?: string;
}

const SCHEMA_URI = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';

/** GitHub code scanning reads `security-severity` (0.1–10) to rank alerts: critical > 9, high 7–8.9, medium 4–6.9, low < 4. */
const SECURITY_SEVERITY: Record<Severity, string> = { critical: '9.5', high: '8.0', medium: '5.5', low: '3.0', info: '1.0' };
const LEVEL: Record<Severity, Sarif.ReportingConfiguration.level> = { critical: 'error', high: 'error', medium: 'warning', low: 'note', info: 'note' };

/**
 * SARIF 2.1.0 for GitHub code scanning and other SARIF viewers: one rule per check run, one result
 * per FAIL finding (a suppressed one carries its suppression instead of being dropped). Template
 * findings point at the file and line of the resource; live findings name the resource as a logical location.
 */
export function formatSarif(report: Report, options: SarifOptions = {}): string {
  return `${JSON.stringify(toSarif(report, options), null, 2)}\n`;
}

export function toSarif(report: Report, options: SarifOptions = {}): Sarif.Log {
  const checks = checksOfReport(report, options.catalog);
  const ruleIndex = new Map(checks.map((c, i) => [c.id, i]));
  const failures = report.findings.filter((f) => f.status === 'FAIL');
  return {
    $schema: SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'hardeks',
            version: report.metadata.tool.version,
            semanticVersion: report.metadata.tool.version,
            rules: checks.map(toRule),
          },
        },
        automationDetails: { id: `hardeks/${report.metadata.source.type}/` },
        invocations: [{ executionSuccessful: true, endTimeUtc: report.metadata.generatedAt }],
        results: failures.map((f) => toResult(f, ruleIndex.get(f.checkId) ?? 0, options)),
        properties: { summary: report.summary },
      },
    ],
  };
}

function toRule(check: CheckInfo): Sarif.ReportingDescriptor {
  const controls = frameworkLabels(check.frameworks);
  return {
    id: check.id,
    name: pascalCase(check.id),
    shortDescription: { text: check.title },
    fullDescription: { text: check.description },
    help: { text: helpText(check, controls), markdown: helpMarkdown(check, controls) },
    ...(check.references[0] ? { helpUri: check.references[0] } : {}),
    defaultConfiguration: { level: LEVEL[check.severity] },
    properties: {
      'security-severity': SECURITY_SEVERITY[check.severity],
      severity: check.severity,
      precision: 'high',
      tags: ['security', check.service, ...controls],
    },
  };
}

function helpText(check: CheckInfo, controls: readonly string[]): string {
  return [
    check.risk && `Risk: ${check.risk}`,
    `Remediation: ${check.remediation}`,
    controls.length > 0 && `Controls: ${controls.join(', ')}`,
    ...check.references.map((r) => `See ${r}`),
  ]
    .filter(Boolean)
    .join('\n\n');
}

function helpMarkdown(check: CheckInfo, controls: readonly string[]): string {
  return [
    `**${check.title}**`,
    check.description,
    check.risk && `**Risk.** ${check.risk}`,
    `**Remediation.** ${check.remediation}`,
    controls.length > 0 && `**Controls.** ${controls.join(', ')}`,
    check.references.length > 0 && check.references.map((r) => `- ${r}`).join('\n'),
  ]
    .filter(Boolean)
    .join('\n\n');
}

function toResult(finding: Finding, ruleIndex: number, options: SarifOptions): Sarif.Result {
  return {
    ruleId: finding.checkId,
    ruleIndex,
    level: LEVEL[finding.severity],
    message: { text: `${finding.message} (${resourceName(finding)}${finding.key ? ` [${finding.key}]` : ''})` },
    locations: [locationOf(finding, options)],
    // Lets code scanning follow one alert across runs even as line numbers move.
    partialFingerprints: { 'hardeksFinding/v1': identityDigest(finding) },
    ...(finding.suppressed
      ? { suppressions: [{ kind: 'external', status: 'accepted', justification: finding.suppressed.reason }] satisfies Sarif.Suppression[] }
      : {}),
    properties: {
      identity: findingIdentity(finding),
      resource: finding.resource.id,
      resourceKind: finding.resource.kind,
      region: finding.resource.region,
      accountId: finding.resource.accountId,
      ...(finding.key ? { key: finding.key } : {}),
    },
  };
}

function locationOf(finding: Finding, options: SarifOptions): Sarif.Location {
  const { origin } = finding.resource;
  const logical: Sarif.LogicalLocation = {
    name: origin?.kind === 'cfn' ? origin.logicalId : resourceName(finding),
    fullyQualifiedName: origin?.kind === 'cfn' ? (origin.constructPath ?? `${origin.stack}/${origin.logicalId}`) : finding.resource.id,
    kind: 'resource',
  };
  if (origin?.kind !== 'cfn' || origin.file === undefined) return { logicalLocations: [logical] };
  return {
    physicalLocation: {
      artifactLocation: { uri: artifactUri(origin.file, options.baseDir), ...(isAbsolute(origin.file) && !options.baseDir ? {} : { uriBaseId: '%SRCROOT%' }) },
      ...(origin.line !== undefined ? { region: { startLine: origin.line } } : {}),
    },
    logicalLocations: [logical],
  };
}

/** Repository-relative, forward slashes, as GitHub resolves artifact locations. */
function artifactUri(file: string, baseDir: string | undefined): string {
  const path = baseDir && isAbsolute(file) ? relative(baseDir, file) : file;
  if (isAbsolute(path)) return `file://${path.split(sep).join('/')}`;
  return path.split(sep).join('/').replace(/^\.\//, '');
}

const pascalCase = (id: string) => id.replace(/(^|-)([a-z0-9])/g, (_m, _d, c: string) => c.toUpperCase());
