import { isUnresolved, unresolved, type Unresolved } from '../../model/resolvable';

/**
 * The partial evaluator of CloudFormation intrinsic functions.
 *
 * A template value evaluates to plain JSON where every part that cannot be worked out offline is an
 * `Unresolved` holding a readable reference: `<Param>`, `<Key.Arn>`, `<AWS::AccountId>`. A string
 * built from known and unknown parts (`Fn::Join`, `Fn::Sub`) becomes one Unresolved whose text shows
 * the known parts and the references in place: `arn:<AWS::Partition>:iam::<AWS::AccountId>:root`.
 *
 * While evaluating, two richer values are kept so later functions can still see structure:
 * - `Concat`: a string whose parts are partly unknown (so `Fn::Split` on a literal delimiter works);
 * - `ResourceReference`: what `Ref`/`Fn::GetAtt` of a resource in the template gives, rendered as the
 *   resource's id (or a known physical value) and, where it is an ARN, the ARN's parts (so
 *   `Fn::Select [1, Fn::Split [':oidc-provider/', Ref Provider]]` yields the provider's issuer).
 * `finalize()` turns both into plain values.
 */

/** A value as the evaluator passes it around. */
export type Value = string | number | boolean | null | Unresolved | Concat | ResourceReference | Value[] | { [key: string]: Value };

/** What evaluation produces once finalized: JSON with Unresolved in place of the unknown parts. */
export type Resolved = string | number | boolean | null | Unresolved | Resolved[] | { [key: string]: Resolved };

/** A string made of known text and unknown parts, in order. */
export class Concat {
  constructor(readonly parts: readonly (string | Unresolved)[]) {}
}

/**
 * `Ref`/`Fn::GetAtt` of a resource declared in the template. `value` is what it stands for in the
 * inventory: a known physical value (a literal name, a fully known ARN) or the resource's
 * `cfn:<Stack>/<LogicalId>` id. `arn` gives the ARN's parts, when it has a known shape.
 */
export class ResourceReference {
  constructor(
    readonly value: string,
    readonly arn?: Concat,
  ) {}
}

/** `Ref: AWS::NoValue`: the property or list element is removed. */
export const NO_VALUE: unique symbol = Symbol('AWS::NoValue');
type Evaluated = Value | typeof NO_VALUE;

/** What the evaluator needs from the template around it. */
export interface EvaluationScope {
  /** A declared parameter's value (override or default), or undefined when the name is not a parameter. */
  parameter(name: string): Value | undefined;
  /** A pseudo-parameter (`AWS::Region`, …): its value when given, else undefined. */
  pseudo(name: string): Value | undefined;
  /** `Ref` of a resource in the template, or undefined when the logical id is not a resource. */
  resourceRef(logicalId: string): Value | undefined;
  /** `Fn::GetAtt` of a resource in the template, or undefined when the logical id is not a resource. */
  resourceAttribute(logicalId: string, attribute: string): Value | undefined;
  /** The raw expression of a named condition, or undefined when there is none. */
  conditionExpression(name: string): unknown;
  /** The template's Mappings section. */
  readonly mappings: Readonly<Record<string, unknown>>;
}

const PSEUDO_PARAMETERS = new Set([
  'AWS::AccountId',
  'AWS::NotificationARNs',
  'AWS::NoValue',
  'AWS::Partition',
  'AWS::Region',
  'AWS::StackId',
  'AWS::StackName',
  'AWS::URLSuffix',
]);

export function isPseudoParameter(name: string): boolean {
  return PSEUDO_PARAMETERS.has(name);
}

/** Is `node` a one-key object whose key names an intrinsic function (`Ref`, `Fn::…`)? */
export function intrinsicName(node: unknown): string | undefined {
  if (!isPlainObject(node)) return undefined;
  const keys = Object.keys(node);
  if (keys.length !== 1) return undefined;
  const key = keys[0]!;
  return key === 'Ref' || key.startsWith('Fn::') ? key : undefined;
}

export class Evaluator {
  private readonly conditionCache = new Map<string, boolean | Unresolved>();
  private readonly conditionsInProgress = new Set<string>();

  constructor(private readonly scope: EvaluationScope) {}

  /** Evaluates and finalizes: the JSON a mapper reads. `undefined` when the value is AWS::NoValue. */
  resolve(node: unknown): Resolved | undefined {
    const value = this.evaluate(node);
    return value === NO_VALUE ? undefined : finalize(value);
  }

