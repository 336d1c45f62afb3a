import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InputError, SnapshotFormatError } from '../../../lib/errors';
import {
  SCHEMA_VERSION,
  parsePolicyDocument,
  unresolved,
  type Detector,
  type IamAccount,
  type IamRole,
  type Inventory,
  type KmsKey,
  type Trail,
} from '../../../lib/model';
import { parseSnapshot, readSnapshot, serializeSnapshot, writeSnapshot } from '../../../lib/sources/snapshot/snapshot';
import { ACCOUNT, REGION, deniedCoverage, fakeEksCluster, okCoverage } from '../../fixtures/model';

// ---------------------------------------------------------------------------------------------
// Builders for kinds test/fixtures/model.ts does not cover (kept local on purpose).
// ---------------------------------------------------------------------------------------------

const awsOrigin = (arn: string, region: string = REGION) => ({ kind: 'aws' as const, arn, accountId: ACCOUNT, region });

function iamAccount(): IamAccount {
  const arn = `arn:aws:iam::${ACCOUNT}:root`;
  return {
    kind: 'iam.account',
    id: arn,
    origin: awsOrigin(arn, 'global'),
    accountId: ACCOUNT,
    passwordPolicy: {
      minimumLength: 14,
      requireSymbols: true,
      requireNumbers: true,
      requireUppercase: true,
      requireLowercase: true,
      allowUsersToChangePassword: true,
      passwordReusePrevention: 24,
      hardExpiry: false,
    },
    summary: { AccountMFAEnabled: 1, AccountAccessKeysPresent: 0 },
    // The credential report part failed (see coverage): it is left empty.
    credentialReport: { rows: [] },
    virtualMfaDevices: [{ serialNumber: `arn:aws:iam::${ACCOUNT}:mfa/root-account-mfa-device`, userArn: arn, enableDate: '2024-03-01T10:00:00Z' }],
  };
}

function iamRole(): IamRole {
  const arn = `arn:aws:iam::${ACCOUNT}:role/eks-cluster-role`;
  return {
    kind: 'iam.role',
    id: arn,
    origin: awsOrigin(arn, 'global'),
    name: 'eks-cluster-role',
    arn,
    path: '/',
    createdAt: '2024-01-15T08:30:00.000Z',
    trustPolicy: parsePolicyDocument(
      encodeURIComponent(
        JSON.stringify({
          Version: '2012-10-17',
          Statement: { Effect: 'Allow', Principal: { Service: 'eks.amazonaws.com' }, Action: 'sts:AssumeRole' },
        }),
      ),
    ),
    inlinePolicies: [
      {
        name: 'logs',
        document: parsePolicyDocument({
          Statement: [{ Effect: 'Allow', Action: 'logs:*', Resource: '*', Condition: { Bool: { 'aws:SecureTransport': true } } }],
        }),
      },
      { name: 'from-template', document: unresolved('<PolicyDoc>') },
    ],
    attachedPolicies: ['arn:aws:iam::aws:policy/AmazonEKSClusterPolicy'],
    maxSessionDurationSeconds: 3600,
    tags: { team: 'platform' },
  };
}

function kmsKey(): KmsKey {
  const arn = `arn:aws:kms:${REGION}:${ACCOUNT}:key/0e5b1c7e-1111-4a5b-9c6d-abcdefabcdef`;
  return {
    kind: 'kms.key',
    id: arn,
    origin: awsOrigin(arn),
    keyId: '0e5b1c7e-1111-4a5b-9c6d-abcdefabcdef',
    arn,
    keyManager: 'CUSTOMER',
    keyState: 'Enabled',
    keySpec: 'SYMMETRIC_DEFAULT',
    keyUsage: 'ENCRYPT_DECRYPT',
    rotationEnabled: true,
    rotationPeriodDays: 365,
    policy: parsePolicyDocument({
      Version: '2012-10-17',
      Id: 'key-default-1',
      Statement: [{ Sid: 'root', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: 'kms:*', Resource: '*' }],
    }),
    aliases: ['alias/eks-secrets'],
  };
}

function detector(region: string): Detector {
  const arn = `arn:aws:guardduty:${region}:${ACCOUNT}:detector/12abc34d567e8fa901bc2d34e56789f0`;
  return {
    kind: 'guardduty.detector',
    id: arn,
    origin: awsOrigin(arn, region),
    detectorId: '12abc34d567e8fa901bc2d34e56789f0',
    status: 'ENABLED',
    features: [
      { name: 'EKS_AUDIT_LOGS', status: 'ENABLED', additionalConfiguration: [] },
      { name: 'RUNTIME_MONITORING', status: 'DISABLED', additionalConfiguration: [{ name: 'EKS_ADDON_MANAGEMENT', status: 'DISABLED' }] },
    ],
  };
}

