/**
 * OrganizationAudit and MemberAuditRole: the Step Functions definition (a Distributed Map over the
 * planned targets, with its concurrency cap), the roles judged by hardeks' own checks, the member
 * role's trust, the StackSet, and cdk-nag's packs.
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { App, Stack, Validations } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks, NIST80053R5Checks } from 'cdk-nag';
import { DEFAULT_AUDITOR_ROLE_NAME, MemberAuditRole, memberAuditRoleTemplate } from '../../constructs/member-audit-role';
import { OrganizationAudit, type OrganizationAuditProps } from '../../constructs/organization-audit';
import { ALL_CHECKS } from '../../lib/checks';
import { auditPermissions } from '../../lib/sources/live/permissions';
import { appAsCdkCliBuildsIt, appWithoutFlags, auditStack, resourcesOfType } from '../fixtures/constructs';
import { ensureAuditBundle } from '../lambda/bundle-support';
import { auditRoleStatements, brief, errorCodeOf, isReadOnly } from '../lambda/construct-support';

beforeAll(() => ensureAuditBundle(), 60_000);

const PROPS: OrganizationAuditProps = { regions: ['eu-west-1', 'us-east-1'], externalId: 'hardeks-org-7f3a' };

function orgStack(props: Partial<OrganizationAuditProps> = {}, app: App = appWithoutFlags()): { stack: Stack; audit: OrganizationAudit; template: Template } {
  const stack = new Stack(app, 'Org');
  const audit = new OrganizationAudit(stack, 'Org', { ...PROPS, ...props });
  return { stack, audit, template: Template.fromStack(stack) };
}

interface Asl {
  StartAt: string;
  States: Record<string, Record<string, unknown> & { Type: string; Next?: string; End?: boolean }>;
}

/** The state machine definition, with every intrinsic replaced by a placeholder. */
function definitionOf(template: Template): Asl {
  const machine = Object.values(resourcesOfType(template, 'AWS::StepFunctions::StateMachine'))[0]!;
  const parts = (machine.Properties.DefinitionString as { 'Fn::Join': [string, unknown[]] })['Fn::Join'][1];
  return JSON.parse(parts.map((p) => (typeof p === 'string' ? p : 'REF')).join('')) as Asl;
}

