import type { Report } from '../engine/types';

/** The findings JSON contract: `{ metadata, summary, findings }`, pretty-printed, newline-terminated. */
export function formatJson(report: Report): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