function trail(): Trail {
  const arn = `arn:aws:cloudtrail:us-east-1:${ACCOUNT}:trail/org`;
  return {
    kind: 'cloudtrail.trail',
    id: arn,
    origin: awsOrigin(arn),
    name: 'org',
    arn,
    homeRegion: 'us-east-1',
    isMultiRegion: true,
    isOrganizationTrail: false,
    includeGlobalServiceEvents: true,
    logFileValidationEnabled: true,
    s3BucketName: 'org-trail-logs',
    status: { isLogging: true, latestDeliveryTime: '2025-06-01T12:00:00+00:00' },
    eventSelectors: [{ readWriteType: 'All', includeManagementEvents: true, dataResources: [] }],
    advancedEventSelectors: [],
  };
}

/** Several kinds, Unresolved values, a failed part, a failed region and a skipped kind. */
function richInventory(): Inventory {
  return {
    schemaVersion: SCHEMA_VERSION,
    source: {
      type: 'live',
      accountId: ACCOUNT,
      partition: 'aws',
      regions: [REGION, 'us-east-1'],
      collectedAt: '2025-06-01T12:34:56.789Z',
      description: 'nightly collection',
    },
    resources: {
      'iam.account': [iamAccount()],
      'iam.role': [iamRole()],
      'kms.key': [kmsKey()],
      'cloudtrail.trail': [trail()],
      'guardduty.detector': [detector(REGION)],
      'eks.cluster': [
        fakeEksCluster({ name: 'prod' }),
        fakeEksCluster({
          name: 'staging',
          endpoint: { publicAccess: true, publicAccessCidrs: ['0.0.0.0/0', unresolved('<AllowedCidr>')] },
          secretsKeyArn: unresolved('<ClusterKey.Arn>'),
          tags: { env: 'staging' },
        }),
        {
          ...fakeEksCluster({ name: 'broken' }),
          incomplete: { code: 'THROTTLED', service: 'eks', operation: 'DescribeCluster', message: 'Rate exceeded' },
        },
      ],
    },
    coverage: [
      okCoverage('iam.account'),
      { kind: 'iam.account', region: 'global', status: 'error', part: 'credentialReport', issue: { code: 'ACCESS_DENIED', operation: 'GetCredentialReport', message: 'denied' } },
      okCoverage('iam.role'),
      okCoverage('kms.key', REGION),
      okCoverage('cloudtrail.trail', REGION),
      okCoverage('guardduty.detector', REGION),
      deniedCoverage('guardduty.detector', 'us-east-1', 'ListDetectors'),
      okCoverage('eks.cluster', REGION),
      { kind: 'eks.cluster', region: 'us-east-1', status: 'error', issue: { code: 'REGION_DISABLED', message: 'region is not enabled' } },
      { kind: 'ec2.flow-log', region: REGION, status: 'skipped' },
    ],
  };
}

// ---------------------------------------------------------------------------------------------

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hardeks-snapshot-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Runs a function expected to throw a SnapshotFormatError and returns it. */
async function formatError(fn: () => Promise<unknown> | unknown): Promise<SnapshotFormatError> {
  let result: unknown;
  try {
    result = await fn();
  } catch (error) {
    expect(error).toBeInstanceOf(SnapshotFormatError);
    return error as SnapshotFormatError;
  }
  throw new Error(`expected a SnapshotFormatError, got a result: ${JSON.stringify(result)?.slice(0, 200)}`);
}

async function writeJson(name: string, value: unknown): Promise<string> {
  const file = join(dir, name);
  await writeFile(file, typeof value === 'string' ? value : JSON.stringify(value, null, 2), 'utf8');
  return file;
}

