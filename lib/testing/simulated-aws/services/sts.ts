import { QUERY_STYLE } from '../errors';
import type { SimService } from '../simulated-aws';

export const stsService: SimService = {
  service: 'sts',
  errors: QUERY_STYLE,
  operations: {
    GetCallerIdentity: (_input, { world }) => ({
      Account: world.accountId,
      Arn: world.callerArn ?? `arn:aws:iam::${world.accountId}:user/auditor`,
      UserId: 'AIDASIMULATEDAUDITOR',
    }),
  },
};
