import { unresolved } from '../../model/resolvable';
import { attributeOf, referenceOf, type ReferenceTarget } from './attributes';
import { Evaluator, finalize, isPlainObject, type EvaluationScope, type Resolved, type Value } from './intrinsics';
import type { CfnResource, CfnTemplate, TemplateOptions } from './types';

/** Parameter types whose value CloudFormation looks up at deploy time: the Default is a lookup key, not the value. */
const DEPLOY_TIME_TYPE = /^AWS::SSM::Parameter::Value</;

/**
 * One template bound to its options: parameters, pseudo-parameters, conditions and the resources
 * that intrinsics can reference. Owns the evaluator; mappers read resolved properties from here.
 */
export class TemplateScope implements EvaluationScope {
  readonly evaluator: Evaluator;
  readonly mappings: Readonly<Record<string, unknown>>;
  private readonly resolvedProperties = new Map<string, Record<string, Resolved>>();
  private readonly evaluating = new Set<string>();

  constructor(
    readonly template: CfnTemplate,
    readonly options: TemplateOptions,
  ) {
    this.mappings = isPlainObject(template.Mappings) ? template.Mappings : {};
    this.evaluator = new Evaluator(this);
  }

  get stack(): string {
    return this.options.stack;
  }

  idOf(logicalId: string): string {
    return `cfn:${this.stack}/${logicalId}`;
  }

  /** Resources the stack would create: those whose Condition is not decidably false. */
  get logicalIds(): string[] {
    return Object.keys(this.template.Resources).filter((id) => this.mayExist(id));
  }

  resource(logicalId: string): CfnResource | undefined {
    const r = this.template.Resources[logicalId];
    return r && this.mayExist(logicalId) ? r : undefined;
  }

  logicalIdsOfType(...types: string[]): string[] {
    return this.logicalIds.filter((id) => types.includes(this.template.Resources[id]!.Type));
  }

  /** The resource's Properties with every intrinsic evaluated. */
  properties(logicalId: string): Record<string, Resolved> {
    let props = this.resolvedProperties.get(logicalId);
    if (!props) {
      const resolved = this.evaluator.resolve(this.template.Resources[logicalId]?.Properties ?? {});
      props = isPlainObject(resolved) ? (resolved as Record<string, Resolved>) : {};
      this.resolvedProperties.set(logicalId, props);
    }
    return props;
  }

  /** The value `Ref`/`Fn::GetAtt` of a resource has in the inventory (a name, an ARN or the resource's id). */
  referenceValue(logicalId: string, attribute?: string): Resolved {
    const value = attribute ? this.resourceAttribute(logicalId, attribute) : this.resourceRef(logicalId);
    return value === undefined ? unresolved(`<${logicalId}>`) : finalize(value);
  }

  /**
   * The logical id of the resource of one of `types` that a resolved value points at: its id, its
   * `Ref` value (a literal name or ARN) or its ARN. Used to fold separate resources into their owners.
   */
  findReferenced(value: Resolved | undefined, types: readonly string[]): string | undefined {
    if (typeof value !== 'string') return undefined;
    return this.logicalIdsOfType(...types).find((id) => {
      if (value === this.idOf(id)) return true;
      const candidates = [this.referenceValue(id), this.referenceValue(id, 'Arn')];
      return candidates.some((c) => c === value);
    });
  }

  // ---- EvaluationScope -------------------------------------------------------------------------

  parameter(name: string): Value | undefined {
    const declared = this.template.Parameters?.[name];
    if (!declared) return undefined;
    const override = this.options.parameters?.[name];
    const type = typeof declared.Type === 'string' ? declared.Type : 'String';
    if (override === undefined && (DEPLOY_TIME_TYPE.test(type) || declared.Default === undefined)) return unresolved(`<${name}>`);
    const raw = override ?? declared.Default;
    // List parameters are comma-delimited strings until used.
    if (/^List<|^CommaDelimitedList$/.test(type)) return Array.isArray(raw) ? (raw as Value[]) : String(raw).split(',').map((s) => s.trim());
    return typeof raw === 'string' || typeof raw === 'number' || typeof raw === 'boolean' ? String(raw) : unresolved(`<${name}>`);
  }

  pseudo(name: string): Value | undefined {
    const given = this.options.parameters?.[name];
    if (given !== undefined) return given;
    switch (name) {
      case 'AWS::Region':
        return this.options.region;
      case 'AWS::AccountId':
        return this.options.accountId;
      case 'AWS::Partition':
        return this.options.region ? partitionOf(this.options.region) : undefined;
      case 'AWS::URLSuffix': {
        const partition = this.pseudo('AWS::Partition');
        if (typeof partition !== 'string') return undefined;
        return partition === 'aws-cn' ? 'amazonaws.com.cn' : 'amazonaws.com';
      }
      default:
        return undefined;
    }
  }

  resourceRef(logicalId: string): Value | undefined {
    const target = this.target(logicalId);
    return target ? this.guarded(`${logicalId}#Ref`, () => referenceOf(target)) : undefined;
  }

  resourceAttribute(logicalId: string, attribute: string): Value | undefined {
    const target = this.target(logicalId);
    return target ? this.guarded(`${logicalId}#${attribute}`, () => attributeOf(target, attribute)) : undefined;
  }

  conditionExpression(name: string): unknown {
    return isPlainObject(this.template.Conditions) ? this.template.Conditions[name] : undefined;
  }

  // ---- internals -------------------------------------------------------------------------------

  private mayExist(logicalId: string): boolean {
    const condition = this.template.Resources[logicalId]?.Condition;
    if (typeof condition !== 'string') return true;
    // An undecidable condition may well be true: judge the resource as declared.
    return this.evaluator.condition(condition) !== false;
  }

  private target(logicalId: string): ReferenceTarget | undefined {
    const resource = this.template.Resources[logicalId];
    if (!resource) return undefined;
    return {
      logicalId,
      type: resource.Type,
      id: this.idOf(logicalId),
      property: (path) => this.rawProperty(logicalId, path),
      partition: this.pseudo('AWS::Partition') ?? unresolved('<AWS::Partition>'),
      region: this.pseudo('AWS::Region') ?? unresolved('<AWS::Region>'),
      accountId: this.pseudo('AWS::AccountId') ?? unresolved('<AWS::AccountId>'),
      urlSuffix: this.pseudo('AWS::URLSuffix') ?? unresolved('<AWS::URLSuffix>'),
    };
  }

  private rawProperty(logicalId: string, path: readonly (string | number)[]): Value {
    let node: unknown = this.template.Resources[logicalId]?.Properties;
    for (const key of path) {
      if (typeof key === 'number') node = Array.isArray(node) ? node[key] : undefined;
      else node = isPlainObject(node) ? node[key] : undefined;
    }
    const value = this.guarded(`${logicalId}/${path.join('.')}`, () => this.evaluator.evaluate(node));
    return typeof value === 'symbol' || value === undefined ? null : value;
  }

  /** Breaks reference cycles (a template CloudFormation would reject anyway) with an Unresolved. */
  private guarded<T>(key: string, compute: () => T): T | Value {
    if (this.evaluating.has(key)) return unresolved(`<cycle at ${key}>`);
    this.evaluating.add(key);
    try {
      return compute();
    } finally {
      this.evaluating.delete(key);
    }
  }
}

/** The partition a region belongs to. */
export function partitionOf(region: string): string {
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  if (region.startsWith('us-iso-')) return 'aws-iso';
  if (region.startsWith('us-isob-')) return 'aws-iso-b';
  if (region.startsWith('eusc-')) return 'aws-eusc';
  return 'aws';
}

