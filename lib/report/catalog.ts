import Table from 'cli-table3';
import type { Check } from '../engine/check';

/** The catalog as data: what `hardeks checks --format json` prints and docs are generated from. */
export function catalogEntries(checks: readonly Check[]) {
  return checks.map((c) => ({
    id: c.id,
    title: c.title,
    service: c.service,
    severity: c.severity,
    kind: c.kind,
    scope: c.scope,
    description: c.description,
    risk: c.risk,
    remediation: c.remediation,
    references: c.references,
    frameworks: c.frameworks,
    ...(c.defaultOptions ? { defaultOptions: c.defaultOptions } : {}),
  }));
}

const versioned = (ids: Readonly<Record<string, readonly string[]>>) =>
  Object.entries(ids)
    .map(([version, controls]) => `v${version}: ${controls.join(', ')}`)
    .join('; ');

export function formatCatalogText(checks: readonly Check[]): string {
  const table = new Table({
    head: ['ID', 'SEVERITY', 'SECURITY HUB', 'CIS AWS', 'CIS EKS', 'WELL-ARCH.', 'TITLE'],
    style: { head: [], border: [], compact: true },
  });
  for (const c of checks) {
    const { securityHub, cisAws, cisEks, wellArchitected } = c.frameworks;
    table.push([c.id, c.severity, securityHub.join(', '), versioned(cisAws), versioned(cisEks), wellArchitected.join(', '), c.title]);
  }
  return `${table.toString()}\n${checks.length} check${checks.length === 1 ? '' : 's'}\n`;
}
