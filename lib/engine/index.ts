export * from './types';
export * from './check';
export { InventoryView, type CoverageState, type Deriver } from './inventory-view';
export { runChecks, type RunOptions } from './run';
export { summarize } from './summary';
export * from './suppressions';
export { zodProblems, type Problem } from './zod-problems';
