/**
 * The audit Lambda's entry: one bundle, four handlers. `handler` is the scheduled audit of one
 * account (the ScheduledAudit construct); the other three are the states of an organization audit
 * (the OrganizationAudit construct). Logic lives in lib/lambda; this file only wires the real AWS
 * clients in, so the bundle holds exactly the SDK clients these handlers and the collectors use.
 */
import { auditTarget as target, planOrganization as plan, scheduledAudit, summarizeOrganization as summarize, type LambdaContext } from '../lib/lambda/handlers';

export const handler = (event: unknown, context: LambdaContext) => scheduledAudit(event, context);
export const planOrganization = (event: { executionName?: string }, context: LambdaContext) => plan(event, context);
export const auditTarget = (event: Parameters<typeof target>[0], context: LambdaContext) => target(event, context);
export const summarizeOrganization = (event: { runPrefix: string }, context: LambdaContext) => summarize(event, context);
