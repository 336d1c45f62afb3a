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
