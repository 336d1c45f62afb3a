// Writes examples/demo-account.json, the built-in example that `hardeks audit --demo` judges.
//
//   node examples/generate-demo-account.mjs            # rewrite examples/demo-account.json
//   node examples/generate-demo-account.mjs out.json   # write elsewhere (the tests compare the two)
//
// Plain Node (ESM, no dependencies) and deterministic: the same script always writes the same bytes,
// so the committed JSON is exactly what this file describes. Edit this file, run it, commit both.
//
// The account is fictional but consistent: every id and ARN a resource names exists in the
// inventory (or belongs, on purpose, to another account), and policies are canonical documents.
// Every resource-scope check of the catalog finds at least one resource that fails and one that
// passes, except the few that judge the account's single root user or password policy (see the
// allow-list in test/examples/demo-account.test.ts); comments say which resource shows which trap.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const ACCT = '123456789012';
const MGMT = '210987654321'; // organization management account (owns the org trail)
const SECURITY = '345678901234'; // delegated GuardDuty administrator
const VENDOR = '444455556666';
const ANALYTICS = '567890123456'; // the data team's analytics account, which reads exported data
const BACKUP = '678901234567'; // the old backup account, decommissioned in 2025
const EU = 'eu-west-1';
const US = 'us-east-1';
// Two regions hold little (their default VPCs were deleted): ap-southeast-2, opened for a pilot,
// where GuardDuty was never turned on; and eu-central-1, the standby region, with only the pilot
// light of prod-platform, whose GuardDuty still runs the legacy EKS runtime plan and skips EKS audit
// logs. GuardDuty allows one detector per region, so showing a region without one and detectors
// that pass and fail each plan takes both.
const AP = 'ap-southeast-2';
const CE = 'eu-central-1';
const REGIONS = [EU, US, AP, CE];
const G = 'global';

const aws = (arn, region) => ({ kind: 'aws', arn, accountId: ACCT, region });
const res = (kind, id, region, fields, tags) => ({ kind, id, origin: aws(id, region), ...(tags ? { tags } : {}), ...fields });

const iamArn = (type, name, path = '/') => `arn:aws:iam::${ACCT}:${type}${path}${name}`;
const awsPolicy = (name, path = '/') => `arn:aws:iam::aws:policy${path}${name}`;
const customerPolicy = (name) => `arn:aws:iam::${ACCT}:policy/${name}`;
const kmsArn = (region, id) => `arn:aws:kms:${region}:${ACCT}:key/${id}`;
const eksArn = (region, rest) => `arn:aws:eks:${region}:${ACCT}:${rest}`;
const ec2Arn = (region, rest) => `arn:aws:ec2:${region}:${ACCT}:${rest}`;
const doc = (...Statement) => ({ Version: '2012-10-17', Statement });
const slot = (active, extra = {}) => ({ active, ...extra });

// ---------------------------------------------------------------- EKS identities
const OIDC = {
  prod: { region: EU, hex: '5C2A9F0E7B3D41A8B6E1F04D9C7A2E63' },
  legacy: { region: US, hex: 'A7D31B5E90C4F28E6B1D3A79C0E5F412' },
  staging: { region: EU, hex: 'E04B8C17D2F96A3E5B70C1D84F2A9B36' },
  mlExperiments: { region: EU, hex: 'B9F50642CF8EA629E9CF8E22E132277F' },
  biReporting: { region: EU, hex: 'B620AE07EEFA20760CD67EDA07C8C379' },
  dr: { region: CE, hex: 'E47B214E1D4456EAF106EA57035D046F' },
  // prod-platform-blue, which prod-platform replaced in a blue/green upgrade in March 2024: the
  // cluster is gone, its issuer lives on in an IAM OIDC provider and one IRSA role.
  prodBlue: { region: EU, hex: '37C1DA3B7E3C3B6B81CCBEE3D6E21513' },
};
for (const o of Object.values(OIDC)) {
  o.host = `oidc.eks.${o.region}.amazonaws.com/id/${o.hex}`;
  o.issuer = `https://${o.host}`;
  o.providerArn = `arn:aws:iam::${ACCT}:oidc-provider/${o.host}`;
}
const GITHUB_OIDC = `arn:aws:iam::${ACCT}:oidc-provider/token.actions.githubusercontent.com`;

const CLUSTER = {
  prod: eksArn(EU, 'cluster/prod-platform'),
  legacy: eksArn(US, 'cluster/legacy-apps'),
  staging: eksArn(EU, 'cluster/data-staging'),
  mlExperiments: eksArn(EU, 'cluster/ml-experiments'),
  biReporting: eksArn(EU, 'cluster/bi-reporting'),
  dr: eksArn(CE, 'cluster/prod-platform-dr'),
};

// ---------------------------------------------------------------- KMS
const KEY = {
  prodSecrets: kmsArn(EU, '6f1c2a9e-3b4d-4e5f-8a7b-9c0d1e2f3a4b'),
  stagingSecrets: kmsArn(EU, '2d7e8f90-1a2b-4c3d-9e4f-5a6b7c8d9e0f'),
  euEbs: kmsArn(EU, '8a9b0c1d-2e3f-4a5b-8c6d-7e8f9a0b1c2d'),
  signing: kmsArn(EU, 'c3d4e5f6-a7b8-4c9d-8e0f-1a2b3c4d5e6f'),
  trail: kmsArn(US, '4b5c6d7e-8f90-4a1b-9c2d-3e4f5a6b7c8d'),
  legacyShared: kmsArn(US, '9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b'),
  oldReporting: kmsArn(US, '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d'),
  analyticsExports: kmsArn(EU, '5d6e7f80-9a0b-4c1d-8e2f-3a4b5c6d7e8f'),
  backupReplication: kmsArn(US, '7f8e9d0c-1b2a-4398-a7b6-c5d4e3f2a1b0'),
  biReportingSecrets: kmsArn(EU, '412f42c7-85a2-4e2c-91c1-43f332b49e84'),
  drSecrets: kmsArn(CE, '9cdceb26-03c1-4adb-a2e0-4a5cfa08a8f2'),
};

const rootAdminStatement = {
  Sid: 'Enable IAM User Permissions',
  Effect: 'Allow',
  Principal: { AWS: [`arn:aws:iam::${ACCT}:root`] },
  Action: ['kms:*'],
  Resource: ['*'],
};

// ---------------------------------------------------------------- network ids
const VPC = { platform: 'vpc-0a3f5c7e9b1d20461', euDefault: 'vpc-05e8d1b2a4c6f7039', legacy: 'vpc-0f1e2d3c4b5a69788', dr: 'vpc-0395935bb598d2793' };
const SUBNET = {
  privA: 'subnet-0b1e6a2f4c8d93571',
  privB: 'subnet-0c7d2e9a1f3b46882',
  privC: 'subnet-0d4a8b1c6e2f57193',
  pubA: 'subnet-0e9f3c5a7b2d14604',
  euDefaultA: 'subnet-06b2c4d8e0f1a3b57',
  legacyPubA: 'subnet-0a9b8c7d6e5f4a3b2',
  legacyPubB: 'subnet-0b8c7d6e5f4a3b2c1',
  legacyPrivA: 'subnet-0c7d6e5f4a3b2c1d0',
  drPrivA: 'subnet-0d3533286ea5d75b8',
  drPrivB: 'subnet-0fa7899a3f6c85575',
};
const SG = {
  prodCluster: 'sg-01a2b3c4d5e6f7a80',
  prodControlPlane: 'sg-02b3c4d5e6f7a8b91',
  stagingCluster: 'sg-03c4d5e6f7a8b9c02',
  euDefault: 'sg-04d5e6f7a8b9c0d13',
  bastion: 'sg-05e6f7a8b9c0d1e24',
  legacyCluster: 'sg-0a9b8c7d6e5f4a3b1',
  legacyNodes: 'sg-0b8c7d6e5f4a3b2c2',
  legacyRemoteAccess: 'sg-0c7d6e5f4a3b2c1d3',
  platformDefault: 'sg-06f7a8b9c0d1e2f35',
  legacyDefault: 'sg-0d6e5f4a3b2c1d0e4',
  launchWizard: 'sg-07a8b9c0d1e2f3a46',
  opsSsh: 'sg-08b9c0d1e2f3a4b57',
  legacyPostgres: 'sg-0e5f4a3b2c1d0e9f5',
  mlExperimentsCluster: 'sg-06cf369e599e307a6',
  biReportingCluster: 'sg-086133af898c87c14',
  drCluster: 'sg-09867fd9479bee464',
  drDefault: 'sg-01e6135b5718657ec',
};
const CORP_PL = 'pl-0c5e7a9b1d3f24680';
const OPS_PL = 'pl-0f2a4c6e8b0d13579';
const NACL = {
  platformDefault: 'acl-0a1b2c3d4e5f60718',
  platformPrivate: 'acl-0b2c3d4e5f6071829',
  platformPublic: 'acl-0e4f6a8b0c2d4e6f1',
  platformQuarantine: 'acl-0f5a7b9c1d3e5f702',
  euDefault: 'acl-0c3d4e5f60718293a',
  legacyDefault: 'acl-0d6e5f4a3b2c1d0e9',
  drDefault: 'acl-0cde4b41e90b05254',
};
const LT = { prod: 'lt-0a1b2c3d4e5f60aaa', staging: 'lt-0b2c3d4e5f6071bbb', legacyEks: 'lt-0c3d4e5f607182ccc', opsToolbox: 'lt-0d4e5f60718293ddd' };
const INSTANCE = { prodNode: 'i-0a1b2c3d4e5f60111', bastion: 'i-0b2c3d4e5f6071222', legacyNode: 'i-0c3d4e5f607182333', stagingKarpenter: 'i-0d4e5f60718293444' };
const VOLUME = {
  prodNode: 'vol-0a1b2c3d4e5f60aa1',
  bastion: 'vol-0b2c3d4e5f6071bb2',
  legacyNode: 'vol-0c3d4e5f607182cc3',
  stagingKarpenter: 'vol-0d4e5f60718293dd4',
};

const allTraffic = (peer, description) => ({ protocol: '-1', peer, ...(description ? { description } : {}) });
const tcp = (from, to, peer, description) => ({ protocol: 'tcp', fromPort: from, toPort: to, peer, ...(description ? { description } : {}) });
const v4 = (cidr) => ({ type: 'ipv4', cidr });
const v6 = (cidr) => ({ type: 'ipv6', cidr });
const sgPeer = (groupId) => ({ type: 'security-group', groupId });
const nacl = (ruleNumber, egress, action, protocol, cidr, portRange) => ({
  ruleNumber,
  egress,
  action,
  protocol,
  cidr,
  ...(portRange ? { portRange: { from: portRange[0], to: portRange[1] } } : {}),
});

// ================================================================= IAM
const iamAccount = res('iam.account', `arn:aws:iam::${ACCT}:root`, G, {
  accountId: ACCT,
  // Too weak: 8 characters, no symbols or upper case, no expiry, reuse allowed.
  passwordPolicy: {
    minimumLength: 8,
    requireSymbols: false,
    requireNumbers: true,
    requireUppercase: false,
    requireLowercase: true,
    allowUsersToChangePassword: true,
    hardExpiry: false,
  },
  // Counted from the resources below once they exist (see accountSummary).
  summary: {},
  credentialReport: {
    generatedAt: '2026-11-20T08:55:12Z',
    rows: [
      {
        // Root: MFA on a phone app (a virtual device, see below), and an active access key created in
        // 2019 that is still used.
        user: '<root_account>',
        arn: `arn:aws:iam::${ACCT}:root`,
        userCreationTime: '2017-05-03T10:12:44Z',
        passwordLastUsed: '2026-08-14T16:02:11Z',
        mfaActive: true,
        accessKeys: [
          slot(true, { lastRotated: '2019-03-14T09:21:07Z', lastUsed: '2026-10-02T11:40:00Z', lastUsedRegion: US, lastUsedService: 's3' }),
          slot(false),
        ],
        signingCertificates: [slot(false), slot(false)],
      },
      {
        user: 'alice.martin',
        arn: iamArn('user', 'alice.martin'),
        userCreationTime: '2022-04-11T08:30:00Z',
        passwordEnabled: true,
        passwordLastUsed: '2026-11-19T17:45:22Z',
        passwordLastChanged: '2026-09-01T09:12:40Z',
        mfaActive: true,
        accessKeys: [
          slot(true, { lastRotated: '2026-09-15T10:00:00Z', lastUsed: '2026-11-19T16:10:00Z', lastUsedRegion: EU, lastUsedService: 'eks' }),
          slot(false),
        ],
        signingCertificates: [slot(false), slot(false)],
      },
      {
        user: 'bob.nguyen',
        arn: iamArn('user', 'bob.nguyen'),
        userCreationTime: '2024-01-08T13:02:19Z',
        passwordEnabled: true,
        passwordLastUsed: '2026-11-18T09:03:51Z',
        passwordLastChanged: '2024-01-08T13:10:05Z',
        mfaActive: false,
        accessKeys: [slot(false), slot(false)],
        signingCertificates: [slot(false), slot(false)],
      },
      {
        // Dormant admin: password unused since mid-2025, one key from 2021, a second never used.
        user: 'legacy-ops',
        arn: iamArn('user', 'legacy-ops'),
        userCreationTime: '2019-02-20T15:44:03Z',
        passwordEnabled: true,
        passwordLastUsed: '2025-06-30T07:58:14Z',
        passwordLastChanged: '2021-08-10T12:00:31Z',
        mfaActive: false,
        accessKeys: [
          slot(true, { lastRotated: '2021-08-10T12:03:55Z', lastUsed: '2025-07-02T22:15:00Z', lastUsedRegion: US, lastUsedService: 'ec2' }),
          slot(true, { lastRotated: '2023-01-20T10:41:18Z' }),
        ],
        signingCertificates: [slot(false), slot(false)],
      },
      {
        // Pipeline user: no console, a long-lived key 2.8 years old, used every day.
        user: 'ci-deploy',
        arn: iamArn('user', 'ci-deploy', '/automation/'),
        userCreationTime: '2022-11-02T10:20:00Z',
        passwordEnabled: false,
        mfaActive: false,
        accessKeys: [
          slot(true, { lastRotated: '2024-02-12T14:30:09Z', lastUsed: '2026-11-20T07:58:00Z', lastUsedRegion: EU, lastUsedService: 'eks' }),
          slot(false),
        ],
        signingCertificates: [slot(false), slot(false)],
      },
      {
        // Break-glass administrator: console only, a FIDO key (not a virtual device), last used in the October drill.
        user: 'breakglass-admin',
        arn: iamArn('user', 'breakglass-admin'),
        userCreationTime: '2023-05-15T09:00:00Z',
        passwordEnabled: true,
        passwordLastUsed: '2026-10-14T10:05:37Z',
        passwordLastChanged: '2026-10-14T10:02:11Z',
        mfaActive: true,
        accessKeys: [slot(false), slot(false)],
        signingCertificates: [slot(false), slot(false)],
      },
      {
        // Terraform runner: no console, one key rotated every 90 days.
        user: 'terraform',
        arn: iamArn('user', 'terraform', '/automation/'),
        userCreationTime: '2023-02-06T11:30:00Z',
        passwordEnabled: false,
        mfaActive: false,
        accessKeys: [
          slot(true, { lastRotated: '2026-10-01T08:00:00Z', lastUsed: '2026-11-20T06:12:00Z', lastUsedRegion: EU, lastUsedService: 'iam' }),
          slot(false),
        ],
        signingCertificates: [slot(false), slot(false)],
      },
      {
        // Security auditor: console with MFA, no access keys.
        user: 'sam.okafor',
        arn: iamArn('user', 'sam.okafor'),
        userCreationTime: '2025-09-01T08:15:00Z',
        passwordEnabled: true,
        passwordLastUsed: '2026-11-17T13:20:48Z',
        passwordLastChanged: '2026-09-02T08:30:00Z',
        mfaActive: true,
        accessKeys: [slot(false), slot(false)],
        signingCertificates: [slot(false), slot(false)],
      },
    ],
  },
  virtualMfaDevices: [
    { serialNumber: iamArn('mfa', 'alice.martin'), userArn: iamArn('user', 'alice.martin'), enableDate: '2022-04-11T08:41:10Z' },
    // Enrolment started but never completed: the device is not assigned to anyone.
    { serialNumber: iamArn('mfa', 'bob.nguyen') },
    { serialNumber: iamArn('mfa', 'sam.okafor'), userArn: iamArn('user', 'sam.okafor'), enableDate: '2025-09-01T08:22:31Z' },
    // Root's MFA is this authenticator app, so root has MFA but not a hardware device.
    { serialNumber: iamArn('mfa', 'root-account-mfa-device'), userArn: `arn:aws:iam::${ACCT}:root`, enableDate: '2021-03-02T17:45:09Z' },
  ],
});
/** Hardware MFA devices (ListMFADevices): not in the virtual list, but counted by GetAccountSummary. */
const HARDWARE_MFA_DEVICES = 1; // breakglass-admin's FIDO key

