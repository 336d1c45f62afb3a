import { collectInventory } from '../../../lib/sources/live/collect';
import { eksCollector } from '../../../lib/sources/live/collectors/eks';
import { startWireAws, type WireAws } from '../../support/wire-aws';

describe('collection against an endpoint speaking the real AWS wire protocols (--endpoint-url)', () => {
  let aws: WireAws;
  beforeAll(async () => {
    aws = await startWireAws('123456789012', [
      { name: 'private', region: 'eu-west-1' },
      { name: 'open', region: 'us-east-1', publicCidrs: ['0.0.0.0/0'] },
    ], ['us-east-1', 'eu-west-1', 'ap-south-1']);
  });
  afterAll(() => aws.close());

  test('every client goes to the endpoint, signed for its own region, and the SDK parses the answers', async () => {
    const inventory = await collectInventory({
      endpointUrl: aws.url,
      credentials: { accessKeyId: 'AKIAWIRE', secretAccessKey: 'wire' },
      regions: ['us-east-1', 'eu-west-1'],
      collectors: [eksCollector],
      homeRegion: 'us-east-1',
      maxAttempts: 1,
    });
    expect(inventory.source.accountId).toBe('123456789012');
    expect(inventory.resources['eks.cluster']?.map((c) => [c.name, c.origin.kind === 'aws' && c.origin.region, c.endpoint.publicAccessCidrs])).toEqual([
      ['private', 'eu-west-1', []],
      ['open', 'us-east-1', ['0.0.0.0/0']],
    ]);
    expect(new Set(aws.requests.map((r) => r.service))).toEqual(new Set(['sts', 'ec2', 'eks']));
    expect(new Set(aws.requests.filter((r) => r.service === 'eks').map((r) => r.region))).toEqual(new Set(['us-east-1', 'eu-west-1']));
    expect(inventory.coverage.filter((c) => c.status !== 'ok')).toEqual([]);
  });
});
