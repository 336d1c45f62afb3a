import type { AnalyzerSummary } from '@aws-sdk/client-accessanalyzer';
import { REST_JSON_STYLE, awsError } from '../errors';
import { page } from '../paging';
import type { CallContext, SimService } from '../simulated-aws';
import type { ByRegion } from '../world';

/** IAM Access Analyzer in one region, in the SDK's shapes. */
export interface AccessAnalyzerRegionWorld {
  readonly analyzers: readonly AnalyzerSummary[];
}

declare module '../world' {
  interface SimServices {
    accessanalyzer?: ByRegion<AccessAnalyzerRegionWorld>;
  }
}

const ANALYZER_TYPES = new Set(['ACCOUNT', 'ORGANIZATION', 'ACCOUNT_UNUSED_ACCESS', 'ORGANIZATION_UNUSED_ACCESS', 'ACCOUNT_INTERNAL_ACCESS', 'ORGANIZATION_INTERNAL_ACCESS']);

const regionOf = (call: CallContext): AccessAnalyzerRegionWorld => call.world.services.accessanalyzer?.[call.region] ?? { analyzers: [] };

export const accessAnalyzerService: SimService = {
  service: 'accessanalyzer',
  errors: REST_JSON_STYLE,
  operations: {
    ListAnalyzers: (input: { type?: string; nextToken?: string; maxResults?: number }, call) => {
      if (input.type !== undefined && !ANALYZER_TYPES.has(input.type)) throw awsError('ValidationException', 400, `Invalid type: ${input.type}`);
      // Without `type` every analyzer of the region is listed.
      const analyzers = regionOf(call).analyzers.filter((a) => input.type === undefined || a.type === input.type);
      const p = page(analyzers, input.nextToken, Math.min(input.maxResults ?? call.pageSize, call.pageSize));
      return { analyzers: p.items, ...(p.next ? { nextToken: p.next } : {}) };
    },
  },
};

/**
 * Two regions: eu-west-1 with an active account analyzer and an unused-access analyzer,
 * us-east-1 with an organization analyzer that failed. A third region name gets none.
 */
export function exampleAccessAnalyzerWorld(accountId = '210987654321', regions: readonly [string, string] = ['eu-west-1', 'us-east-1']): ByRegion<AccessAnalyzerRegionWorld> {
  const [first, second] = regions;
  const arn = (region: string, name: string) => `arn:aws:access-analyzer:${region}:${accountId}:analyzer/${name}`;
  return {
    [first]: {
      analyzers: [
        { arn: arn(first, 'account-analyzer'), name: 'account-analyzer', type: 'ACCOUNT', status: 'ACTIVE', createdAt: new Date('2024-04-01T00:00:00Z'), tags: { owner: 'security' } },
        {
          arn: arn(first, 'unused-access'),
          name: 'unused-access',
          type: 'ACCOUNT_UNUSED_ACCESS',
          status: 'ACTIVE',
          createdAt: new Date('2025-02-01T00:00:00Z'),
          configuration: { unusedAccess: { unusedAccessAge: 90 } },
        },
      ],
    },
    [second]: {
      analyzers: [
        {
          arn: arn(second, 'org-analyzer'),
          name: 'org-analyzer',
          type: 'ORGANIZATION',
          status: 'FAILED',
          statusReason: { code: 'AWS_SERVICE_ACCESS_DISABLED' },
          createdAt: new Date('2025-06-01T00:00:00Z'),
        },
      ],
    },
  };
}