  /** Evaluates without finalizing, keeping Concat and ResourceReference structure. */
  evaluate(node: unknown): Evaluated {
    if (node === undefined) return null;
    if (node === null || typeof node === 'string' || typeof node === 'number' || typeof node === 'boolean') return node;
    if (Array.isArray(node)) return node.map((item) => this.evaluate(item)).filter((v): v is Value => v !== NO_VALUE);
    if (isUnresolved(node) || node instanceof Concat || node instanceof ResourceReference) return node;
    if (!isPlainObject(node)) return unresolved('<unsupported value>');
    const fn = intrinsicName(node);
    if (fn) return this.call(fn, node[fn]);
    const out: { [key: string]: Value } = {};
    for (const [key, child] of Object.entries(node)) {
      const value = this.evaluate(child);
      if (value !== NO_VALUE) out[key] = value;
    }
    return out;
  }

  /** A named condition: true, false, or Unresolved when it depends on something unknown. */
  condition(name: string): boolean | Unresolved {
    const cached = this.conditionCache.get(name);
    if (cached !== undefined) return cached;
    const expression = this.scope.conditionExpression(name);
    if (expression === undefined || this.conditionsInProgress.has(name)) return unresolved(`<Condition ${name}>`);
    this.conditionsInProgress.add(name);
    const result = this.conditionValue(expression);
    this.conditionsInProgress.delete(name);
    // An undecidable condition is reported by its name, which is what a reader finds in the template.
    const named = isUnresolved(result) ? unresolved(`<Condition ${name}>`) : result;
    this.conditionCache.set(name, named);
    return named;
  }

  private call(fn: string, args: unknown): Evaluated {
    switch (fn) {
      case 'Ref':
        return this.ref(args);
      case 'Fn::GetAtt':
        return this.getAtt(args);
      case 'Fn::Join':
        return this.join(args);
      case 'Fn::Sub':
        return this.sub(args);
      case 'Fn::Select':
        return this.select(args);
      case 'Fn::Split':
        return this.split(args);
      case 'Fn::If':
        return this.fnIf(args);
      case 'Fn::FindInMap':
        return this.findInMap(args);
      case 'Fn::ImportValue':
        return unresolved(`<ImportValue ${describe(this.evaluate(args))}>`);
      case 'Fn::GetAZs':
        return unresolved('<AvailabilityZones>');
      case 'Fn::Base64':
        return this.base64(args);
      case 'Fn::Length':
        return this.length(args);
      case 'Fn::ToJsonString':
        return this.toJsonString(args);
      case 'Fn::Equals':
      case 'Fn::And':
      case 'Fn::Or':
      case 'Fn::Not':
        return this.conditionValue({ [fn]: args });
      default:
        // Fn::Cidr, Fn::Transform and anything newer: not evaluated offline.
        return unresolved(`<${fn}>`);
    }
  }

  private ref(args: unknown): Evaluated {
    const name = this.evaluate(args);
    if (typeof name !== 'string') return unresolved('<Ref>');
    if (name === 'AWS::NoValue') return NO_VALUE;
    if (isPseudoParameter(name)) return this.scope.pseudo(name) ?? unresolved(`<${name}>`);
    return this.scope.parameter(name) ?? this.scope.resourceRef(name) ?? unresolved(`<${name}>`);
  }

  private getAtt(args: unknown): Evaluated {
    let logicalId: unknown;
    let attribute: unknown;
    if (typeof args === 'string') {
      const dot = args.indexOf('.');
      [logicalId, attribute] = dot < 0 ? [args, ''] : [args.slice(0, dot), args.slice(dot + 1)];
    } else if (Array.isArray(args) && args.length === 2) {
      logicalId = args[0];
      attribute = this.evaluate(args[1]);
    }
    if (typeof logicalId !== 'string' || typeof attribute !== 'string') return unresolved('<Fn::GetAtt>');
    return this.scope.resourceAttribute(logicalId, attribute) ?? unresolved(`<${logicalId}.${attribute}>`);
  }

  private join(args: unknown): Evaluated {
    if (!Array.isArray(args) || args.length !== 2) return unresolved('<Fn::Join>');
    const delimiter = this.evaluate(args[0]);
    const list = this.evaluate(args[1]);
    if (typeof delimiter !== 'string') return unresolved('<Fn::Join>');
    if (!Array.isArray(list)) return isUnresolved(list) ? unresolved(`<Fn::Join ${list.unresolved}>`) : unresolved('<Fn::Join>');
    const pieces: Value[] = [];
    list.forEach((item, i) => {
      if (i > 0) pieces.push(delimiter);
      pieces.push(item);
    });
    return concat(pieces);
  }

