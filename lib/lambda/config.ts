import { z } from 'zod';
import { ALL_CHECKS } from '../checks';
import { selectChecks } from '../checks/select';
import { SEVERITIES, type Severity } from '../engine/types';
import { InputError } from '../errors';

/**
 * The audit Lambda's settings. They come from environment variables (`HARDEKS_*`), set by the
 * ScheduledAudit and OrganizationAudit constructs, and are validated once at start: a bad value
 * fails the invocation before any AWS call, with every problem in one message.
 */
export interface AuditLambdaConfig {
  /** Bucket the reports, the pointers to the latest ones and the organization files go to. */
  readonly reportBucket: string;
  /** SNS topic for the summary of new failures; none: no notification. */
  readonly topicArn?: string;
  /** Regions to audit; default: every enabled region of the account. */
  readonly regions?: readonly string[];
  /** Check services to audit (`eks`, `iam`, …); default: all. */
  readonly services?: readonly string[];
  /** Check ids to run; default: every check of the services. */
  readonly checks?: readonly string[];
  /** New FAILs at or above this severity are notified. */
  readonly notifySeverity: Severity;
  /** Role to audit through (its own account or another); default: the function's own credentials. */
  readonly roleArn?: string;
  readonly externalId?: string;
  /** Organization audits: the role each member account holds for the audit. */
  readonly memberRoleName?: string;
  /** Organization audits: accounts left out (a sandbox, the management account without the role). */
  readonly excludedAccounts?: readonly string[];
  /** Milliseconds kept back from the Lambda's remaining time for judging and delivering the report. */
  readonly safetyMarginMs: number;
  /** Longest one collection task may take, in milliseconds. */
  readonly taskTimeoutMs: number;
  /** Calls in flight at once during collection; default: the collector's own. */
  readonly concurrency?: number;
  /** Write the HTML report next to the JSON one. */
  readonly htmlReport: boolean;
  /** Import findings into Security Hub and archive the resolved ones. */
  readonly securityHub: boolean;
  /** The one region findings are imported into; default: each finding's own region. */
  readonly securityHubRegion?: string;
  /** Key of a suppressions file (YAML or JSON) in the report bucket: the accepted risks. */
  readonly suppressionsKey?: string;
}

/** The bad configuration: `problems` names each variable and what is wrong with it. */
export class AuditConfigurationError extends InputError {
  constructor(readonly problems: readonly string[]) {
    super('LAMBDA_CONFIG_INVALID', `invalid audit Lambda configuration (${problems.length} problem${problems.length === 1 ? '' : 's'}): ${problems.join('; ')}`);
  }
}

const REGION = /^[a-z]{2}(-[a-z]+)+-\d+$/;
const PARTITION = 'aws(-[a-z]+)*';

/** A comma-separated list; blanks around items and empty items are ignored. */
const commaList = (item: z.ZodString) =>
  z
    .string()
    .transform((value) => value.split(',').map((s) => s.trim()).filter((s) => s !== ''))
    .pipe(z.array(item).min(1, 'must name at least one value'));

const wholeNumber = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, 'must be a whole number')
    .transform(Number)
    .pipe(z.number().min(min, `must be at least ${min}`).max(max, `must be at most ${max}`));

const flag = z.stringbool({ truthy: ['true', '1', 'yes'], falsy: ['false', '0', 'no'], error: 'must be true or false' });

const ENVIRONMENT = z
  .strictObject({
    HARDEKS_REPORT_BUCKET: z.string({ error: 'required' }).regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'must be an S3 bucket name'),
    HARDEKS_TOPIC_ARN: z.string().regex(new RegExp(`^arn:${PARTITION}:sns:[a-z0-9-]+:\\d{12}:[\\w-]{1,256}$`), 'must be an SNS topic ARN').optional(),
    HARDEKS_REGIONS: commaList(z.string().regex(REGION, 'must be region names such as eu-west-1')).optional(),
    HARDEKS_SERVICES: commaList(z.string()).optional(),
    HARDEKS_CHECKS: commaList(z.string()).optional(),
    HARDEKS_NOTIFY_SEVERITY: z.enum(SEVERITIES, { error: `must be one of ${SEVERITIES.join(', ')}` }).default('high'),
    HARDEKS_ROLE_ARN: z.string().regex(new RegExp(`^arn:${PARTITION}:iam::\\d{12}:role/[\\w+=,.@/-]{1,512}$`), 'must be an IAM role ARN').optional(),
    HARDEKS_EXTERNAL_ID: z.string().regex(/^[\w+=,.@:/-]{2,1224}$/, 'must be 2 to 1224 characters of letters, digits and +=,.@:/-').optional(),
    HARDEKS_MEMBER_ROLE_NAME: z.string().regex(/^[\w+=,.@-]{1,64}$/, 'must be an IAM role name (no path)').optional(),
    HARDEKS_EXCLUDED_ACCOUNTS: commaList(z.string().regex(/^\d{12}$/, 'must be 12-digit account ids')).optional(),
    HARDEKS_SAFETY_MARGIN_SECONDS: wholeNumber(1, 600).default(60),
    HARDEKS_TASK_TIMEOUT_SECONDS: wholeNumber(1, 900).default(120),
    HARDEKS_CONCURRENCY: wholeNumber(1, 256).optional(),
    HARDEKS_HTML_REPORT: flag.default(true),
    HARDEKS_SECURITY_HUB: flag.default(false),
    HARDEKS_SECURITY_HUB_REGION: z.string().regex(REGION, 'must be a region name such as eu-west-1').optional(),
    HARDEKS_SUPPRESSIONS_KEY: z.string().min(1).max(1024).optional(),
  });

