import { InputError } from '../../errors';

/** A CloudFormation resource as a template declares it. */
export interface CfnResource {
  readonly Type: string;
  readonly Properties?: Record<string, unknown>;
  readonly Metadata?: Record<string, unknown>;
  readonly Condition?: string;
  readonly DependsOn?: unknown;
}

/** The parts of a template the auditor reads. */
export interface CfnTemplate {
  readonly Parameters?: Record<string, { readonly Type?: string; readonly Default?: unknown } & Record<string, unknown>>;
  readonly Mappings?: Record<string, unknown>;
  readonly Conditions?: Record<string, unknown>;
  readonly Resources: Record<string, CfnResource>;
  readonly [section: string]: unknown;
}

export interface TemplateOptions {
  /** Stack name: resource ids are `cfn:<stack>/<LogicalId>`. */
  readonly stack: string;
  /** The template file, for reports and SARIF locations. */
  readonly file?: string;
  /** Parameter values (override defaults) and pseudo-parameters (`AWS::Region`, `AWS::AccountId`, `AWS::Partition`). */
  readonly parameters?: Readonly<Record<string, string>>;
  /** The region the stack deploys to, when known (also resolves `AWS::Region`). */
  readonly region?: string;
  /** The account the stack deploys to, when known (also resolves `AWS::AccountId`). */
  readonly accountId?: string;
  /** Line of each logical id in the template text (see `resourceLines`), for finding origins. */
  readonly lines?: ReadonlyMap<string, number>;
}

/** A template that cannot be read or is not a CloudFormation template. The CLI exits 2. */
export class TemplateError extends InputError {
  constructor(message: string, code = 'TEMPLATE_INVALID') {
    super(code, message);
  }
}
