import { OrganizationsClient } from '@aws-sdk/client-organizations';
import { S3Client } from '@aws-sdk/client-s3';
import { SecurityHubClient } from '@aws-sdk/client-securityhub';
import { SNSClient } from '@aws-sdk/client-sns';
import { HardeksError } from '../errors';
import { runAudit, type AuditDependencies, type AuditOutcome } from './audit';
import { configFromEnvironment, type AuditLambdaConfig } from './config';
import { auditOrganizationTarget, planOrganizationAudit, summarizeOrganizationAudit, type OrganizationPlan, type OrganizationTarget, type TargetResult } from './organization';
import { ReportStore } from './report-store';

/** What these handlers read of the Lambda context object. */
export interface LambdaContext {
  getRemainingTimeInMillis(): number;
  readonly invokedFunctionArn?: string;
}

/** The AWS clients the handlers deliver with; `fromEnvironment` builds the real ones once per container. */
export interface HandlerDependencies extends AuditDependencies {
  readonly organizations?: OrganizationsClient;
  readonly env?: Readonly<Record<string, string | undefined>>;
}

/** One JSON line per event: CloudWatch Logs Insights can query the fields. */
const jsonLog = (event: string, detail: Readonly<Record<string, unknown>>) => console.log(JSON.stringify({ event, ...detail }));

let real: HandlerDependencies | undefined;

/** The SDK clients of a deployed function (its region and role come from the Lambda environment). */
export function realDependencies(): HandlerDependencies {
  if (!real) {
    const securityHub = new Map<string, SecurityHubClient>();
    real = {
      s3: new S3Client({}),
      sns: new SNSClient({}),
      organizations: new OrganizationsClient({}),
      securityHub: (region) => {
        let client = securityHub.get(region);
        if (!client) securityHub.set(region, (client = new SecurityHubClient({ region })));
        return client;
      },
      log: jsonLog,
    };
  }
  return real;
}

function configOf(deps: HandlerDependencies): AuditLambdaConfig {
  return configFromEnvironment(deps.env ?? process.env);
}

/** Scheduled audit (EventBridge): the function's own account, or the configured role's. */
export async function scheduledAudit(_event: unknown, context: LambdaContext, deps: HandlerDependencies = realDependencies()): Promise<AuditOutcome> {
  const config = configOf(deps);
  const run = await runAudit(
    config,
    {
      scope: 'account',
      notify: true,
      securityHub: config.securityHub,
      ...(config.regions ? { regions: config.regions } : {}),
      ...(config.roleArn ? { roleArn: config.roleArn } : {}),
      ...(config.externalId ? { externalId: config.externalId } : {}),
    },
    context.getRemainingTimeInMillis(),
    deps,
  );
  return run.outcome;
}

/** Organization audit, first state: the targets of this execution. */
export async function planOrganization(event: { readonly executionName?: string } | undefined, _context: LambdaContext, deps: HandlerDependencies = realDependencies()): Promise<OrganizationPlan> {
  const config = configOf(deps);
  if (!deps.organizations) throw new HardeksError('NO_ORGANIZATIONS_CLIENT', 'planning an organization audit needs an Organizations client');
  return planOrganizationAudit(config, deps.organizations, new ReportStore(deps.s3, config.reportBucket), deps.now?.() ?? new Date(), event?.executionName);
}

/** Organization audit, one Distributed Map item: one account in one region, through its member role. */
export async function auditTarget(event: OrganizationTarget & { readonly runPrefix: string }, context: LambdaContext, deps: HandlerDependencies = realDependencies()): Promise<Omit<Extract<TargetResult, { status: 'AUDITED' }>, 'newFailures'> & { newFailures: number }> {
  const config = configOf(deps);
  const item = targetItem(event);
  const result = await auditOrganizationTarget(config, item, partitionOf(context), context.getRemainingTimeInMillis(), deps);
  if (result.status !== 'AUDITED') throw new HardeksError('TARGET_NOT_AUDITED', result.reason);
  // The map's results stay small: the findings are in S3.
  return { ...result, newFailures: result.newFailures.length };
}

/** Organization audit, last state: one summary over every target. */
export async function summarizeOrganization(event: { readonly runPrefix: string }, _context: LambdaContext, deps: HandlerDependencies = realDependencies()): ReturnType<typeof summarizeOrganizationAudit> {
  const config = configOf(deps);
  if (typeof event?.runPrefix !== 'string' || !event.runPrefix.startsWith('organization/')) {
    throw new HardeksError('BAD_EVENT', `the summary step needs the plan's runPrefix; got ${JSON.stringify(event)}`);
  }
  return summarizeOrganizationAudit(config, event.runPrefix, deps);
}

/** The Distributed Map item, checked: a malformed one would otherwise assume a role in a made-up account. */
function targetItem(event: unknown): OrganizationTarget & { runPrefix: string } {
  const e = (event ?? {}) as Record<string, unknown>;
  const ok = typeof e.accountId === 'string' && /^\d{12}$/.test(e.accountId) && typeof e.region === 'string' && /^[a-z]{2}(-[a-z]+)+-\d+$/.test(e.region) && typeof e.runPrefix === 'string' && e.runPrefix.startsWith('organization/');
  if (!ok) throw new HardeksError('BAD_EVENT', `a target needs accountId (12 digits), region and runPrefix; got ${JSON.stringify(event)}`);
  return { accountId: e.accountId as string, region: e.region as string, runPrefix: e.runPrefix as string };
}

/** The partition the function runs in, from its own ARN. */
function partitionOf(context: LambdaContext): string {
  return /^arn:([^:]+):/.exec(context.invokedFunctionArn ?? '')?.[1] ?? 'aws';
}
