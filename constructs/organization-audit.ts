import { Duration, FeatureFlags, RemovalPolicy, Stack } from 'aws-cdk-lib';
import { STEPFUNCTIONS_USE_DISTRIBUTED_MAP_RESULT_WRITER_V2 } from 'aws-cdk-lib/cx-api';
import * as cloudformation from 'aws-cdk-lib/aws-cloudformation';
import type * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import type * as sns from 'aws-cdk-lib/aws-sns';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import * as tasks from 'aws-cdk-lib/aws-stepfunctions-tasks';
import { Construct } from 'constructs';
import { DEFAULT_AUDITOR_ROLE_NAME, DEFAULT_MEMBER_ROLE_NAME, MEMBER_TEMPLATE_PARAMETERS, memberAuditRoleTemplate } from './member-audit-role';
import { acknowledgeRule, AWS_SOLUTIONS, flattenReference, NIST_800_53_R5 } from './nag-acknowledgements';
import { requireRetention } from './retention';
import { AUDIT_HANDLERS, AuditBase, AuditConstructError, validateRegions, type AuditDeliveryOptions } from './scheduled-audit';
import { verifyWithHardeks } from './self-verification';

/** Where the OrganizationAudit deploys the MemberAuditRole with a service-managed StackSet. */
export interface MemberRoleDeployment {
  /** Organizational units (or the root, `r-…`) whose accounts get the role, now and when they join. */
  readonly organizationalUnitIds: string[];
}

export interface OrganizationAuditProps extends AuditDeliveryOptions {
  /** Regions audited in every account (member accounts enable regions of their own). */
  readonly regions: string[];
  /** The external id every member role requires (not a secret: it tells this auditor apart). */
  readonly externalId: string;
  /** @default DEFAULT_MEMBER_ROLE_NAME */
  readonly memberRoleName?: string;
  /**
   * The fixed name of the role that audits each target: member roles trust this role only.
   * @default DEFAULT_AUDITOR_ROLE_NAME
   */
  readonly auditorRoleName?: string;
  /**
   * Targets (account × region) audited at once: a cap that keeps every account's API rate limits
   * and the Lambda concurrency of this account in bounds.
   * @default 10
   */
  readonly maxConcurrency?: number;
  /** Accounts left out (a sandbox; the management account when it holds no member role). @default - none */
  readonly excludedAccounts?: string[];
  /**
   * Deploy the MemberAuditRole to these organizational units through a service-managed StackSet
   * (this stack must then run in the management account or a delegated administrator).
   * @default - deploy the role yourself (memberAuditRoleTemplate())
   */
  readonly memberRoles?: MemberRoleDeployment;
}

/**
 * A hardeks audit of every account of the organization on a schedule, as a Step Functions
 * execution: a function lists the accounts and writes one target per account × region to S3; a
 * Distributed Map audits the targets with a concurrency cap, each through the account's
 * MemberAuditRole; a last function writes one organization summary and notifies new failures once.
 * A target that fails is recorded and the map goes on.
 */
export class OrganizationAudit extends Construct {
  public readonly stateMachine: sfn.StateMachine;
  public readonly bucket: s3.Bucket;
  public readonly topic: sns.Topic;
  public readonly key: kms.Key;
  public readonly deadLetterQueue: sqs.Queue;
  public readonly planFunction: lambda.Function;
  public readonly targetFunction: lambda.Function;
  public readonly summaryFunction: lambda.Function;
  public readonly rule: events.Rule;
  public readonly alarms: cloudwatch.Alarm[];
  public readonly memberRoleStackSet?: cloudformation.CfnStackSet;

