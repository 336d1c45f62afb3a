/**
 * hardeks: audit the AWS cloud layer of EKS. The public API of the library; everything exported
 * here is supported, everything else is internal.
 */
export * from './model';
export * from './engine';
export { ALL_CHECKS } from './checks';
export { selectChecks, type CheckSelection } from './checks/select';
export { readSnapshot, writeSnapshot, parseSnapshot, serializeSnapshot } from './sources/snapshot/snapshot';
export { HardeksError, InputError, SnapshotFormatError } from './errors';
export { TOOL_VERSION } from './version';
export * from './sources/cloudformation';
export { collectInventory, type CollectOptions, type ProgressEvent } from './sources/live/collect';
export { ClientFactory, type ClientFactoryOptions } from './sources/live/clients';
export { ALL_COLLECTORS } from './sources/live/collectors';
export type { Collector, CollectorTask, TaskContext } from './sources/live/collector';
export { auditPermissions, auditPolicyDocument } from './sources/live/permissions';
export { parseConfig, type HardeksConfig } from './config';
export { formatJson } from './report/json';
export { formatText, type TextOptions } from './report/text';
export { REPORT_FORMATS, renderReport, type ReportFormat, type RenderOptions } from './report/formats';
export { diffReports, regressions, type ReportDiff, type FindingChange } from './report/diff';
export { parseReport, readReport } from './report/read-report';
export { reportSchema, reportJsonSchema } from './report/report-schema';
export { PACKS, packById, complianceView, type Pack, type Control, type ComplianceView, type ControlResult } from './packs';
