import type { CredentialReportRow, IamAccount } from '../../../model';

/** The credential report names the root user `<root_account>`. */
export const ROOT_ROW_USER = '<root_account>';

export function rootRow(account: IamAccount): CredentialReportRow | undefined {
  return account.credentialReport.rows.find((r) => r.user === ROOT_ROW_USER);
}

export function userRows(account: IamAccount): CredentialReportRow[] {
  return account.credentialReport.rows.filter((r) => r.user !== ROOT_ROW_USER);
}

export const userKey = (row: CredentialReportRow) => `User::${row.user}`;

const DAY_MS = 24 * 60 * 60 * 1000;

/** Whole days from an ISO date to now (negative for future dates). */
export function daysSince(iso: string, now: Date): number {
  return Math.floor((now.getTime() - Date.parse(iso)) / DAY_MS);
}

/** The active access keys of a row, with their slot number (1 or 2). */
export function activeKeys(row: CredentialReportRow) {
  return row.accessKeys.flatMap((slot, index) => (slot.active ? [{ ...slot, slot: index + 1 }] : []));
}

/**
 * One verdict per credential-report user the check is about (key `User::<name>`), or a single PASS
 * saying there is none.
 */
export function perUser<V>(rows: readonly CredentialReportRow[], judge: (row: CredentialReportRow) => V, none: () => V): V[] {
  return rows.length === 0 ? [none()] : rows.map(judge);
}
