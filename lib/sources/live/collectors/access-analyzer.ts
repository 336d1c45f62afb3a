import { AccessAnalyzerClient, paginateListAnalyzers, type AnalyzerSummary } from '@aws-sdk/client-accessanalyzer';
import type { AccessAnalyzer } from '../../../model';
import type { Collector, TaskContext } from '../collector';

/** Where an analyzer was listed: analyzers are regional. */
export interface AnalyzerLocation {
  readonly accountId: string;
  readonly region: string;
}

export function toAccessAnalyzer(a: AnalyzerSummary, at: AnalyzerLocation): AccessAnalyzer {
  const arn = a.arn!;
  return {
    kind: 'accessanalyzer.analyzer',
    id: arn,
    origin: { kind: 'aws', arn, accountId: at.accountId, region: at.region },
    tags: { ...(a.tags ?? {}) },
    name: a.name!,
    arn,
    // Every type is kept (external, internal and unused access); checks choose the ones they count.
    type: a.type ?? 'UNKNOWN',
    status: a.status ?? 'UNKNOWN',
  };
}

const at = (ctx: TaskContext): AnalyzerLocation => ({ accountId: ctx.accountId, region: ctx.region });

export const accessAnalyzerCollector: Collector = {
  service: 'accessanalyzer',
  scope: 'regional',
  tasks: [
    {
      kind: 'accessanalyzer.analyzer',
      // IAM spells the service prefix `access-analyzer`.
      permissions: ['access-analyzer:ListAnalyzers'],
      async collect(ctx) {
        // No `type` filter: one listing returns analyzers of every type.
        for await (const page of paginateListAnalyzers({ client: ctx.client(AccessAnalyzerClient) }, {})) {
          ctx.add('accessanalyzer.analyzer', ...(page.analyzers ?? []).map((a) => toAccessAnalyzer(a, at(ctx))));
        }
      },
    },
  ],
};
