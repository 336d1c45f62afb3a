import {
  AspectPriority,
  Aspects,
  CfnResource,
  Validations,
  type IAspect,
  type IPolicyValidationContext,
  type IPolicyValidationPlugin,
  type PolicyValidationPluginReport,
  type PolicyViolatingResource,
  type PolicyViolation,
} from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';
import { z } from 'zod';
import { ALL_CHECKS } from '../lib/checks';
import { selectChecks } from '../lib/checks/select';
import type { Check } from '../lib/engine/check';
import { runChecks } from '../lib/engine/run';
import { suppressionSchema } from '../lib/engine/suppressions';
import { isSeverity, type Finding, type Severity } from '../lib/engine/types';
import { InputError } from '../lib/errors';
import { failuresAtOrAbove } from '../lib/report/filter';
import { loadTemplates, stackNameOf } from '../lib/sources/cloudformation/files';
import { METADATA_KEY } from '../lib/sources/cloudformation/template';
import { TOOL_VERSION } from '../lib/version';

export interface HardeksValidationProps {
  /**
   * Synthesis fails on a FAIL finding at or above this severity (critical, high, medium, low, info).
   * @default 'info' - every FAIL
   */
  readonly failOn?: string;
  /** Only these check ids. @default - every check */
  readonly checks?: string[];
  /** Only checks of these services (eks, iam, ec2, vpc, kms, cloudtrail, guardduty). @default - every service */
  readonly services?: string[];
  /** Options per check id, merged over each check's defaults. @default - none */
  readonly checkOptions?: Record<string, Record<string, unknown>>;
  /** Values for template parameters and pseudo-parameters (`AWS::AccountId`). @default - parameter defaults */
  readonly parameters?: Record<string, string>;
  /** Also fail on findings that could not be established (UNKNOWN) or checks that broke (ERROR). @default false */
  readonly strict?: boolean;
}

/** An accepted risk, recorded in the template next to the resource it concerns. */
export interface HardeksAcknowledgement {
  /** The check id (`eks-endpoint-not-public`) or a glob of ids (`eks-*`). */
  readonly checkId: string;
  /** Why the risk is accepted: at least 10 characters, ideally with a ticket reference. */
  readonly reason: string;
  /** Only this granular key (`LogType::scheduler`). @default - every key */
  readonly key?: string;
  /** Last day the acknowledgement holds, `YYYY-MM-DD` (UTC). @default - no expiry */
  readonly expires?: string;
}

/** One check id (or glob) and at most one key: lists of alternatives belong in suppression files. */
const acknowledgementSchema = suppressionSchema.pick({ reason: true, expires: true }).extend({
  checkId: z.string().min(1),
  key: z.string().min(1).optional(),
});

/** An acknowledgement that cannot be recorded (a short reason, an unknown check, a bad date). */
export class AcknowledgementError extends InputError {
  constructor(message: string) {
    super('ACKNOWLEDGEMENT_INVALID', message);
  }
}

/**
 * A CDK policy-validation plugin that runs hardeks' checks over every stack's synthesized template
 * (what CloudFormation will receive, `addPropertyOverride` fixes included). A FAIL at or above
 * `failOn` is a violation reported against the construct that owns the resource, and fails synth.
 *
 * ```ts
 * Validations.of(app).addPlugins(new HardeksValidation({ failOn: 'high' }));
 * HardeksValidation.acknowledge(sandboxCluster, { checkId: 'eks-endpoint-not-public', reason: 'Sandbox reachable from the office only (SEC-42)' });
 * ```
 */
export class HardeksValidation implements IPolicyValidationPlugin {
  readonly name = 'hardeks';
  readonly version = TOOL_VERSION;
  readonly ruleIds: string[];
  private readonly checks: Check[];
  private readonly failOn: Severity;

  constructor(private readonly props: HardeksValidationProps = {}) {
    const failOn = props.failOn ?? 'info';
    if (!isSeverity(failOn)) throw new InputError('SEVERITY_INVALID', `failOn must be critical, high, medium, low or info; got ${JSON.stringify(failOn)}`);
    this.failOn = failOn;
    this.checks = selectChecks(ALL_CHECKS, { ids: props.checks, services: props.services });
    this.ruleIds = this.checks.map((c) => c.id);
  }

  /** Registers the plugin on an app or stage (`Validations.of(scope).addPlugins`). */
  static addTo(scope: IConstruct, props: HardeksValidationProps = {}): HardeksValidation {
    const plugin = new HardeksValidation(props);
    Validations.of(scope).addPlugins(plugin);
    return plugin;
  }