describe('snapshot round trip', () => {
  it('reads back exactly the inventory it wrote', async () => {
    const inventory = richInventory();
    const file = join(dir, 'snap.json');
    await writeSnapshot(file, inventory);
    const read = await readSnapshot(file);
    expect(read).toEqual(inventory);
    // Spot checks that the interesting parts survived as values, not just "something equal".
    expect(read.resources['eks.cluster']?.[1]?.secretsKeyArn).toEqual({ unresolved: '<ClusterKey.Arn>' });
    expect(read.resources['eks.cluster']?.[1]?.endpoint.publicAccessCidrs).toEqual(['0.0.0.0/0', { unresolved: '<AllowedCidr>' }]);
    expect(read.resources['eks.cluster']?.[2]?.incomplete?.code).toBe('THROTTLED');
    expect(read.resources['iam.role']?.[0]?.inlinePolicies[1]?.document).toEqual({ unresolved: '<PolicyDoc>' });
    expect(read.coverage.filter((c) => c.status === 'error').map((c) => [c.kind, c.region, c.part ?? null])).toEqual([
      ['iam.account', 'global', 'credentialReport'],
      ['guardduty.detector', 'us-east-1', null],
      ['eks.cluster', 'us-east-1', null],
    ]);
  });

  it('serializes what it read byte for byte as the file on disk', async () => {
    const file = join(dir, 'snap.json');
    await writeSnapshot(file, richInventory());
    const text = await readFile(file, 'utf8');
    const read = await readSnapshot(file);
    expect(serializeSnapshot(read)).toBe(text);
    // …and a second generation is identical too.
    const again = join(dir, 'again.json');
    await writeSnapshot(again, read);
    expect(await readFile(again, 'utf8')).toBe(text);
  });

  it('writes pretty JSON ending in a newline that parses to the inventory', async () => {
    const file = join(dir, 'snap.json');
    await writeSnapshot(file, richInventory());
    const text = await readFile(file, 'utf8');
    expect(text.endsWith('}\n')).toBe(true);
    expect(text.split('\n')[1]).toBe(`  "schemaVersion": ${SCHEMA_VERSION},`);
    expect(JSON.parse(text)).toEqual(richInventory());
  });

  it('round-trips an empty inventory', async () => {
    const empty: Inventory = { schemaVersion: SCHEMA_VERSION, source: { type: 'synthetic' }, resources: {}, coverage: [] };
    const file = join(dir, 'empty.json');
    await writeSnapshot(file, empty);
    expect(await readSnapshot(file)).toEqual(empty);
    expect(serializeSnapshot(await readSnapshot(file))).toBe(await readFile(file, 'utf8'));
  });

  it('refuses to write an invalid inventory and leaves no file behind', async () => {
    const bad = richInventory() as unknown as { resources: { 'eks.cluster': { endpoint: { publicAccess: unknown } }[] } };
    bad.resources['eks.cluster'][0]!.endpoint.publicAccess = 'yes';
    const file = join(dir, 'bad.json');
    const error = await formatError(() => writeSnapshot(file, bad as unknown as Inventory));
    expect(error.problems.map((p) => p.path)).toEqual(['$.resources["eks.cluster"][0].endpoint.publicAccess']);
    await expect(readFile(file, 'utf8')).rejects.toMatchObject({ code: 'ENOENT' });
  });
});

