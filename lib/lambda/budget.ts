import { HardeksError } from '../errors';

/** The Lambda has too little time left to audit anything once the safety margin is kept back. */
export class AuditBudgetError extends HardeksError {}

/**
 * The instant (epoch ms) after which collection starts no new call: the Lambda's remaining time
 * less the margin that judging the inventory and delivering the report need. Regions still
 * being collected then are recorded TIMED_OUT, so their findings are UNKNOWN, never missing.
 */
export function collectionDeadline(nowMs: number, remainingMs: number, safetyMarginMs: number): number {
  const budget = remainingMs - safetyMarginMs;
  if (budget <= 0) {
    throw new AuditBudgetError(
      'LAMBDA_TIME_TOO_SHORT',
      `the function has ${Math.round(remainingMs / 1000)} s left and keeps ${Math.round(safetyMarginMs / 1000)} s back to deliver the report: raise its timeout or lower HARDEKS_SAFETY_MARGIN_SECONDS`,
    );
  }
  return nowMs + budget;
}