describe('OrganizationAudit: the state machine', () => {
  const { template, audit, stack } = orgStack({ maxConcurrency: 25 });
  const asl = definitionOf(template);

  test('plan, then a Distributed Map over the targets, then the summary', () => {
    expect(asl.StartAt).toBe('PlanTargets');
    expect(asl.States.PlanTargets).toMatchObject({ Type: 'Task', Next: 'AuditEachTarget', ResultPath: '$.plan' });
    expect(asl.States.AuditEachTarget).toMatchObject({ Type: 'Map', Next: 'Summarize' });
    expect(asl.States.Summarize).toMatchObject({ Type: 'Task', End: true, Parameters: { 'runPrefix.$': '$.plan.runPrefix' } });
  });

  test('the map is distributed, reads the plan\'s targets file from S3, caps concurrency, and runs one target per item', () => {
    const map = asl.States.AuditEachTarget as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(map.MaxConcurrency).toBe(25);
    expect(map.ItemReader).toMatchObject({ Resource: expect.stringMatching(/:states:::s3:getObject$/), ReaderConfig: { InputType: 'JSON' }, Parameters: { Bucket: 'REF', 'Key.$': '$.plan.targetsKey' } });
    expect(map.ItemSelector).toEqual({ 'accountId.$': '$$.Map.Item.Value.accountId', 'region.$': '$$.Map.Item.Value.region', 'runPrefix.$': '$.plan.runPrefix' });
    expect(map.ItemProcessor.ProcessorConfig).toEqual({ Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' });
    expect(map.ResultPath).toBeNull();
    expect(map.ResultWriter).toMatchObject({ Resource: expect.stringMatching(/:states:::s3:putObject$/), Parameters: { Bucket: 'REF', Prefix: 'organization/executions' } });
    const target = map.ItemProcessor.States.AuditTarget;
    expect(target).toMatchObject({ Type: 'Task', Catch: [{ ErrorEquals: ['States.ALL'], ResultPath: '$.error', Next: 'TargetNotAudited' }] });
    expect(map.ItemProcessor.States.TargetNotAudited.Type).toBe('Pass');
  });

  test('the concurrency cap defaults to 10, and the target function reserves the same', () => {
    const t = orgStack().template;
    expect((definitionOf(t).States.AuditEachTarget as unknown as { MaxConcurrency: number }).MaxConcurrency).toBe(10);
    t.hasResourceProperties('AWS::Lambda::Function', { Handler: 'index.auditTarget', ReservedConcurrentExecutions: 10 });
    template.hasResourceProperties('AWS::Lambda::Function', { Handler: 'index.auditTarget', ReservedConcurrentExecutions: 25 });
  });

  test('a daily schedule starts it through a role only this account\'s EventBridge may assume; executions are traced and logged, encrypted', () => {
    template.hasResourceProperties('AWS::Events::Rule', { ScheduleExpression: 'rate(1 day)', Targets: [Match.objectLike({ Arn: { Ref: stack.getLogicalId(audit.stateMachine.node.defaultChild as never) }, DeadLetterConfig: Match.anyValue() })] });
    template.hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: { Statement: [Match.objectLike({ Principal: { Service: 'events.amazonaws.com' }, Condition: { StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } } } })] },
    });
    template.hasResourceProperties('AWS::StepFunctions::StateMachine', { TracingConfiguration: { Enabled: true }, LoggingConfiguration: Match.objectLike({ Level: 'ALL', IncludeExecutionData: false }) });
    template.hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: 365, KmsKeyId: Match.anyValue() });
  });

  test('the three handlers of one bundle, configured for the organization', () => {
    for (const handler of ['index.planOrganization', 'index.auditTarget', 'index.summarizeOrganization']) {
      template.hasResourceProperties('AWS::Lambda::Function', {
        Handler: handler,
        Runtime: 'nodejs24.x',
        Environment: { Variables: Match.objectLike({ HARDEKS_REGIONS: 'eu-west-1,us-east-1', HARDEKS_MEMBER_ROLE_NAME: 'hardeks-member-audit', HARDEKS_EXTERNAL_ID: 'hardeks-org-7f3a' }) },
      });
    }
    template.hasResourceProperties('AWS::KMS::Key', { EnableKeyRotation: true });
    template.hasResourceProperties('AWS::SNS::Topic', { KmsMasterKeyId: Match.anyValue() });
    template.resourcePropertiesCountIs('AWS::CloudWatch::Alarm', { AlarmActions: [Match.anyValue()] }, 5);
  });
});

