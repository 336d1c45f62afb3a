import { z } from 'zod';
import { SEVERITIES, STATUSES, type Report } from '../engine/types';
import { RESOURCE_KINDS, originSchema, type ResourceKind } from '../model';

/**
 * The hardeks JSON report (`--format json`) as a zod schema: the TypeScript contract in
 * lib/engine/types.ts, checked at compile time below, and the source of the published JSON Schema
 * (schemas/report.schema.json). `diff` reads reports through it, so a file that is not a report
 * is refused with every problem listed.
 */
const statusCounts = z.strictObject(Object.fromEntries(STATUSES.map((s) => [s, z.number().int().min(0)])) as Record<(typeof STATUSES)[number], z.ZodNumber>);

const frameworksSchema = z.strictObject({
  securityHub: z.array(z.string()),
  cisAws: z.record(z.string(), z.array(z.string())),
  cisEks: z.record(z.string(), z.array(z.string())),
  wellArchitected: z.array(z.string()),
});

const findingSchema = z.strictObject({
  checkId: z.string().min(1),
  title: z.string(),
  status: z.enum(STATUSES),
  severity: z.enum(SEVERITIES),
  service: z.string(),
  message: z.string(),
  key: z.string().optional(),
  resource: z.strictObject({
    id: z.string().min(1),
    kind: z.enum([...(RESOURCE_KINDS as [ResourceKind, ...ResourceKind[]]), 'account']),
    region: z.string(),
    accountId: z.string(),
    origin: originSchema.optional(),
  }),
  frameworks: frameworksSchema,
  remediation: z.string(),
  evidence: z.record(z.string(), z.unknown()).optional(),
  suppressed: z
    .strictObject({
      reason: z.string(),
      expires: z.string().optional(),
      source: z.string(),
    })
    .optional(),
});

const suppressionUsage = z.strictObject({
  applied: z.number().int().min(0),
  expired: z.array(z.strictObject({ checkId: z.string(), expires: z.string(), reason: z.string(), source: z.string() })),
  unused: z.array(z.strictObject({ checkId: z.string(), reason: z.string(), source: z.string() })),
});

export const reportSchema = z
  .strictObject({
    metadata: z.strictObject({
      tool: z.strictObject({ name: z.literal('hardeks'), version: z.string() }),
      generatedAt: z.iso.datetime({ offset: true }),
      // Open on purpose: sources add what they know (snapshot file, stacks, collection statistics).
      source: z.looseObject({ type: z.string() }),
      checks: z.array(z.string()),
      suppressions: suppressionUsage,
    }),
    summary: z.strictObject({
      total: z.number().int().min(0),
      byStatus: statusCounts,
      bySeverity: z.strictObject(Object.fromEntries(SEVERITIES.map((s) => [s, statusCounts])) as Record<(typeof SEVERITIES)[number], typeof statusCounts>),
      byService: z.record(z.string(), statusCounts),
      suppressed: z.number().int().min(0),
    }),
    findings: z.array(findingSchema),
  })
  .meta({
    title: 'hardeks JSON report',
    description: 'Findings of a hardeks audit: `hardeks audit --format json`. Field names are a stable contract.',
  });

// Compile-time guard: the schema and the Report contract describe the same shape.
type DeepWritable<T> = T extends readonly (infer U)[] ? DeepWritable<U>[] : T extends object ? { -readonly [K in keyof T]: DeepWritable<T[K]> } : T;
type Parsed = z.infer<typeof reportSchema>;
const reportFitsSchema = (r: DeepWritable<Report>): Parsed => r;
const schemaFitsReport = (r: Parsed): Report => r;
void reportFitsSchema;
void schemaFitsReport;

/** The published JSON Schema (draft 2020-12) of the JSON report. */
export function reportJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(reportSchema, { target: 'draft-2020-12', io: 'output' }) as Record<string, unknown>;
  return { $id: 'urn:hardeks:schema:report', ...schema };
}