  constructor(scope: Construct, id: string, props: OrganizationAuditProps) {
    super(scope, id);
    validateRegions(this, 'regions', props.regions);
    const maxConcurrency = props.maxConcurrency ?? 10;
    if (!Number.isInteger(maxConcurrency) || maxConcurrency < 1 || maxConcurrency > 1000) {
      throw new AuditConstructError('AUDIT_CONCURRENCY', `maxConcurrency must be a whole number from 1 to 1000; got ${maxConcurrency}`, this);
    }
    if (!/^[\w+=,.@:/-]{2,1224}$/.test(props.externalId)) throw new AuditConstructError('AUDIT_MEMBER_ROLE', 'externalId must be 2 to 1224 characters of letters, digits and +=,.@:/-', this);
    const bad = (props.excludedAccounts ?? []).filter((a) => !/^\d{12}$/.test(a));
    if (bad.length > 0) throw new AuditConstructError('AUDIT_ACCOUNTS', `excludedAccounts must be 12-digit account ids; got ${bad.join(', ')}`, this);

    const stack = Stack.of(this);
    const memberRoleName = props.memberRoleName ?? DEFAULT_MEMBER_ROLE_NAME;
    const base = new AuditBase(this, props);
    this.bucket = base.bucket;
    this.topic = base.topic;
    this.key = base.key;
    this.deadLetterQueue = base.deadLetterQueue;
    const shared = {
      HARDEKS_REGIONS: props.regions.join(','),
      HARDEKS_MEMBER_ROLE_NAME: memberRoleName,
      HARDEKS_EXTERNAL_ID: props.externalId,
      ...(props.excludedAccounts?.length ? { HARDEKS_EXCLUDED_ACCOUNTS: props.excludedAccounts.join(',') } : {}),
    };

    const plan = base.auditFunction('PlanFunction', {
      handler: AUDIT_HANDLERS.plan,
      description: 'hardeks organization audit: list the accounts and write the targets',
      statements: [new iam.PolicyStatement({ sid: 'ListAccounts', actions: ['organizations:ListAccounts'], resources: ['*'] }), ...base.deliveryStatements({ publish: false, securityHub: false })],
      environment: shared,
      timeout: Duration.minutes(5),
      reservedConcurrency: 1,
    });
    const target = base.auditFunction('TargetFunction', {
      handler: AUDIT_HANDLERS.target,
      description: 'hardeks organization audit: one account in one region, through its member role',
      statements: [
        new iam.PolicyStatement({ sid: 'AssumeMemberRoles', actions: ['sts:AssumeRole'], resources: [`arn:${stack.partition}:iam::*:role/${memberRoleName}`] }),
        ...base.deliveryStatements({ publish: false, securityHub: false }),
      ],
      environment: shared,
      roleName: props.auditorRoleName ?? DEFAULT_AUDITOR_ROLE_NAME,
      // The same cap as the map's: no more targets run at once, whatever starts them.
      reservedConcurrency: maxConcurrency,
    });
    const summary = base.auditFunction('SummaryFunction', {
      handler: AUDIT_HANDLERS.summary,
      description: 'hardeks organization audit: one summary over every target',
      statements: base.deliveryStatements({ publish: true, securityHub: false }),
      environment: shared,
      timeout: Duration.minutes(5),
      reservedConcurrency: 1,
    });
    this.planFunction = plan.function;
    this.targetFunction = target.function;
    this.summaryFunction = summary.function;

    this.stateMachine = this.buildStateMachine(base, props, maxConcurrency);
    const scheduleRole = serviceRole(this, 'ScheduleRole', 'events.amazonaws.com', 'Starts the hardeks organization audit');
    this.rule = new events.Rule(this, 'Schedule', {
      description: 'Runs the hardeks organization audit',
      schedule: props.schedule ?? events.Schedule.rate(Duration.days(1)),
      targets: [new targets.SfnStateMachine(this.stateMachine, { role: scheduleRole, retryAttempts: 2, deadLetterQueue: this.deadLetterQueue })],
    });
    acknowledgeGeneratedPolicies(this);
    const functions = [
      { step: 'plan', alarm: 'PlanErrorsAlarm', fn: plan.function },
      { step: 'target', alarm: 'TargetErrorsAlarm', fn: target.function },
      { step: 'summary', alarm: 'SummaryErrorsAlarm', fn: summary.function },
    ];
    this.alarms = [
      ...functions.map(({ step, alarm, fn }) => base.alarmOn(alarm, fn.metricErrors({ period: Duration.minutes(15), statistic: 'Sum' }), `The hardeks organization audit's ${step} function failed: see its log group.`)),
      base.alarmOn('ExecutionsFailedAlarm', this.stateMachine.metricFailed({ period: Duration.minutes(15), statistic: 'Sum' }), 'A hardeks organization audit execution failed: see its execution history.'),
      base.deadLettersAlarm(),
    ];
    for (const { fn } of functions) base.acknowledge(fn);
    if (props.memberRoles) this.memberRoleStackSet = this.memberRoleStackSetFor(props, props.memberRoles);
    if (props.verify ?? true) verifyWithHardeks(this);
  }

