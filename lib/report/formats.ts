import type { Report } from '../engine/types';
import { formatAsff, type AsffOptions } from './asff';
import type { FormatOptions } from './catalog-info';
import { formatCsv } from './csv';
import { formatHtml } from './html';
import { formatJson } from './json';
import { formatJunit } from './junit';
import { formatOcsf } from './ocsf';
import { formatSarif, type SarifOptions } from './sarif';
import { formatText, type TextOptions } from './text';

/** Every output format of `hardeks audit --format`, each produced from the same Report. */
export const REPORT_FORMATS = ['text', 'json', 'sarif', 'asff', 'ocsf', 'junit', 'csv', 'html'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export type RenderOptions = FormatOptions & TextOptions & SarifOptions & AsffOptions;

export function renderReport(report: Report, format: ReportFormat, options: RenderOptions = {}): string {
  switch (format) {
    case 'text':
      return formatText(report, options);
    case 'json':
      return formatJson(report);
    case 'sarif':
      return formatSarif(report, options);
    case 'asff':
      return formatAsff(report, options);
    case 'ocsf':
      return formatOcsf(report, options);
    case 'junit':
      return formatJunit(report, options);
    case 'csv':
      return formatCsv(report);
    case 'html':
      return formatHtml(report, options);
  }
}