  private sub(args: unknown): Evaluated {
    const [text, variables] = Array.isArray(args) ? [args[0], args[1]] : [args, undefined];
    const template = this.evaluate(text);
    if (typeof template !== 'string') return unresolved('<Fn::Sub>');
    const locals = new Map<string, Value>();
    if (isPlainObject(variables)) {
      for (const [name, expr] of Object.entries(variables)) {
        const value = this.evaluate(expr);
        locals.set(name, value === NO_VALUE ? '' : value);
      }
    }
    const pieces: Value[] = [];
    let rest = template;
    // `${Name}`, `${Logical.Attr}` are substituted; `${!Literal}` is written as `${Literal}`.
    for (let match = /\$\{([^}]*)\}/.exec(rest); match; match = /\$\{([^}]*)\}/.exec(rest)) {
      pieces.push(rest.slice(0, match.index));
      const name = match[1]!;
      if (name.startsWith('!')) pieces.push(`\${${name.slice(1)}}`);
      else pieces.push(locals.get(name) ?? this.subVariable(name.trim()));
      rest = rest.slice(match.index + match[0].length);
    }
    pieces.push(rest);
    return concat(pieces);
  }

  private subVariable(name: string): Value {
    if (name.includes('.') && !isPseudoParameter(name)) {
      const dot = name.indexOf('.');
      const value = this.getAtt([name.slice(0, dot), name.slice(dot + 1)]);
      return value === NO_VALUE ? '' : value;
    }
    const value = this.ref(name);
    return value === NO_VALUE ? '' : value;
  }

  private select(args: unknown): Evaluated {
    if (!Array.isArray(args) || args.length !== 2) return unresolved('<Fn::Select>');
    const index = toIndex(this.evaluate(args[0]));
    const list = this.evaluate(args[1]);
    if (index === undefined) return unresolved('<Fn::Select>');
    if (isUnresolved(list)) return unresolved(`${list.unresolved}[${index}]`);
    if (!Array.isArray(list)) return unresolved('<Fn::Select>');
    return list[index] ?? unresolved(`<Fn::Select ${index} out of range>`);
  }

  private split(args: unknown): Evaluated {
    if (!Array.isArray(args) || args.length !== 2) return unresolved('<Fn::Split>');
    const delimiter = this.evaluate(args[0]);
    const source = this.evaluate(args[1]);
    if (typeof delimiter !== 'string' || delimiter === '') return unresolved('<Fn::Split>');
    if (typeof source === 'string') return source.split(delimiter);
    if (source instanceof ResourceReference) return source.arn ? splitConcat(source.arn, delimiter) : source.value.split(delimiter);
    if (source instanceof Concat) return splitConcat(source, delimiter);
    if (isUnresolved(source)) return source;
    return unresolved('<Fn::Split>');
  }

  private fnIf(args: unknown): Evaluated {
    if (!Array.isArray(args) || args.length !== 3 || typeof args[0] !== 'string') return unresolved('<Fn::If>');
    const decided = this.condition(args[0]);
    if (decided === true) return this.evaluate(args[1]);
    if (decided === false) return this.evaluate(args[2]);
    // Undecidable, but both branches may agree; otherwise the value depends on the condition.
    const whenTrue = this.evaluate(args[1]);
    const whenFalse = this.evaluate(args[2]);
    if (whenTrue !== NO_VALUE && whenFalse !== NO_VALUE && isKnown(whenTrue) && sameValue(whenTrue, whenFalse)) return whenTrue;
    return unresolved(`<Fn::If ${args[0]}>`);
  }

  private findInMap(args: unknown): Evaluated {
    if (!Array.isArray(args) || args.length < 3) return unresolved('<Fn::FindInMap>');
    const keys = args.slice(0, 3).map((a) => this.evaluate(a));
    const fallback = isPlainObject(args[3]) && 'DefaultValue' in args[3] ? args[3].DefaultValue : undefined;
    if (!keys.every((k): k is string => typeof k === 'string')) return unresolved(`<Fn::FindInMap ${keys.map(describe).join('.')}>`);
    const [map, top, second] = keys as [string, string, string];
    const found = dig(this.scope.mappings, [map, top, second]);
    if (found !== undefined) return this.evaluate(found);
    if (fallback !== undefined) return this.evaluate(fallback);
    return unresolved(`<Fn::FindInMap ${map}.${top}.${second} missing>`);
  }

  private base64(args: unknown): Evaluated {
    const value = this.evaluate(args);
    if (typeof value === 'string') return Buffer.from(value, 'utf8').toString('base64');
    return unresolved('<Fn::Base64>');
  }

  private length(args: unknown): Evaluated {
    const value = this.evaluate(args);
    return Array.isArray(value) ? value.length : unresolved('<Fn::Length>');
  }

  private toJsonString(args: unknown): Evaluated {
    const value = this.evaluate(args);
    if (value === NO_VALUE || !isKnown(value)) return unresolved('<Fn::ToJsonString>');
    return JSON.stringify(finalize(value));
  }

  /** Fn::Equals/And/Or/Not and `{ Condition: Name }`, over known values only. */
  private conditionValue(expression: unknown): boolean | Unresolved {
    if (typeof expression === 'boolean') return expression;
    if (!isPlainObject(expression)) return unresolved('<condition>');
    const [key] = Object.keys(expression);
    const args = expression[key ?? ''];
    switch (key) {
      case 'Condition':
        return typeof args === 'string' ? this.condition(args) : unresolved('<condition>');
      case 'Fn::Equals': {
        if (!Array.isArray(args) || args.length !== 2) return unresolved('<Fn::Equals>');
        const [a, b] = args.map((x) => this.evaluate(x));
        if (a === NO_VALUE || b === NO_VALUE || !isKnown(a!) || !isKnown(b!)) return unresolved('<Fn::Equals>');
        return sameValue(a!, b!);
      }
      case 'Fn::Not': {
        const inner = this.conditionValue(Array.isArray(args) ? args[0] : args);
        return typeof inner === 'boolean' ? !inner : inner;
      }
      case 'Fn::And':
      case 'Fn::Or': {
        if (!Array.isArray(args)) return unresolved(`<${key}>`);
        const decisive = key === 'Fn::Or';
        let undecided: Unresolved | undefined;
        // One decisive operand settles it even when others are unknown (true for Or, false for And).
        for (const operand of args) {
          const value = this.conditionValue(operand);
          if (value === decisive) return decisive;
          if (isUnresolved(value)) undecided ??= value;
        }
        return undecided ?? !decisive;
      }
      default: {
        // A Fn::If or Ref that yields a boolean-like value.
        const value = this.evaluate(expression);
        if (typeof value === 'boolean') return value;
        if (value === 'true' || value === 'false') return value === 'true';
        return unresolved('<condition>');
      }
    }
  }
}