  /** Plan → Distributed Map over the targets in S3 (capped) → summary. */
  private buildStateMachine(base: AuditBase, props: OrganizationAuditProps, maxConcurrency: number): sfn.StateMachine {
    const planTargets = new tasks.LambdaInvoke(this, 'PlanTargets', {
      lambdaFunction: this.planFunction,
      payload: sfn.TaskInput.fromObject({ executionName: sfn.JsonPath.executionName }),
      payloadResponseOnly: true,
      resultPath: '$.plan',
      retryOnServiceExceptions: true,
    });
    const auditOne = new tasks.LambdaInvoke(this, 'AuditTarget', { lambdaFunction: this.targetFunction, payloadResponseOnly: true, retryOnServiceExceptions: true });
    // The function records why a target failed; the map goes on with the others.
    auditOne.addCatch(new sfn.Pass(this, 'TargetNotAudited', { comment: 'The target function recorded the reason in S3; the summary reports it.' }), { errors: ['States.ALL'], resultPath: '$.error' });
    const auditEach = new sfn.DistributedMap(this, 'AuditEachTarget', {
      comment: 'One audit per account × region, read from the plan\'s targets file',
      maxConcurrency,
      itemReader: new sfn.S3JsonItemReader({ bucket: this.bucket, key: sfn.JsonPath.stringAt('$.plan.targetsKey') }),
      itemSelector: {
        accountId: sfn.JsonPath.stringAt('$$.Map.Item.Value.accountId'),
        region: sfn.JsonPath.stringAt('$$.Map.Item.Value.region'),
        runPrefix: sfn.JsonPath.stringAt('$.plan.runPrefix'),
      },
      // Results go to S3, not into the execution's state (which would outgrow its 256 KiB for large
      // organizations). CDK renders the writer its feature flag selects, so give that one.
      ...(FeatureFlags.of(this).isEnabled(STEPFUNCTIONS_USE_DISTRIBUTED_MAP_RESULT_WRITER_V2)
        ? { resultWriterV2: new sfn.ResultWriterV2({ bucket: this.bucket, prefix: 'organization/executions' }) }
        : { resultWriter: new sfn.ResultWriter({ bucket: this.bucket, prefix: 'organization/executions' }) }),
      resultPath: sfn.JsonPath.DISCARD,
      mapExecutionType: sfn.StateMachineType.STANDARD,
    });
    auditEach.itemProcessor(auditOne);
    const summarize = new tasks.LambdaInvoke(this, 'Summarize', {
      lambdaFunction: this.summaryFunction,
      payload: sfn.TaskInput.fromObject({ runPrefix: sfn.JsonPath.stringAt('$.plan.runPrefix') }),
      payloadResponseOnly: true,
      retryOnServiceExceptions: true,
    });
    const logGroup = new logs.LogGroup(this, 'ExecutionLogs', {
      retention: requireRetention(props.logRetention ?? logs.RetentionDays.ONE_YEAR, 'logRetention', this),
      encryptionKey: base.key,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    const role = serviceRole(this, 'StateMachineRole', 'states.amazonaws.com', 'Runs the hardeks organization audit');
    const machine = new sfn.StateMachine(this, 'StateMachine', {
      comment: 'hardeks organization audit',
      definitionBody: sfn.DefinitionBody.fromChainable(planTargets.next(auditEach).next(summarize)),
      role,
      timeout: Duration.hours(12),
      tracingEnabled: true,
      logs: { destination: logGroup, level: sfn.LogLevel.ALL, includeExecutionData: false },
    });
    // The map reads the targets file and writes its results in the KMS-encrypted bucket.
    role.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['kms:Decrypt', 'kms:GenerateDataKey'], resources: [base.key.keyArn] }));
    return machine;
  }

  private memberRoleStackSetFor(props: OrganizationAuditProps, deployment: MemberRoleDeployment): cloudformation.CfnStackSet {
    const stack = Stack.of(this);
    if (deployment.organizationalUnitIds.length === 0 || deployment.organizationalUnitIds.some((ou) => !/^(ou-[0-9a-z]{4,32}-[a-z0-9]{8,32}|r-[0-9a-z]{4,32})$/.test(ou))) {
      throw new AuditConstructError('AUDIT_MEMBER_ROLE', `memberRoles.organizationalUnitIds must name OUs (ou-…) or the root (r-…); got ${deployment.organizationalUnitIds.join(', ') || 'none'}`, this);
    }
    const template = memberAuditRoleTemplate({ ...(props.memberRoleName ? { roleName: props.memberRoleName } : {}), ...(props.auditorRoleName ? { auditorRoleName: props.auditorRoleName } : {}) });
    return new cloudformation.CfnStackSet(this, 'MemberRoles', {
      stackSetName: `hardeks-member-audit-role-${stack.stackName}`.slice(0, 128),
      description: 'hardeks organization audit: the read-only role the auditing account assumes',
      permissionModel: 'SERVICE_MANAGED',
      autoDeployment: { enabled: true, retainStacksOnAccountRemoval: false },
      capabilities: ['CAPABILITY_NAMED_IAM'],
      managedExecution: { Active: true },
      operationPreferences: { failureTolerancePercentage: 10, maxConcurrentPercentage: 25, regionConcurrencyType: 'PARALLEL' },
      templateBody: JSON.stringify(template),
      parameters: [
        { parameterKey: MEMBER_TEMPLATE_PARAMETERS.auditingAccountId, parameterValue: stack.account },
        { parameterKey: MEMBER_TEMPLATE_PARAMETERS.externalId, parameterValue: props.externalId },
      ],
      // IAM is global: one instance per account, in this region.
      stackInstancesGroup: [{ deploymentTargets: { organizationalUnitIds: deployment.organizationalUnitIds }, regions: [stack.region] }],
    });
  }
}