const users = [
  res('iam.user', iamArn('user', 'alice.martin'), G, {
    name: 'alice.martin',
    arn: iamArn('user', 'alice.martin'),
    path: '/',
    createdAt: '2022-04-11T08:30:00Z',
    inlinePolicies: [],
    attachedPolicies: [],
    groups: [iamArn('group', 'Admins')],
    hasConsolePassword: true,
  }, { team: 'platform' }),
  res('iam.user', iamArn('user', 'bob.nguyen'), G, {
    name: 'bob.nguyen',
    arn: iamArn('user', 'bob.nguyen'),
    path: '/',
    createdAt: '2024-01-08T13:02:19Z',
    inlinePolicies: [],
    attachedPolicies: [],
    groups: [iamArn('group', 'Developers')],
    hasConsolePassword: true,
  }, { team: 'data' }),
  res('iam.user', iamArn('user', 'legacy-ops'), G, {
    name: 'legacy-ops',
    arn: iamArn('user', 'legacy-ops'),
    path: '/',
    createdAt: '2019-02-20T15:44:03Z',
    inlinePolicies: [],
    attachedPolicies: [customerPolicy('LegacyOpsAdmin')],
    groups: [iamArn('group', 'Operators')],
    hasConsolePassword: true,
  }),
  res('iam.user', iamArn('user', 'ci-deploy', '/automation/'), G, {
    name: 'ci-deploy',
    arn: iamArn('user', 'ci-deploy', '/automation/'),
    path: '/automation/',
    createdAt: '2022-11-02T10:20:00Z',
    inlinePolicies: [
      {
        name: 'ci-deploy-inline',
        document: doc(
          { Sid: 'DeployEverything', Effect: 'Allow', Action: ['eks:*', 'ecr:*'], Resource: ['*'] },
          { Sid: 'PassAnyRole', Effect: 'Allow', Action: ['iam:PassRole'], Resource: ['*'] },
          // For sealed deployment secrets, but it reads anything encrypted under any key that defers to IAM.
          { Sid: 'DecryptDeploySecrets', Effect: 'Allow', Action: ['kms:Decrypt'], Resource: ['*'] },
        ),
      },
    ],
    attachedPolicies: [],
    groups: [],
    hasConsolePassword: false,
  }, { owner: 'platform', purpose: 'jenkins' }),
  // AdministratorAccess attached to the user itself rather than through the Admins group.
  res('iam.user', iamArn('user', 'breakglass-admin'), G, {
    name: 'breakglass-admin',
    arn: iamArn('user', 'breakglass-admin'),
    path: '/',
    createdAt: '2023-05-15T09:00:00Z',
    inlinePolicies: [],
    attachedPolicies: [awsPolicy('AdministratorAccess')],
    groups: [],
    hasConsolePassword: true,
  }, { owner: 'security', purpose: 'break-glass' }),
  // Full administrator through an inline policy, which no review of attached policies shows.
  res('iam.user', iamArn('user', 'terraform', '/automation/'), G, {
    name: 'terraform',
    arn: iamArn('user', 'terraform', '/automation/'),
    path: '/automation/',
    createdAt: '2023-02-06T11:30:00Z',
    inlinePolicies: [{ name: 'terraform-apply', document: doc({ Sid: 'ApplyAnything', Effect: 'Allow', Action: ['*'], Resource: ['*'] }) }],
    attachedPolicies: [],
    groups: [],
    hasConsolePassword: false,
  }, { owner: 'platform', purpose: 'terraform' }),
  // Least privilege done right: read-only audit permissions through a group, MFA, no keys.
  res('iam.user', iamArn('user', 'sam.okafor'), G, {
    name: 'sam.okafor',
    arn: iamArn('user', 'sam.okafor'),
    path: '/',
    createdAt: '2025-09-01T08:15:00Z',
    inlinePolicies: [],
    attachedPolicies: [],
    groups: [iamArn('group', 'Auditors')],
    hasConsolePassword: true,
  }, { team: 'security' }),
];

const groups = [
  res('iam.group', iamArn('group', 'Admins'), G, {
    name: 'Admins',
    arn: iamArn('group', 'Admins'),
    path: '/',
    inlinePolicies: [],
    attachedPolicies: [awsPolicy('AdministratorAccess')],
  }),
  res('iam.group', iamArn('group', 'Developers'), G, {
    name: 'Developers',
    arn: iamArn('group', 'Developers'),
    path: '/',
    inlinePolicies: [
      {
        // A Deny with NotAction is the standard "force MFA" pattern: not a risk, unlike an Allow with NotAction.
        name: 'deny-without-mfa',
        document: doc({
          Sid: 'DenyAllExceptMfaSetupWithoutMfa',
          Effect: 'Deny',
          NotAction: [
            'iam:CreateVirtualMFADevice',
            'iam:EnableMFADevice',
            'iam:GetUser',
            'iam:ListMFADevices',
            'iam:ListVirtualMFADevices',
            'iam:ResyncMFADevice',
            'sts:GetSessionToken',
          ],
          Resource: ['*'],
          Condition: { BoolIfExists: { 'aws:MultiFactorAuthPresent': ['false'] } },
        }),
      },
    ],
    // CloudShell for quick CLI work: its file upload and download are an exfiltration channel.
    attachedPolicies: [customerPolicy('DeveloperAccess'), awsPolicy('AWSCloudShellFullAccess')],
  }),
  res('iam.group', iamArn('group', 'Auditors'), G, {
    name: 'Auditors',
    arn: iamArn('group', 'Auditors'),
    path: '/',
    inlinePolicies: [],
    attachedPolicies: [customerPolicy('AuditorReadOnly')],
  }),
  // The old operations team's group: full administrator through an inline policy.
  res('iam.group', iamArn('group', 'Operators'), G, {
    name: 'Operators',
    arn: iamArn('group', 'Operators'),
    path: '/',
    inlinePolicies: [{ name: 'operators-full-access', document: doc({ Effect: 'Allow', Action: ['*'], Resource: ['*'] }) }],
    attachedPolicies: [],
  }),
];

const ec2Trust = doc({ Effect: 'Allow', Principal: { Service: ['ec2.amazonaws.com'] }, Action: ['sts:AssumeRole'] });
const irsaTrust = (o, operator, conditions) =>
  doc({ Effect: 'Allow', Principal: { Federated: [o.providerArn] }, Action: ['sts:AssumeRoleWithWebIdentity'], Condition: { [operator]: conditions } });
const podIdentityTrust = (clusterArn) =>
  doc({
    Sid: 'AllowEksAuthToAssumeRoleForPodIdentity',
    Effect: 'Allow',
    Principal: { Service: ['pods.eks.amazonaws.com'] },
    Action: ['sts:AssumeRole', 'sts:TagSession'],
    ...(clusterArn
      ? { Condition: { StringEquals: { 'aws:SourceAccount': [ACCT] }, ArnEquals: { 'aws:SourceArn': [clusterArn] } } }
      : {}),
  });
const role = (name, fields, tags) =>
  res('iam.role', iamArn('role', name, fields.path ?? '/'), G, { name, arn: iamArn('role', name, fields.path ?? '/'), path: '/', ...fields }, tags);

