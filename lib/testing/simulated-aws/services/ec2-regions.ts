import { EC2_STYLE } from '../errors';
import type { SimService } from '../simulated-aws';

/** `ec2:DescribeRegions` only; the EC2 resource operations live with the EC2 simulation. */
export const ec2RegionsOperations: SimService['operations'] = {
  DescribeRegions: (input: { AllRegions?: boolean }, { world }) => ({
    Regions: world.regions
      .filter((r) => input.AllRegions || r.optIn !== 'not-opted-in')
      .map((r) => ({ RegionName: r.name, Endpoint: `ec2.${r.name}.amazonaws.com`, OptInStatus: r.optIn ?? 'opt-in-not-required' })),
  }),
};

export const ec2RegionsService: SimService = { service: 'ec2', errors: EC2_STYLE, operations: ec2RegionsOperations };