/** A role a service assumes for this account only (aws:SourceAccount against the confused deputy). */
function serviceRole(scope: Construct, id: string, service: string, description: string): iam.Role {
  return new iam.Role(scope, id, {
    description,
    assumedBy: new iam.ServicePrincipal(service).withConditions({ StringEquals: { 'aws:SourceAccount': Stack.of(scope).account } }),
  });
}

/** Why each wildcard CDK writes into the state machine's and the schedule's generated policies is needed. */
const GENERATED_WILDCARDS: readonly [RegExp, string][] = [
  [/^Resource::\*$/, 'X-Ray tracing and CloudWatch Logs vended log delivery actions accept no resource but *; CDK adds them for tracing and execution logs.'],
  [/^Resource::<\w+Function\w*\.Arn>:\*$/, 'CDK grants invoking each audit function together with its versions and aliases; only these three functions are named.'],
  [/^Resource::arn:<AWS::Partition>:s3:::<\w+Reports\w*>\/\*$/, 'The Distributed Map reads the plan\'s targets file and writes its results, in this construct\'s own report bucket only.'],
  [/:states:.*:execution:/, 'The Distributed Map starts, describes and stops its own child executions, whose names Step Functions chooses.'],
];

/**
 * The inline policies CDK generates for the state machine (its grants, the Distributed Map's
 * child executions) and for the schedule's role: acknowledged one finding at a time, with reasons.
 */
function acknowledgeGeneratedPolicies(scope: Construct): void {
  const stack = Stack.of(scope);
  for (const policy of scope.node.findAll().filter((c): c is iam.CfnPolicy => c instanceof iam.CfnPolicy)) {
    acknowledgeRule(policy, NIST_800_53_R5, 'IAMNoInlinePolicy', 'CDK generates this policy from the state machine\'s states and the schedule\'s target: invoke the audit functions, read and write the report bucket, run the map\'s children, start the audit.');
    const document = stack.resolve(policy.policyDocument) as { Statement: { Action?: unknown; Resource?: unknown }[] };
    for (const statement of document.Statement) {
      for (const resource of ([] as unknown[]).concat(statement.Resource ?? []).map(flattenReference).filter((r) => r.includes('*'))) {
        const finding = `Resource::${resource}`;
        const reason = GENERATED_WILDCARDS.find(([pattern]) => pattern.test(finding))?.[1];
        if (!reason) throw new AuditConstructError('AUDIT_WILDCARD', `a generated policy names ${resource} without a recorded reason`, policy);
        acknowledgeRule(policy, AWS_SOLUTIONS, 'IAM5', reason, finding);
      }
    }
  }
}