describe('OrganizationAudit: the roles', () => {
  const { template, stack } = orgStack();
  const statements = auditRoleStatements(template);

  test('the auditor reads nothing itself: it assumes the member role by name, and writes only its own bucket', () => {
    expect(statements.flatMap((s) => [s.Action].flat()).filter((a) => a.startsWith('ec2:') || a.startsWith('iam:Get'))).toEqual([]);
    expect(statements.find((s) => s.Sid === 'AssumeMemberRoles')).toMatchObject({ Action: 'sts:AssumeRole', Resource: { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::*:role/hardeks-member-audit']] } });
    template.hasResourceProperties('AWS::IAM::Role', { RoleName: DEFAULT_AUDITOR_ROLE_NAME });
  });

  test('every write action of the audit functions names the report bucket, topic, queue or logs', () => {
    const writes = statements.filter((s) => [s.Action].flat().some((a) => !isReadOnly(a) && a !== 'sts:AssumeRole' && a !== 'organizations:ListAccounts'));
    expect(writes.map((s) => s.Sid).sort()).toEqual(['DeadLetters', 'DeadLetters', 'DeadLetters', 'PublishSummary', 'ReadWriteReports', 'ReadWriteReports', 'ReadWriteReports', 'UseTheReportKey', 'UseTheReportKey', 'UseTheReportKey', 'WriteOwnLogs', 'WriteOwnLogs', 'WriteOwnLogs'].sort());
    expect(writes.every((s) => JSON.stringify(s.Resource) !== '"*"')).toBe(true);
  });

  test('hardeks\' own checks over the synthesized stack: no FAIL, no ERROR; service roles are scoped to this account', () => {
    const report = auditStack(stack, ALL_CHECKS);
    expect(report.findings.filter((f) => f.status === 'FAIL' || f.status === 'ERROR').map(brief)).toEqual([]);
    const deputy = report.findings.filter((f) => f.checkId === 'iam-role-trust-service-confused-deputy' && /StateMachineRole|ScheduleRole/.test(f.resource.id));
    expect(deputy.length).toBeGreaterThanOrEqual(2);
    expect(deputy.every((f) => f.status === 'PASS')).toBe(true);
  });
});

describe('MemberAuditRole', () => {
  const stack = new Stack(appWithoutFlags(), 'Member');
  new MemberAuditRole(stack, 'Member', { auditingAccountId: '999988887777', externalId: 'hardeks-org-7f3a' });
  const template = Template.fromStack(stack);

  test('trusts only the auditor role of the auditing account, with the external id', () => {
    template.hasResourceProperties('AWS::IAM::Role', {
      RoleName: 'hardeks-member-audit',
      MaxSessionDuration: 3600,
      AssumeRolePolicyDocument: {
        Statement: [
          {
            Action: 'sts:AssumeRole',
            Effect: 'Allow',
            Principal: { AWS: { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::999988887777:root']] } },
            Condition: {
              StringEquals: { 'sts:ExternalId': 'hardeks-org-7f3a' },
              ArnEquals: { 'aws:PrincipalArn': { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, `:iam::999988887777:role/${DEFAULT_AUDITOR_ROLE_NAME}`]] } },
            },
          },
        ],
      },
    });
  });

  test('is read-only: its one policy is the collectors\' declared actions', () => {
    const policies = Object.values(resourcesOfType(template, 'AWS::IAM::ManagedPolicy'));
    expect(policies).toHaveLength(1);
    const [statement, ...rest] = (policies[0]!.Properties.PolicyDocument as { Statement: { Action: string[]; Resource: string }[] }).Statement;
    expect(rest).toEqual([]);
    expect(statement!.Action.sort()).toEqual(auditPermissions());
    expect(statement!.Action.every(isReadOnly)).toBe(true);
    template.resourceCountIs('AWS::IAM::Policy', 0);
  });

  test('hardeks\' own checks: the cross-account trust has its external id; not admin; no privilege escalation', () => {
    const report = auditStack(stack, ALL_CHECKS);
    expect(report.findings.filter((f) => f.status === 'FAIL' || f.status === 'ERROR').map(brief)).toEqual([]);
    const status = (checkId: string) => [...new Set(report.findings.filter((f) => f.checkId === checkId && f.resource.kind !== 'account').map((f) => f.status))];
    expect(status('iam-role-trust-cross-account-conditions')).toEqual(['PASS']);
    expect(status('iam-roles-no-administrator-access')).toEqual(['PASS']);
    expect(status('iam-policies-no-privilege-escalation')).toEqual(['PASS']);
  });

  test('its StackSet template takes the auditing account and external id as parameters and needs no bootstrap', () => {
    const body = memberAuditRoleTemplate();
    expect(Object.keys(body.Parameters as object).sort()).toEqual(['AuditingAccountId', 'ExternalId']);
    expect(JSON.stringify(body)).not.toMatch(/BootstrapVersion|cdk-hnb659fds|AssetParameters/);
    expect(Object.values(body.Resources as Record<string, { Type: string }>).map((r) => r.Type).sort()).toEqual(['AWS::IAM::ManagedPolicy', 'AWS::IAM::Role']);
  });

  test('bad settings are refused', () => {
    expect(errorCodeOf(() => new MemberAuditRole(new Stack(appWithoutFlags(), 'Bad'), 'M', { auditingAccountId: '12', externalId: 'x' }))).toBe('AUDIT_MEMBER_ROLE');
  });
});

describe('OrganizationAudit: member roles through a StackSet', () => {
  test('a service-managed StackSet deploys the member role to the OUs, auto-deploying to new accounts, with this account as the auditor', () => {
    const { template } = orgStack({ memberRoles: { organizationalUnitIds: ['ou-ab12-cdef3456'] } });
    template.hasResourceProperties('AWS::CloudFormation::StackSet', {
      PermissionModel: 'SERVICE_MANAGED',
      AutoDeployment: { Enabled: true, RetainStacksOnAccountRemoval: false },
      Capabilities: ['CAPABILITY_NAMED_IAM'],
      Parameters: [
        { ParameterKey: 'AuditingAccountId', ParameterValue: { Ref: 'AWS::AccountId' } },
        { ParameterKey: 'ExternalId', ParameterValue: 'hardeks-org-7f3a' },
      ],
      StackInstancesGroup: [{ DeploymentTargets: { OrganizationalUnitIds: ['ou-ab12-cdef3456'] }, Regions: [{ Ref: 'AWS::Region' }] }],
    });
    const body = JSON.parse(Object.values(resourcesOfType(template, 'AWS::CloudFormation::StackSet'))[0]!.Properties.TemplateBody as string) as { Resources: Record<string, { Type: string }> };
    expect(Object.values(body.Resources).map((r) => r.Type).sort()).toEqual(['AWS::IAM::ManagedPolicy', 'AWS::IAM::Role']);
  });
});

describe('OrganizationAudit: cdk-nag', () => {
  test('AwsSolutions and NIST 800-53 R5 pass; every acknowledgement gives its reason', () => {
    const { app, outdir } = appAsCdkCliBuildsIt();
    Validations.of(app).addPlugins(new AwsSolutionsChecks(app), new NIST80053R5Checks(app));
    const member = new Stack(app, 'Member');
    new MemberAuditRole(member, 'Member', { auditingAccountId: '999988887777', externalId: 'hardeks-org-7f3a' });
    orgStack({ memberRoles: { organizationalUnitIds: ['r-ab12'] } }, app);
    try {
      app.synth();
      const report = JSON.parse(readFileSync(join(outdir, 'validation-report.json'), 'utf8')) as {
        pluginReports: { pluginName: string; conclusion: string; violations: unknown[]; suppressedViolations?: { ruleName: string; reason: string }[] }[];
      };
      for (const pack of ['AwsSolutions', 'NIST.800.53.R5']) {
        const plugin = report.pluginReports.find((p) => p.pluginName === pack);
        expect({ pack, conclusion: plugin?.conclusion, violations: plugin?.violations }).toEqual({ pack, conclusion: 'success', violations: [] });
        for (const { ruleName, reason } of plugin?.suppressedViolations ?? []) expect({ ruleName, reasoned: reason.length >= 40 }).toEqual({ ruleName, reasoned: true });
      }
    } finally {
      rmSync(outdir, { recursive: true, force: true });
    }
  }, 120_000);
});

describe('OrganizationAudit: configuration errors', () => {
  test.each<[string, Partial<OrganizationAuditProps>, string]>([
    ['no regions', { regions: [] }, 'AUDIT_REGIONS'],
    ['a concurrency cap of 0', { maxConcurrency: 0 }, 'AUDIT_CONCURRENCY'],
    ['a short external id', { externalId: 'x' }, 'AUDIT_MEMBER_ROLE'],
    ['an excluded account that is not one', { excludedAccounts: ['sandbox'] }, 'AUDIT_ACCOUNTS'],
    ['an OU that is not one', { memberRoles: { organizationalUnitIds: ['sandbox'] } }, 'AUDIT_MEMBER_ROLE'],
  ])('%s is refused at construction', (_what, props, code) => {
    expect(errorCodeOf(() => new OrganizationAudit(new Stack(appWithoutFlags(), 'Bad'), 'Org', { ...PROPS, ...props }))).toBe(code);
  });
});
