import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ALL_CHECKS } from '../../lib/checks';
import { runChecks } from '../../lib/engine/run';
import type { Report } from '../../lib/engine/types';
import { REPORT_FORMATS, renderReport } from '../../lib/report/formats';
import { loadTemplates } from '../../lib/sources/cloudformation/files';
import { exampleAccountWorld, type SimWorld } from '../../lib/testing/simulated-aws';
import { NOW, collectWith } from './support';

/** Values that must never reach a report: each is unique, so a hit names its source. */
const CANARY = {
  accessKeyId: 'AKIACANARYKEYID00001',
  secretAccessKey: 'canary-secret-access-key-0000000000000001',
  sessionToken: 'canary-session-token-0000000000000001',
  environment: 'canary-environment-value-0001',
  userData: 'canary-user-data-0001',
  addonConfiguration: 'canary-addon-configuration-0001',
  noEchoParameter: 'canary-noecho-parameter-0001',
  lambdaEnvironment: 'canary-lambda-environment-0001',
  accessKeySecret: 'canary-template-access-key-secret-0001',
  keyMaterial: 'canary-key-material-0001',
};
const ENV_NAMES = ['AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'HARDEKS_CANARY'];

type Formatter = (report: Report) => string;

/** Every format `hardeks audit --format` offers, from the registry, so a new format is covered without touching this test. */
function reportFormatters(): [string, Formatter][] {
  return REPORT_FORMATS.map((format): [string, Formatter] => [format, (report) => renderReport(report, format, { all: true })]);
}

function leaks(text: string): string[] {
  return Object.entries(CANARY).filter(([, value]) => text.includes(value) || text.includes(Buffer.from(value).toString('base64'))).map(([name]) => name);
}

/** The example account, with user data and add-on configuration holding secrets as real accounts do. */
function worldWithSecrets(): SimWorld {
  const world = exampleAccountWorld();
  const ec2 = world.services.ec2!;
  const eks = world.services.eks!;
  const eu = ec2['eu-west-1']!;
  return {
    ...world,
    services: {
      ...world.services,
      ec2: {
        ...ec2,
        'eu-west-1': {
          ...eu,
          launchTemplates: eu.launchTemplates!.map((t) => ({ ...t, versions: t.versions.map((v) => ({ ...v, LaunchTemplateData: { ...v.LaunchTemplateData, UserData: Buffer.from(`#!/bin/sh\nexport TOKEN=${CANARY.userData}\n`).toString('base64') } })) })),
        },
      },
      eks: Object.fromEntries(
        Object.entries(eks).map(([region, r]) => [
          region,
          { ...r, addons: Object.fromEntries(Object.entries(r.addons ?? {}).map(([cluster, list]) => [cluster, list.map((a) => ({ ...a, configurationValues: JSON.stringify({ env: { PASSWORD: CANARY.addonConfiguration } }) }))])) },
        ]),
      ),
    },
  };
}

const TEMPLATE = {
  Parameters: { DbPassword: { Type: 'String', NoEcho: true, Default: CANARY.noEchoParameter } },
  Resources: {
    Nodes: {
      Type: 'AWS::EC2::LaunchTemplate',
      Properties: { LaunchTemplateData: { UserData: Buffer.from(`#!/bin/sh\necho ${CANARY.userData}\n`).toString('base64'), MetadataOptions: { HttpTokens: 'optional' } } },
    },
    Fn: { Type: 'AWS::Lambda::Function', Properties: { Environment: { Variables: { API_KEY: CANARY.lambdaEnvironment } } } },
    Key: { Type: 'AWS::IAM::AccessKey', Properties: { UserName: 'ci', Status: 'Active', Serial: 1 } },
    Pair: { Type: 'AWS::EC2::KeyPair', Properties: { KeyName: 'ops', PublicKeyMaterial: CANARY.keyMaterial } },
    Secret: { Type: 'AWS::SecretsManager::Secret', Properties: { SecretString: { Ref: 'DbPassword' } } },
    Role: {
      Type: 'AWS::IAM::Role',
      Properties: {
        AssumeRolePolicyDocument: { Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }] },
        Tags: [{ Key: 'db-password', Value: { Ref: 'DbPassword' } }],
      },
    },
  },
  Outputs: { SecretKey: { Value: CANARY.accessKeySecret } },
};

describe('reports in every format carry no credentials, environment values, user data or key material', () => {
  const saved = Object.fromEntries(ENV_NAMES.map((n) => [n, process.env[n]]));
  beforeAll(() => {
    process.env.AWS_SECRET_ACCESS_KEY = CANARY.secretAccessKey;
    process.env.AWS_SESSION_TOKEN = CANARY.sessionToken;
    process.env.HARDEKS_CANARY = CANARY.environment;
  });
  afterAll(() => {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  });

  const formatters = reportFormatters();

  test('the formats under test include at least text and json', () => {
    expect(formatters.map(([name]) => name)).toEqual(expect.arrayContaining(['text', 'json']));
  });

  test('a live audit (canary credentials and environment; secrets in user data and add-on configuration)', async () => {
    const { inventory } = await collectWith(worldWithSecrets(), [], {
      credentials: { accessKeyId: CANARY.accessKeyId, secretAccessKey: CANARY.secretAccessKey, sessionToken: CANARY.sessionToken },
    });
    // The inventory may keep add-on configuration (checks read it); the reports must not print it.
    expect(leaks(JSON.stringify(inventory)).filter((name) => name !== 'addonConfiguration')).toEqual([]);
    const report = runChecks(inventory, ALL_CHECKS, { now: NOW });
    expect(report.findings.length).toBeGreaterThan(100);
    for (const [name, format] of formatters) expect({ format: name, leaks: leaks(format(report)) }).toEqual({ format: name, leaks: [] });
  });

  test('a template audit (NoEcho parameter, user data, Lambda environment, access key, key material)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hardeks-secrets-'));
    const file = join(dir, 'Secrets.template.json');
    writeFileSync(file, JSON.stringify(TEMPLATE));
    const { inventory, suppressions } = loadTemplates([{ stack: 'Secrets', file, accountId: '111122223333', region: 'eu-west-1' }]);
    const report = runChecks(inventory, ALL_CHECKS, { now: NOW, suppressions });
    for (const [name, format] of formatters) expect({ format: name, leaks: leaks(format(report)) }).toEqual({ format: name, leaks: [] });
  });
});