/** Plain JSON from an evaluated value: Concat → string or Unresolved, ResourceReference → its value. */
export function finalize(value: Value): Resolved {
  if (value instanceof ResourceReference) return value.value;
  if (value instanceof Concat) return renderConcat(value);
  if (Array.isArray(value)) return value.map(finalize);
  if (isUnresolved(value)) return value;
  if (isPlainObject(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, finalize(v as Value)]));
  return value as string | number | boolean | null;
}

/** Builds a string from pieces: a plain string when every piece is known, else a Concat. */
export function concat(pieces: readonly Value[]): Value {
  const parts: (string | Unresolved)[] = [];
  for (const piece of pieces) {
    if (piece instanceof Concat) parts.push(...piece.parts);
    else if (piece instanceof ResourceReference) parts.push(piece.value);
    else if (isUnresolved(piece)) parts.push(piece);
    else if (typeof piece === 'string' || typeof piece === 'number' || typeof piece === 'boolean') parts.push(String(piece));
    else parts.push(unresolved(Array.isArray(piece) ? '<list>' : '<object>'));
  }
  const merged = mergeText(parts);
  if (merged.every((p): p is string => typeof p === 'string')) return merged.join('');
  return new Concat(merged);
}

function mergeText(parts: readonly (string | Unresolved)[]): (string | Unresolved)[] {
  const out: (string | Unresolved)[] = [];
  for (const part of parts) {
    const last = out[out.length - 1];
    if (typeof part === 'string' && typeof last === 'string') out[out.length - 1] = last + part;
    else if (part !== '') out.push(part);
  }
  return out;
}

/** A Concat as the model stores it: its one unknown part alone, or one Unresolved showing the whole. */
export function renderConcat(value: Concat): string | Unresolved {
  const parts = mergeText(value.parts);
  if (parts.length === 1 && isUnresolved(parts[0])) return parts[0];
  if (parts.every((p): p is string => typeof p === 'string')) return parts.join('');
  return unresolved(parts.map((p) => (typeof p === 'string' ? p : p.unresolved)).join(''));
}

/** Splits on a delimiter found in the known text; the unknown parts stay where they are. */
function splitConcat(value: Concat, delimiter: string): Value[] {
  const pieces: (string | Unresolved)[][] = [[]];
  for (const part of value.parts) {
    if (typeof part !== 'string') {
      pieces[pieces.length - 1]!.push(part);
      continue;
    }
    const chunks = part.split(delimiter);
    chunks.forEach((chunk, i) => {
      if (i > 0) pieces.push([]);
      pieces[pieces.length - 1]!.push(chunk);
    });
  }
  return pieces.map((parts) => concat(parts));
}

