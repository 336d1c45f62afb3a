/**
 * Test doubles for the audit Lambda: the audited account is the simulated AWS (real SDK clients,
 * paginators and retries); the report bucket, the topic and Security Hub are aws-sdk-client-mock
 * mocks of single client instances, so the collectors' own S3 calls still reach the simulation.
 */
import { GetObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { BatchImportFindingsCommand, BatchUpdateFindingsCommand, SecurityHubClient, type AwsSecurityFinding } from '@aws-sdk/client-securityhub';
import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { ConfiguredRetryStrategy } from '@smithy/core/retry';
import { mockClient, type AwsStub } from 'aws-sdk-client-mock';
import type { AuditDependencies } from '../../lib/lambda/audit';
import type { LambdaContext } from '../../lib/lambda/handlers';
import type { Report } from '../../lib/engine/types';
import type { Inventory } from '../../lib/model';
import { collectInventory, type CollectOptions } from '../../lib/sources/live/collect';
import { ALL_SIM_SERVICES, EXAMPLE_ACCOUNT_ID, exampleAccountWorld, SimulatedAws, type Fault, type SimWorld } from '../../lib/testing/simulated-aws';

export const ACCOUNT = EXAMPLE_ACCOUNT_ID;
export const BUCKET = 'hardeks-reports-test';
export const TOPIC = `arn:aws:sns:eu-west-1:${ACCOUNT}:hardeks-audit`;
export const REGIONS = ['eu-west-1', 'us-east-1'];

const TEST_CREDENTIALS = { accessKeyId: 'AKIATEST', secretAccessKey: 'test' };

type AnyStub = AwsStub<any, any, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** A report bucket in memory behind a mocked S3 client. */
export class FakeBucket {
  readonly objects = new Map<string, { body: string; contentType?: string }>();
  readonly client = new S3Client({ region: 'eu-west-1', credentials: TEST_CREDENTIALS });
  readonly mock: AnyStub = mockClient(this.client);

  constructor() {
    this.mock.on(PutObjectCommand).callsFake((input: { Bucket: string; Key: string; Body: string; ContentType?: string }) => {
      this.objects.set(input.Key, { body: String(input.Body), ...(input.ContentType ? { contentType: input.ContentType } : {}) });
      return {};
    });
    this.mock.on(GetObjectCommand).callsFake((input: { Key: string }) => {
      const object = this.objects.get(input.Key);
      if (!object) throw Object.assign(new Error('The specified key does not exist.'), { name: 'NoSuchKey', $metadata: { httpStatusCode: 404 } });
      return { Body: { transformToString: async () => object.body } };
    });
    this.mock.on(ListObjectsV2Command).callsFake((input: { Prefix?: string }) => ({
      Contents: [...this.objects.keys()].filter((k) => k.startsWith(input.Prefix ?? '')).map((Key) => ({ Key })),
      IsTruncated: false,
    }));
  }

  json<T>(key: string): T {
    const object = this.objects.get(key);
    if (!object) throw new Error(`no object ${key}; objects: ${[...this.objects.keys()].join(', ')}`);
    return JSON.parse(object.body) as T;
  }

  /** Keys written, in call order. */
  putKeys(): string[] {
    return this.mock.commandCalls(PutObjectCommand).map((c) => (c.args[0].input as { Key: string }).Key);
  }
}

/** A topic whose Publish calls are recorded. */
export class FakeTopic {
  readonly client = new SNSClient({ region: 'eu-west-1', credentials: TEST_CREDENTIALS });
  readonly mock: AnyStub = mockClient(this.client);

  constructor() {
    this.mock.on(PublishCommand).resolves({ MessageId: 'm-1' });
  }

  published(): { Subject?: string; Message?: string; TopicArn?: string }[] {
    return this.mock.commandCalls(PublishCommand).map((c) => c.args[0].input as { Subject?: string; Message?: string; TopicArn?: string });
  }
}

/** One mocked Security Hub client per region, accepting every finding. */
export class FakeSecurityHub {
  readonly regions = new Map<string, { client: SecurityHubClient; mock: AnyStub }>();

  readonly clientFor = (region: string): SecurityHubClient => {
    let entry = this.regions.get(region);
    if (!entry) {
      const client = new SecurityHubClient({ region, credentials: TEST_CREDENTIALS });
      const mock: AnyStub = mockClient(client);
      mock.on(BatchImportFindingsCommand).callsFake((input: { Findings: unknown[] }) => ({ SuccessCount: input.Findings.length, FailedCount: 0, FailedFindings: [] }));
      mock.on(BatchUpdateFindingsCommand).callsFake((input: { FindingIdentifiers: unknown[] }) => ({ ProcessedFindings: input.FindingIdentifiers, UnprocessedFindings: [] }));
      entry = { client, mock };
      this.regions.set(region, entry);
    }
    return entry.client;
  };

  /** Every BatchImportFindings call, with the region of the client that made it. */
  imports(): { region: string; findings: (AwsSecurityFinding & Record<string, unknown>)[] }[] {
    return [...this.regions.entries()].flatMap(([region, { mock }]) =>
      mock.commandCalls(BatchImportFindingsCommand).map((c) => ({ region, findings: (c.args[0].input as { Findings: (AwsSecurityFinding & Record<string, unknown>)[] }).Findings })),
    );
  }

  updates(): { region: string; input: { FindingIdentifiers: { Id: string; ProductArn: string }[]; Workflow?: { Status?: string } } }[] {
    return [...this.regions.entries()].flatMap(([region, { mock }]) =>
      mock.commandCalls(BatchUpdateFindingsCommand).map((c) => ({ region, input: c.args[0].input as { FindingIdentifiers: { Id: string; ProductArn: string }[]; Workflow?: { Status?: string } } })),
    );
  }
}

/** Collection through the simulated AWS; records the options the audit asked for (regions, role, deadline). */
export function simulatedCollection(world: SimWorld, faults: readonly Fault[] = []): { collect: (o: CollectOptions) => Promise<Inventory>; asked: CollectOptions[]; sim: SimulatedAws } {
  const sim = new SimulatedAws(world, { services: ALL_SIM_SERVICES });
  for (const fault of faults) sim.inject(fault);
  const asked: CollectOptions[] = [];
  const collect = (options: CollectOptions) => {
    asked.push(options);
    // The simulation's credentials stand in for the role: the account is the world's.
    return collectInventory({ ...options, ...sim.clientOptions(), homeRegion: 'us-east-1', retryStrategy: new ConfiguredRetryStrategy(2, () => 1) });
  };
  return { collect, asked, sim };
}

/** A Lambda context with a fixed amount of time left. */
export function contextWith(remainingMs: number, functionArn = `arn:aws:lambda:eu-west-1:${ACCOUNT}:function:hardeks-audit`): LambdaContext {
  const end = Date.now() + remainingMs;
  return { getRemainingTimeInMillis: () => end - Date.now(), invokedFunctionArn: functionArn };
}

/** Everything a scheduled run needs, around one world. */
export interface Harness {
  readonly bucket: FakeBucket;
  readonly topic: FakeTopic;
  readonly hub: FakeSecurityHub;
  deps(world: SimWorld, options?: { faults?: readonly Fault[]; now?: Date; env?: Record<string, string> }): AuditDependencies & { env: Record<string, string>; asked: CollectOptions[]; sim: SimulatedAws };
}

export const BASE_ENV = { HARDEKS_REPORT_BUCKET: BUCKET, HARDEKS_TOPIC_ARN: TOPIC, HARDEKS_REGIONS: REGIONS.join(','), HARDEKS_SECURITY_HUB: 'true' };

export function harness(): Harness {
  const bucket = new FakeBucket();
  const topic = new FakeTopic();
  const hub = new FakeSecurityHub();
  return {
    bucket,
    topic,
    hub,
    deps(world, options = {}) {
      const { collect, asked, sim } = simulatedCollection(world, options.faults);
      const now = options.now;
      return { s3: bucket.client, sns: topic.client, securityHub: hub.clientFor, collect, asked, sim, env: { ...BASE_ENV, ...(options.env ?? {}) }, ...(now ? { now: () => now } : {}) };
    },
  };
}

export const exampleWorld = (accountId = ACCOUNT): SimWorld => structuredClone(exampleAccountWorld(accountId));

/** The world with its mutable parts reachable (the simulation's types are read-only). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const services = (world: SimWorld) => world.services as any;

/** Someone closes SSH on the launch-wizard group to the office network: the world-SSH FAIL is fixed. */
export function closeSsh(world: SimWorld): SimWorld {
  const next = structuredClone(world);
  const group = services(next).ec2['eu-west-1'].securityGroups.find((g: { GroupId: string }) => g.GroupId === 'sg-0ssh0000000000001');
  group.IpPermissions[0].IpRanges = [{ CidrIp: '10.20.0.0/16' }];
  return next;
}

/** The legacy instance is terminated and gone: its findings disappear with it. */
export function removeInstance(world: SimWorld, instanceId: string): SimWorld {
  const next = structuredClone(world);
  for (const r of services(next).ec2['eu-west-1'].reservations) r.Instances = r.Instances.filter((i: { InstanceId: string }) => i.InstanceId !== instanceId);
  return next;
}

/** Someone opens the legacy cluster's API endpoint to the internet: a new high-severity FAIL. */
export function openEndpoint(world: SimWorld, cluster: string): SimWorld {
  const next = structuredClone(world);
  const c = services(next).eks['eu-west-1'].clusters.find((x: { name: string }) => x.name === cluster);
  c.resourcesVpcConfig = { ...c.resourcesVpcConfig, endpointPublicAccess: true, publicAccessCidrs: ['0.0.0.0/0'] };
  return next;
}

/** The JSON report a run wrote. */
export const reportAt = (bucket: FakeBucket, key: string): Report => bucket.json<Report>(key);

export const brief = (f: { checkId: string; status: string; key?: string; resource: { id: string } }) => ({ checkId: f.checkId, status: f.status, key: f.key, resource: f.resource.id });