describe('snapshot validation', () => {
  /** One document with five unrelated problems. */
  function manyProblems(): unknown {
    const raw = JSON.parse(JSON.stringify(richInventory()));
    raw.resources['eks.cluster'][0].endpoint.publicAccess = 'yes'; // wrong type, deep
    raw.resources['kms.key'][0].colour = 'blue'; // unknown field
    delete raw.resources['iam.role'][0].trustPolicy; // missing required field
    raw.coverage[2].status = 'partial'; // bad coverage status
    raw.resources['guardduty.detector'].push(raw.resources['guardduty.detector'][0]); // duplicate id
    return raw;
  }

  it('reports every problem at once, each with its JSON path, in one SnapshotFormatError', async () => {
    const file = await writeJson('bad.json', manyProblems());
    const error = await formatError(() => readSnapshot(file));
    expect(error.code).toBe('SNAPSHOT_INVALID');
    expect(error.file).toBe(file);
    expect(error).toBeInstanceOf(InputError);
    const byPath = Object.fromEntries(error.problems.map((p) => [p.path, p.message]));
    expect(Object.keys(byPath).sort()).toEqual(
      [
        '$.resources["eks.cluster"][0].endpoint.publicAccess',
        '$.resources["kms.key"][0]',
        '$.resources["iam.role"][0].trustPolicy',
        '$.coverage[2].status',
        '$.resources["guardduty.detector"][1].id',
      ].sort(),
    );
    expect(byPath['$.resources["eks.cluster"][0].endpoint.publicAccess']).toMatch(/boolean/);
    expect(byPath['$.resources["eks.cluster"][0].endpoint.publicAccess']).toMatch(/unresolved marker/);
    expect(byPath['$.resources["kms.key"][0]']).toBe('unknown field "colour"');
    expect(byPath['$.coverage[2].status']).toMatch(/ok.*error.*skipped/);
    expect(byPath['$.resources["guardduty.detector"][1].id']).toMatch(/duplicate id ".*detector\/12abc34d567e8fa901bc2d34e56789f0" \(first at index 0\)/);
    expect(error.message).toContain(`(${error.problems.length} problems)`);
    for (const p of error.problems) expect(error.message).toContain(`${p.path}: ${p.message}`);
  });

  it('reports every problem inside a policy document at its own path, not once at the document', () => {
    const raw = JSON.parse(JSON.stringify(richInventory()));
    const statement = raw.resources['iam.role'][0].inlinePolicies[0].document.Statement[0];
    statement.Effect = 'Permit';
    statement.Action = ['logs:*', 7];
    statement.Principal = { AWS: 'arn:aws:iam::111122223333:root' };
    const problems = (() => {
      try {
        parseSnapshot(raw);
      } catch (e) {
        return (e as SnapshotFormatError).problems;
      }
      throw new Error('expected failure');
    })();
    const base = '$.resources["iam.role"][0].inlinePolicies[0].document.Statement[0]';
    expect(problems.map((p) => p.path).sort()).toEqual([`${base}.Action[1]`, `${base}.Effect`, `${base}.Principal.AWS`].sort());
    expect(problems.find((p) => p.path === `${base}.Principal.AWS`)?.message).toMatch(/expected array, received string/);
    expect(problems.find((p) => p.path === `${base}.Action[1]`)?.message).toBe('expected string, received number (or an unresolved marker)');
  });

  it('reports duplicate ids per kind, and the same id in two kinds is fine', () => {
    const raw = JSON.parse(JSON.stringify(richInventory()));
    const cluster = raw.resources['eks.cluster'][0];
    raw.resources['eks.cluster'].push({ ...cluster }, { ...cluster });
    raw.resources['kms.key'][0].id = cluster.id; // another kind: allowed
    const error = (() => {
      try {
        parseSnapshot(raw, 'x.json');
      } catch (e) {
        return e as SnapshotFormatError;
      }
      throw new Error('expected failure');
    })();
    expect(error.problems).toEqual([
      { path: '$.resources["eks.cluster"][3].id', message: `duplicate id ${JSON.stringify(cluster.id)} (first at index 0)` },
      { path: '$.resources["eks.cluster"][4].id', message: `duplicate id ${JSON.stringify(cluster.id)} (first at index 0)` },
    ]);
  });

  it.each<[string, string, (raw: any) => unknown, RegExp]>([
    ['unknown resource kind', '$.resources', (raw) => (raw.resources['eks.clusters'] = []), /unknown field "eks.clusters"/],
    ['unknown top-level field', '$', (raw) => (raw.extra = true), /unknown field "extra"/],
    ['bad origin kind', '$.resources["kms.key"][0].origin.kind', (raw) => (raw.resources['kms.key'][0].origin.kind = 'azure'), /./],
    ['bad coverage kind', '$.coverage[0].kind', (raw) => (raw.coverage[0].kind = 'iam.acount'), /./],
    ['bad issue code', '$.coverage[1].issue.code', (raw) => (raw.coverage[1].issue.code = 'DENIED'), /ACCESS_DENIED/],
    ['bad timestamp', '$.source.collectedAt', (raw) => (raw.source.collectedAt = 'yesterday'), /./],
    ['bad source type', '$.source.type', (raw) => (raw.source.type = 'cdk'), /live.*template.*synthetic/],
    ['empty id', '$.resources["iam.role"][0].id', (raw) => (raw.resources['iam.role'][0].id = ''), /./],
    [
      'bad policy effect inside a role (through the resolvable union)',
      '$.resources["iam.role"][0].trustPolicy.Statement[0].Effect',
      (raw) => (raw.resources['iam.role'][0].trustPolicy.Statement[0].Effect = 'allow'),
      /"Allow"\|"Deny" \(or an unresolved marker\)/,
    ],
    [
      'malformed unresolved marker',
      '$.resources["eks.cluster"][1].secretsKeyArn.unresolved',
      (raw) => (raw.resources['eks.cluster'][1].secretsKeyArn = { unresolved: 5 }),
      /expected string/,
    ],
    [
      'object where a boolean or marker belongs',
      '$.resources["eks.cluster"][0].endpoint.privateAccess',
      (raw) => (raw.resources['eks.cluster'][0].endpoint.privateAccess = { value: true }),
      /expected boolean, received object \(or an unresolved marker\)/,
    ],
    ['resources not an object', '$.resources', (raw) => (raw.resources = []), /object/],
    ['a kind that is not a list', '$.resources["kms.key"]', (raw) => (raw.resources['kms.key'] = raw.resources['kms.key'][0]), /array/],
    ['missing coverage', '$.coverage', (raw) => delete raw.coverage, /array/],
    ['missing schemaVersion', '$.schemaVersion', (raw) => delete raw.schemaVersion, /1/],
  ])('%s → a problem at %s', async (_name, path, mutate, message) => {
    const raw = JSON.parse(JSON.stringify(richInventory()));
    mutate(raw);
    const file = await writeJson('bad.json', raw);
    const error = await formatError(() => readSnapshot(file));
    const problem = error.problems.find((p) => p.path === path);
    expect({ paths: error.problems.map((p) => p.path), problem }).toEqual({ paths: expect.arrayContaining([path]), problem: expect.anything() });
    expect(problem!.message).toMatch(message);
  });

  it.each([2, 0, '1', 'v1'])('refuses schemaVersion %j with a clear message', async (version) => {
    const raw = { ...JSON.parse(JSON.stringify(richInventory())), schemaVersion: version };
    const file = await writeJson('future.json', raw);
    const error = await formatError(() => readSnapshot(file));
    expect(error.problems).toEqual([
      {
        path: '$.schemaVersion',
        message: `schema version ${JSON.stringify(version)} is not supported; this hardeks reads version ${SCHEMA_VERSION}`,
      },
    ]);
    expect(error.message).toContain(file);
  });

  it.each([
    ['truncated JSON', '{"schemaVersion": 1, "source": {'],
    ['YAML text', 'schemaVersion: 1\nsource:\n  type: live\n'],
    ['empty file', ''],
  ])('rejects non-JSON text (%s) with one problem at $', async (_name, text) => {
    const file = await writeJson('text.json', text);
    const error = await formatError(() => readSnapshot(file));
    expect(error.problems).toHaveLength(1);
    expect(error.problems[0]).toMatchObject({ path: '$', message: expect.stringMatching(/^not valid JSON: /) });
    expect(error.code).toBe('SNAPSHOT_INVALID');
  });

  it.each([
    ['null', 'null'],
    ['an array', '[]'],
    ['a number', '42'],
  ])('rejects a JSON document that is %s', async (_name, text) => {
    const file = await writeJson('odd.json', text);
    const error = await formatError(() => readSnapshot(file));
    expect(error.problems).toEqual([{ path: '$', message: expect.stringMatching(/object/) }]);
  });

  it('reports a missing file as InputError SNAPSHOT_UNREADABLE', async () => {
    const file = join(dir, 'nope.json');
    const promise = readSnapshot(file);
    await expect(promise).rejects.toBeInstanceOf(InputError);
    await expect(promise).rejects.not.toBeInstanceOf(SnapshotFormatError);
    await expect(promise).rejects.toMatchObject({ code: 'SNAPSHOT_UNREADABLE', message: `cannot read snapshot ${file}: no such file` });
  });

  it('reports a directory as InputError SNAPSHOT_UNREADABLE', async () => {
    await expect(readSnapshot(dir)).rejects.toMatchObject({ code: 'SNAPSHOT_UNREADABLE', message: expect.stringContaining('it is a directory') });
  });

  it('loads nothing partially: an invalid snapshot only throws, and a valid one next to it still loads', async () => {
    const bad = await writeJson('bad.json', manyProblems());
    let loaded: Inventory | undefined;
    await expect(
      (async () => {
        loaded = await readSnapshot(bad);
      })(),
    ).rejects.toBeInstanceOf(SnapshotFormatError);
    expect(loaded).toBeUndefined();
    expect(() => parseSnapshot(manyProblems())).toThrow(SnapshotFormatError);

    const good = join(dir, 'good.json');
    await writeSnapshot(good, richInventory());
    expect(await readSnapshot(good)).toEqual(richInventory());
  });

  it('parseSnapshot without a file names the snapshot generically', () => {
    const raw = JSON.parse(JSON.stringify(richInventory()));
    raw.source.type = 'cdk';
    expect(() => parseSnapshot(raw)).toThrow(/^snapshot is not a valid hardeks snapshot \(1 problem\): \$\.source\.type: /);
  });
});
