import { CfnResource, Stack, Stage, Validations, type IPolicyValidationContext, type IPolicyValidationPlugin, type PolicyValidationPluginReport, type PolicyViolation } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';
import { ALL_CHECKS } from '../lib/checks';
import { runChecks } from '../lib/engine/run';
import type { Finding } from '../lib/engine/types';
import { loadTemplates, stackNameOf } from '../lib/sources/cloudformation/files';
import { TOOL_VERSION } from '../lib/version';
import { toViolation } from './validation';

/**
 * Hardened constructs audit themselves: after synth, every check runs over the rendered template
 * of each stack that holds one, and a FAIL on a resource the construct owns fails the synth.
 * Findings on other resources of the stack are left to `HardeksValidation`, which the app may add.
 */
class HardenedConstructVerification implements IPolicyValidationPlugin {
  readonly name = 'hardeks-hardened-constructs';
  readonly version = TOOL_VERSION;
  readonly ruleIds = ALL_CHECKS.map((c) => c.id);
  private readonly scopes: IConstruct[] = [];

  add(scope: IConstruct): void {
    this.scopes.push(scope);
  }

  validate(context: IPolicyValidationContext): PolicyValidationPluginReport {
    const violations: PolicyViolation[] = [];
    for (const stack of context.stackTemplates) {
      const owned = this.logicalIdsOwnedIn(stack.stackConstructPath);
      if (owned.size === 0) continue;
      const { inventory, suppressions } = loadTemplates([
        { stack: stackNameOf(stack.templatePath), file: stack.templatePath, ...(stack.region ? { region: stack.region } : {}), ...(stack.accountId ? { accountId: stack.accountId } : {}) },
      ]);
      const report = runChecks(inventory, ALL_CHECKS, { suppressions });
      for (const finding of report.findings.filter((f) => isOwnedFailure(f, owned))) {
        violations.push(toViolation(finding, stack.templatePath, stack.stackConstructPath));
      }
    }
    return { success: violations.length === 0, violations, pluginVersion: TOOL_VERSION };
  }

  /** Logical ids of the CloudFormation resources that the registered constructs of one stack define. */
  private logicalIdsOwnedIn(stackConstructPath: string): Set<string> {
    const ids = new Set<string>();
    for (const scope of this.scopes) {
      const stack = Stack.of(scope);
      if (stack.node.path !== stackConstructPath) continue;
      for (const resource of scope.node.findAll().filter(CfnResource.isCfnResource)) {
        if (Stack.of(resource) === stack) ids.add(stack.resolve(resource.logicalId) as string);
      }
    }
    return ids;
  }
}

function isOwnedFailure(finding: Finding, owned: ReadonlySet<string>): boolean {
  const origin = finding.resource.origin;
  return finding.status === 'FAIL' && !finding.suppressed && origin?.kind === 'cfn' && owned.has(origin.logicalId);
}

/** One verification plugin per app or stage, shared by every hardened construct in it. */
const PLUGINS = new WeakMap<Stage, HardenedConstructVerification>();

/**
 * Registers `scope` for self-verification at synth. A construct outside any app (a bare Stack in
 * a unit test has an App above it, so this is rare) is not verified.
 */
export function verifyWithHardeks(scope: IConstruct): void {
  const stage = Stage.of(scope);
  if (!stage) return;
  let plugin = PLUGINS.get(stage);
  if (!plugin) {
    plugin = new HardenedConstructVerification();
    PLUGINS.set(stage, plugin);
    Validations.of(stage).addPlugins(plugin);
  }
  plugin.add(scope);
}
