/**
 * A compliance framework as data: its controls, and where the checks name them. The control ↔
 * check mapping is not written here: each check declares the controls it covers in its
 * `frameworks`, and a pack says which of those lists speaks for it (`source`). So a new check
 * joins every framework it names without anyone editing a pack.
 */
export interface Pack {
  /** What `--framework` takes: `cis-aws-3.0`, `cis-aws-4.0`, `cis-eks-1.7`, `fsbp`. */
  readonly id: string;
  readonly name: string;
  /** For charts and tables: `CIS AWS 3.0`. */
  readonly shortName: string;
  readonly version: string;
  /** Which part of a check's `frameworks` names this pack's controls. */
  readonly source: PackSource;
  /** What the pack covers and what it leaves to other tools. */
  readonly scope: string;
  readonly controls: readonly Control[];
}

export type PackSource =
  | { readonly field: 'cisAws' | 'cisEks'; readonly version: string }
  /**
   * Security Hub control ids; only those the pack lists belong to it. `elsewhere` lists the ids
   * checks name that belong to other Security Hub standards (CIS, PCI DSS, NIST), so a new id is
   * a decision someone makes, not an accident (test/packs checks it).
   */
  | { readonly field: 'securityHub'; readonly elsewhere: readonly string[] };

export interface Control {
  readonly id: string;
  /** The control in a few words, stating the good state. */
  readonly title: string;
  /**
   * Why hardeks has no check for it, when it has none: `manual` (the benchmark itself calls for a
   * human assessment) or `out-of-scope` (another service or layer than the ones hardeks audits).
   */
  readonly gap?: 'manual' | 'out-of-scope';
}