/** Reads the configuration from `HARDEKS_*` variables; any other variable is ignored, an unknown `HARDEKS_*` one is a problem. */
export function configFromEnvironment(env: Readonly<Record<string, string | undefined>>): AuditLambdaConfig {
  const ours = Object.fromEntries(Object.entries(env).filter(([name, value]) => name.startsWith('HARDEKS_') && value !== undefined && value !== ''));
  const parsed = ENVIRONMENT.safeParse(ours);
  const problems = [...(parsed.success ? [] : parsed.error.issues.map(describeIssue)), ...crossFieldProblems(ours)];
  if (!parsed.success || problems.length > 0) throw new AuditConfigurationError(problems);
  const e = parsed.data;
  return {
    reportBucket: e.HARDEKS_REPORT_BUCKET,
    notifySeverity: e.HARDEKS_NOTIFY_SEVERITY,
    safetyMarginMs: e.HARDEKS_SAFETY_MARGIN_SECONDS * 1000,
    taskTimeoutMs: e.HARDEKS_TASK_TIMEOUT_SECONDS * 1000,
    htmlReport: e.HARDEKS_HTML_REPORT,
    securityHub: e.HARDEKS_SECURITY_HUB,
    ...(e.HARDEKS_TOPIC_ARN ? { topicArn: e.HARDEKS_TOPIC_ARN } : {}),
    ...(e.HARDEKS_REGIONS ? { regions: [...new Set(e.HARDEKS_REGIONS)].sort() } : {}),
    ...(e.HARDEKS_SERVICES ? { services: e.HARDEKS_SERVICES } : {}),
    ...(e.HARDEKS_CHECKS ? { checks: e.HARDEKS_CHECKS } : {}),
    ...(e.HARDEKS_ROLE_ARN ? { roleArn: e.HARDEKS_ROLE_ARN } : {}),
    ...(e.HARDEKS_EXTERNAL_ID ? { externalId: e.HARDEKS_EXTERNAL_ID } : {}),
    ...(e.HARDEKS_MEMBER_ROLE_NAME ? { memberRoleName: e.HARDEKS_MEMBER_ROLE_NAME } : {}),
    ...(e.HARDEKS_EXCLUDED_ACCOUNTS ? { excludedAccounts: e.HARDEKS_EXCLUDED_ACCOUNTS } : {}),
    ...(e.HARDEKS_CONCURRENCY !== undefined ? { concurrency: e.HARDEKS_CONCURRENCY } : {}),
    ...(e.HARDEKS_SECURITY_HUB_REGION ? { securityHubRegion: e.HARDEKS_SECURITY_HUB_REGION } : {}),
    ...(e.HARDEKS_SUPPRESSIONS_KEY ? { suppressionsKey: e.HARDEKS_SUPPRESSIONS_KEY } : {}),
  };
}

/** Problems that involve two settings, found on the raw values so they are reported with the rest. */
function crossFieldProblems(env: Readonly<Record<string, string | undefined>>): string[] {
  const problems: string[] = [];
  if (env.HARDEKS_EXTERNAL_ID !== undefined && env.HARDEKS_ROLE_ARN === undefined && env.HARDEKS_MEMBER_ROLE_NAME === undefined) {
    problems.push('HARDEKS_EXTERNAL_ID: needs HARDEKS_ROLE_ARN or HARDEKS_MEMBER_ROLE_NAME');
  }
  if (env.HARDEKS_SECURITY_HUB_REGION !== undefined && !['true', '1', 'yes'].includes(env.HARDEKS_SECURITY_HUB ?? '')) {
    problems.push('HARDEKS_SECURITY_HUB_REGION: applies only with HARDEKS_SECURITY_HUB=true');
  }
  // The catalog decides which services and check ids exist; its message names the valid ones.
  const list = (value: string | undefined) => value?.split(',').map((s) => s.trim()).filter((s) => s !== '');
  const services = list(env.HARDEKS_SERVICES);
  const ids = list(env.HARDEKS_CHECKS);
  try {
    selectChecks(ALL_CHECKS, { ...(services ? { services } : {}), ...(ids ? { ids } : {}) });
  } catch (error) {
    problems.push(`${/check id/.test((error as Error).message) ? 'HARDEKS_CHECKS' : 'HARDEKS_SERVICES'}: ${(error as Error).message}`);
  }
  return problems;
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') return issue.keys.map((k) => `${k}: not a setting of the audit Lambda`).join('; ');
  const name = issue.path.length > 0 ? String(issue.path[0]) : 'environment';
  return `${name}: ${issue.message.replace(/^Invalid input: /, '')}`;
}

/** What an organization audit needs on top: the member role and the regions to fan out to. */
export function requireOrganizationSettings(config: AuditLambdaConfig): { memberRoleName: string; regions: readonly string[] } {
  const problems = [
    ...(config.memberRoleName ? [] : ['HARDEKS_MEMBER_ROLE_NAME: required for an organization audit']),
    ...(config.regions ? [] : ['HARDEKS_REGIONS: required for an organization audit (member accounts enable regions of their own)']),
  ];
  if (problems.length > 0) throw new AuditConfigurationError(problems);
  return { memberRoleName: config.memberRoleName!, regions: config.regions! };
}
