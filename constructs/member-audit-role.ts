import { App, CfnParameter, DefaultStackSynthesizer, Duration, Stack, Token } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { acknowledgeWildcards, AuditConstructError, auditReadStatements } from './scheduled-audit';
import { verifyWithHardeks } from './self-verification';

/** The member role's name in every account, unless told otherwise. */
export const DEFAULT_MEMBER_ROLE_NAME = 'hardeks-member-audit';
/** The name of the organization audit's target function role, the only principal members trust. */
export const DEFAULT_AUDITOR_ROLE_NAME = 'hardeks-organization-auditor';

export interface MemberAuditRoleProps {
  /** The account that runs the OrganizationAudit. */
  readonly auditingAccountId: string;
  /** The external id the auditor presents (the OrganizationAudit's `externalId`). */
  readonly externalId: string;
  /** @default DEFAULT_MEMBER_ROLE_NAME */
  readonly roleName?: string;
  /** The auditor role in the auditing account that may assume this one. @default DEFAULT_AUDITOR_ROLE_NAME */
  readonly auditorRoleName?: string;
  /**
   * Audit this construct's resources with hardeks' checks at synth; a FAIL fails the synth.
   * @default true
   */
  readonly verify?: boolean;
}

const EXTERNAL_ID = /^[\w+=,.@:/-]{2,1224}$/;
const ROLE_NAME = /^[\w+=,.@-]{1,64}$/;

/**
 * The role an OrganizationAudit assumes in a member account: read-only (its policy is generated
 * from what the collectors declare), assumable only by the auditor role of the auditing account,
 * and only with the external id. Deploy it in every member account, e.g. through the StackSet the
 * OrganizationAudit creates, or with `memberAuditRoleTemplate()`.
 */
export class MemberAuditRole extends Construct {
  public readonly role: iam.Role;

  constructor(scope: Construct, id: string, props: MemberAuditRoleProps) {
    super(scope, id);
    requireMemberSettings(this, props);
    const partition = Stack.of(this).partition;
    const auditorRoleName = props.auditorRoleName ?? DEFAULT_AUDITOR_ROLE_NAME;
    const policy = new iam.ManagedPolicy(this, 'ReadOnlyAudit', {
      description: 'hardeks organization audit: read-only, generated from the collectors\' declared actions',
      statements: auditReadStatements(),
    });
    acknowledgeWildcards(policy);
    this.role = new iam.Role(this, 'Role', {
      roleName: props.roleName ?? DEFAULT_MEMBER_ROLE_NAME,
      description: 'hardeks organization audit: read-only access for the auditing account',
      maxSessionDuration: Duration.hours(1),
      managedPolicies: [policy],
      // The account alone is not enough: only its auditor role, and only with the external id.
      assumedBy: new iam.AccountPrincipal(props.auditingAccountId).withConditions({
        StringEquals: { 'sts:ExternalId': props.externalId },
        ArnEquals: { 'aws:PrincipalArn': `arn:${partition}:iam::${props.auditingAccountId}:role/${auditorRoleName}` },
      }),
    });
    if (props.verify ?? true) verifyWithHardeks(this);
  }
}

function requireMemberSettings(scope: Construct, props: MemberAuditRoleProps): void {
  const problems = [
    ...(Token.isUnresolved(props.auditingAccountId) || /^\d{12}$/.test(props.auditingAccountId) ? [] : [`auditingAccountId must be a 12-digit account id; got ${props.auditingAccountId}`]),
    ...(Token.isUnresolved(props.externalId) || EXTERNAL_ID.test(props.externalId) ? [] : ['externalId must be 2 to 1224 characters of letters, digits and +=,.@:/-']),
    ...[props.roleName, props.auditorRoleName].filter((n): n is string => n !== undefined && !Token.isUnresolved(n) && !ROLE_NAME.test(n)).map((n) => `${n} is not an IAM role name`),
  ];
  if (problems.length > 0) throw new AuditConstructError('AUDIT_MEMBER_ROLE', problems.join('; '), scope);
}

/** The parameters of the member role template: what each StackSet instance is given. */
export const MEMBER_TEMPLATE_PARAMETERS = { auditingAccountId: 'AuditingAccountId', externalId: 'ExternalId' } as const;

/**
 * A CloudFormation template holding only the MemberAuditRole, with the auditing account and the
 * external id as parameters: the body of a StackSet (or of `aws cloudformation deploy` in one
 * account). It names no asset and needs no CDK bootstrap in the member accounts.
 */
export function memberAuditRoleTemplate(options: { roleName?: string; auditorRoleName?: string } = {}): Record<string, unknown> {
  const app = new App();
  const stack = new Stack(app, 'HardeksMemberAuditRole', {
    description: 'hardeks organization audit: the read-only role the auditing account assumes',
    synthesizer: new DefaultStackSynthesizer({ generateBootstrapVersionRule: false }),
  });
  const auditingAccountId = new CfnParameter(stack, MEMBER_TEMPLATE_PARAMETERS.auditingAccountId, { type: 'String', allowedPattern: '^\\d{12}$', description: 'The account that runs the OrganizationAudit' });
  const externalId = new CfnParameter(stack, MEMBER_TEMPLATE_PARAMETERS.externalId, { type: 'String', minLength: 2, maxLength: 1224, noEcho: false, description: 'The external id the auditor presents' });
  new MemberAuditRole(stack, 'MemberAuditRole', { auditingAccountId: auditingAccountId.valueAsString, externalId: externalId.valueAsString, verify: false, ...options });
  return app.synth().getStackByName(stack.stackName).template as Record<string, unknown>;
}