const roles = [
  role('eksClusterRole', {
    createdAt: '2021-09-08T09:55:12Z',
    trustPolicy: doc({ Effect: 'Allow', Principal: { Service: ['eks.amazonaws.com'] }, Action: ['sts:AssumeRole', 'sts:TagSession'] }),
    inlinePolicies: [],
    attachedPolicies: [awsPolicy('AmazonEKSClusterPolicy')],
    maxSessionDurationSeconds: 3600,
    lastUsed: { date: '2026-11-20T08:40:00Z', region: EU },
  }),
  // Hardened node role: no CNI policy (the VPC CNI gets its own role through Pod Identity).
  role('prod-platform-node-role', {
    createdAt: '2024-03-12T14:01:40Z',
    trustPolicy: ec2Trust,
    inlinePolicies: [],
    attachedPolicies: [
      awsPolicy('AmazonEKSWorkerNodePolicy'),
      awsPolicy('AmazonEC2ContainerRegistryReadOnly'),
      awsPolicy('AmazonSSMManagedInstanceCore'),
    ],
    maxSessionDurationSeconds: 3600,
    lastUsed: { date: '2026-11-20T08:59:00Z', region: EU },
    instanceProfiles: [iamArn('instance-profile', 'eks-7ac5e1f2-3b4d-5e6f-7a8b-9c0d1e2f3a4b')],
  }, { cluster: 'prod-platform' }),
  // The console's default node role, shared by two clusters, with the CNI policy and an over-broad extra.
  role('AmazonEKSNodeRole', {
    createdAt: '2021-09-08T10:20:31Z',
    trustPolicy: ec2Trust,
    inlinePolicies: [
      {
        name: 'legacy-node-extras',
        document: doc({ Sid: 'NodeHousekeeping', Effect: 'Allow', Action: ['ec2:*', 'ssm:GetParameter*'], Resource: ['*'] }),
      },
    ],
    attachedPolicies: [
      awsPolicy('AmazonEKSWorkerNodePolicy'),
      awsPolicy('AmazonEKS_CNI_Policy'),
      awsPolicy('AmazonEC2ContainerRegistryReadOnly'),
    ],
    maxSessionDurationSeconds: 3600,
    lastUsed: { date: '2026-11-20T08:58:00Z', region: US },
    // The third profile is the one Karpenter created for data-staging's spark node pool.
    instanceProfiles: [
      iamArn('instance-profile', 'eks-4ac5b1e0-9f2d-7c3a-1e8b-5d6f7a8b9c0d'),
      iamArn('instance-profile', 'eks-91d2c3e4-f5a6-4b7c-8d9e-0f1a2b3c4d5e'),
      iamArn('instance-profile', 'data-staging_8421937465012345678'),
    ],
  }),
  // IRSA, well scoped: this cluster's issuer, one service account, audience sts.amazonaws.com.
  role('prod-platform-external-dns', {
    createdAt: '2024-03-14T10:11:12Z',
    trustPolicy: irsaTrust(OIDC.prod, 'StringEquals', {
      [`${OIDC.prod.host}:sub`]: ['system:serviceaccount:external-dns:external-dns'],
      [`${OIDC.prod.host}:aud`]: ['sts.amazonaws.com'],
    }),
    inlinePolicies: [
      {
        name: 'route53-records',
        document: doc(
          { Effect: 'Allow', Action: ['route53:ChangeResourceRecordSets'], Resource: ['arn:aws:route53:::hostedzone/Z04517273BC1QX0EXAMPLE'] },
          { Effect: 'Allow', Action: ['route53:ListHostedZones', 'route53:ListResourceRecordSets', 'route53:ListTagsForResource'], Resource: ['*'] },
        ),
      },
    ],
    attachedPolicies: [],
    maxSessionDurationSeconds: 3600,
    lastUsed: { date: '2026-11-20T08:52:00Z', region: EU },
  }, { cluster: 'prod-platform' }),
  // IRSA with a wildcard sub: every service account of every namespace of data-staging.
  role('data-staging-s3-reader', {
    createdAt: '2025-02-19T16:20:00Z',
    trustPolicy: doc({
      Effect: 'Allow',
      Principal: { Federated: [OIDC.staging.providerArn] },
      Action: ['sts:AssumeRoleWithWebIdentity'],
      Condition: {
        StringLike: { [`${OIDC.staging.host}:sub`]: ['system:serviceaccount:*:*'] },
        StringEquals: { [`${OIDC.staging.host}:aud`]: ['sts.amazonaws.com'] },
      },
    }),
    inlinePolicies: [],
    attachedPolicies: [awsPolicy('AmazonS3ReadOnlyAccess')],
    maxSessionDurationSeconds: 3600,
    lastUsed: { date: '2026-11-19T23:10:00Z', region: EU },
  }, { cluster: 'data-staging' }),
  // IRSA with only the audience (the console's default trust): any pod of legacy-apps can assume it.
  role('legacy-apps-vpc-cni', {
    createdAt: '2022-05-04T11:00:00Z',
    trustPolicy: irsaTrust(OIDC.legacy, 'StringEquals', { [`${OIDC.legacy.host}:aud`]: ['sts.amazonaws.com'] }),
    inlinePolicies: [],
    attachedPolicies: [awsPolicy('AmazonEKS_CNI_Policy')],
    maxSessionDurationSeconds: 3600,
    lastUsed: { date: '2026-11-20T08:57:00Z', region: US },
  }, { cluster: 'legacy-apps' }),
  // Pod Identity roles with confused-deputy conditions (account and cluster ARN).
  role('prod-platform-vpc-cni', {
    createdAt: '2024-03-12T14:20:00Z',
    trustPolicy: podIdentityTrust(CLUSTER.prod),
    inlinePolicies: [],
    attachedPolicies: [awsPolicy('AmazonEKS_CNI_Policy')],
    maxSessionDurationSeconds: 3600,
    lastUsed: { date: '2026-11-20T08:59:30Z', region: EU },
  }, { cluster: 'prod-platform' }),
  role('prod-platform-orders-api', {
    createdAt: '2025-06-03T09:30:00Z',
    trustPolicy: podIdentityTrust(CLUSTER.prod),
    inlinePolicies: [
      {
        name: 'orders-table',
        document: doc({
          Effect: 'Allow',
          Action: ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:Query'],
          Resource: [`arn:aws:dynamodb:${EU}:${ACCT}:table/orders`, `arn:aws:dynamodb:${EU}:${ACCT}:table/orders/index/*`],
        }),
      },
    ],
    attachedPolicies: [],
    maxSessionDurationSeconds: 3600,
    lastUsed: { date: '2026-11-20T08:59:45Z', region: EU },
  }, { cluster: 'prod-platform', app: 'orders' }),
  // Pod Identity role without conditions, shared by two clusters, with s3:* on everything and
  // kms:Decrypt on every key (to read SSE-KMS objects, but it opens any key that defers to IAM).
  role('shared-batch-pod-role', {
    createdAt: '2025-08-21T13:14:15Z',
    trustPolicy: podIdentityTrust(undefined),
    inlinePolicies: [
      {
        name: 'batch-s3',
        document: doc(
          { Sid: 'AnyBucket', Effect: 'Allow', Action: ['s3:*'], Resource: ['*'] },
          { Sid: 'ReadEncryptedObjects', Effect: 'Allow', Action: ['kms:Decrypt'], Resource: ['*'] },
        ),
      },
    ],
    attachedPolicies: [],
    maxSessionDurationSeconds: 43200,
    lastUsed: { date: '2026-11-20T03:00:12Z', region: US },
  }),
  // People reach prod-platform through this role, which requires MFA.
  role('eks-platform-admins', {
    createdAt: '2024-03-12T13:50:00Z',
    trustPolicy: doc({
      Effect: 'Allow',
      Principal: { AWS: [`arn:aws:iam::${ACCT}:root`] },
      Action: ['sts:AssumeRole'],
      Condition: { Bool: { 'aws:MultiFactorAuthPresent': ['true'] } },
    }),
    inlinePolicies: [
      { name: 'eks-describe', document: doc({ Effect: 'Allow', Action: ['eks:DescribeCluster', 'eks:ListClusters'], Resource: ['*'] }) },
    ],
    attachedPolicies: [],
    maxSessionDurationSeconds: 3600,
    lastUsed: { date: '2026-11-19T15:32:00Z', region: EU },
  }),
  // GitHub Actions OIDC, pinned to one repository's main branch.
  role('github-actions-deploy', {
    createdAt: '2025-03-10T08:00:00Z',
    trustPolicy: doc({
      Effect: 'Allow',
      Principal: { Federated: [GITHUB_OIDC] },
      Action: ['sts:AssumeRoleWithWebIdentity'],
      Condition: {
        StringEquals: {
          'token.actions.githubusercontent.com:aud': ['sts.amazonaws.com'],
          'token.actions.githubusercontent.com:sub': ['repo:acme-corp/platform-apps:ref:refs/heads/main'],
        },
      },
    }),
    inlinePolicies: [
      { name: 'eks-describe', document: doc({ Effect: 'Allow', Action: ['eks:DescribeCluster'], Resource: [CLUSTER.prod] }) },
    ],
    attachedPolicies: [],
    maxSessionDurationSeconds: 3600,
    lastUsed: { date: '2026-11-20T07:41:00Z', region: EU },
  }),
  // Created by AWS Organizations: the management account is fully trusted, without MFA or conditions.
  role('OrganizationAccountAccessRole', {
    createdAt: '2017-05-03T10:12:50Z',
    trustPolicy: doc({ Effect: 'Allow', Principal: { AWS: [`arn:aws:iam::${MGMT}:root`] }, Action: ['sts:AssumeRole'] }),
    inlinePolicies: [],
    attachedPolicies: [awsPolicy('AdministratorAccess')],
    maxSessionDurationSeconds: 3600,
    lastUsed: { date: '2026-10-28T12:00:00Z', region: US },
  }),
  // Third-party monitoring, cross-account with an external id and read-only permissions.
  role('vendor-monitoring-readonly', {
    createdAt: '2023-06-01T09:00:00Z',
    trustPolicy: doc({
      Effect: 'Allow',
      Principal: { AWS: [`arn:aws:iam::${VENDOR}:root`] },
      Action: ['sts:AssumeRole'],
      Condition: { StringEquals: { 'sts:ExternalId': ['a3f9c2e7d1b84f06'] } },
    }),
    inlinePolicies: [
      {
        name: 'monitoring-read',
        document: doc({
          Effect: 'Allow',
          Action: ['cloudwatch:Get*', 'cloudwatch:List*', 'ec2:Describe*', 'eks:Describe*', 'eks:List*', 'tag:GetResources'],
          Resource: ['*'],
        }),
      },
    ],
    attachedPolicies: [],
    maxSessionDurationSeconds: 3600,
    lastUsed: { date: '2026-11-20T08:50:00Z', region: EU },
  }, { vendor: 'observability' }),
  // GitHub Actions for the infrastructure repository: any branch, tag or pull request (sub ends in
  // a wildcard), no audience condition, and an inline full-administrator policy.
  role('github-actions-terraform', {
    createdAt: '2025-04-22T15:00:00Z',
    trustPolicy: doc({
      Effect: 'Allow',
      Principal: { Federated: [GITHUB_OIDC] },
      Action: ['sts:AssumeRoleWithWebIdentity'],
      Condition: { StringLike: { 'token.actions.githubusercontent.com:sub': ['repo:acme-corp/infrastructure:*'] } },
    }),
    inlinePolicies: [{ name: 'terraform-apply', document: doc({ Sid: 'ApplyAnything', Effect: 'Allow', Action: ['*'], Resource: ['*'] }) }],
    attachedPolicies: [],
    maxSessionDurationSeconds: 3600,
    lastUsed: { date: '2026-11-19T21:03:00Z', region: EU },
  }, { repo: 'acme-corp/infrastructure' }),
  // Trusts every AWS principal: the external id is shared with the partner but does not limit who
  // may call, so any AWS account that learns it can assume the role.
  role('analytics-partner-reader', {
    createdAt: '2024-10-07T10:00:00Z',
    trustPolicy: doc({
      Effect: 'Allow',
      Principal: { AWS: ['*'] },
      Action: ['sts:AssumeRole'],
      Condition: { StringEquals: { 'sts:ExternalId': ['acme-analytics-7f3c9b'] } },
    }),
    inlinePolicies: [
      {
        name: 'read-exports',
        document: doc(
          { Effect: 'Allow', Action: ['s3:GetObject'], Resource: ['arn:aws:s3:::acme-analytics-exports/partner/*'] },
          { Effect: 'Allow', Action: ['s3:ListBucket'], Resource: ['arn:aws:s3:::acme-analytics-exports'] },
        ),
      },
    ],
    attachedPolicies: [],
    maxSessionDurationSeconds: 3600,
    lastUsed: { date: '2026-11-18T02:30:00Z', region: EU },
  }, { owner: 'data' }),
  // Airflow on data-staging: its KubernetesPodOperator tasks run under many service accounts, so the
  // sub admits the whole airflow namespace; and its DAGs create a node group per heavy job, with
  // iam:PassRole on every role. Any pod in that namespace can make nodes run with any role.
  role('data-staging-airflow', {
    createdAt: '2025-05-06T09:45:00Z',
    trustPolicy: irsaTrust(OIDC.staging, 'StringLike', {
      [`${OIDC.staging.host}:sub`]: ['system:serviceaccount:airflow:*'],
      [`${OIDC.staging.host}:aud`]: ['sts.amazonaws.com'],
    }),
    inlinePolicies: [
      {
        name: 'job-node-groups',
        document: doc(
          {
            Sid: 'NodeGroupPerJob',
            Effect: 'Allow',
            Action: ['eks:CreateNodegroup', 'eks:DeleteNodegroup', 'eks:DescribeNodegroup', 'eks:ListNodegroups'],
            Resource: ['*'],
          },
          // Meant for AmazonEKSNodeRole only.
          { Sid: 'PassNodeRole', Effect: 'Allow', Action: ['iam:PassRole'], Resource: ['*'] },
        ),
      },
    ],
    attachedPolicies: [],
    maxSessionDurationSeconds: 3600,
    lastUsed: { date: '2026-11-20T02:15:00Z', region: EU },
  }, { cluster: 'data-staging', app: 'airflow' }),
  // The EBS CSI driver of legacy-apps, with a trust written by hand from an old blog post: the sub
  // names the controller's service account, but nothing pins the audience.
  role('legacy-apps-ebs-csi', {
    createdAt: '2022-08-30T14:25:00Z',
    trustPolicy: irsaTrust(OIDC.legacy, 'StringEquals', { [`${OIDC.legacy.host}:sub`]: ['system:serviceaccount:kube-system:ebs-csi-controller-sa'] }),
    inlinePolicies: [
      {
        name: 'ebs-volumes',
        document: doc(
          {
            Effect: 'Allow',
            Action: ['ec2:CreateVolume', 'ec2:DeleteVolume', 'ec2:AttachVolume', 'ec2:DetachVolume', 'ec2:CreateSnapshot', 'ec2:DeleteSnapshot', 'ec2:ModifyVolume', 'ec2:CreateTags'],
            Resource: ['*'],
          },
          { Effect: 'Allow', Action: ['ec2:DescribeAvailabilityZones', 'ec2:DescribeInstances', 'ec2:DescribeSnapshots', 'ec2:DescribeTags', 'ec2:DescribeVolumes'], Resource: ['*'] },
        ),
      },
    ],
    attachedPolicies: [],
    maxSessionDurationSeconds: 3600,
    lastUsed: { date: '2026-11-20T08:40:00Z', region: US },
  }, { cluster: 'legacy-apps' }),
  // Left behind by the blue/green upgrade: cert-manager's role on prod-platform-blue still trusts
  // that cluster's issuer, whose IAM OIDC provider was kept too.
  role('prod-platform-blue-cert-manager', {
    createdAt: '2022-06-20T10:30:00Z',
    trustPolicy: irsaTrust(OIDC.prodBlue, 'StringEquals', {
      [`${OIDC.prodBlue.host}:sub`]: ['system:serviceaccount:cert-manager:cert-manager'],
      [`${OIDC.prodBlue.host}:aud`]: ['sts.amazonaws.com'],
    }),
    inlinePolicies: [
      {
        name: 'route53-dns01',
        document: doc(
          { Effect: 'Allow', Action: ['route53:GetChange'], Resource: ['arn:aws:route53:::change/*'] },
          { Effect: 'Allow', Action: ['route53:ChangeResourceRecordSets', 'route53:ListResourceRecordSets'], Resource: ['arn:aws:route53:::hostedzone/Z04517273BC1QX0EXAMPLE'] },
          { Effect: 'Allow', Action: ['route53:ListHostedZonesByName'], Resource: ['*'] },
        ),
      },
    ],
    attachedPolicies: [],
    maxSessionDurationSeconds: 3600,
    lastUsed: { date: '2024-03-27T23:58:00Z', region: EU },
  }, { cluster: 'prod-platform-blue' }),
  // Created with the standby cluster, never used yet (nothing runs there until a failover). Its
  // provider was deleted in the October clean-up of "unused" OIDC providers, so on failover STS
  // would reject every external-dns token.
  role('prod-platform-dr-external-dns', {
    createdAt: '2025-09-16T08:20:00Z',
    trustPolicy: irsaTrust(OIDC.dr, 'StringEquals', {
      [`${OIDC.dr.host}:sub`]: ['system:serviceaccount:external-dns:external-dns'],
      [`${OIDC.dr.host}:aud`]: ['sts.amazonaws.com'],
    }),
    inlinePolicies: [
      {
        name: 'route53-records',
        document: doc(
          { Effect: 'Allow', Action: ['route53:ChangeResourceRecordSets'], Resource: ['arn:aws:route53:::hostedzone/Z04517273BC1QX0EXAMPLE'] },
          { Effect: 'Allow', Action: ['route53:ListHostedZones', 'route53:ListResourceRecordSets', 'route53:ListTagsForResource'], Resource: ['*'] },
        ),
      },
    ],
    attachedPolicies: [],
    maxSessionDurationSeconds: 3600,
  }, { cluster: 'prod-platform-dr' }),
  // Jupyter notebooks on ml-experiments: AdministratorAccess attached "until we know what they need".
  role('ml-experiments-notebooks', {
    createdAt: '2026-04-15T13:00:00Z',
    trustPolicy: podIdentityTrust(CLUSTER.mlExperiments),
    inlinePolicies: [],
    attachedPolicies: [awsPolicy('AdministratorAccess')],
    maxSessionDurationSeconds: 3600,
    lastUsed: { date: '2026-11-19T18:22:00Z', region: EU },
  }, { cluster: 'ml-experiments', app: 'jupyterhub' }),
  // The feature store's role, its trust copied from an EC2 role and adapted: sts:AssumeRole only.
  // EKS Pod Identity also needs sts:TagSession, so the association never delivered credentials.
  role('ml-experiments-feature-store', {
    createdAt: '2026-06-02T10:10:00Z',
    trustPolicy: doc({
      Effect: 'Allow',
      Principal: { Service: ['pods.eks.amazonaws.com'] },
      Action: ['sts:AssumeRole'],
      Condition: { StringEquals: { 'aws:SourceAccount': [ACCT] } },
    }),
    inlinePolicies: [
      {
        name: 'feature-tables',
        document: doc(
          {
            Effect: 'Allow',
            Action: ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:PutItem', 'dynamodb:BatchWriteItem', 'dynamodb:Query'],
            Resource: [`arn:aws:dynamodb:${EU}:${ACCT}:table/ml-online-features`],
          },
          { Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject'], Resource: ['arn:aws:s3:::acme-ml-offline-features/*'] },
          { Effect: 'Allow', Action: ['s3:ListBucket'], Resource: ['arn:aws:s3:::acme-ml-offline-features'] },
        ),
      },
    ],
    attachedPolicies: [],
    maxSessionDurationSeconds: 3600,
  }, { cluster: 'ml-experiments', app: 'feast' }),
];

// attachmentCount is counted from the users, groups and roles (see countAttachments).
const managed = (name, fields) => {
  const arn = fields.awsManaged ? awsPolicy(name, fields.path ?? '/') : customerPolicy(name);
  return res('iam.policy', arn, G, { name, arn, path: '/', isAttachable: true, ...fields });
};
const policies = [
  managed('AdministratorAccess', {
    awsManaged: true,
    defaultVersionId: 'v1',
    document: doc({ Effect: 'Allow', Action: ['*'], Resource: ['*'] }),
  }),
  managed('AmazonEKSClusterPolicy', {
    awsManaged: true,
    defaultVersionId: 'v9',
    document: doc(
      {
        Sid: 'AmazonEKSClusterPolicy',
        Effect: 'Allow',
        Action: [
          'autoscaling:DescribeAutoScalingGroups',
          'autoscaling:UpdateAutoScalingGroup',
          'ec2:AttachVolume',
          'ec2:AuthorizeSecurityGroupIngress',
          'ec2:CreateRoute',
          'ec2:CreateSecurityGroup',
          'ec2:CreateTags',
          'ec2:CreateVolume',
          'ec2:DeleteRoute',
          'ec2:DeleteSecurityGroup',
          'ec2:DeleteVolume',
          'ec2:DescribeInstances',
          'ec2:DescribeRouteTables',
          'ec2:DescribeSecurityGroups',
          'ec2:DescribeSubnets',
          'ec2:DescribeVolumes',
          'ec2:DescribeVpcs',
          'ec2:DetachVolume',
          'ec2:ModifyInstanceAttribute',
          'ec2:ModifyVolume',
          'ec2:RevokeSecurityGroupIngress',
          'elasticloadbalancing:*',
          'kms:DescribeKey',
        ],
        Resource: ['*'],
      },
      {
        Sid: 'AmazonEKSClusterPolicySLRCreate',
        Effect: 'Allow',
        Action: ['iam:CreateServiceLinkedRole'],
        Resource: ['*'],
        Condition: { StringEquals: { 'iam:AWSServiceName': ['elasticloadbalancing.amazonaws.com'] } },
      },
    ),
  }),
  managed('AmazonEKSWorkerNodePolicy', {
    awsManaged: true,
    defaultVersionId: 'v3',
    document: doc({
      Sid: 'WorkerNodePermissions',
      Effect: 'Allow',
      Action: [
        'ec2:DescribeInstances',
        'ec2:DescribeInstanceTypes',
        'ec2:DescribeRouteTables',
        'ec2:DescribeSecurityGroups',
        'ec2:DescribeSubnets',
        'ec2:DescribeVolumes',
        'ec2:DescribeVolumesModifications',
        'ec2:DescribeVpcs',
        'eks:DescribeCluster',
        'eks-auth:AssumeRoleForPodIdentity',
      ],
      Resource: ['*'],
    }),
  }),
  managed('AmazonEKS_CNI_Policy', {
    awsManaged: true,
    defaultVersionId: 'v4',
    document: doc(
      {
        Sid: 'AmazonEKSCNIPolicy',
        Effect: 'Allow',
        Action: [
          'ec2:AssignIpv6Addresses',
          'ec2:AssignPrivateIpAddresses',
          'ec2:AttachNetworkInterface',
          'ec2:CreateNetworkInterface',
          'ec2:DeleteNetworkInterface',
          'ec2:DescribeInstances',
          'ec2:DescribeTags',
          'ec2:DescribeNetworkInterfaces',
          'ec2:DescribeInstanceTypes',
          'ec2:DescribeSubnets',
          'ec2:DetachNetworkInterface',
          'ec2:ModifyNetworkInterfaceAttribute',
          'ec2:UnassignPrivateIpAddresses',
        ],
        Resource: ['*'],
      },
      { Sid: 'AmazonEKSCNIPolicyENITag', Effect: 'Allow', Action: ['ec2:CreateTags'], Resource: ['arn:aws:ec2:*:*:network-interface/*'] },
    ),
  }),
  managed('AmazonEC2ContainerRegistryReadOnly', {
    awsManaged: true,
    defaultVersionId: 'v3',
    document: doc({
      Effect: 'Allow',
      Action: [
        'ecr:GetAuthorizationToken',
        'ecr:BatchCheckLayerAvailability',
        'ecr:GetDownloadUrlForLayer',
        'ecr:GetRepositoryPolicy',
        'ecr:DescribeRepositories',
        'ecr:ListImages',
        'ecr:DescribeImages',
        'ecr:BatchGetImage',
        'ecr:GetLifecyclePolicy',
        'ecr:GetLifecyclePolicyPreview',
        'ecr:ListTagsForResource',
        'ecr:DescribeImageScanFindings',
      ],
      Resource: ['*'],
    }),
  }),
  managed('AmazonSSMManagedInstanceCore', {
    awsManaged: true,
    defaultVersionId: 'v2',
    document: doc(
      {
        Effect: 'Allow',
        Action: [
          'ssm:DescribeAssociation',
          'ssm:GetDeployablePatchSnapshotForInstance',
          'ssm:GetDocument',
          'ssm:DescribeDocument',
          'ssm:GetManifest',
          'ssm:GetParameter',
          'ssm:GetParameters',
          'ssm:ListAssociations',
          'ssm:ListInstanceAssociations',
          'ssm:PutInventory',
          'ssm:PutComplianceItems',
          'ssm:PutConfigurePackageResult',
          'ssm:UpdateAssociationStatus',
          'ssm:UpdateInstanceAssociationStatus',
          'ssm:UpdateInstanceInformation',
        ],
        Resource: ['*'],
      },
      {
        Effect: 'Allow',
        Action: ['ssmmessages:CreateControlChannel', 'ssmmessages:CreateDataChannel', 'ssmmessages:OpenControlChannel', 'ssmmessages:OpenDataChannel'],
        Resource: ['*'],
      },
      {
        Effect: 'Allow',
        Action: [
          'ec2messages:AcknowledgeMessage',
          'ec2messages:DeleteMessage',
          'ec2messages:FailMessage',
          'ec2messages:GetEndpoint',
          'ec2messages:GetMessages',
          'ec2messages:SendReply',
        ],
        Resource: ['*'],
      },
    ),
  }),
  managed('AmazonS3ReadOnlyAccess', {
    awsManaged: true,
    defaultVersionId: 'v3',
    document: doc({
      Effect: 'Allow',
      Action: ['s3:Get*', 's3:List*', 's3:Describe*', 's3-object-lambda:Get*', 's3-object-lambda:List*'],
      Resource: ['*'],
    }),
  }),
  // Customer managed full admin (`*:*`), attached directly to a user.
  managed('LegacyOpsAdmin', {
    awsManaged: false,
    defaultVersionId: 'v2',
    document: doc({ Sid: 'FullAccess', Effect: 'Allow', Action: ['*'], Resource: ['*'] }),
  }),
  // "Power user" written with Allow + NotAction: grants every other service, including new ones.
  managed('DeveloperAccess', {
    awsManaged: false,
    defaultVersionId: 'v3',
    document: doc(
      { Sid: 'EverythingButIdentity', Effect: 'Allow', NotAction: ['iam:*', 'organizations:*', 'account:*'], Resource: ['*'] },
      {
        Sid: 'ReadIdentity',
        Effect: 'Allow',
        Action: ['iam:Get*', 'iam:List*', 'organizations:DescribeOrganization', 'account:ListRegions'],
        Resource: ['*'],
      },
    ),
  }),
  managed('AWSCloudShellFullAccess', {
    awsManaged: true,
    defaultVersionId: 'v1',
    document: doc({ Sid: 'CloudShellUser', Effect: 'Allow', Action: ['cloudshell:*'], Resource: ['*'] }),
  }),
  // Least privilege: named read actions only, no service wildcard, no IAM writes, no kms:Decrypt.
  managed('AuditorReadOnly', {
    awsManaged: false,
    defaultVersionId: 'v4',
    document: doc({
      Sid: 'ReadSecurityConfiguration',
      Effect: 'Allow',
      Action: [
        'access-analyzer:GetAnalyzer',
        'access-analyzer:ListAnalyzers',
        'access-analyzer:ListFindings',
        'cloudtrail:DescribeTrails',
        'cloudtrail:GetEventSelectors',
        'cloudtrail:GetTrailStatus',
        'cloudtrail:LookupEvents',
        'ec2:Describe*',
        'eks:Describe*',
        'eks:List*',
        'guardduty:Get*',
        'guardduty:List*',
        'iam:GenerateCredentialReport',
        'iam:GetAccountAuthorizationDetails',
        'iam:GetCredentialReport',
        'kms:DescribeKey',
        'kms:GetKeyPolicy',
        'kms:GetKeyRotationStatus',
        'kms:ListAliases',
        'kms:ListKeys',
        's3:GetBucketLogging',
        's3:GetBucketPolicy',
        's3:GetBucketPolicyStatus',
        's3:GetBucketPublicAccessBlock',
      ],
      Resource: ['*'],
    }),
  }),
  // Written for a data pipeline that was never deployed: attached to nothing, service-wide wildcards.
  managed('DataPipelineAccess', {
    awsManaged: false,
    defaultVersionId: 'v1',
    document: doc(
      {
        Sid: 'DataLakeBuckets',
        Effect: 'Allow',
        Action: ['s3:*'],
        Resource: ['arn:aws:s3:::acme-data-lake-raw', 'arn:aws:s3:::acme-data-lake-raw/*', 'arn:aws:s3:::acme-data-lake-curated', 'arn:aws:s3:::acme-data-lake-curated/*'],
      },
      { Sid: 'GlueJobs', Effect: 'Allow', Action: ['glue:*'], Resource: ['*'] },
    ),
  }),
  // Kept "for the incident runbook": a full-administrator policy one attach call away from use.
  managed('EmergencyAdminAccess', {
    awsManaged: false,
    defaultVersionId: 'v1',
    document: doc({ Sid: 'Everything', Effect: 'Allow', Action: ['*'], Resource: ['*'] }),
  }),
];

const oidcProvider = (arn, url, clientIds, thumbprints, tags) => res('iam.oidc-provider', arn, G, { arn, url, clientIds, thumbprints }, tags);
const EKS_THUMBPRINT = '9e99a48a9960b14926bb7f3b02e22da2b0ab7280';
const oidcProviders = [
  oidcProvider(OIDC.prod.providerArn, OIDC.prod.host, ['sts.amazonaws.com'], [EKS_THUMBPRINT], { 'alpha.eksctl.io/cluster-name': 'prod-platform' }),
  oidcProvider(OIDC.legacy.providerArn, OIDC.legacy.host, ['sts.amazonaws.com'], [EKS_THUMBPRINT]),
  oidcProvider(OIDC.staging.providerArn, OIDC.staging.host, ['sts.amazonaws.com'], [EKS_THUMBPRINT]),
  // Created by eksctl (iam.withOIDC) with the clusters, though neither uses IRSA yet.
  oidcProvider(OIDC.mlExperiments.providerArn, OIDC.mlExperiments.host, ['sts.amazonaws.com'], [EKS_THUMBPRINT], { 'alpha.eksctl.io/cluster-name': 'ml-experiments' }),
  oidcProvider(OIDC.biReporting.providerArn, OIDC.biReporting.host, ['sts.amazonaws.com'], [EKS_THUMBPRINT], { 'alpha.eksctl.io/cluster-name': 'bi-reporting' }),
  // Orphan: its cluster was deleted after the blue/green upgrade. The October clean-up kept it (its
  // eksctl tag made it look owned) and deleted prod-platform-dr's provider instead, which is missing here.
  oidcProvider(OIDC.prodBlue.providerArn, OIDC.prodBlue.host, ['sts.amazonaws.com'], [EKS_THUMBPRINT], { 'alpha.eksctl.io/cluster-name': 'prod-platform-blue' }),
  oidcProvider(GITHUB_OIDC, 'token.actions.githubusercontent.com', ['sts.amazonaws.com'], [
    '6938fd4d98bab03faadb97b34396831e3780aea1',
    '1c58a3a8518e8759bf075b76b750d4f2df264fcd',
  ]),
];

const serverCertificates = [
  res('iam.server-certificate', iamArn('server-certificate', 'legacy-elb-wildcard-2023'), G, {
    name: 'legacy-elb-wildcard-2023',
    arn: iamArn('server-certificate', 'legacy-elb-wildcard-2023'),
    uploadDate: '2023-02-27T10:15:00Z',
    expiration: '2024-03-01T23:59:59Z',
  }),
  res('iam.server-certificate', iamArn('server-certificate', 'api-acme-example-2026'), G, {
    name: 'api-acme-example-2026',
    arn: iamArn('server-certificate', 'api-acme-example-2026'),
    uploadDate: '2026-02-02T09:00:00Z',
    expiration: '2027-02-10T23:59:59Z',
  }),
];

const analyzerArn = (region, name) => `arn:aws:access-analyzer:${region}:${ACCT}:analyzer/${name}`;
const analyzers = [
  res('accessanalyzer.analyzer', analyzerArn(EU, 'external-access-eu-west-1'), EU, {
    name: 'external-access-eu-west-1',
    arn: analyzerArn(EU, 'external-access-eu-west-1'),
    type: 'ACCOUNT',
    status: 'ACTIVE',
  }),
  // us-east-1 only has an unused-access analyzer: nothing reports external access there.
  res('accessanalyzer.analyzer', analyzerArn(US, 'unused-access'), US, {
    name: 'unused-access',
    arn: analyzerArn(US, 'unused-access'),
    type: 'ACCOUNT_UNUSED_ACCESS',
    status: 'ACTIVE',
  }),
  res('accessanalyzer.analyzer', analyzerArn(CE, 'external-access-eu-central-1'), CE, {
    name: 'external-access-eu-central-1',
    arn: analyzerArn(CE, 'external-access-eu-central-1'),
    type: 'ACCOUNT',
    status: 'ACTIVE',
  }),
  // ap-southeast-2 has no analyzer at all.
];

// ================================================================= EC2
const vpcs = [
  res('ec2.vpc', ec2Arn(EU, `vpc/${VPC.platform}`), EU, { vpcId: VPC.platform, cidrBlocks: ['10.20.0.0/16'], ipv6CidrBlocks: [], isDefault: false, state: 'available' }, { Name: 'platform' }),
  // The default VPC is still there in eu-west-1, with a flow log of accepted traffic only.
  res('ec2.vpc', ec2Arn(EU, `vpc/${VPC.euDefault}`), EU, { vpcId: VPC.euDefault, cidrBlocks: ['172.31.0.0/16'], ipv6CidrBlocks: [], isDefault: true, state: 'available' }),
  // us-east-1's default VPC was deleted; this dual-stack VPC runs legacy-apps.
  res('ec2.vpc', ec2Arn(US, `vpc/${VPC.legacy}`), US, { vpcId: VPC.legacy, cidrBlocks: ['10.0.0.0/16'], ipv6CidrBlocks: ['2600:1f18:4a2:9f00::/56'], isDefault: false, state: 'available' }, { Name: 'legacy' }),
  // The standby region's only VPC, built from the hardened baseline for prod-platform-dr.
  res('ec2.vpc', ec2Arn(CE, `vpc/${VPC.dr}`), CE, { vpcId: VPC.dr, cidrBlocks: ['10.40.0.0/16'], ipv6CidrBlocks: [], isDefault: false, state: 'available' }, { Name: 'platform-dr' }),
];

const subnet = (region, id, vpcId, cidr, az, mapPublic, name, extra = {}) =>
  res('ec2.subnet', ec2Arn(region, `subnet/${id}`), region, {
    subnetId: id,
    vpcId,
    cidrBlock: cidr,
    ipv6CidrBlocks: extra.ipv6 ?? [],
    availabilityZone: az,
    mapPublicIpOnLaunch: mapPublic,
    assignIpv6AddressOnCreation: extra.assignIpv6 ?? false,
  }, name ? { Name: name, ...(extra.tags ?? {}) } : undefined);
const subnets = [
  subnet(EU, SUBNET.privA, VPC.platform, '10.20.0.0/19', 'eu-west-1a', false, 'platform-private-a', { tags: { 'kubernetes.io/role/internal-elb': '1' } }),
  subnet(EU, SUBNET.privB, VPC.platform, '10.20.32.0/19', 'eu-west-1b', false, 'platform-private-b', { tags: { 'kubernetes.io/role/internal-elb': '1' } }),
  subnet(EU, SUBNET.privC, VPC.platform, '10.20.64.0/19', 'eu-west-1c', false, 'platform-private-c', { tags: { 'kubernetes.io/role/internal-elb': '1' } }),
  subnet(EU, SUBNET.pubA, VPC.platform, '10.20.96.0/22', 'eu-west-1a', true, 'platform-public-a', { tags: { 'kubernetes.io/role/elb': '1' } }),
  subnet(EU, SUBNET.euDefaultA, VPC.euDefault, '172.31.0.0/20', 'eu-west-1a', true, undefined),
  subnet(US, SUBNET.legacyPubA, VPC.legacy, '10.0.0.0/24', 'us-east-1a', true, 'legacy-public-a', { ipv6: ['2600:1f18:4a2:9f00::/64'], assignIpv6: true }),
  subnet(US, SUBNET.legacyPubB, VPC.legacy, '10.0.1.0/24', 'us-east-1b', true, 'legacy-public-b', { ipv6: ['2600:1f18:4a2:9f01::/64'], assignIpv6: true }),
  subnet(US, SUBNET.legacyPrivA, VPC.legacy, '10.0.10.0/24', 'us-east-1a', false, 'legacy-private-a'),
  subnet(CE, SUBNET.drPrivA, VPC.dr, '10.40.0.0/19', 'eu-central-1a', false, 'platform-dr-private-a', { tags: { 'kubernetes.io/role/internal-elb': '1' } }),
  subnet(CE, SUBNET.drPrivB, VPC.dr, '10.40.32.0/19', 'eu-central-1b', false, 'platform-dr-private-b', { tags: { 'kubernetes.io/role/internal-elb': '1' } }),
];

const sg = (region, groupId, groupName, vpcId, description, ingress, egress, tags) =>
  res('ec2.security-group', ec2Arn(region, `security-group/${groupId}`), region, { groupId, groupName, vpcId, description, ingress, egress }, tags);
const egressAll = [allTraffic(v4('0.0.0.0/0'))];
const securityGroups = [
  sg(EU, SG.prodCluster, 'eks-cluster-sg-prod-platform-1849302716', VPC.platform, 'EKS created security group applied to ENI that is attached to EKS Control Plane master nodes, as well as any managed workloads.',
    [allTraffic(sgPeer(SG.prodCluster))], egressAll, { 'aws:eks:cluster-name': 'prod-platform' }),
  // Additional control-plane group: 443 from the VPC and from the corporate prefix list only; egress to the VPC.
  sg(EU, SG.prodControlPlane, 'prod-platform-control-plane', VPC.platform, 'prod-platform API access',
    [tcp(443, 443, v4('10.20.0.0/16'), 'in-VPC kubectl and nodes'), tcp(443, 443, { type: 'prefix-list', prefixListId: CORP_PL }, 'corporate VPN')],
    [allTraffic(v4('10.20.0.0/16'))]),
  sg(EU, SG.stagingCluster, 'eks-cluster-sg-data-staging-2093847561', VPC.platform, 'EKS created security group applied to ENI that is attached to EKS Control Plane master nodes, as well as any managed workloads.',
    [allTraffic(sgPeer(SG.stagingCluster))], egressAll, { 'aws:eks:cluster-name': 'data-staging' }),
  // The default group of the default VPC still allows traffic.
  sg(EU, SG.euDefault, 'default', VPC.euDefault, 'default VPC security group', [allTraffic(sgPeer(SG.euDefault))], egressAll),
  sg(EU, SG.bastion, 'bastion-ssh', VPC.euDefault, 'SSH to the bastion',
    [tcp(22, 22, v4('0.0.0.0/0')), tcp(22, 22, v6('::/0'))], egressAll),
  // legacy-apps' cluster group was opened to the internet on the kubelet port for a hosted
  // monitoring agent that scraped the nodes directly.
  sg(US, SG.legacyCluster, 'eks-cluster-sg-legacy-apps-1120394857', VPC.legacy, 'EKS created security group applied to ENI that is attached to EKS Control Plane master nodes, as well as any managed workloads.',
    [allTraffic(sgPeer(SG.legacyCluster)), tcp(10250, 10250, v4('0.0.0.0/0'), 'kubelet metrics for hosted monitoring')],
    [allTraffic(v4('0.0.0.0/0')), allTraffic(v6('::/0'))], { 'aws:eks:cluster-name': 'legacy-apps' }),
  // NodePorts opened to the internet on both address families.
  sg(US, SG.legacyNodes, 'legacy-apps-nodes', VPC.legacy, 'legacy-apps worker nodes',
    [tcp(30000, 32767, v4('0.0.0.0/0'), 'NodePort services'), tcp(30000, 32767, v6('::/0'), 'NodePort services'), allTraffic(sgPeer(SG.legacyCluster))],
    [allTraffic(v4('0.0.0.0/0')), allTraffic(v6('::/0'))]),
  // Created by EKS for the node group's remoteAccess with no source security groups: SSH from anywhere.
  sg(US, SG.legacyRemoteAccess, 'eks-remoteAccess-4ac5b1e0-9f2d-7c3a-1e8b-5d6f7a8b9c0d', VPC.legacy, 'Security group for all nodes in the nodeGroup to allow SSH access',
    [tcp(22, 22, v4('0.0.0.0/0'))], egressAll, { 'eks:nodegroup-name': 'workers', 'eks:cluster-name': 'legacy-apps' }),
  // The platform VPC's default group has had every rule removed (what CIS asks for).
  sg(EU, SG.platformDefault, 'default', VPC.platform, 'default VPC security group', [], []),
  // The legacy VPC's default group keeps its stock rules.
  sg(US, SG.legacyDefault, 'default', VPC.legacy, 'default VPC security group', [allTraffic(sgPeer(SG.legacyDefault))], egressAll),
  // Left behind by the console's launch wizard and "opened up" while debugging: every protocol and
  // port from anywhere (RDP included). Nothing uses it any more.
  sg(EU, SG.launchWizard, 'launch-wizard-1', VPC.euDefault, 'launch-wizard-1 created 2024-02-19T14:22:07.118Z',
    [allTraffic(v4('0.0.0.0/0'), 'debug')], egressAll),
  // SSH only from the ops prefix list, which looks safe until you read the list: it holds 0.0.0.0/0.
  sg(EU, SG.opsSsh, 'ops-ssh', VPC.platform, 'SSH from the ops networks',
    [tcp(22, 22, { type: 'prefix-list', prefixListId: OPS_PL }, 'ops-admin-networks')], egressAll),
  // The reporting database, reachable on 5432 from the nodes and, "temporarily", from the internet.
  sg(US, SG.legacyPostgres, 'legacy-apps-postgres', VPC.legacy, 'legacy-apps reporting database',
    [tcp(5432, 5432, sgPeer(SG.legacyNodes), 'legacy-apps nodes'), tcp(5432, 5432, v4('0.0.0.0/0'), 'BI vendor, temporary')],
    egressAll, { app: 'reporting' }),
  sg(EU, SG.mlExperimentsCluster, 'eks-cluster-sg-ml-experiments-3390185274', VPC.platform, 'EKS created security group applied to ENI that is attached to EKS Control Plane master nodes, as well as any managed workloads.',
    [allTraffic(sgPeer(SG.mlExperimentsCluster))], egressAll, { 'aws:eks:cluster-name': 'ml-experiments' }),
  sg(EU, SG.biReportingCluster, 'eks-cluster-sg-bi-reporting-1757204419', VPC.platform, 'EKS created security group applied to ENI that is attached to EKS Control Plane master nodes, as well as any managed workloads.',
    [allTraffic(sgPeer(SG.biReportingCluster))], egressAll, { 'aws:eks:cluster-name': 'bi-reporting' }),
  sg(CE, SG.drCluster, 'eks-cluster-sg-prod-platform-dr-6048813927', VPC.dr, 'EKS created security group applied to ENI that is attached to EKS Control Plane master nodes, as well as any managed workloads.',
    [allTraffic(sgPeer(SG.drCluster))], egressAll, { 'aws:eks:cluster-name': 'prod-platform-dr' }),
  // The baseline strips the default group of every rule.
  sg(CE, SG.drDefault, 'default', VPC.dr, 'default VPC security group', [], []),
];

const naclArn = (region, id) => ec2Arn(region, `network-acl/${id}`);
const allowAll = (cidrType, cidr, base) => [nacl(base, false, 'allow', '-1', { type: cidrType, cidr }), nacl(base, true, 'allow', '-1', { type: cidrType, cidr })];
// The implicit "*" rule: 32767 for IPv4, 32768 for IPv6, as DescribeNetworkAcls lists them.
const denyRest = (cidrType, cidr) => {
  const n = cidrType === 'ipv6' ? 32768 : 32767;
  return [nacl(n, false, 'deny', '-1', { type: cidrType, cidr }), nacl(n, true, 'deny', '-1', { type: cidrType, cidr })];
};
const networkAcls = [
  // The platform VPC's default ACL allows everything; no subnet uses it any more.
  res('ec2.network-acl', naclArn(EU, NACL.platformDefault), EU, {
    networkAclId: NACL.platformDefault,
    vpcId: VPC.platform,
    isDefault: true,
    associatedSubnetIds: [],
    entries: [...allowAll('ipv4', '0.0.0.0/0', 100), ...denyRest('ipv4', '0.0.0.0/0')],
  }),
  // Public subnet: a lower-numbered deny keeps the internet off SSH (rules are read in order, the
  // first match wins), but RDP and everything else fall through to the allow-all at 100.
  res('ec2.network-acl', naclArn(EU, NACL.platformPublic), EU, {
    networkAclId: NACL.platformPublic,
    vpcId: VPC.platform,
    isDefault: false,
    associatedSubnetIds: [SUBNET.pubA],
    entries: [
      nacl(90, false, 'deny', '6', v4('0.0.0.0/0'), [22, 22]),
      ...allowAll('ipv4', '0.0.0.0/0', 100),
      ...denyRest('ipv4', '0.0.0.0/0'),
    ],
  }, { Name: 'platform-public' }),
  // Prepared for isolating compromised subnets, never associated with any.
  res('ec2.network-acl', naclArn(EU, NACL.platformQuarantine), EU, {
    networkAclId: NACL.platformQuarantine,
    vpcId: VPC.platform,
    isDefault: false,
    associatedSubnetIds: [],
    entries: [...denyRest('ipv4', '0.0.0.0/0')],
  }, { Name: 'platform-quarantine' }),
  // Private subnets: VPC traffic, and only return traffic (Linux ephemeral ports) from the internet.
  res('ec2.network-acl', naclArn(EU, NACL.platformPrivate), EU, {
    networkAclId: NACL.platformPrivate,
    vpcId: VPC.platform,
    isDefault: false,
    associatedSubnetIds: [SUBNET.privA, SUBNET.privB, SUBNET.privC],
    entries: [
      nacl(100, false, 'allow', '-1', v4('10.20.0.0/16')),
      nacl(110, false, 'allow', '6', v4('0.0.0.0/0'), [32768, 65535]),
      nacl(120, false, 'allow', '17', v4('0.0.0.0/0'), [32768, 65535]),
      nacl(100, true, 'allow', '-1', v4('0.0.0.0/0')),
      ...denyRest('ipv4', '0.0.0.0/0'),
    ],
  }, { Name: 'platform-private' }),
  res('ec2.network-acl', naclArn(EU, NACL.euDefault), EU, {
    networkAclId: NACL.euDefault,
    vpcId: VPC.euDefault,
    isDefault: true,
    associatedSubnetIds: [SUBNET.euDefaultA],
    entries: [...allowAll('ipv4', '0.0.0.0/0', 100), ...denyRest('ipv4', '0.0.0.0/0')],
  }),
  // The standby VPC keeps its default ACL on both subnets (allow all); its security groups do the filtering.
  res('ec2.network-acl', naclArn(CE, NACL.drDefault), CE, {
    networkAclId: NACL.drDefault,
    vpcId: VPC.dr,
    isDefault: true,
    associatedSubnetIds: [SUBNET.drPrivA, SUBNET.drPrivB],
    entries: [...allowAll('ipv4', '0.0.0.0/0', 100), ...denyRest('ipv4', '0.0.0.0/0')],
  }),
  // Dual-stack default ACL: everything allowed from 0.0.0.0/0 and ::/0, SSH and RDP included.
  res('ec2.network-acl', naclArn(US, NACL.legacyDefault), US, {
    networkAclId: NACL.legacyDefault,
    vpcId: VPC.legacy,
    isDefault: true,
    associatedSubnetIds: [SUBNET.legacyPubA, SUBNET.legacyPubB, SUBNET.legacyPrivA],
    entries: [
      ...allowAll('ipv4', '0.0.0.0/0', 100),
      ...allowAll('ipv6', '::/0', 101),
      ...denyRest('ipv4', '0.0.0.0/0'),
      ...denyRest('ipv6', '::/0'),
    ],
  }),
];

const flowLogs = [
  res('ec2.flow-log', ec2Arn(EU, 'vpc-flow-log/fl-0a1b2c3d4e5f60789'), EU, {
    flowLogId: 'fl-0a1b2c3d4e5f60789',
    resourceId: VPC.platform,
    trafficType: 'ALL',
    status: 'ACTIVE',
    deliverLogsStatus: 'SUCCESS',
    destinationType: 'cloud-watch-logs',
  }),
  // Only rejected traffic is logged for the legacy VPC.
  res('ec2.flow-log', ec2Arn(US, 'vpc-flow-log/fl-0b2c3d4e5f6071890'), US, {
    flowLogId: 'fl-0b2c3d4e5f6071890',
    resourceId: VPC.legacy,
    trafficType: 'REJECT',
    status: 'ACTIVE',
    deliverLogsStatus: 'SUCCESS',
    destinationType: 's3',
  }),
  res('ec2.flow-log', ec2Arn(CE, 'vpc-flow-log/fl-0d4e5f60718293a12'), CE, {
    flowLogId: 'fl-0d4e5f60718293a12',
    resourceId: VPC.dr,
    trafficType: 'ALL',
    status: 'ACTIVE',
    deliverLogsStatus: 'SUCCESS',
    destinationType: 'cloud-watch-logs',
  }),
  // Set up to watch the bastion's connections: accepted traffic only, so rejected probes leave no trace.
  res('ec2.flow-log', ec2Arn(EU, 'vpc-flow-log/fl-0c3d4e5f607182901'), EU, {
    flowLogId: 'fl-0c3d4e5f607182901',
    resourceId: VPC.euDefault,
    trafficType: 'ACCEPT',
    status: 'ACTIVE',
    deliverLogsStatus: 'SUCCESS',
    destinationType: 'cloud-watch-logs',
  }),
];

const instances = [
  // prod-platform node: IMDSv2 only with hop limit 1 (pods cannot reach the node role), encrypted root volume.
  res('ec2.instance', ec2Arn(EU, `instance/${INSTANCE.prodNode}`), EU, {
    instanceId: INSTANCE.prodNode,
    state: 'running',
    vpcId: VPC.platform,
    subnetId: SUBNET.privA,
    imageId: 'ami-0f3a9d6c1b2e47a85',
    metadataOptions: { httpTokens: 'required', httpPutResponseHopLimit: 1, httpEndpoint: 'enabled' },
    iamInstanceProfileArn: iamArn('instance-profile', 'eks-7ac5e1f2-3b4d-5e6f-7a8b-9c0d1e2f3a4b'),
    securityGroupIds: [SG.prodCluster],
    launchTemplate: { launchTemplateId: LT.prod, version: '3' },
    volumeIds: [VOLUME.prodNode],
    launchedAt: '2026-11-04T06:12:40Z',
  }, { 'eks:cluster-name': 'prod-platform', 'eks:nodegroup-name': 'system' }),
  // Old bastion in the default VPC: IMDSv1 allowed, public address, SSH open, unencrypted volume.
  res('ec2.instance', ec2Arn(EU, `instance/${INSTANCE.bastion}`), EU, {
    instanceId: INSTANCE.bastion,
    state: 'running',
    vpcId: VPC.euDefault,
    subnetId: SUBNET.euDefaultA,
    imageId: 'ami-0d71ea30463e0ff8d',
    metadataOptions: { httpTokens: 'optional', httpPutResponseHopLimit: 1, httpEndpoint: 'enabled' },
    publicIpAddress: '34.245.17.88',
    associatePublicIp: true,
    securityGroupIds: [SG.bastion],
    volumeIds: [VOLUME.bastion],
    launchedAt: '2021-06-14T09:02:30Z',
  }, { Name: 'bastion' }),
  // legacy-apps node: IMDSv1 with hop limit 2 (pods can steal node credentials), public subnet.
  res('ec2.instance', ec2Arn(US, `instance/${INSTANCE.legacyNode}`), US, {
    instanceId: INSTANCE.legacyNode,
    state: 'running',
    vpcId: VPC.legacy,
    subnetId: SUBNET.legacyPubA,
    imageId: 'ami-0b7c4a1e9d2f36a58',
    metadataOptions: { httpTokens: 'optional', httpPutResponseHopLimit: 2, httpEndpoint: 'enabled' },
    publicIpAddress: '3.91.22.140',
    associatePublicIp: true,
    iamInstanceProfileArn: iamArn('instance-profile', 'eks-4ac5b1e0-9f2d-7c3a-1e8b-5d6f7a8b9c0d'),
    securityGroupIds: [SG.legacyCluster, SG.legacyNodes, SG.legacyRemoteAccess],
    launchTemplate: { launchTemplateId: LT.legacyEks, version: '1' },
    volumeIds: [VOLUME.legacyNode],
    launchedAt: '2026-03-24T02:11:09Z',
  }, { 'eks:cluster-name': 'legacy-apps', 'eks:nodegroup-name': 'workers' }),
  // data-staging node launched by Karpenter: IMDSv2 is required, but the node class raised the hop
  // limit to 2, so pods can still fetch a token and borrow the node role.
  res('ec2.instance', ec2Arn(EU, `instance/${INSTANCE.stagingKarpenter}`), EU, {
    instanceId: INSTANCE.stagingKarpenter,
    state: 'running',
    vpcId: VPC.platform,
    subnetId: SUBNET.privC,
    imageId: 'ami-0e2b7c9d4a1f36b58',
    metadataOptions: { httpTokens: 'required', httpPutResponseHopLimit: 2, httpEndpoint: 'enabled' },
    iamInstanceProfileArn: iamArn('instance-profile', 'data-staging_8421937465012345678'),
    securityGroupIds: [SG.stagingCluster],
    volumeIds: [VOLUME.stagingKarpenter],
    launchedAt: '2026-11-19T22:41:05Z',
  }, { 'eks:eks-cluster-name': 'data-staging', 'karpenter.sh/nodepool': 'spark', 'kubernetes.io/cluster/data-staging': 'owned' }),
];

const ltArn = (region, id) => ec2Arn(region, `launch-template/${id}`);
const launchTemplates = [
  res('ec2.launch-template', ltArn(EU, LT.prod), EU, {
    launchTemplateId: LT.prod,
    name: 'prod-platform-nodes',
    defaultVersion: 3,
    latestVersion: 3,
    versions: [
      {
        versionNumber: 3,
        metadataOptions: { httpTokens: 'required', httpPutResponseHopLimit: 1, httpEndpoint: 'enabled' },
        blockDevices: [{ deviceName: '/dev/xvda', encrypted: true, kmsKeyId: KEY.euEbs, volumeType: 'gp3', volumeSize: 80 }],
        securityGroupIds: [SG.prodCluster],
        hasUserData: false,
      },
    ],
  }),
  // The node group pins version 1 (no metadata options, unencrypted disk, SSH key);
  // version 2 fixes both but was never rolled out.
  res('ec2.launch-template', ltArn(EU, LT.staging), EU, {
    launchTemplateId: LT.staging,
    name: 'data-staging-nodes',
    defaultVersion: 1,
    latestVersion: 2,
    versions: [
      {
        versionNumber: 1,
        blockDevices: [{ deviceName: '/dev/xvda', encrypted: false, volumeType: 'gp2', volumeSize: 100 }],
        securityGroupIds: [SG.stagingCluster],
        keyName: 'data-team-2023',
        hasUserData: true,
      },
      {
        versionNumber: 2,
        metadataOptions: { httpTokens: 'required', httpPutResponseHopLimit: 1, httpEndpoint: 'enabled' },
        blockDevices: [{ deviceName: '/dev/xvda', encrypted: true, kmsKeyId: KEY.euEbs, volumeType: 'gp3', volumeSize: 100 }],
        securityGroupIds: [SG.stagingCluster],
        hasUserData: true,
      },
    ],
  }),
  // Launch template EKS generated for the legacy-apps managed node group.
  res('ec2.launch-template', ltArn(US, LT.legacyEks), US, {
    launchTemplateId: LT.legacyEks,
    name: 'eks-4ac5b1e0-9f2d-7c3a-1e8b-5d6f7a8b9c0d',
    defaultVersion: 1,
    latestVersion: 1,
    versions: [
      {
        versionNumber: 1,
        metadataOptions: { httpTokens: 'optional', httpPutResponseHopLimit: 2, httpEndpoint: 'enabled' },
        blockDevices: [{ deviceName: '/dev/xvda', encrypted: false, volumeType: 'gp2', volumeSize: 20 }],
        securityGroupIds: [SG.legacyCluster, SG.legacyRemoteAccess],
        imageId: 'ami-0b7c4a1e9d2f36a58',
        keyName: 'legacy-ops',
        hasUserData: true,
      },
    ],
  }, { 'eks:cluster-name': 'legacy-apps', 'eks:nodegroup-name': 'workers' }),
  // The ops toolbox the team launches on demand: hardened metadata and disk, but every instance
  // gets a public address (AssociatePublicIpAddress on its network interface).
  res('ec2.launch-template', ltArn(EU, LT.opsToolbox), EU, {
    launchTemplateId: LT.opsToolbox,
    name: 'ops-toolbox',
    defaultVersion: 2,
    latestVersion: 2,
    versions: [
      {
        versionNumber: 2,
        metadataOptions: { httpTokens: 'required', httpPutResponseHopLimit: 1, httpEndpoint: 'enabled' },
        blockDevices: [{ deviceName: '/dev/xvda', encrypted: true, kmsKeyId: KEY.euEbs, volumeType: 'gp3', volumeSize: 30 }],
        associatePublicIp: true,
        securityGroupIds: [SG.opsSsh],
        imageId: 'ami-0f3a9d6c1b2e47a85',
        keyName: 'ops-2025',
        hasUserData: true,
      },
    ],
  }, { team: 'ops' }),
];

const volumes = [
  res('ec2.volume', ec2Arn(EU, `volume/${VOLUME.prodNode}`), EU, {
    volumeId: VOLUME.prodNode, encrypted: true, kmsKeyId: KEY.euEbs, volumeType: 'gp3', state: 'in-use', attachedInstanceIds: [INSTANCE.prodNode],
  }),
  res('ec2.volume', ec2Arn(EU, `volume/${VOLUME.bastion}`), EU, {
    volumeId: VOLUME.bastion, encrypted: false, volumeType: 'gp2', state: 'in-use', attachedInstanceIds: [INSTANCE.bastion],
  }),
  res('ec2.volume', ec2Arn(US, `volume/${VOLUME.legacyNode}`), US, {
    volumeId: VOLUME.legacyNode, encrypted: false, volumeType: 'gp2', state: 'in-use', attachedInstanceIds: [INSTANCE.legacyNode],
  }),
  res('ec2.volume', ec2Arn(EU, `volume/${VOLUME.stagingKarpenter}`), EU, {
    volumeId: VOLUME.stagingKarpenter, encrypted: true, kmsKeyId: KEY.euEbs, volumeType: 'gp3', state: 'in-use', attachedInstanceIds: [INSTANCE.stagingKarpenter],
  }),
];

const eni = (region, id, fields) => res('ec2.network-interface', ec2Arn(region, `network-interface/${id}`), region, { networkInterfaceId: id, ...fields });
const networkInterfaces = [
  // A control-plane ENI EKS placed in the prod-platform subnets.
  eni(EU, 'eni-0a1b2c3d4e5f60a01', { subnetId: SUBNET.privB, vpcId: VPC.platform, interfaceType: 'interface', securityGroupIds: [SG.prodCluster, SG.prodControlPlane] }),
  eni(EU, 'eni-0b2c3d4e5f6071b02', { subnetId: SUBNET.euDefaultA, vpcId: VPC.euDefault, interfaceType: 'interface', securityGroupIds: [SG.bastion], attachedInstanceId: INSTANCE.bastion, publicIp: '34.245.17.88' }),
  eni(US, 'eni-0c3d4e5f607182c03', {
    subnetId: SUBNET.legacyPubA, vpcId: VPC.legacy, interfaceType: 'interface',
    securityGroupIds: [SG.legacyCluster, SG.legacyNodes, SG.legacyRemoteAccess], attachedInstanceId: INSTANCE.legacyNode, publicIp: '3.91.22.140',
  }),
  // The publicly accessible RDS instance behind legacy-apps-postgres (RDS owns the interface).
  eni(US, 'eni-0d4e5f60718293d04', {
    subnetId: SUBNET.legacyPubB, vpcId: VPC.legacy, interfaceType: 'interface',
    securityGroupIds: [SG.legacyPostgres], publicIp: '54.166.201.37', requesterId: 'amazon-rds',
  }),
];

const prefixLists = [
  res('ec2.prefix-list', ec2Arn(EU, `prefix-list/${CORP_PL}`), EU, {
    prefixListId: CORP_PL, name: 'corp-vpn-egress', ownerId: ACCT, addressFamily: 'IPv4', cidrs: ['203.0.113.0/24', '198.51.100.0/25'],
  }),
  // Office and VPN ranges, plus 0.0.0.0/0 added during an incident and never removed.
  res('ec2.prefix-list', ec2Arn(EU, `prefix-list/${OPS_PL}`), EU, {
    prefixListId: OPS_PL, name: 'ops-admin-networks', ownerId: ACCT, addressFamily: 'IPv4', cidrs: ['198.51.100.0/25', '203.0.113.0/24', '0.0.0.0/0'],
  }),
  // AWS-managed S3 prefix list (owner "AWS").
  res('ec2.prefix-list', `arn:aws:ec2:${US}:aws:prefix-list/pl-63a5400a`, US, {
    prefixListId: 'pl-63a5400a', name: 'com.amazonaws.us-east-1.s3', ownerId: 'AWS', addressFamily: 'IPv4',
    cidrs: ['3.5.0.0/19', '16.15.192.0/18', '52.216.0.0/15', '54.231.0.0/16'],
  }),
];

const regionSettings = [
  res('ec2.region-settings', ec2Arn(EU, 'region-settings'), EU, {
    ebsEncryptionByDefault: true,
    ebsDefaultKmsKeyId: KEY.euEbs,
    imdsDefaults: { httpTokens: 'required', httpPutResponseHopLimit: 2 },
  }),
  res('ec2.region-settings', ec2Arn(US, 'region-settings'), US, {
    ebsEncryptionByDefault: false,
    imdsDefaults: { httpTokens: 'no-preference' },
  }),
  // Account defaults nobody changed in the pilot region.
  res('ec2.region-settings', ec2Arn(AP, 'region-settings'), AP, {
    ebsEncryptionByDefault: false,
    imdsDefaults: { httpTokens: 'no-preference' },
  }),
  // The standby region was set up from the hardened baseline (the AWS managed EBS key).
  res('ec2.region-settings', ec2Arn(CE, 'region-settings'), CE, {
    ebsEncryptionByDefault: true,
    imdsDefaults: { httpTokens: 'required', httpPutResponseHopLimit: 1 },
  }),
];

// ================================================================= KMS
const eksSecretsKeyPolicy = (region) =>
  doc(rootAdminStatement, {
    Sid: 'AllowEksClusterRoleViaEks',
    Effect: 'Allow',
    Principal: { AWS: [iamArn('role', 'eksClusterRole')] },
    Action: ['kms:Encrypt', 'kms:Decrypt', 'kms:DescribeKey', 'kms:CreateGrant'],
    Resource: ['*'],
    Condition: { StringEquals: { 'kms:ViaService': [`eks.${region}.amazonaws.com`], 'kms:CallerAccount': [ACCT] } },
  });
const key = (region, arn, fields, tags) => res('kms.key', arn, region, { keyId: arn.slice(arn.lastIndexOf('/') + 1), arn, ...fields }, tags);
const symmetric = { keySpec: 'SYMMETRIC_DEFAULT', keyUsage: 'ENCRYPT_DECRYPT', keyMaterialOrigin: 'AWS_KMS', multiRegion: false };
const kmsKeys = [
  key(EU, KEY.prodSecrets, {
    description: 'prod-platform Kubernetes secrets envelope encryption',
    keyManager: 'CUSTOMER', keyState: 'Enabled', ...symmetric,
    rotationEnabled: true, rotationPeriodDays: 365,
    policy: eksSecretsKeyPolicy(EU),
    aliases: ['alias/eks/prod-platform'],
    createdAt: '2024-03-12T13:58:02Z',
  }, { cluster: 'prod-platform' }),
  // Used by data-staging, but automatic rotation was never turned on.
  key(EU, KEY.stagingSecrets, {
    description: 'data-staging secrets',
    keyManager: 'CUSTOMER', keyState: 'Enabled', ...symmetric,
    rotationEnabled: false,
    policy: doc(rootAdminStatement),
    aliases: ['alias/eks/data-staging'],
    createdAt: '2025-02-17T11:20:45Z',
  }, { cluster: 'data-staging' }),
  // AWS managed EBS key: Principal "*" restricted by CallerAccount and ViaService conditions.
  key(EU, KEY.euEbs, {
    description: 'Default key that protects my EBS volumes when no other key is defined',
    keyManager: 'AWS', keyState: 'Enabled', ...symmetric,
    rotationEnabled: true, rotationPeriodDays: 365,
    policy: doc(
      {
        Sid: 'Allow access through EBS for all principals in the account that are authorized to use EBS',
        Effect: 'Allow',
        Principal: { AWS: ['*'] },
        Action: ['kms:Encrypt', 'kms:Decrypt', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:CreateGrant', 'kms:DescribeKey'],
        Resource: ['*'],
        Condition: { StringEquals: { 'kms:CallerAccount': [ACCT], 'kms:ViaService': [`ec2.${EU}.amazonaws.com`] } },
      },
      {
        Sid: 'Allow direct access to key metadata to the account',
        Effect: 'Allow',
        Principal: { AWS: [`arn:aws:iam::${ACCT}:root`] },
        Action: ['kms:Describe*', 'kms:Get*', 'kms:List*', 'kms:RevokeGrant'],
        Resource: ['*'],
      },
    ),
    aliases: ['alias/aws/ebs'],
    createdAt: '2019-11-05T08:00:00Z',
  }),
  // Asymmetric signing key: rotation does not apply (field absent).
  key(EU, KEY.signing, {
    description: 'cosign image signing',
    keyManager: 'CUSTOMER', keyState: 'Enabled', keySpec: 'ECC_NIST_P256', keyUsage: 'SIGN_VERIFY', keyMaterialOrigin: 'AWS_KMS', multiRegion: false,
    policy: doc(rootAdminStatement, {
      Sid: 'AllowSigningFromCi',
      Effect: 'Allow',
      Principal: { AWS: [iamArn('role', 'github-actions-deploy')] },
      Action: ['kms:Sign', 'kms:GetPublicKey', 'kms:DescribeKey'],
      Resource: ['*'],
    }),
    aliases: ['alias/cosign-image-signing'],
    createdAt: '2025-03-10T08:30:00Z',
  }),
  // CloudTrail key with a least-privilege policy for the account-audit trail.
  key(US, KEY.trail, {
    description: 'CloudTrail account-audit log encryption',
    keyManager: 'CUSTOMER', keyState: 'Enabled', ...symmetric,
    rotationEnabled: true, rotationPeriodDays: 180,
    policy: doc(
      rootAdminStatement,
      {
        Sid: 'AllowCloudTrailToEncryptLogs',
        Effect: 'Allow',
        Principal: { Service: ['cloudtrail.amazonaws.com'] },
        Action: ['kms:GenerateDataKey*'],
        Resource: ['*'],
        Condition: {
          StringEquals: { 'aws:SourceArn': [`arn:aws:cloudtrail:${US}:${ACCT}:trail/account-audit`] },
          StringLike: { 'kms:EncryptionContext:aws:cloudtrail:arn': [`arn:aws:cloudtrail:*:${ACCT}:trail/*`] },
        },
      },
      {
        Sid: 'AllowCloudTrailToDescribeKey',
        Effect: 'Allow',
        Principal: { Service: ['cloudtrail.amazonaws.com'] },
        Action: ['kms:DescribeKey'],
        Resource: ['*'],
      },
    ),
    aliases: ['alias/cloudtrail/account-audit'],
    createdAt: '2023-01-09T10:00:00Z',
  }),
  // Shared legacy key whose policy lets any AWS principal anywhere use it.
  key(US, KEY.legacyShared, {
    description: 'shared key for legacy apps',
    keyManager: 'CUSTOMER', keyState: 'Enabled', ...symmetric,
    rotationEnabled: false,
    policy: doc(rootAdminStatement, {
      Sid: 'AllowUseByEveryone',
      Effect: 'Allow',
      Principal: { AWS: ['*'] },
      Action: ['kms:Encrypt', 'kms:Decrypt', 'kms:GenerateDataKey*', 'kms:DescribeKey'],
      Resource: ['*'],
    }),
    aliases: ['alias/legacy-shared'],
    createdAt: '2020-07-22T15:40:00Z',
  }),
  // Scheduled for deletion.
  key(US, KEY.oldReporting, {
    description: 'old reporting pipeline',
    keyManager: 'CUSTOMER', keyState: 'PendingDeletion', ...symmetric,
    rotationEnabled: false,
    deletionDate: '2026-12-04T00:00:00Z',
    pendingWindowDays: 30,
    policy: doc(rootAdminStatement),
    aliases: ['alias/old-reporting'],
    createdAt: '2022-09-30T12:00:00Z',
  }),
  // Exports for the analytics account: that account may decrypt, but only through S3 in eu-west-1.
  key(EU, KEY.analyticsExports, {
    description: 'analytics exports shared with the analytics account',
    keyManager: 'CUSTOMER', keyState: 'Enabled', ...symmetric,
    rotationEnabled: true, rotationPeriodDays: 365,
    policy: doc(rootAdminStatement, {
      Sid: 'AllowAnalyticsAccountViaS3',
      Effect: 'Allow',
      Principal: { AWS: [`arn:aws:iam::${ANALYTICS}:root`] },
      Action: ['kms:Decrypt', 'kms:DescribeKey'],
      Resource: ['*'],
      Condition: { StringEquals: { 'kms:ViaService': [`s3.${EU}.amazonaws.com`] } },
    }),
    aliases: ['alias/analytics-exports'],
    createdAt: '2024-10-07T09:40:00Z',
  }, { owner: 'data' }),
  // Disabled after the backup migration instead of being scheduled for deletion; its policy still
  // lets the old backup account use it for anything, through any service.
  key(US, KEY.backupReplication, {
    description: 'cross-account backup replication (retired)',
    keyManager: 'CUSTOMER', keyState: 'Disabled', ...symmetric,
    rotationEnabled: false,
    policy: doc(rootAdminStatement, {
      Sid: 'AllowBackupAccount',
      Effect: 'Allow',
      Principal: { AWS: [`arn:aws:iam::${BACKUP}:root`] },
      Action: ['kms:Encrypt', 'kms:Decrypt', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:DescribeKey'],
      Resource: ['*'],
    }),
    aliases: ['alias/backup-replication'],
    createdAt: '2021-11-18T16:05:00Z',
  }),
  // Disabled by the October clean-up of keys without recent use: the idle standby cluster had not
  // decrypted anything for months. prod-platform-dr can no longer read its secrets.
  key(CE, KEY.drSecrets, {
    description: 'prod-platform-dr Kubernetes secrets envelope encryption',
    keyManager: 'CUSTOMER', keyState: 'Disabled', ...symmetric,
    rotationEnabled: true, rotationPeriodDays: 365,
    policy: eksSecretsKeyPolicy(CE),
    aliases: ['alias/eks/prod-platform-dr'],
    createdAt: '2025-09-15T16:40:12Z',
  }, { cluster: 'prod-platform-dr' }),
  // Scheduled for deletion ahead of the cluster it protects: bi-reporting is being retired, but it
  // still serves the month-end reports, and its secrets become unreadable on the deletion date.
  key(EU, KEY.biReportingSecrets, {
    description: 'bi-reporting secrets',
    keyManager: 'CUSTOMER', keyState: 'PendingDeletion', ...symmetric,
    rotationEnabled: false,
    deletionDate: '2026-12-11T00:00:00Z',
    pendingWindowDays: 30,
    policy: eksSecretsKeyPolicy(EU),
    aliases: ['alias/eks/bi-reporting'],
    createdAt: '2023-08-21T09:12:30Z',
  }, { cluster: 'bi-reporting' }),
];

// ================================================================= CloudTrail and S3
const ORG_TRAIL = `arn:aws:cloudtrail:${US}:${MGMT}:trail/acme-org-trail`;
const AUDIT_TRAIL = `arn:aws:cloudtrail:${US}:${ACCT}:trail/account-audit`;
const LEGACY_TRAIL = `arn:aws:cloudtrail:${EU}:${ACCT}:trail/eu-legacy-trail`;
const DATA_TRAIL = `arn:aws:cloudtrail:${EU}:${ACCT}:trail/data-lake-object-events`;
const AUDIT_BUCKET = `acme-audit-trail-${ACCT}`;
const LEGACY_BUCKET = 'acme-legacy-trail-logs';
const LOGS_BUCKET = `acme-s3-access-logs-${ACCT}`;
const s3Arn = (name) => `arn:aws:s3:::${name}`;

const trails = [
  // Organization trail as a member account sees it: owned by the management account, read-only here.
  res('cloudtrail.trail', ORG_TRAIL, US, {
    name: 'acme-org-trail',
    arn: ORG_TRAIL,
    homeRegion: US,
    ownerAccountId: MGMT,
    isMultiRegion: true,
    isOrganizationTrail: true,
    includeGlobalServiceEvents: true,
    logFileValidationEnabled: true,
    kmsKeyId: `arn:aws:kms:${US}:${MGMT}:key/7d2e4f60-8a1b-4c3d-9e5f-0a1b2c3d4e5f`,
    s3BucketName: `acme-org-cloudtrail-${MGMT}`,
    cloudWatchLogsLogGroupArn: `arn:aws:logs:${US}:${MGMT}:log-group:aws-controltower/CloudTrailLogs:*`,
    hasInsightSelectors: false,
    status: { isLogging: true, latestDeliveryTime: '2026-11-20T08:58:31Z', latestCloudWatchLogsDeliveryTime: '2026-11-20T08:58:40Z' },
    eventSelectors: [{ readWriteType: 'All', includeManagementEvents: true, dataResources: [] }],
    advancedEventSelectors: [],
  }),
  // The account's own trail: multi-region, KMS, validation, CloudWatch Logs, Insights, S3 data events.
  res('cloudtrail.trail', AUDIT_TRAIL, US, {
    name: 'account-audit',
    arn: AUDIT_TRAIL,
    homeRegion: US,
    ownerAccountId: ACCT,
    isMultiRegion: true,
    isOrganizationTrail: false,
    includeGlobalServiceEvents: true,
    logFileValidationEnabled: true,
    kmsKeyId: KEY.trail,
    s3BucketName: AUDIT_BUCKET,
    cloudWatchLogsLogGroupArn: `arn:aws:logs:${US}:${ACCT}:log-group:/aws/cloudtrail/account-audit:*`,
    hasInsightSelectors: true,
    status: { isLogging: true, latestDeliveryTime: '2026-11-20T08:57:02Z', latestCloudWatchLogsDeliveryTime: '2026-11-20T08:57:10Z' },
    eventSelectors: [],
    advancedEventSelectors: [
      { name: 'Management events', fieldSelectors: [{ field: 'eventCategory', equals: ['Management'] }] },
      {
        name: 'Writes to the trail bucket',
        fieldSelectors: [
          { field: 'eventCategory', equals: ['Data'] },
          { field: 'resources.type', equals: ['AWS::S3::Object'] },
          { field: 'readOnly', equals: ['false'] },
          { field: 'resources.ARN', startsWith: [`${s3Arn(AUDIT_BUCKET)}/`] },
        ],
      },
    ],
  }, { owner: 'security' }),
  // A forgotten single-region trail: stopped, no validation, no KMS, no global events, public bucket.
  res('cloudtrail.trail', LEGACY_TRAIL, EU, {
    name: 'eu-legacy-trail',
    arn: LEGACY_TRAIL,
    homeRegion: EU,
    ownerAccountId: ACCT,
    isMultiRegion: false,
    isOrganizationTrail: false,
    includeGlobalServiceEvents: false,
    logFileValidationEnabled: false,
    s3BucketName: LEGACY_BUCKET,
    s3KeyPrefix: 'eu',
    hasInsightSelectors: false,
    status: { isLogging: false, latestDeliveryTime: '2025-03-02T17:20:11Z' },
    eventSelectors: [{ readWriteType: 'WriteOnly', includeManagementEvents: true, dataResources: [] }],
    advancedEventSelectors: [],
  }),
  // The data team's trail: S3 object reads and writes on every bucket (`arn:aws:s3`), but only in
  // eu-west-1, as a single-region trail. Its CloudWatch Logs delivery stopped at the end of September.
  res('cloudtrail.trail', DATA_TRAIL, EU, {
    name: 'data-lake-object-events',
    arn: DATA_TRAIL,
    homeRegion: EU,
    ownerAccountId: ACCT,
    isMultiRegion: false,
    isOrganizationTrail: false,
    includeGlobalServiceEvents: false,
    logFileValidationEnabled: true,
    s3BucketName: AUDIT_BUCKET,
    s3KeyPrefix: 'data-events',
    cloudWatchLogsLogGroupArn: `arn:aws:logs:${EU}:${ACCT}:log-group:/aws/cloudtrail/data-lake-object-events:*`,
    hasInsightSelectors: false,
    status: { isLogging: true, latestDeliveryTime: '2026-11-20T08:56:44Z', latestCloudWatchLogsDeliveryTime: '2026-09-30T14:12:09Z' },
    eventSelectors: [{ readWriteType: 'All', includeManagementEvents: false, dataResources: [{ type: 'AWS::S3::Object', values: ['arn:aws:s3'] }] }],
    advancedEventSelectors: [],
  }, { owner: 'data' }),
];

const bucket = (name, fields, tags) => res('s3.bucket', s3Arn(name), G, { name, arn: s3Arn(name), ...fields }, tags);
const blockAll = { blockPublicAcls: true, ignorePublicAcls: true, blockPublicPolicy: true, restrictPublicBuckets: true };
const denyInsecureTransport = (name) => ({
  Sid: 'DenyInsecureTransport',
  Effect: 'Deny',
  Principal: '*',
  Action: ['s3:*'],
  Resource: [s3Arn(name), `${s3Arn(name)}/*`],
  Condition: { Bool: { 'aws:SecureTransport': ['false'] } },
});
const buckets = [
  bucket(AUDIT_BUCKET, {
    publicAccessBlock: blockAll,
    policyIsPublic: false,
    policy: doc(
      {
        Sid: 'AWSCloudTrailAclCheck',
        Effect: 'Allow',
        Principal: { Service: ['cloudtrail.amazonaws.com'] },
        Action: ['s3:GetBucketAcl'],
        Resource: [s3Arn(AUDIT_BUCKET)],
        Condition: { StringEquals: { 'aws:SourceArn': [AUDIT_TRAIL, DATA_TRAIL] } },
      },
      {
        Sid: 'AWSCloudTrailWrite',
        Effect: 'Allow',
        Principal: { Service: ['cloudtrail.amazonaws.com'] },
        Action: ['s3:PutObject'],
        Resource: [`${s3Arn(AUDIT_BUCKET)}/AWSLogs/${ACCT}/*`, `${s3Arn(AUDIT_BUCKET)}/data-events/AWSLogs/${ACCT}/*`],
        Condition: { StringEquals: { 's3:x-amz-acl': ['bucket-owner-full-control'], 'aws:SourceArn': [AUDIT_TRAIL, DATA_TRAIL] } },
      },
      denyInsecureTransport(AUDIT_BUCKET),
    ),
    aclGrantsPublicAccess: false,
    accessLogging: { enabled: true, targetBucket: LOGS_BUCKET },
    versioning: 'Enabled',
    mfaDelete: false,
    objectLockEnabled: true,
  }, { owner: 'security' }),
  // Trail bucket made public for a log shipper years ago; no Block Public Access, no versioning, no logging.
  bucket(LEGACY_BUCKET, {
    publicAccessBlock: null,
    policyIsPublic: true,
    policy: doc(
      {
        Sid: 'AWSCloudTrailAclCheck',
        Effect: 'Allow',
        Principal: { Service: ['cloudtrail.amazonaws.com'] },
        Action: ['s3:GetBucketAcl'],
        Resource: [s3Arn(LEGACY_BUCKET)],
      },
      {
        Sid: 'AWSCloudTrailWrite',
        Effect: 'Allow',
        Principal: { Service: ['cloudtrail.amazonaws.com'] },
        Action: ['s3:PutObject'],
        Resource: [`${s3Arn(LEGACY_BUCKET)}/eu/AWSLogs/${ACCT}/*`],
        Condition: { StringEquals: { 's3:x-amz-acl': ['bucket-owner-full-control'] } },
      },
      { Sid: 'LogShipperRead', Effect: 'Allow', Principal: '*', Action: ['s3:GetObject', 's3:ListBucket'], Resource: [s3Arn(LEGACY_BUCKET), `${s3Arn(LEGACY_BUCKET)}/*`] },
    ),
    aclGrantsPublicAccess: false,
    accessLogging: { enabled: false },
    versioning: 'Disabled',
    mfaDelete: false,
    objectLockEnabled: false,
  }),
  bucket(LOGS_BUCKET, {
    publicAccessBlock: blockAll,
    policyIsPublic: false,
    policy: doc(
      {
        Sid: 'S3ServerAccessLogsPolicy',
        Effect: 'Allow',
        Principal: { Service: ['logging.s3.amazonaws.com'] },
        Action: ['s3:PutObject'],
        Resource: [`${s3Arn(LOGS_BUCKET)}/*`],
        Condition: { StringEquals: { 'aws:SourceAccount': [ACCT] } },
      },
      denyInsecureTransport(LOGS_BUCKET),
    ),
    aclGrantsPublicAccess: false,
    accessLogging: { enabled: false },
    versioning: 'Enabled',
    mfaDelete: false,
    objectLockEnabled: false,
  }, { owner: 'security' }),
];

// ================================================================= GuardDuty
const DETECTOR_EU = '6cc5a1b2c3d4e5f60718293a4b5c6d7e';
const DETECTOR_CE = '8ec5a1b2c3d4e5f60718293a4b5c6d7f';
const feature = (name, status, additionalConfiguration = []) => ({ name, status, additionalConfiguration });
const detectors = [
  res('guardduty.detector', `arn:aws:guardduty:${EU}:${ACCT}:detector/${DETECTOR_EU}`, EU, {
    detectorId: DETECTOR_EU,
    status: 'ENABLED',
    findingPublishingFrequency: 'FIFTEEN_MINUTES',
    features: [
      feature('CLOUD_TRAIL', 'ENABLED'),
      feature('DNS_LOGS', 'ENABLED'),
      feature('FLOW_LOGS', 'ENABLED'),
      feature('S3_DATA_EVENTS', 'ENABLED'),
      feature('EKS_AUDIT_LOGS', 'ENABLED'),
      feature('EBS_MALWARE_PROTECTION', 'ENABLED'),
      feature('RDS_LOGIN_EVENTS', 'DISABLED'),
      feature('LAMBDA_NETWORK_LOGS', 'DISABLED'),
      // Runtime monitoring is on, but GuardDuty does not manage the EKS agent: only clusters where
      // someone installed the aws-guardduty-agent add-on by hand (prod-platform) are covered.
      feature('RUNTIME_MONITORING', 'ENABLED', [
        { name: 'EKS_ADDON_MANAGEMENT', status: 'DISABLED' },
        { name: 'ECS_FARGATE_AGENT_MANAGEMENT', status: 'DISABLED' },
        { name: 'EC2_AGENT_MANAGEMENT', status: 'DISABLED' },
      ]),
    ],
    administrator: { accountId: SECURITY, relationshipStatus: 'Enabled' },
    activeFindings: { high: 2, medium: 5, low: 11 },
  }),
  // The standby region still runs the legacy EKS-only runtime plan (EKS_RUNTIME_MONITORING, with
  // GuardDuty managing the agent), which counts as much as the unified one. The S3, EKS audit log
  // and malware plans were left off there to save cost.
  res('guardduty.detector', `arn:aws:guardduty:${CE}:${ACCT}:detector/${DETECTOR_CE}`, CE, {
    detectorId: DETECTOR_CE,
    status: 'ENABLED',
    findingPublishingFrequency: 'SIX_HOURS',
    features: [
      feature('CLOUD_TRAIL', 'ENABLED'),
      feature('DNS_LOGS', 'ENABLED'),
      feature('FLOW_LOGS', 'ENABLED'),
      feature('S3_DATA_EVENTS', 'DISABLED'),
      feature('EKS_AUDIT_LOGS', 'DISABLED'),
      feature('EBS_MALWARE_PROTECTION', 'DISABLED'),
      feature('RDS_LOGIN_EVENTS', 'ENABLED'),
      feature('EKS_RUNTIME_MONITORING', 'ENABLED', [{ name: 'EKS_ADDON_MANAGEMENT', status: 'ENABLED' }]),
      feature('LAMBDA_NETWORK_LOGS', 'ENABLED'),
      feature('RUNTIME_MONITORING', 'DISABLED', [
        { name: 'EKS_ADDON_MANAGEMENT', status: 'DISABLED' },
        { name: 'ECS_FARGATE_AGENT_MANAGEMENT', status: 'DISABLED' },
        { name: 'EC2_AGENT_MANAGEMENT', status: 'DISABLED' },
      ]),
    ],
    administrator: { accountId: SECURITY, relationshipStatus: 'Enabled' },
    activeFindings: { high: 0, medium: 0, low: 1 },
  }),
  // ap-southeast-2: GuardDuty was never turned on (its listing succeeded and holds no detector).
];

// ================================================================= EKS
const clusters = [
  res('eks.cluster', CLUSTER.prod, EU, {
    name: 'prod-platform',
    arn: CLUSTER.prod,
    version: '1.35',
    platformVersion: 'eks.8',
    status: 'ACTIVE',
    roleArn: iamArn('role', 'eksClusterRole'),
    endpoint: { publicAccess: false, privateAccess: true, publicAccessCidrs: [] },
    vpcId: VPC.platform,
    subnetIds: [SUBNET.privA, SUBNET.privB, SUBNET.privC],
    securityGroupIds: [SG.prodControlPlane],
    clusterSecurityGroupId: SG.prodCluster,
    enabledLogTypes: ['api', 'audit', 'authenticator', 'controllerManager', 'scheduler'],
    secretsKeyArn: KEY.prodSecrets,
    oidcIssuer: OIDC.prod.issuer,
    access: { authenticationMode: 'API', bootstrapClusterCreatorAdminPermissions: false },
    deletionProtection: true,
    upgradeSupportType: 'STANDARD',
    autoMode: false,
    health: [],
    createdAt: '2024-03-12T14:05:31Z',
  }, { env: 'prod', owner: 'platform' }),
  res('eks.cluster', CLUSTER.legacy, US, {
    name: 'legacy-apps',
    arn: CLUSTER.legacy,
    version: '1.32',
    platformVersion: 'eks.21',
    status: 'ACTIVE',
    roleArn: iamArn('role', 'eksClusterRole'),
    endpoint: { publicAccess: true, privateAccess: false, publicAccessCidrs: ['0.0.0.0/0'] },
    vpcId: VPC.legacy,
    subnetIds: [SUBNET.legacyPubA, SUBNET.legacyPubB],
    securityGroupIds: [],
    clusterSecurityGroupId: SG.legacyCluster,
    enabledLogTypes: ['api'],
    oidcIssuer: OIDC.legacy.issuer,
    access: { authenticationMode: 'CONFIG_MAP', bootstrapClusterCreatorAdminPermissions: true },
    deletionProtection: false,
    upgradeSupportType: 'EXTENDED',
    autoMode: false,
    health: [],
    createdAt: '2021-09-08T10:02:47Z',
  }, { env: 'prod', owner: 'legacy-team' }),
  res('eks.cluster', CLUSTER.staging, EU, {
    name: 'data-staging',
    arn: CLUSTER.staging,
    version: '1.34',
    platformVersion: 'eks.12',
    status: 'ACTIVE',
    roleArn: iamArn('role', 'eksClusterRole'),
    endpoint: { publicAccess: true, privateAccess: true, publicAccessCidrs: ['203.0.113.0/24'] },
    vpcId: VPC.platform,
    subnetIds: [SUBNET.privB, SUBNET.privC],
    securityGroupIds: [],
    clusterSecurityGroupId: SG.stagingCluster,
    enabledLogTypes: ['api', 'audit', 'authenticator'],
    secretsKeyArn: KEY.stagingSecrets,
    oidcIssuer: OIDC.staging.issuer,
    access: { authenticationMode: 'API_AND_CONFIG_MAP', bootstrapClusterCreatorAdminPermissions: false },
    deletionProtection: false,
    upgradeSupportType: 'STANDARD',
    autoMode: false,
    health: [],
    createdAt: '2025-02-17T11:31:09Z',
  }, { env: 'staging', owner: 'data' }),
  // The data scientists' sandbox, created by Terraform in April: the API is open to the internet, no
  // control-plane logs, and its secrets key is the account's AWS managed EBS key (copied from the
  // region's EBS encryption settings). Nodes come from Karpenter and were scaled to zero at collection.
  res('eks.cluster', CLUSTER.mlExperiments, EU, {
    name: 'ml-experiments',
    arn: CLUSTER.mlExperiments,
    version: '1.35',
    platformVersion: 'eks.6',
    status: 'ACTIVE',
    roleArn: iamArn('role', 'eksClusterRole'),
    endpoint: { publicAccess: true, privateAccess: true, publicAccessCidrs: ['0.0.0.0/0'] },
    vpcId: VPC.platform,
    subnetIds: [SUBNET.privA, SUBNET.privB],
    securityGroupIds: [],
    clusterSecurityGroupId: SG.mlExperimentsCluster,
    enabledLogTypes: [],
    secretsKeyArn: KEY.euEbs,
    oidcIssuer: OIDC.mlExperiments.issuer,
    access: { authenticationMode: 'API', bootstrapClusterCreatorAdminPermissions: true },
    deletionProtection: false,
    upgradeSupportType: 'STANDARD',
    autoMode: false,
    health: [],
    createdAt: '2026-04-14T10:02:51Z',
  }, { env: 'sandbox', owner: 'data' }),
  // Being retired (its reports move to the data platform); its self-managed nodes are not EKS node
  // groups. Its secrets key was scheduled for deletion ahead of the cluster itself, and EKS
  // already flags the cluster.
  res('eks.cluster', CLUSTER.biReporting, EU, {
    name: 'bi-reporting',
    arn: CLUSTER.biReporting,
    version: '1.34',
    platformVersion: 'eks.12',
    status: 'ACTIVE',
    roleArn: iamArn('role', 'eksClusterRole'),
    endpoint: { publicAccess: true, privateAccess: true, publicAccessCidrs: ['203.0.113.0/24', '198.51.100.0/25'] },
    vpcId: VPC.platform,
    subnetIds: [SUBNET.privB, SUBNET.privC],
    securityGroupIds: [],
    clusterSecurityGroupId: SG.biReportingCluster,
    enabledLogTypes: ['api', 'audit'],
    secretsKeyArn: KEY.biReportingSecrets,
    oidcIssuer: OIDC.biReporting.issuer,
    access: { authenticationMode: 'API_AND_CONFIG_MAP', bootstrapClusterCreatorAdminPermissions: false },
    deletionProtection: false,
    upgradeSupportType: 'STANDARD',
    autoMode: false,
    health: [{ code: 'KmsKeyMarkedForDeletion', message: `The KMS key ${KEY.biReportingSecrets} is pending deletion.` }],
    createdAt: '2023-08-21T09:20:14Z',
  }, { env: 'prod', owner: 'bi', lifecycle: 'retiring' }),
  // prod-platform's pilot light in the standby region: the same hardened configuration, no nodes
  // until a failover. The October clean-up disabled its secrets key and deleted its IAM OIDC provider,
  // and GuardDuty in this region does not read EKS audit logs.
  res('eks.cluster', CLUSTER.dr, CE, {
    name: 'prod-platform-dr',
    arn: CLUSTER.dr,
    version: '1.35',
    platformVersion: 'eks.8',
    status: 'ACTIVE',
    roleArn: iamArn('role', 'eksClusterRole'),
    endpoint: { publicAccess: false, privateAccess: true, publicAccessCidrs: [] },
    vpcId: VPC.dr,
    subnetIds: [SUBNET.drPrivA, SUBNET.drPrivB],
    securityGroupIds: [],
    clusterSecurityGroupId: SG.drCluster,
    enabledLogTypes: ['api', 'audit', 'authenticator', 'controllerManager', 'scheduler'],
    secretsKeyArn: KEY.drSecrets,
    oidcIssuer: OIDC.dr.issuer,
    access: { authenticationMode: 'API', bootstrapClusterCreatorAdminPermissions: false },
    deletionProtection: true,
    upgradeSupportType: 'STANDARD',
    autoMode: false,
    health: [{ code: 'KmsKeyDisabled', message: `The KMS key ${KEY.drSecrets} is disabled.` }],
    createdAt: '2025-09-15T16:52:03Z',
  }, { env: 'prod', owner: 'platform', role: 'standby' }),
];

const nodegroupArn = (region, cluster, name, uuid) => eksArn(region, `nodegroup/${cluster}/${name}/${uuid}`);
const nodegroups = [
  res('eks.nodegroup', nodegroupArn(EU, 'prod-platform', 'system', '7ac5e1f2-3b4d-5e6f-7a8b-9c0d1e2f3a4b'), EU, {
    name: 'system',
    arn: nodegroupArn(EU, 'prod-platform', 'system', '7ac5e1f2-3b4d-5e6f-7a8b-9c0d1e2f3a4b'),
    clusterId: CLUSTER.prod,
    clusterName: 'prod-platform',
    version: '1.35',
    releaseVersion: '1.35.0-20261104',
    amiType: 'AL2023_x86_64_STANDARD',
    capacityType: 'ON_DEMAND',
    status: 'ACTIVE',
    nodeRoleArn: iamArn('role', 'prod-platform-node-role'),
    subnetIds: [SUBNET.privA, SUBNET.privB, SUBNET.privC],
    instanceTypes: ['m7i.xlarge'],
    launchTemplate: { id: LT.prod, name: 'prod-platform-nodes', version: '3' },
    health: [],
  }),
  // AL2 nodes in public subnets with SSH open to the world (remoteAccess without source groups).
  res('eks.nodegroup', nodegroupArn(US, 'legacy-apps', 'workers', '4ac5b1e0-9f2d-7c3a-1e8b-5d6f7a8b9c0d'), US, {
    name: 'workers',
    arn: nodegroupArn(US, 'legacy-apps', 'workers', '4ac5b1e0-9f2d-7c3a-1e8b-5d6f7a8b9c0d'),
    clusterId: CLUSTER.legacy,
    clusterName: 'legacy-apps',
    version: '1.32',
    releaseVersion: '1.32.9-20251016',
    amiType: 'AL2_x86_64',
    capacityType: 'ON_DEMAND',
    status: 'ACTIVE',
    nodeRoleArn: iamArn('role', 'AmazonEKSNodeRole'),
    subnetIds: [SUBNET.legacyPubA, SUBNET.legacyPubB],
    instanceTypes: ['t3.large'],
    remoteAccess: { ec2SshKey: 'legacy-ops', sourceSecurityGroups: [] },
    diskSizeGiB: 20,
    health: [],
  }),
  // Spot nodes one minor behind the control plane, pinned to the old launch template version (scaled to zero).
  res('eks.nodegroup', nodegroupArn(EU, 'data-staging', 'spark-spot', '91d2c3e4-f5a6-4b7c-8d9e-0f1a2b3c4d5e'), EU, {
    name: 'spark-spot',
    arn: nodegroupArn(EU, 'data-staging', 'spark-spot', '91d2c3e4-f5a6-4b7c-8d9e-0f1a2b3c4d5e'),
    clusterId: CLUSTER.staging,
    clusterName: 'data-staging',
    version: '1.33',
    releaseVersion: '1.33.5-20260915',
    amiType: 'AL2023_x86_64_STANDARD',
    capacityType: 'SPOT',
    status: 'ACTIVE',
    nodeRoleArn: iamArn('role', 'AmazonEKSNodeRole'),
    subnetIds: [SUBNET.privB, SUBNET.privC],
    instanceTypes: ['r6i.2xlarge', 'r6a.2xlarge', 'r5.2xlarge'],
    launchTemplate: { id: LT.staging, name: 'data-staging-nodes', version: '1' },
    health: [],
  }),
];

const PIA = {
  prodCni: { id: 'a-0pq7r2s9t4u6v8w1x', cluster: 'prod-platform', region: EU },
  prodOrders: { id: 'a-3kd8f1m5n0b7c2v9z', cluster: 'prod-platform', region: EU },
  stagingSpark: { id: 'a-7hx2w9q4e1r6t3y8u', cluster: 'data-staging', region: EU },
  legacyReports: { id: 'a-5gb9n2m7k4j1h8f3d', cluster: 'legacy-apps', region: US },
  mlNotebooks: { id: 'a-2tq8v5x1z7c4b9n6m', cluster: 'ml-experiments', region: EU },
  mlFeatureStore: { id: 'a-9rw3e6t1y8u4i2o5p', cluster: 'ml-experiments', region: EU },
};
for (const p of Object.values(PIA)) p.arn = eksArn(p.region, `podidentityassociation/${p.cluster}/${p.id}`);

const addonArn = (region, cluster, name, uuid) => eksArn(region, `addon/${cluster}/${name}/${uuid}`);
const addon = (region, clusterKey, clusterName, name, uuid, fields) =>
  res('eks.addon', addonArn(region, clusterName, name, uuid), region, {
    name,
    arn: addonArn(region, clusterName, name, uuid),
    clusterId: CLUSTER[clusterKey],
    clusterName,
    status: 'ACTIVE',
    podIdentityAssociations: [],
    ...fields,
  });
const addons = [
  // Network policy enforcement on, credentials through Pod Identity.
  addon(EU, 'prod', 'prod-platform', 'vpc-cni', '12c9a1b4-7e3f-2d5a-8b6c-0e1f2a3b4c5d', {
    version: 'v1.21.1-eksbuild.1',
    configurationValues: '{"enableNetworkPolicy":"true","env":{"ENABLE_PREFIX_DELEGATION":"true"}}',
    podIdentityAssociations: [PIA.prodCni.arn],
    health: [],
  }),
  addon(EU, 'prod', 'prod-platform', 'eks-pod-identity-agent', '5ec9a1b4-81f0-6a2b-3c4d-5e6f7a8b9c0d', { version: 'v1.3.10-eksbuild.1', health: [] }),
  addon(EU, 'prod', 'prod-platform', 'aws-guardduty-agent', '38c9a1b4-9a2b-1c3d-4e5f-6a7b8c9d0e1f', { version: 'v1.12.1-eksbuild.2', health: [] }),
  // No network policy, credentials through the audience-only IRSA role.
  addon(US, 'legacy', 'legacy-apps', 'vpc-cni', 'a2c7e3f1-0b4d-8e6a-1c2d-3e4f5a6b7c8d', {
    version: 'v1.18.3-eksbuild.1',
    serviceAccountRoleArn: iamArn('role', 'legacy-apps-vpc-cni'),
    health: [],
  }),
  addon(US, 'legacy', 'legacy-apps', 'coredns', 'b4c7e3f1-1c5e-9f7b-2d3e-4f5a6b7c8d9e', {
    version: 'v1.11.4-eksbuild.2',
    status: 'DEGRADED',
    health: [{ code: 'InsufficientNumberOfReplicas', message: 'The add-on is unhealthy because it doesn\'t have the desired number of replicas.' }],
  }),
  addon(EU, 'mlExperiments', 'ml-experiments', 'eks-pod-identity-agent', '0ecb1f2e-5d9a-4c3b-8e7f-1a2b3c4d5e6f', { version: 'v1.3.10-eksbuild.1', health: [] }),
  // Network policy explicitly off; no role, so the CNI uses the node role's AmazonEKS_CNI_Policy.
  addon(EU, 'staging', 'data-staging', 'vpc-cni', 'c6cb0f2e-4d8a-1b3c-5e7f-9a0b1c2d3e4f', {
    version: 'v1.20.4-eksbuild.1',
    configurationValues: '{"enableNetworkPolicy":"false"}',
    health: [],
  }),
];

const accessEntryArn = (region, cluster, principalType, name, uuid) => eksArn(region, `access-entry/${cluster}/${principalType}/${ACCT}/${name}/${uuid}`);
const accessEntry = (region, clusterKey, clusterName, principalType, name, uuid, fields) =>
  res('eks.access-entry', accessEntryArn(region, clusterName, principalType, name, uuid), region, {
    clusterId: CLUSTER[clusterKey],
    clusterName,
    ...fields,
  });
const clusterAdmin = { policyArn: 'arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy', scope: { type: 'cluster', namespaces: [] } };
const accessEntries = [
  accessEntry(EU, 'prod', 'prod-platform', 'role', 'eks-platform-admins', '3ec9a1c2-77d1-0e4b-2a5f-8c9d0e1f2a3b', {
    principalArn: iamArn('role', 'eks-platform-admins'),
    type: 'STANDARD',
    username: `arn:aws:sts::${ACCT}:assumed-role/eks-platform-admins/{{SessionName}}`,
    kubernetesGroups: [],
    accessPolicies: [clusterAdmin],
    createdAt: '2024-03-12T14:20:40Z',
  }),
  // CI can edit two namespaces only.
  accessEntry(EU, 'prod', 'prod-platform', 'role', 'github-actions-deploy', '9ac9a1c2-88e2-1f5c-3b6a-9d0e1f2a3b4c', {
    principalArn: iamArn('role', 'github-actions-deploy'),
    type: 'STANDARD',
    username: `arn:aws:sts::${ACCT}:assumed-role/github-actions-deploy/{{SessionName}}`,
    kubernetesGroups: [],
    accessPolicies: [{ policyArn: 'arn:aws:eks::aws:cluster-access-policy/AmazonEKSEditPolicy', scope: { type: 'namespace', namespaces: ['apps', 'apps-canary'] } }],
    createdAt: '2025-03-10T08:15:00Z',
  }),
  accessEntry(EU, 'prod', 'prod-platform', 'role', 'prod-platform-node-role', '6ac9a1c2-99f3-2a6d-4c7b-0e1f2a3b4c5d', {
    principalArn: iamArn('role', 'prod-platform-node-role'),
    type: 'EC2_LINUX',
    username: 'system:node:{{EC2PrivateDNSName}}',
    kubernetesGroups: [],
    accessPolicies: [],
    createdAt: '2024-03-12T14:31:12Z',
  }),
  // An IAM user without MFA holds cluster-admin on data-staging.
  accessEntry(EU, 'staging', 'data-staging', 'user', 'bob.nguyen', '1cc9a1c2-a004-3b7e-5d8c-1f2a3b4c5d6e', {
    principalArn: iamArn('user', 'bob.nguyen'),
    type: 'STANDARD',
    username: iamArn('user', 'bob.nguyen'),
    kubernetesGroups: [],
    accessPolicies: [clusterAdmin],
    createdAt: '2025-02-18T09:40:00Z',
  }),
  accessEntry(EU, 'staging', 'data-staging', 'role', 'AmazonEKSNodeRole', '4ec9a1c2-b115-4c8f-6e9d-2a3b4c5d6e7f', {
    principalArn: iamArn('role', 'AmazonEKSNodeRole'),
    type: 'EC2_LINUX',
    username: 'system:node:{{EC2PrivateDNSName}}',
    kubernetesGroups: [],
    accessPolicies: [],
    createdAt: '2025-02-17T11:52:30Z',
  }),
  // ml-experiments has four cluster administrators: the Terraform user that created it (the
  // bootstrap entry), the platform admins, the data team lead and the infrastructure pipeline. The
  // entry of a contractor's role outlived the role, deleted when the contract ended in September.
  accessEntry(EU, 'mlExperiments', 'ml-experiments', 'user', 'terraform', '8ecb1f2e-6e0b-4d4c-9f8a-2b3c4d5e6f70', {
    principalArn: iamArn('user', 'terraform', '/automation/'),
    type: 'STANDARD',
    username: iamArn('user', 'terraform', '/automation/'),
    kubernetesGroups: [],
    accessPolicies: [clusterAdmin],
    createdAt: '2026-04-14T10:03:05Z',
  }),
  accessEntry(EU, 'mlExperiments', 'ml-experiments', 'role', 'eks-platform-admins', '2acb1f2e-7f1c-4e5d-8a9b-3c4d5e6f7081', {
    principalArn: iamArn('role', 'eks-platform-admins'),
    type: 'STANDARD',
    username: `arn:aws:sts::${ACCT}:assumed-role/eks-platform-admins/{{SessionName}}`,
    kubernetesGroups: [],
    accessPolicies: [clusterAdmin],
    createdAt: '2026-04-14T11:30:00Z',
  }),
  accessEntry(EU, 'mlExperiments', 'ml-experiments', 'user', 'bob.nguyen', '5ccb1f2e-802d-4f6e-9b0c-4d5e6f708192', {
    principalArn: iamArn('user', 'bob.nguyen'),
    type: 'STANDARD',
    username: iamArn('user', 'bob.nguyen'),
    kubernetesGroups: [],
    accessPolicies: [clusterAdmin],
    createdAt: '2026-04-15T08:45:00Z',
  }),
  accessEntry(EU, 'mlExperiments', 'ml-experiments', 'role', 'ml-contractor-access', '7ecb1f2e-913e-4a7f-8c1d-5e6f708192a3', {
    principalArn: iamArn('role', 'ml-contractor-access'),
    type: 'STANDARD',
    username: `arn:aws:sts::${ACCT}:assumed-role/ml-contractor-access/{{SessionName}}`,
    kubernetesGroups: [],
    accessPolicies: [{ policyArn: 'arn:aws:eks::aws:cluster-access-policy/AmazonEKSEditPolicy', scope: { type: 'namespace', namespaces: ['kubeflow'] } }],
    createdAt: '2026-05-04T09:00:00Z',
  }),
  accessEntry(EU, 'mlExperiments', 'ml-experiments', 'role', 'github-actions-terraform', '3ccb1f2e-b35a-4c91-8e3f-708192a3b4c5', {
    principalArn: iamArn('role', 'github-actions-terraform'),
    type: 'STANDARD',
    username: `arn:aws:sts::${ACCT}:assumed-role/github-actions-terraform/{{SessionName}}`,
    kubernetesGroups: [],
    accessPolicies: [{ policyArn: 'arn:aws:eks::aws:cluster-access-policy/AmazonEKSAdminPolicy', scope: { type: 'cluster', namespaces: [] } }],
    createdAt: '2026-06-10T15:20:00Z',
  }),
  // The platform admins are the only principals of the standby cluster, as on prod-platform.
  accessEntry(CE, 'dr', 'prod-platform-dr', 'role', 'eks-platform-admins', '4acb1f2e-a24f-4b80-9d2e-6f708192a3b4', {
    principalArn: iamArn('role', 'eks-platform-admins'),
    type: 'STANDARD',
    username: `arn:aws:sts::${ACCT}:assumed-role/eks-platform-admins/{{SessionName}}`,
    kubernetesGroups: [],
    accessPolicies: [clusterAdmin],
    createdAt: '2025-09-15T17:10:00Z',
  }),
];

const pia = (p, clusterKey, namespace, serviceAccount, roleName) =>
  res('eks.pod-identity-association', p.arn, p.region, {
    associationId: p.id,
    clusterId: CLUSTER[clusterKey],
    clusterName: p.cluster,
    namespace,
    serviceAccount,
    roleArn: iamArn('role', roleName),
  });
const podIdentityAssociations = [
  pia(PIA.prodCni, 'prod', 'kube-system', 'aws-node', 'prod-platform-vpc-cni'),
  pia(PIA.prodOrders, 'prod', 'orders', 'orders-api', 'prod-platform-orders-api'),
  // Two clusters share one unconditioned role; neither runs the eks-pod-identity-agent add-on.
  pia(PIA.stagingSpark, 'staging', 'spark', 'spark-driver', 'shared-batch-pod-role'),
  pia(PIA.legacyReports, 'legacy', 'batch', 'report-generator', 'shared-batch-pod-role'),
  pia(PIA.mlNotebooks, 'mlExperiments', 'jupyterhub', 'notebook-user', 'ml-experiments-notebooks'),
  pia(PIA.mlFeatureStore, 'mlExperiments', 'feast', 'feast-feature-server', 'ml-experiments-feature-store'),
];

const identityProviderConfigs = [
  res('eks.identity-provider-config', eksArn(EU, 'identityproviderconfig/data-staging/oidc/okta/2ec9a1d3-c226-5d9a-7f0e-3b4c5d6e7f8a'), EU, {
    name: 'okta',
    clusterId: CLUSTER.staging,
    clusterName: 'data-staging',
    issuerUrl: 'https://acme.okta.com/oauth2/aus1a2b3c4d5e6f7g8h9',
    clientId: '0oa1b2c3d4e5f6g7h8i9',
    status: 'ACTIVE',
  }),
];

// EKS support calendar (DescribeClusterVersions) as of 2026-11-20: 14 months standard + 12 months extended.
const CALENDAR = [
  { version: '1.32', status: 'EXTENDED_SUPPORT', releaseDate: '2025-01-23T00:00:00Z', endOfStandardSupportDate: '2026-03-23T00:00:00Z', endOfExtendedSupportDate: '2027-03-23T00:00:00Z' },
  { version: '1.33', status: 'EXTENDED_SUPPORT', releaseDate: '2025-05-29T00:00:00Z', endOfStandardSupportDate: '2026-07-29T00:00:00Z', endOfExtendedSupportDate: '2027-07-29T00:00:00Z' },
  { version: '1.34', status: 'STANDARD_SUPPORT', releaseDate: '2025-10-02T00:00:00Z', endOfStandardSupportDate: '2026-12-02T00:00:00Z', endOfExtendedSupportDate: '2027-12-02T00:00:00Z' },
  { version: '1.35', status: 'STANDARD_SUPPORT', releaseDate: '2026-01-28T00:00:00Z', endOfStandardSupportDate: '2027-03-27T00:00:00Z', endOfExtendedSupportDate: '2028-03-27T00:00:00Z', defaultVersion: true },
];
const clusterVersions = REGIONS.flatMap((region) =>
  CALENDAR.map((v) => res('eks.cluster-version', eksArn(region, `cluster-version/${v.version}`), region, { ...v, defaultVersion: v.defaultVersion ?? false })),
);

// ================================================================= derived facts
// Counted rather than typed in, so they stay true when resources are added.
function countAttachments() {
  const attached = [...users, ...groups, ...roles].flatMap((principal) => principal.attachedPolicies);
  for (const policy of policies) policy.attachmentCount = attached.filter((arn) => arn === policy.arn).length;
}

/** GetAccountSummary as IAM would report it for the resources above. */
function accountSummary() {
  const root = iamAccount.credentialReport.rows.find((row) => row.user === '<root_account>');
  const assignedVirtual = iamAccount.virtualMfaDevices.filter((device) => device.userArn !== undefined).length;
  return {
    AccountMFAEnabled: root.mfaActive ? 1 : 0,
    AccountAccessKeysPresent: root.accessKeys.some((key) => key.active) ? 1 : 0,
    AccountSigningCertificatesPresent: 0,
    Users: users.length,
    Groups: groups.length,
    Roles: roles.length,
    Policies: policies.filter((policy) => !policy.awsManaged).length,
    MFADevices: iamAccount.virtualMfaDevices.length + HARDWARE_MFA_DEVICES,
    MFADevicesInUse: assignedVirtual + HARDWARE_MFA_DEVICES,
    Providers: oidcProviders.length,
    ServerCertificates: serverCertificates.length,
    UsersQuota: 5000,
    RolesQuota: 1000,
    PoliciesQuota: 1500,
  };
}

countAttachments();
iamAccount.summary = accountSummary();

// ================================================================= assemble
const resources = {
  'iam.account': [iamAccount],
  'iam.user': users,
  'iam.group': groups,
  'iam.role': roles,
  'iam.policy': policies,
  'iam.oidc-provider': oidcProviders,
  'iam.server-certificate': serverCertificates,
  'accessanalyzer.analyzer': analyzers,
  'ec2.vpc': vpcs,
  'ec2.subnet': subnets,
  'ec2.security-group': securityGroups,
  'ec2.network-acl': networkAcls,
  'ec2.flow-log': flowLogs,
  'ec2.instance': instances,
  'ec2.launch-template': launchTemplates,
  'ec2.volume': volumes,
  'ec2.network-interface': networkInterfaces,
  'ec2.prefix-list': prefixLists,
  'ec2.region-settings': regionSettings,
  'kms.key': kmsKeys,
  'cloudtrail.trail': trails,
  's3.bucket': buckets,
  'guardduty.detector': detectors,
  'eks.cluster': clusters,
  'eks.nodegroup': nodegroups,
  'eks.addon': addons,
  'eks.access-entry': accessEntries,
  'eks.pod-identity-association': podIdentityAssociations,
  'eks.identity-provider-config': identityProviderConfigs,
  'eks.cluster-version': clusterVersions,
};

// Mirrors GLOBAL_KINDS (lib/model/inventory.ts), which this plain script cannot import; the demo
// test checks the coverage against the real one.
const GLOBAL = new Set(['iam.account', 'iam.user', 'iam.group', 'iam.role', 'iam.policy', 'iam.oidc-provider', 'iam.server-certificate', 's3.bucket']);
const coverage = [];
for (const kind of Object.keys(resources)) {
  if (GLOBAL.has(kind)) {
    coverage.push({ kind, region: G, status: 'ok' });
    continue;
  }
  for (const region of REGIONS) {
    // Kept on purpose: the UNKNOWN showcase (a denied listing is never read as "no detector").
    if (kind === 'guardduty.detector' && region === US) {
      coverage.push({
        kind,
        region,
        status: 'error',
        issue: {
          code: 'ACCESS_DENIED',
          service: 'guardduty',
          operation: 'ListDetectors',
          message: `User: arn:aws:sts::${ACCT}:assumed-role/hardeks-audit/hardeks is not authorized to perform: guardduty:ListDetectors on resource: arn:aws:guardduty:${US}:${ACCT}:detector/* with an explicit deny in a service control policy`,
        },
      });
    } else {
      coverage.push({ kind, region, status: 'ok' });
    }
  }
}

const inventory = {
  schemaVersion: 1,
  source: {
    type: 'synthetic',
    accountId: ACCT,
    partition: 'aws',
    regions: REGIONS,
    collectedAt: '2026-11-20T09:00:00.000Z',
    description:
      'hardeks demo: one fictional AWS account (a member of an AWS Organization) running six EKS clusters in three regions: ' +
      'prod-platform (hardened, eu-west-1), data-staging (partly hardened, eu-west-1), legacy-apps (insecure, us-east-1), ' +
      'ml-experiments (a data-science sandbox, eu-west-1), bi-reporting (being retired, its secrets key already scheduled for ' +
      'deletion, eu-west-1) and prod-platform-dr (the pilot light of prod-platform in eu-central-1, the standby region), with ' +
      'the IAM, network, KMS, CloudTrail and GuardDuty resources around them, and the leftovers of prod-platform-blue, which ' +
      'prod-platform replaced. ap-southeast-2 holds little: a pilot region where GuardDuty was never enabled. eu-central-1 ' +
      'still runs the legacy GuardDuty EKS runtime plan, without EKS audit log monitoring. GuardDuty could not be read in ' +
      'us-east-1 (access denied by an SCP), so checks of it report UNKNOWN there.',
  },
  resources,
  coverage,
};

const out = process.argv[2] ?? fileURLToPath(new URL('./demo-account.json', import.meta.url));
// Like JSON.stringify(v, null, 2), but a value that fits on its line stays on one line.
const WIDTH = 120;
function inline(value) {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(inline).join(', ')}]`;
  const entries = Object.entries(value);
  return entries.length === 0 ? '{}' : `{ ${entries.map(([k, v]) => `${JSON.stringify(k)}: ${inline(v)}`).join(', ')} }`;
}
function format(value, indent, room) {
  const flat = inline(value);
  if (flat.length <= room || value === null || typeof value !== 'object') return flat;
  const pad = ' '.repeat(indent + 2);
  if (Array.isArray(value)) {
    const items = value.map((v) => pad + format(v, indent + 2, WIDTH - indent - 3));
    return `[\n${items.join(',\n')}\n${' '.repeat(indent)}]`;
  }
  const entries = Object.entries(value).map(([k, v]) => {
    const head = `${pad}${JSON.stringify(k)}: `;
    return head + format(v, indent + 2, WIDTH - head.length - 1);
  });
  return `{\n${entries.join(',\n')}\n${' '.repeat(indent)}}`;
}
const text = format(inventory, 0, WIDTH);
// The formatting changes nothing but whitespace.
if (JSON.stringify(JSON.parse(text)) !== JSON.stringify(inventory)) throw new Error('format changed the data');
writeFileSync(out, `${text}\n`);
const count = Object.values(resources).reduce((n, list) => n + list.length, 0);
console.log(`wrote ${out}: ${count} resources, ${coverage.length} coverage entries`);