  /**
   * Accepts a risk for every CloudFormation resource under `scope` (a cluster construct: its
   * `AWS::EKS::Cluster`). It is written into the resources' `Metadata.hardeks`, so the CLI reading
   * `cdk.out` honours it too; findings keep their status and are marked suppressed.
   */
  static acknowledge(scope: IConstruct, acknowledgement: HardeksAcknowledgement): void {
    const parsed = acknowledgementSchema.safeParse(acknowledgement);
    if (!parsed.success) {
      throw new AcknowledgementError(`acknowledgement of ${acknowledgement.checkId} on ${scope.node.path}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    }
    const { checkId } = parsed.data;
    if (!/[*?]/.test(checkId) && !ALL_CHECKS.some((c) => c.id === checkId)) {
      throw new AcknowledgementError(`acknowledgement on ${scope.node.path}: unknown check id ${checkId}`);
    }
    Aspects.of(scope).add(new RecordAcknowledgement(parsed.data), { priority: AspectPriority.MUTATING });
  }

  validate(context: IPolicyValidationContext): PolicyValidationPluginReport {
    const violations: PolicyViolation[] = [];
    const notes = { unknown: 0, errors: 0, belowThreshold: 0, suppressed: 0 };
    const stacks = context.stackTemplates?.length
      ? context.stackTemplates
      : context.templatePaths.map((templatePath) => ({ templatePath, stackConstructPath: '', region: undefined, accountId: undefined }));
    for (const stack of stacks) {
      const { inventory, suppressions } = loadTemplates(
        [{ stack: stackNameOf(stack.templatePath), file: stack.templatePath, ...(stack.region ? { region: stack.region } : {}), ...(stack.accountId ? { accountId: stack.accountId } : {}) }],
        { parameters: this.props.parameters ?? {} },
      );
      const report = runChecks(inventory, this.checks, { suppressions, checkOptions: this.props.checkOptions ?? {} });
      const failing = new Set(failuresAtOrAbove(report.findings, this.failOn));
      for (const f of report.findings) {
        if (f.suppressed) notes.suppressed += f.status === 'FAIL' ? 1 : 0;
        else if (f.status === 'FAIL' && !failing.has(f)) notes.belowThreshold += 1;
        else if (f.status === 'UNKNOWN') notes.unknown += 1;
        else if (f.status === 'ERROR') notes.errors += 1;
        const strictHit = this.props.strict === true && !f.suppressed && (f.status === 'UNKNOWN' || f.status === 'ERROR');
        if (failing.has(f) || strictHit) violations.push(toViolation(f, stack.templatePath, stack.stackConstructPath));
      }
    }
    return {
      success: violations.length === 0,
      violations,
      pluginVersion: TOOL_VERSION,
      metadata: {
        failOn: this.failOn,
        unknownFindings: String(notes.unknown),
        erroredFindings: String(notes.errors),
        failuresBelowThreshold: String(notes.belowThreshold),
        acknowledgedFailures: String(notes.suppressed),
      },
    };
  }
}

/** One violation per finding, named `<checkId>` or `<checkId>[<key>]`, against the resource's logical id (CDK adds the construct path). */
export function toViolation(f: Finding, templatePath: string, stackConstructPath: string): PolicyViolation {
  const origin = f.resource.origin;
  const resource: PolicyViolatingResource =
    origin?.kind === 'cfn'
      ? { resourceLogicalId: origin.logicalId, templatePath, locations: ['Properties'] }
      : // Region- and account-wide findings belong to the stack as a whole.
        { constructPath: stackConstructPath, templatePath, locations: ['Resources'] };
  return {
    ruleName: f.key ? `${f.checkId}[${f.key}]` : f.checkId,
    description: `${f.title}: ${f.message}`,
    fix: f.remediation,
    severity: f.status === 'FAIL' ? f.severity : f.status.toLowerCase(),
    violatingResources: [resource],
    ruleMetadata: { status: f.status, severity: f.severity, resource: f.resource.id },
  };
}

/** Writes an acknowledgement into the `hardeks` metadata of every CloudFormation resource it reaches. */
class RecordAcknowledgement implements IAspect {
  constructor(private readonly acknowledgement: HardeksAcknowledgement) {}

  visit(node: IConstruct): void {
    if (!CfnResource.isCfnResource(node)) return;
    const existing = (node.getMetadata(METADATA_KEY) as { suppressions?: HardeksAcknowledgement[] } | undefined)?.suppressions ?? [];
    const entry = JSON.parse(JSON.stringify(this.acknowledgement)) as HardeksAcknowledgement;
    if (existing.some((e) => JSON.stringify(e) === JSON.stringify(entry))) return;
    node.addMetadata(METADATA_KEY, { suppressions: [...existing, entry] });
  }
}
