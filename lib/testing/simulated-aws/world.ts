/**
 * The in-memory account the simulated AWS serves. Each service file adds its own section to
 * `SimServices` by module augmentation, in the SDK's own output shapes, so handlers only page.
 */
export interface SimWorld {
  readonly accountId: string;
  /** ARN of the caller (`sts:GetCallerIdentity`). @default arn:aws:iam::<account>:user/auditor */
  readonly callerArn?: string;
  /** Every region of the partition with its opt-in status; `not-opted-in` regions refuse every call. */
  readonly regions: readonly { readonly name: string; readonly optIn?: 'opt-in-not-required' | 'opted-in' | 'not-opted-in' }[];
  readonly services: SimServices;
}

// Augmented by services/*.ts: `declare module '../world' { interface SimServices { eks?: EksWorld } }`.
// eslint-disable-next-line @typescript-eslint/no-empty-interface
export interface SimServices {}

/** Per-region data of a regional service. */
export type ByRegion<T> = Readonly<Record<string, T>>;
