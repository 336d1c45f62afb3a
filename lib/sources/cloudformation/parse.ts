import { LineCounter, isMap, isScalar, parseDocument, type CollectionTag, type Document, type ScalarTag } from 'yaml';
import { TemplateError, type CfnTemplate } from './types';

/** Short-form YAML tags → the long form (`!Ref X` → `{ Ref: X }`, `!GetAtt A.B` → `{ 'Fn::GetAtt': [A, B] }`). */
const SHORT_FORMS = [
  'Ref', 'Condition', 'GetAtt', 'Sub', 'Join', 'Select', 'Split', 'If', 'Equals', 'And', 'Or', 'Not',
  'FindInMap', 'Base64', 'GetAZs', 'ImportValue', 'Cidr', 'Length', 'ToJsonString', 'Transform', 'Contains',
] as const;

function longName(short: (typeof SHORT_FORMS)[number]): string {
  return short === 'Ref' || short === 'Condition' ? short : `Fn::${short}`;
}

const CUSTOM_TAGS = SHORT_FORMS.flatMap((short): (ScalarTag | CollectionTag)[] => {
  const key = longName(short);
  const collection = (kind: 'seq' | 'map'): CollectionTag => ({
    tag: `!${short}`,
    collection: kind,
    resolve: (node) => ({ [key]: (node as { toJSON(): unknown }).toJSON() }),
  });
  // `!GetAtt Logical.Attribute` is the one scalar form that needs splitting.
  const scalar: ScalarTag = { tag: `!${short}`, resolve: (text: string) => ({ [key]: short === 'GetAtt' ? splitGetAtt(text) : text }) };
  return [scalar, collection('seq'), collection('map')];
});

function splitGetAtt(text: string): string[] {
  const dot = text.indexOf('.');
  return dot < 0 ? [text] : [text.slice(0, dot), text.slice(dot + 1)];
}

export interface ParsedTemplate {
  readonly template: CfnTemplate;
  /** 1-based line of each resource's logical id, for SARIF locations. */
  readonly lines: ReadonlyMap<string, number>;
}

/**
 * Reads template text, JSON or YAML (short-form tags included). Throws TemplateError, one line,
 * when the text does not parse or is not a CloudFormation template.
 */
export function parseTemplateText(text: string, source = 'template'): ParsedTemplate {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { customTags: CUSTOM_TAGS, lineCounter, uniqueKeys: false });
  const looksLikeJson = /^\s*\{/.test(text);
  let raw: unknown;
  if (looksLikeJson) {
    // JSON's own parser: exact JSON semantics; YAML only supplies line numbers.
    try {
      raw = JSON.parse(text);
    } catch (error) {
      throw new TemplateError(`${source} is not valid JSON: ${(error as Error).message}`);
    }
  } else {
    if (doc.errors.length > 0) throw new TemplateError(`${source} is not valid YAML: ${doc.errors[0]!.message.split('\n')[0]}`);
    try {
      raw = doc.toJS({ maxAliasCount: 1000 });
    } catch (error) {
      // An alias without its anchor, or an alias bomb, only shows when the document is built.
      throw new TemplateError(`${source} is not valid YAML: ${(error as Error).message.split('\n')[0]}`);
    }
  }
  const template = asTemplate(raw, source);
  return { template, lines: resourceLines(doc, lineCounter) };
}

/** Checks the shape the auditor relies on: a Resources object of objects that each have a Type. */
export function asTemplate(raw: unknown, source = 'template'): CfnTemplate {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new TemplateError(`${source} is not a CloudFormation template (not an object)`);
  const resources = (raw as { Resources?: unknown }).Resources;
  if (typeof resources !== 'object' || resources === null || Array.isArray(resources)) {
    throw new TemplateError(`${source} is not a CloudFormation template: it has no Resources section`);
  }
  for (const [logicalId, resource] of Object.entries(resources)) {
    const type = (resource as { Type?: unknown } | null)?.Type;
    if (typeof type !== 'string') throw new TemplateError(`${source}: resource ${logicalId} has no Type`);
  }
  return raw as CfnTemplate;
}

function resourceLines(doc: Document, lineCounter: LineCounter): Map<string, number> {
  const lines = new Map<string, number>();
  if (doc.errors.length > 0) return lines;
  const resources = doc.get('Resources', true);
  if (!isMap(resources)) return lines;
  for (const pair of resources.items) {
    const key = pair.key;
    if (isScalar(key) && typeof key.value === 'string' && key.range) lines.set(key.value, lineCounter.linePos(key.range[0]).line);
  }
  return lines;
}