/** Fully known: no Unresolved, Concat or NO_VALUE anywhere inside. */
export function isKnown(value: Value): boolean {
  if (isUnresolved(value) || value instanceof Concat) return false;
  if (value instanceof ResourceReference) return true;
  if (Array.isArray(value)) return value.every(isKnown);
  if (isPlainObject(value)) return Object.values(value).every((v) => isKnown(v as Value));
  return true;
}

function sameValue(a: Value, b: Value): boolean {
  const norm = (v: Value) => JSON.stringify(finalize(v), (_k, x: unknown) => (typeof x === 'number' || typeof x === 'boolean' ? String(x) : x));
  return norm(a) === norm(b);
}

function toIndex(value: Evaluated): number | undefined {
  const n = typeof value === 'string' ? Number(value) : value;
  return typeof n === 'number' && Number.isInteger(n) && n >= 0 ? n : undefined;
}

function describe(value: Evaluated): string {
  if (value === NO_VALUE) return '';
  const resolved = finalize(value);
  if (typeof resolved === 'string') return resolved;
  if (isUnresolved(resolved)) return resolved.unresolved;
  return JSON.stringify(resolved);
}

function dig(root: unknown, path: readonly string[]): unknown {
  let node = root;
  for (const key of path) {
    if (!isPlainObject(node)) return undefined;
    node = node[key];
  }
  return node;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Concat) && !(value instanceof ResourceReference);
}

// ---------------------------------------------------------------------------------------------
// Custom::AWSCDKCfnJson
// ---------------------------------------------------------------------------------------------

// Private-use code points: never in a real template, allowed raw inside JSON strings.
const OPEN = '\uE000';
const CLOSE = '\uE001';
const SENTINEL = new RegExp(`${OPEN}(\\d+)${CLOSE}`, 'g');

/**
 * The value of `Fn::GetAtt [<Custom::AWSCDKCfnJson>, Value]`: CDK's CfnJson renders an object as a
 * JSON string with tokens joined in, and a Lambda parses it at deploy time. We parse it here, with
 * each unknown part carried through as a sentinel and put back afterwards:
 * - a string value that is wholly one unknown part becomes that Unresolved;
 * - a string value mixing text and unknown parts becomes one Unresolved showing both;
 * - an object KEY cannot be an Unresolved, so it becomes the rendered text (`<Param>:sub`): the
 *   policy analyser can still tell `…:sub` from `…:aud`. (aws-eks-v2 builds IRSA keys from the
 *   provider's ARN, whose issuer part is the provider's id while the issuer is unknown, so those
 *   keys are plain text: `cfn:<Stack>/<Provider>:sub`, matching the `Federated` principal.)
 * Text that does not parse as JSON makes the whole value Unresolved.
 */
export function evaluateCfnJson(value: Value, reference: string): Value {
  if (typeof value !== 'string' && !(value instanceof Concat)) return isPlainObject(value) || Array.isArray(value) ? value : unresolved(reference);
  const unknowns: Unresolved[] = [];
  const text =
    typeof value === 'string'
      ? value
      : value.parts.map((p) => (typeof p === 'string' ? p : `${OPEN}${unknowns.push(p) - 1}${CLOSE}`)).join('');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return unresolved(reference);
  }
  return restoreUnknowns(parsed, unknowns);
}

function restoreUnknowns(node: unknown, unknowns: readonly Unresolved[]): Value {
  if (typeof node === 'string') {
    if (!node.includes(OPEN)) return node;
    const parts: (string | Unresolved)[] = [];
    let last = 0;
    for (const match of node.matchAll(SENTINEL)) {
      parts.push(node.slice(last, match.index));
      parts.push(unknowns[Number(match[1])] ?? unresolved('<unknown>'));
      last = match.index + match[0].length;
    }
    parts.push(node.slice(last));
    return concat(parts);
  }
  if (Array.isArray(node)) return node.map((item) => restoreUnknowns(item, unknowns));
  if (isPlainObject(node)) {
    const out: { [key: string]: Value } = {};
    for (const [key, child] of Object.entries(node)) {
      const renderedKey = key.replace(SENTINEL, (_m, i: string) => unknowns[Number(i)]?.unresolved ?? '<unknown>');
      out[renderedKey] = restoreUnknowns(child, unknowns);
    }
    return out;
  }
  return node as Value;
}
